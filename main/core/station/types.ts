import type { NetworkInterface, StationStatus } from '../../../shared/contract/station';

/** What the station serves and where, once the start handler has checked it (handlers.ts). */
export interface StationPlan {
  ballot: { id: string; title: string; fingerprint: string } | null;
  writtenResolution: { id: string; text: string } | null;
  /** The address to listen on, as listed (or '0.0.0.0' / '::' for every interface). */
  address: string;
  /** The interface's name, or 'all interfaces'. */
  interfaceName: string;
  /** An IPv6 link-local address needs its interface to listen on (fe80::1%wlan0). */
  scope: string | null;
  /** Absent: 8181 if free, else any free port. */
  port: number | null;
}

/** A run of the station that has ended, for the audit event that records it. */
export interface StationRun {
  plan: StationPlan;
  url: string;
  startedAt: string;
  refusals: StationStatus['refusals'];
  /** Throttling events not written to the log one by one (more than the log takes in a minute). */
  unloggedThrottles: number;
}

/** What every handler may ask of the station: what it is doing. */
export interface StationView {
  interfaces(): NetworkInterface[];
  status(): Promise<StationStatus>;
}

/** What a command may do with it. */
export interface StationControl extends StationView {
  /** Listens as planned; refuses (CONFLICT) while running or starting. */
  start(plan: StationPlan): Promise<StationStatus>;
  /** Stops it; answers the run that ended (null if it was not running) for its audit event. */
  stop(because: string): Promise<StationRun | null>;
}
