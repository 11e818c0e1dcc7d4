import { randomInt } from 'node:crypto';
import { canonicalBallot, VERSION, type BallotJson, type ElectionPublic } from '../../../shared/ballot';
import type { ReadDb, WriteContext } from '../context';
import { AppError } from '../errors';
import type { BallotRow } from './tables';

/**
 * The ballot box as slots (migration 0014; docs/ballot-protocol.md §10).
 *
 * When a ballot opens, one slot per roll entry is laid out with a random number and fixed-width
 * placeholders, and a cast overwrites a random empty slot with a row of exactly the same size, so
 * SQLite rewrites it in place: no page is allocated, no cell moves, and nothing in the file's
 * structure records the order ballots arrived in. The slot a ballot lands in is drawn from the
 * platform's CSPRNG, so the slot numbers say nothing either. (Two copies of the file taken at two
 * moments show which slots filled between them, as two copies of any ballot box would.)
 *
 * At the close the proxies' held votes fill empty slots the same way, the box is sealed over its
 * ballots in tracker order, and the slots left empty are deleted (their pages zeroed:
 * secure_delete, db/open.ts).
 */
export const EMPTY_TRACKER = '-'.repeat(64);
const EMPTY_WEIGHT = '0'.repeat(16);
const SLOT_RANGE = 2 ** 48;
const HEX0 = '0'.repeat(64);

export function weightText(weight: number): string {
  return String(weight).padStart(16, '0');
}

/**
 * The length of every canonical ballot of this election: the format has only fixed-length hex
 * fields, one ciphertext per choice, two proof branches per choice (0 or 1) and one per allowed
 * count of choices (§6), so the length depends on the questions alone.
 */
export function slotSize(election: ElectionPublic): number {
  const known = SIZES.get(election.fingerprint);
  if (known !== undefined) return known;
  const proof = { c: HEX0, s: HEX0 };
  const template: BallotJson = {
    version: VERSION,
    fingerprint: election.fingerprint,
    answers: election.setup.questions.map((q) => ({
      choices: q.choices.map(() => ({ alpha: HEX0, beta: HEX0, proof: [proof, proof] })),
      sumProof: Array.from({ length: q.max - q.min + 1 }, () => proof),
    })),
  };
  const size = canonicalBallot(template).length;
  if (SIZES.size > 20) SIZES.clear();
  SIZES.set(election.fingerprint, size);
  return size;
}

/** Sizes by election fingerprint: every cast needs its ballot's, and it never changes. */
const SIZES = new Map<string, number>();

/**
 * Lays out empty slots until the ballot has one per roll entry (at the opening; or for a box
 * moved by 0014). `onChunk` hears how many are laid out so far and may yield to the event loop
 * (the opening is a job with progress: 35,000 slots are about 400 MB of placeholders).
 */
