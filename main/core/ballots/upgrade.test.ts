import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { tempDbPath } from '../testing';
import { EMPTY_TRACKER } from './slots';

/**
 * A file whose ballot box was written under migration 0013 (a WITHOUT ROWID table keyed by
 * tracker, and every α in `ballot_alpha`) is moved into slots by 0014: every ballot keeps its
 * tracker, weight and exact bytes, each in a slot of its own with a random number; the old tables
 * go; and a held proxy vote is re-vouched for by one event at the next start (its audit state no
 * longer names the ballot). The ballot rows themselves are left out (foreign keys off): the
 * migration moves the box whatever the ballot's state.
 */
describe('upgrading a ballot box to migration 0014', () => {
  it('moves every ballot into a slot of its own with its bytes unchanged, and drops the tables that kept cast order', async () => {
    const path = tempDbPath();
    const raw = openDatabase(path);
    const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
    const upTo = migrations.findIndex((m) => m.name === '0013_ballots') + 1;
    await migrateToLatest(raw, db, migrations.slice(0, upTo));
    raw.pragma('foreign_keys = OFF');
    const box = Array.from({ length: 250 }, (_, i) => ({
      ballot_id: i < 200 ? 'ballot-a' : 'ballot-b',
      tracker: (i * 7919).toString(16).padStart(64, '0'),
      weight: 1 + (i % 3),
      ballot: JSON.stringify({ version: 1, answers: [{ choices: [{ alpha: i.toString(16).padStart(64, 'a') }] }], pad: 'x'.repeat(5000 + i) }),
    }));
    const insert = raw.prepare('insert into ballot_box (ballot_id, tracker, weight, ballot) values (@ballot_id, @tracker, @weight, @ballot)');
    for (const r of box) insert.run(r);
    raw.prepare("insert into ballot_alpha (ballot_id, alpha) values ('ballot-a', ?)").run('a'.repeat(64));
    raw.prepare("insert into ballot_proxy_vote (roll_id, ballot_id, proxy_appointment_id, tracker, ballot, created_at) values ('roll-1', 'ballot-a', 'proxy-1', ?, '{}', '2026-11-20T10:00:00.000Z')").run('f'.repeat(64));

    await migrateToLatest(raw, db, migrations);

    const tables = raw.prepare("select name from sqlite_master where type = 'table' and name like 'ballot_%' order by name").pluck().all();
    expect(tables).not.toContain('ballot_box');
    expect(tables).not.toContain('ballot_alpha');
    const slots = raw.prepare('select s.ballot_id, s.slot, s.tracker, s.weight, x.ballot from ballot_slot s join ballot_slot_ballot x on x.slot = s.slot').all() as { ballot_id: string; slot: number; tracker: string; weight: string; ballot: string }[];
    expect(slots).toHaveLength(box.length);
    const byTracker = new Map(slots.map((s) => [s.tracker, s]));
    for (const r of box) {
      const s = byTracker.get(r.tracker)!;
      expect(s.ballot_id).toBe(r.ballot_id);
      expect(s.weight).toBe(String(r.weight).padStart(16, '0'));
      expect(s.ballot).toBe(r.ballot);
    }
    expect(new Set(slots.map((s) => s.slot)).size).toBe(box.length);
    expect(slots.some((s) => s.tracker === EMPTY_TRACKER)).toBe(false);
    // The slots' numbers are not in the old (tracker) order.
    const inTrackerOrder = [...slots].sort((x, y) => (x.tracker < y.tracker ? -1 : 1)).map((s) => s.slot);
    expect(inTrackerOrder.every((s, i) => i === 0 || s > inTrackerOrder[i - 1]!)).toBe(false);
    // The held proxy vote stays, and one event will re-vouch for it.
    expect(raw.prepare('select count(*) from ballot_proxy_vote').pluck().get()).toBe(1);
    const events = raw.prepare("select records from migration_event where migration = '0014_ballot_slots'").pluck().all() as string[];
    expect(events.map((e) => JSON.parse(e))).toEqual([[{ type: 'ballot_proxy_vote', id: 'roll-1' }]]);
    await db.destroy();
  });
});
