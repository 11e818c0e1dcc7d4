import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { checkpointInWorker } from '../db/checkpoint';
import { logError } from '../log';
import { alphasOf, canonicalBallot, prepare, sha256Hex, type BallotJson, type Prepared } from '../../../shared/ballot';
import { ballotSchema as ballotShape, shapeProblem } from '../../../shared/ballot/schema';
import { VOTE_CHANNEL_LABEL } from '../../../shared/contract/ballots';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, WriteContext } from '../context';
import { AppError } from '../errors';
import { isCopied, rememberAlphas } from './alphas';
import { checkBallot } from './check-pool';
import { coreGroup, electionOf } from './election';
import { putInBox } from './slots';
import type { BallotRollRow, BallotRow, VoteChannel } from './tables';

/**
 * Casting (docs/ballot-protocol.md §6, §10; issue 8 "Casting", "No link from voter to choice").
 *
 * One transaction: the voter's roll entry is marked as voted (by channel) and the encrypted ballot
 * goes into a random empty slot of the box (slots.ts), with its tracker and the weight the frozen
 * roll gives that voter and nothing else: no voter id, no time, no sequence, and the slot is
 * overwritten in place so the file's structure keeps no order either. The audit event names the roll entry, never the
 * tracker, and vouches for the box only by its count (ballot_box state), so the log cannot be
 * used to tell which ballot was whose. SQLite runs one write transaction at a time, so two casts
 * for one voter at the same moment are serialised: the second finds the entry already voted.
 *
 * A proxy's vote for an appointer is held apart (ballot_proxy_vote, still encrypted) until the
 * close, so that the appointer voting in person overrides it (the proxy's ballot is discarded,
 * never decrypted); at the close the remaining proxy votes join the box.
 */

/** Kiosk check-ins: one-use tokens kept in memory only, for ten minutes. */
interface CheckIn {
  dbPath: string;
  ballotId: string;
  rollId: string;
  proxyAppointmentId: string | null;
  expires: number;
}
const CHECK_INS = new Map<string, CheckIn>();
const CHECK_IN_MS = 10 * 60 * 1000;

export function newCheckIn(dbPath: string, ballotId: string, rollId: string, proxyAppointmentId: string | null, now: number): string {
  for (const [k, v] of CHECK_INS) if (v.expires < now) CHECK_INS.delete(k);
  // A new check-in for the same voter replaces an unused one (the clerk picked them again).
  for (const [k, v] of CHECK_INS) if (v.dbPath === dbPath && v.ballotId === ballotId && v.rollId === rollId) CHECK_INS.delete(k);
  const token = randomBytes(24).toString('base64url');
  CHECK_INS.set(token, { dbPath, ballotId, rollId, proxyAppointmentId, expires: now + CHECK_IN_MS });
  return token;
}

/** Voting codes: 16 characters of Crockford base 32 (80 bits), shown as four groups of four. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
}

/** A code as typed: case, spaces and dashes ignored; I and L read as 1, O as 0 (Crockford). */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** Only this is stored: the code itself is shown once and never kept. 80 bits make the hash unguessable. */
export function codeHash(code: string): string {
  return createHash('sha256').update(`mutual-governance/voting-code/v1|${normaliseCode(code)}`).digest('hex');
}

const PREPARED = new Map<string, Prepared<Uint8Array>>();

async function prepared(db: ReadDb, b: BallotRow): Promise<Prepared<Uint8Array>> {
  const hit = PREPARED.get(b.fingerprint!);
  if (hit) return hit;
  const p = prepare(await coreGroup(), await electionOf(db, b));
  if (PREPARED.size > 20) PREPARED.clear();
  PREPARED.set(b.fingerprint!, p);
  return p;
}

export function refuseUnlessOpen(b: BallotRow): void {
  if (b.status === 'open') return;
  if (b.status === 'draft') throw new AppError('CONFLICT', 'Voting has not opened yet: the ballot is still being set up.');
  if (b.status === 'cancelled') throw new AppError('CONFLICT', 'This ballot was cancelled.');
  throw new AppError('CONFLICT', `Voting closed${b.closed_at ? ` on ${formatLegalDate(b.closed_at.slice(0, 10))}` : ''}; no more votes can be cast.`);
}

interface Credential {
  roll: BallotRollRow;
  channel: VoteChannel;
  proxyAppointmentId: string | null;
}

type CastCredential = { kind: 'checkin'; token: string } | { kind: 'code'; code: string; via?: 'phone' };

async function resolve(tx: WriteContext, b: BallotRow, credential: CastCredential, now: number): Promise<Credential> {
  if (credential.kind === 'checkin') {
    const c = CHECK_INS.get(credential.token);
    if (!c || c.dbPath !== tx.files.dbPath || c.ballotId !== b.id || c.expires < now) {
      throw new AppError('FORBIDDEN', 'This check-in has expired or was already used. Ask the poll clerk to check you in again.');
    }
    const roll = await tx.db.selectFrom('ballot_roll').selectAll().where('id', '=', c.rollId).executeTakeFirstOrThrow();
    return { roll, channel: c.proxyAppointmentId ? 'proxy' : 'kiosk', proxyAppointmentId: c.proxyAppointmentId };
  }
  const hash = codeHash(credential.code);
  if (normaliseCode(credential.code).length !== 16) throw AppError.field('credential.code', 'A voting code has 16 letters and numbers, in four groups of four, as printed on your ballot letter.', 'code_format');
  const roll = await tx.db.selectFrom('ballot_roll').selectAll().where('code_hash', '=', hash).executeTakeFirst();
  // Not found and another ballot's code say the same, so a guess learns nothing about other ballots.
  if (!roll || roll.ballot_id !== b.id) throw AppError.field('credential.code', 'This voting code is not valid for this ballot. Check it against your ballot letter.', 'code_invalid');
  return { roll, channel: credential.via === 'phone' ? 'phone' : 'code', proxyAppointmentId: null };
}

