import { z } from 'zod';
import { publicElectionSchema } from '../contract/ballots';

/**
 * The voting station's own HTTP API: the only calls a phone can make (issue 9). Same origin as the
 * voting page the station serves. JSON bodies; errors are `{ error: { code, message } }` where
 * `code` is one of STATION_ERRORS, so the page can say it in the voter's language (English or
 * Welsh) and `message` is the English text for logs and tests.
 *
 *   GET  /api/station     what this station serves: the ballot (if any) and the resolution (if any)
 *   GET  /api/ballot      the open ballot's title, questions and public key (ballots.publicElection)
 *   POST /api/cast        { code, ballot }  -> { tracker }        cast an encrypted ballot with a voting code
 *   POST /api/receipt     { tracker }       -> { found }          is this tracker in the box?
 *   GET  /api/resolution  the circulating written resolution's text and lapse date
 *   POST /api/agree       { code }          -> { name, agreedAt, passed }  signify agreement (not secret: s296)
 *
 * Everything else answers 404. Bodies over 64 KB answer 413. Too many requests from one phone, or
 * too many tries of one code, answer 429 with Retry-After.
 */
export const STATION_ERRORS = [
  'bad_request', // the body is not what the call takes
  'code_format', // not 16 letters and numbers
  'code_invalid', // not a code of this ballot or resolution (says nothing about other ballots)
  'code_used', // this code has already been used (never says how)
  'ballot_refused', // the encrypted ballot failed its checks (proofs, size, election)
  'not_open', // the ballot closed / the resolution passed, lapsed or was withdrawn; or nothing is served
  'throttled', // 429: try again after Retry-After seconds
  'too_large', // 413
  'not_found', // 404
  'server', // 500: something went wrong on the laptop (logged there)
] as const;
export type StationErrorCode = (typeof STATION_ERRORS)[number];
export const stationErrorSchema = z.object({ error: z.object({ code: z.enum(STATION_ERRORS), message: z.string(), retryAfterSeconds: z.number().int().optional() }) });
export type StationError = z.output<typeof stationErrorSchema>;

export const stationAboutSchema = z.object({
  organisation: z.string(),
  ballot: z.object({ title: z.string(), fingerprint: z.string() }).nullable(),
  resolution: z.object({ kind: z.enum(['ordinary', 'special']).nullable(), lapsesAfter: z.string().nullable() }).nullable(),
});
export type StationAbout = z.output<typeof stationAboutSchema>;

/** The same as `ballots.publicElection` answers: what the phone encrypts with. */
export const stationBallotSchema = publicElectionSchema;
export type StationBallot = z.output<typeof stationBallotSchema>;

/** Voting codes as typed on a phone: the core normalises them (Crockford base 32). */
const code = z.string().min(1).max(100);
export const castRequestSchema = z.strictObject({ code, ballot: z.unknown() });
export const castResponseSchema = z.object({ tracker: z.string() });
export const receiptRequestSchema = z.strictObject({ tracker: z.string().regex(/^[0-9a-f]{64}$/) });
export const receiptResponseSchema = z.object({ found: z.boolean() });

export const stationResolutionSchema = z.object({
  text: z.string(),
  kind: z.enum(['ordinary', 'special']).nullable(),
  circulatedOn: z.string(),
  /** The last day agreement can be signified (s297), ISO date; null if the rules set no period. */
  lapsesAfter: z.string().nullable(),
});
export const agreeRequestSchema = z.strictObject({ code });
export const agreeResponseSchema = z.object({ name: z.string(), agreedAt: z.string(), passed: z.boolean() });

/** Limits the station enforces (README, Voting from phones). */
export const STATION_LIMITS = {
  bodyBytes: 64 * 1024,
  /** Requests per phone (IP address) per minute, across all calls. */
  perClientPerMinute: 120,
  /** Tries of a code, right or wrong, per code per 15 minutes, and wrong codes per phone per 15 minutes. */
  perCodePer15Min: 5,
  badCodesPerClientPer15Min: 20,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
} as const;
