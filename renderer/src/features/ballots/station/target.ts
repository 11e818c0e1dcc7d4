import type { StationStatus } from '../../../../../shared/contract/station';

/** How often the secretary's screens read the running station (turnout, refusals, alerts). */
export const STATION_POLL_MS = 2000;

/** What a panel or projector is for: an open ballot, a circulating written resolution, or both. */
export interface StationTarget {
  ballotId?: string | undefined;
  writtenResolutionId?: string | undefined;
}

/** Why the station stopped, if it was serving this ballot or this written resolution when it did. */
export function stoppedReasonFor(status: StationStatus, target: StationTarget): string | null {
  if (status.running || !status.stoppedBecause || !status.stoppedFor) return null;
  const f = status.stoppedFor;
  if ((target.ballotId && f.ballotId === target.ballotId) || (target.writtenResolutionId && f.writtenResolutionId === target.writtenResolutionId)) return status.stoppedBecause;
  return null;
}

/** Whether the station, as last read, is serving this ballot or this written resolution. */
export function servesTarget(status: StationStatus, target: StationTarget): boolean {
  if (!status.running) return false;
  if (target.ballotId && status.ballot?.id === target.ballotId) return true;
  if (target.writtenResolutionId && status.writtenResolution?.id === target.writtenResolutionId) return true;
  return false;
}
