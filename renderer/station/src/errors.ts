// Every error the station can answer (shared/station/api.ts, STATION_ERRORS) said in the voter's
// language, and the two the page meets on its own: the station cannot be reached, or it answered
// something that is not the station's API.
import type { StationErrorCode } from '../../../shared/station/api';
import { message, type Message } from './message';

export type FailureCode = StationErrorCode | 'network' | 'unexpected';

/**
 * The message key of each of the station's error codes. A Record over the contract's union, so a
 * code added to STATION_ERRORS fails the type check here until it has a message (and errors.test.ts
 * checks that both languages say it).
 */
export const STATION_ERROR_KEYS: Record<StationErrorCode, string> = {
  bad_request: 'errors.bad_request',
  code_format: 'errors.code_format',
  code_invalid: 'errors.code_invalid',
  code_used: 'errors.code_used',
  ballot_refused: 'errors.ballot_refused',
  not_open: 'errors.not_open',
  throttled: 'errors.throttled',
  too_large: 'errors.too_large',
  not_found: 'errors.not_found',
  server: 'errors.server',
};

export function isStationErrorCode(code: unknown): code is StationErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(STATION_ERROR_KEYS, code);
}

/** A failed call to the station, as the page tells the voter about it. */
export class StationFailure extends Error {
  constructor(
    readonly code: FailureCode,
    /** 429: how long the station asks the phone to wait. */
    readonly retryAfterSeconds?: number,
    /** The station's English text or the network error, for the console; never shown in place of the voter's language. */
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'StationFailure';
  }
}

/** What to tell the voter about a failure, in their language; `agreement`: the code was a written resolution's agreement code. */
export function failureMessage(failure: { code: FailureCode; retryAfterSeconds?: number | undefined }, kind: 'voting' | 'agreement' = 'voting'): Message {
  if (kind === 'agreement' && failure.code === 'code_format') return message('errors.agreementCodeFormat');
  if (kind === 'agreement' && failure.code === 'code_invalid') return message('errors.agreementCodeInvalid');
  if (failure.code === 'network') return message('errors.network');
  if (failure.code === 'unexpected') return message('errors.unexpected');
  if (failure.code === 'throttled') {
    const wait = failure.retryAfterSeconds;
    return wait !== undefined && Number.isFinite(wait) && wait > 0 ? message('errors.throttled', { count: Math.ceil(wait) }) : message('errors.throttledNoTime');
  }
  return message(STATION_ERROR_KEYS[failure.code]);
}

/** The codes that mean the voting code itself was refused: the voter corrects the code, not the answers. */
export function isCodeFailure(code: FailureCode): boolean {
  return code === 'code_format' || code === 'code_invalid' || code === 'code_used';
}

export function asFailure(e: unknown): StationFailure {
  if (e instanceof StationFailure) return e;
  return new StationFailure('unexpected', undefined, e instanceof Error ? e.message : String(e));
}