export async function layOutSlots(tx: WriteContext, b: BallotRow, election: ElectionPublic, onChunk?: (done: number, total: number) => Promise<void>): Promise<number> {
  const want = b.roll_count ?? 0;
  const size = slotSize(election);
  const blank = ' '.repeat(size);
  let laid = 0;
  for (;;) {
    const have = Number((await tx.db.selectFrom('ballot_slot').select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', '=', b.id).executeTakeFirst())?.n ?? 0);
    const need = want - have;
    if (need <= 0) return laid;
    const fresh = new Set<number>();
    while (fresh.size < need) fresh.add(randomInt(1, SLOT_RANGE));
    // Slot numbers are unique across ballots (the ballots' table is keyed by slot alone): drop any
    // already taken (about one in 10^9 at 35,000 slots); the loop draws again for them.
    const drawn = [...fresh].sort((x, y) => x - y);
    for (let i = 0; i < drawn.length; i += 500) {
      const taken = await tx.db.selectFrom('ballot_slot_ballot').select('slot').where('slot', 'in', drawn.slice(i, i + 500)).execute();
      for (const t of taken) fresh.delete(t.slot);
    }
    const slots = [...fresh].sort((x, y) => x - y);
    for (let i = 0; i < slots.length; i += 200) {
      const chunk = slots.slice(i, i + 200);
      await tx.db.insertInto('ballot_slot').values(chunk.map((slot) => ({ ballot_id: b.id, slot, tracker: EMPTY_TRACKER, weight: EMPTY_WEIGHT }))).execute();
      await tx.db.insertInto('ballot_slot_ballot').values(chunk.map((slot) => ({ slot, ballot: blank }))).execute();
      laid += chunk.length;
      if (onChunk) await onChunk(have + i + chunk.length, want);
    }
  }
}

/**
 * Puts a ballot in a random empty slot, in place. `canonical` is canonicalBallot(ballot): the
 * only bytes stored, so nothing a device adds to the JSON is kept.
 */
export async function putInBox(tx: WriteContext, b: BallotRow, election: ElectionPublic, entry: { tracker: string; weight: number; canonical: string }): Promise<void> {
  const size = slotSize(election);
  if (entry.canonical.length !== size) throw AppError.field('ballot', `The ballot was refused: it is ${entry.canonical.length} characters long, and every ballot of this election is ${size}.`);
  const key = `${tx.files.dbPath}\n${b.id}`;
  for (let attempt = 0; ; attempt++) {
    let empty = EMPTY.get(key);
    if (!empty || empty.length === 0 || attempt > 0) {
      empty = await emptySlots(tx.db, b.id);
      if (empty.length === 0) {
        await layOutSlots(tx, b, election);
        empty = await emptySlots(tx.db, b.id);
      }
      if (EMPTY.size > 20) EMPTY.clear();
      EMPTY.set(key, empty);
    }
    if (empty.length === 0) throw new AppError('CONFLICT', 'The ballot box has no empty place left: it holds a ballot for every voter on the roll. The file was changed outside the app.');
    // Drawn from the CSPRNG, uniformly over the empty slots, and taken out of the list.
    const i = randomInt(empty.length);
    const slot = empty[i]!;
    empty[i] = empty[empty.length - 1]!;
    empty.pop();
    const r = await tx.db.updateTable('ballot_slot').set({ tracker: entry.tracker, weight: weightText(entry.weight) }).where('ballot_id', '=', b.id).where('slot', '=', slot).where('tracker', '=', EMPTY_TRACKER).executeTakeFirst();
    // Remembered as empty but filled in the file (a restore, or a cast rolled back after it): look again.
    if (Number(r.numUpdatedRows) !== 1 && attempt === 0) continue;
    const body = await tx.db.updateTable('ballot_slot_ballot').set({ ballot: entry.canonical }).where('slot', '=', slot).where((eb) => eb(eb.fn('length', ['ballot']), '=', size)).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1 || Number(body.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'The ballot box’s empty place could not be written: the file was changed outside the app. Nothing was stored.');
    return;
  }
}

/**
 * The empty slots of each open ballot, remembered between casts so a cast does not read the
 * whole box to find one (a slot taken by a cast that is then rolled back stays out of the list,
 * and simply stays empty). Forgotten when a restore replaces the file.
 */
const EMPTY = new Map<string, number[]>();

export function forgetEmptySlots(): void {
  EMPTY.clear();
}

async function emptySlots(db: ReadDb, ballotId: string): Promise<number[]> {
  return (await db.selectFrom('ballot_slot').select('slot').where('ballot_id', '=', ballotId).where('tracker', '=', EMPTY_TRACKER).execute()).map((r) => r.slot);
}

export async function boxCount(db: ReadDb, ballotIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ballot_slot')
    .select(['ballot_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ballot_id', 'in', ballotIds)
    .where('tracker', '<>', EMPTY_TRACKER)
    .groupBy('ballot_id')
    .execute();
  return new Map(rows.map((r) => [r.ballot_id, Number(r.n)]));
}

export interface BoxEntry {
  slot: number;
  tracker: string;
  weight: number;
}

/** The ballots in the box, in tracker order (the order of the seal and of the verification file). */
export async function boxEntries(db: ReadDb, ballotId: string): Promise<BoxEntry[]> {
  const rows = await db.selectFrom('ballot_slot').select(['slot', 'tracker', 'weight']).where('ballot_id', '=', ballotId).where('tracker', '<>', EMPTY_TRACKER).execute();
  const entries = rows.map((r) => ({ slot: r.slot, tracker: r.tracker, weight: Number(r.weight) }));
  entries.sort((x, y) => (x.tracker < y.tracker ? -1 : x.tracker > y.tracker ? 1 : x.slot - y.slot));
  return entries;
}

/** The stored ballots of these entries, in the same order. */
export async function ballotsOf(db: ReadDb, entries: readonly BoxEntry[]): Promise<string[]> {
  const rows = await db.selectFrom('ballot_slot_ballot').select(['slot', 'ballot']).where('slot', 'in', entries.map((e) => e.slot)).execute();
  const bySlot = new Map(rows.map((r) => [r.slot, r.ballot]));
  return entries.map((e) => {
    const text = bySlot.get(e.slot);
    if (text === undefined) throw new AppError('CONFLICT', `The ballot with tracker ${e.tracker.slice(0, 16)}… is missing from the box: the file was changed outside the app.`);
    return text.trimEnd();
  });
}

/** After the close: the empty slots go (their pages are zeroed by secure_delete). */
export async function dropEmptySlots(tx: WriteContext, ballotId: string): Promise<void> {
  const empty = await emptySlots(tx.db, ballotId);
  for (let i = 0; i < empty.length; i += 500) {
    const chunk = empty.slice(i, i + 500);
    await tx.db.deleteFrom('ballot_slot_ballot').where('slot', 'in', chunk).execute();
    await tx.db.deleteFrom('ballot_slot').where('ballot_id', '=', ballotId).where('slot', 'in', chunk).execute();
  }
}
