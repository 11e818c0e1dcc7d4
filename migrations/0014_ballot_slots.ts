import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * The ballot box in slots laid out when the ballot opens, so that SQLite's own storage says
 * nothing about the order ballots were cast in (issue 8, "think about SQLite's own storage";
 * docs/ballot-protocol.md §10).
 *
 * 0013 kept the box as a WITHOUT ROWID table keyed by tracker. The rows were in tracker order,
 * but a ballot is ~11 KB, so each row's overflow pages were allocated at the end of the file in
 * the order the ballots were cast, and each leaf page kept its cells' bytes in the order they
 * were inserted; with the roll's audit events (which say who voted when) that could link a voter
 * to their ballot. `ballot_alpha` (every α cast, to refuse copied ballots) leaked the same way.
 *
 * Now:
 * - `ballot_slot`: one row per entry on the roll, laid out at the opening with a random slot
 *   number (the platform's CSPRNG) and fixed-width placeholders: a tracker of 64 dashes and a
 *   weight of 16 zeros. A cast writes its tracker and weight (16 digits) into a random empty slot.
 *   The row keeps its size, so SQLite overwrites it in place: no page is allocated and no cell
 *   moves. Small rows, so counting and sealing read only these.
 * - `ballot_slot_ballot`: the slot's encrypted ballot, laid out at the opening as spaces of the
 *   exact length every canonical ballot of that election has, and overwritten in place (same
 *   size) at the cast, overflow pages and all.
 * - Copied ballots are refused by checking the α in memory against the box itself (the core
 *   rebuilds that from the box), so nothing on disk grows per cast.
 *
 * Existing boxes are moved whole: every ballot keeps its tracker, weight and bytes, in a slot
 * with a random number (so their order in the file is the order of the random numbers). An open
 * ballot's empty slots are laid out by the core at its next cast (it knows the ballot's size).
 * `ballot_alpha` is dropped: it held nothing that is not in the box.
 *
 * A held proxy vote is now vouched for in the audit log without its tracker and ballot (the
 * state hash of a row naming both could be matched against the box once the vote joined it);
 * one event re-vouches any held now. Frozen: change the schema in a new migration.
 */
const SLOT_RANGE = 2 ** 48;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table ballot_slot (
    ballot_id text not null references ballot(id),
    slot integer not null,
    tracker text not null check (length(tracker) = 64),
    weight text not null check (length(weight) = 16 and weight not glob '*[^0-9]*'),
    primary key (ballot_id, slot)
  ) strict, without rowid`);
  await run(`create table ballot_slot_ballot (
    slot integer primary key,
    ballot text not null
  ) strict`);

  const used = new Set<number>();
  const fresh = (): number => {
    for (;;) {
      const n = randomInt(1, SLOT_RANGE);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  let after: { ballot_id: string; tracker: string } | null = null;
  for (;;) {
    const page: { ballot_id: string; tracker: string; weight: number; ballot: string }[] = (
      await (after === null
        ? sql`select ballot_id, tracker, weight, ballot from ballot_box order by ballot_id, tracker limit 200`
        : sql`select ballot_id, tracker, weight, ballot from ballot_box where (ballot_id, tracker) > (${after.ballot_id}, ${after.tracker}) order by ballot_id, tracker limit 200`
      ).execute(db)
    ).rows as { ballot_id: string; tracker: string; weight: number; ballot: string }[];
    if (page.length === 0) break;
    const rows = page.map((r) => ({ ...r, slot: fresh() }));
    await db.insertInto('ballot_slot').values(rows.map((r) => ({ ballot_id: r.ballot_id, slot: r.slot, tracker: r.tracker, weight: String(r.weight).padStart(16, '0') }))).execute();
    await db.insertInto('ballot_slot_ballot').values(rows.map((r) => ({ slot: r.slot, ballot: r.ballot }))).execute();
    const last = page[page.length - 1]!;
    after = { ballot_id: last.ballot_id, tracker: last.tracker };
  }

  await run(`drop index ballot_box_seal`);
  await run(`drop table ballot_box`);
  await run(`drop table ballot_alpha`);

  const held = (await sql`select roll_id from ballot_proxy_vote order by roll_id`.execute(db)).rows as { roll_id: string }[];
  if (held.length > 0) {
    await db
      .insertInto('migration_event')
      .values({
        migration: '0014_ballot_slots',
        action: 'data.migrated',
        summary: `${held.length === 1 ? 'A proxy’s held vote is' : `${held.length} proxies’ held votes are`} now vouched for without their encrypted ballots, so the log cannot link an appointer to a ballot in the box; nothing was changed or deleted`,
        after: JSON.stringify({ heldProxyVotes: held.length }),
        records: JSON.stringify(held.map((h) => ({ type: 'ballot_proxy_vote', id: h.roll_id }))),
      })
      .execute();
  }
}