export async function cast(
  tx: WriteContext,
  b: BallotRow,
  credential: CastCredential,
  ballot: unknown,
): Promise<{ tracker: string }> {
  refuseUnlessOpen(b);
  const now = tx.who.at ? Date.parse(tx.who.at) : Date.now();
  const who = await resolve(tx, b, credential, now);
  const { roll } = who;
  let overriding = false;
  if (roll.voted_by !== null) {
    // A member who votes in person overrides their proxy's vote (the proxy's ballot is discarded unopened).
    if (roll.voted_by === 'proxy' && who.channel !== 'proxy') overriding = true;
    else if (credential.kind === 'code') throw AppError.field('credential.code', 'This voting code has already been used.', 'code_used');
    else throw new AppError('CONFLICT', `${roll.name} (member ${roll.member_number}) has already voted ${VOTE_CHANNEL_LABEL[roll.voted_by]}.`);
  }
  const shape = shapeProblem(ballotShape, ballot);
  if (shape) throw AppError.field('ballot', `The ballot is not in the right form (${shape}).`);
  const p = await prepared(tx.db, b);
  const problem = await checkBallot(p, ballot);
  if (problem) throw AppError.field('ballot', `The ballot was refused: ${problem}`);
  const json = ballot as BallotJson;
  // Only the canonical form is stored (a device's extra fields are not kept), and the tracker is its hash.
  const canonical = canonicalBallot(json);
  const tracker = sha256Hex(canonical);
  const alphas = alphasOf(json);
  if (overriding) {
    // The proxy's held ballot is discarded unopened (its α no longer count as cast: see alphas.ts).
    await tx.db.deleteFrom('ballot_proxy_vote').where('roll_id', '=', roll.id).execute();
  }
  if (await isCopied(tx.db, tx.files.dbPath, b.id, alphas)) throw AppError.field('ballot', 'The ballot was refused: it repeats an encryption from a ballot already cast (a copied ballot).');
  if (who.channel === 'proxy') {
    await tx.db
      .insertInto('ballot_proxy_vote')
      .values({ roll_id: roll.id, ballot_id: b.id, proxy_appointment_id: who.proxyAppointmentId!, tracker, ballot: canonical, created_at: tx.who.at })
      .execute();
  } else {
    await putInBox(tx, b, p.election, { tracker, weight: roll.weight, canonical });
  }
  rememberAlphas(tx.files.dbPath, b.id, alphas);
  await tx.db.updateTable('ballot_roll').set({ voted_by: who.channel, updated_at: tx.who.at }).where('id', '=', roll.id).execute();
  if (credential.kind === 'checkin') CHECK_INS.delete(credential.token);
  scrubLogSoon(tx.files.dbPath);
  tx.audit({
    action: 'ballot.voted',
    entityType: 'ballot_roll',
    entityId: roll.id,
    summary: `Member ${roll.member_number} voted ${VOTE_CHANNEL_LABEL[who.channel]}${overriding ? ' in person, overriding their proxy’s vote' : ''} in “${b.title}”`,
    before: { name: roll.name, votedBy: roll.voted_by },
    after: { votedBy: who.channel },
    records: [
      { type: 'ballot_roll', id: roll.id },
      { type: 'ballot_box', id: b.id },
      ...(who.channel === 'proxy' || overriding ? [{ type: 'ballot_proxy_vote', id: roll.id }] : []),
    ],
  });
  return { tracker };
}

/**
 * The write-ahead log keeps the pages of recent commits in the order they were written, so for a
 * while after a cast it holds the page of the roll that changed beside the page of the box that
 * gained a tracker. Two seconds after the last cast the log is checkpointed and truncated (on a
 * worker thread: the cast never waits for it), which shortens that window to seconds. What the
 * disk's own blocks keep of a truncated file is beyond what the app controls (README, Ballots).
 */
const SCRUB_AFTER_MS = 2000;
const scrubs = new Map<string, NodeJS.Timeout>();

export function scrubLogSoon(dbPath: string): void {
  const pending = scrubs.get(dbPath);
  if (pending) clearTimeout(pending);
  const timer = setTimeout(() => {
    scrubs.delete(dbPath);
    void scrubLogNow(dbPath);
  }, SCRUB_AFTER_MS);
  timer.unref();
  scrubs.set(dbPath, timer);
}

export async function scrubLogNow(dbPath: string): Promise<boolean> {
  const o = await checkpointInWorker(dbPath, 'TRUNCATE');
  if (!o.ok && existsSync(dbPath)) logError('ballot log scrub', new Error(o.message));
  return o.ok;
}

/** A fresh random seed for a lot (tie-break), from the platform's CSPRNG. */
export function lotSeed(): string {
  return randomBytes(32).toString('hex');
}
