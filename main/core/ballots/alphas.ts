import type { ReadDb } from '../context';
import { ballotsOf, boxEntries, forgetEmptySlots } from './slots';

/**
 * Refusing a copied ballot (ballot copying, Cortier and Smyth 2011; docs/ballot-protocol.md §6):
 * a ballot any of whose ciphertexts repeats one already cast is refused.
 *
 * The α already cast are not kept in the file (a table that grows per cast keeps its cells in
 * the order they were inserted: migration 0014). They are held in memory, per file and ballot,
 * as their first 64 bits, rebuilt from the box and the proxies' held votes the first time a
 * ballot is cast after the app starts or a backup is restored. The memory is only a quick "no":
 * a hit is confirmed against the ballots in the file before anything is refused, so an α
 * remembered from a cast that was rolled back, or a 64-bit coincidence, never refuses a ballot.
 */
const MEMORY = new Map<string, Set<string>>();
const PREFIX = 16;
const ALPHA = /"alpha":"([0-9a-f]{16})/g;

function keyOf(dbPath: string, ballotId: string): string {
  return `${dbPath}\n${ballotId}`;
}

/** Forgets every remembered α, and the empty slots remembered (the file was replaced by a restore). */
export function forgetCastAlphas(): void {
  MEMORY.clear();
  forgetEmptySlots();
}

async function remembered(db: ReadDb, dbPath: string, ballotId: string): Promise<Set<string>> {
  const key = keyOf(dbPath, ballotId);
  const hit = MEMORY.get(key);
  if (hit) return hit;
  const set = new Set<string>();
  const entries = await boxEntries(db, ballotId);
  for (let i = 0; i < entries.length; i += 500) {
    for (const text of await ballotsOf(db, entries.slice(i, i + 500))) for (const m of text.matchAll(ALPHA)) set.add(m[1]!);
  }
  const held = await db.selectFrom('ballot_proxy_vote').select('ballot').where('ballot_id', '=', ballotId).execute();
  for (const h of held) for (const m of h.ballot.matchAll(ALPHA)) set.add(m[1]!);
  MEMORY.set(key, set);
  return set;
}

/** Whether any of these α is in a ballot already in the box or held for a proxy. */
export async function isCopied(db: ReadDb, dbPath: string, ballotId: string, alphas: readonly string[]): Promise<boolean> {
  const set = await remembered(db, dbPath, ballotId);
  for (const alpha of alphas) {
    if (!set.has(alpha.slice(0, PREFIX))) continue;
    const needle = `"alpha":"${alpha}"`;
    const inBox = await db
      .selectFrom('ballot_slot as s')
      .innerJoin('ballot_slot_ballot as x', 'x.slot', 's.slot')
      .select('s.slot')
      .where('s.ballot_id', '=', ballotId)
      .where((eb) => eb(eb.fn('instr', ['x.ballot', eb.val(needle)]), '>', 0))
      .limit(1)
      .executeTakeFirst();
    if (inBox) return true;
    const inHeld = await db
      .selectFrom('ballot_proxy_vote')
      .select('roll_id')
      .where('ballot_id', '=', ballotId)
      .where((eb) => eb(eb.fn('instr', ['ballot', eb.val(needle)]), '>', 0))
      .limit(1)
      .executeTakeFirst();
    if (inHeld) return true;
  }
  return false;
}

/** Forgets one ballot's α once it has closed (no more casts), so a large ballot's ~40 MB of them is freed. */
export function forgetBallotAlphas(dbPath: string, ballotId: string): void {
  MEMORY.delete(keyOf(dbPath, ballotId));
}

/** Remembers the α of a ballot just cast (after the checks, in the cast's transaction). */
export function rememberAlphas(dbPath: string, ballotId: string, alphas: readonly string[]): void {
  const set = MEMORY.get(keyOf(dbPath, ballotId));
  if (!set) return;
  for (const alpha of alphas) set.add(alpha.slice(0, PREFIX));
}
