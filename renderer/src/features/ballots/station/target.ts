import type { StationStatus } from '../../../../../shared/contract/station';

/** How often the secretary's screens read the running station (turnout, refusals, alerts). */
export const STATION_POLL_MS = 2000;

/** What a panel or projector is for: an open ballot, a circulating written resolution, or both. */
export interface StationTarget {
  ballotId?: string | undefined;
  writtenResolutionId?: string | undefined;
}

/** Whether the station, as last read, is serving this ballot or this written resolution. */
export function servesTarget(status: StationStatus, target: StationTarget): boolean {
  if (!status.running) return false;
  if (target.ballotId && status.ballot?.id === target.ballotId) return true;
  if (target.writtenResolutionId && status.writtenResolution?.id === target.writtenResolutionId) return true;
  return false;
}
