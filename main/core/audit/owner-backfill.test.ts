import { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import type { ReadDb } from '../context';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { openTestCore, tempDbPath } from '../testing';
import { OWNED_TYPES, ownersOf } from './owner';
import { refKey } from './state';

/**
 * The organisation of an audit event is found from its record by the same rules twice, on
 * purpose: `owner.ts` for each new event, and migration 0022 for the events written before it
 * (frozen, so it can never be changed to match). This keeps the two from drifting apart silently.
 *
 * A file is migrated to 0021 and given one record of every table in each of two organisations
 * (raw rows: only ids, organisation ids and the links to parents matter here; foreign keys and
 * checks are off, as in the other upgrade tests), each parent a record of the same organisation.
 * Then an event naming each record, and each organisation by its id under every record type, is
 * written, 0022 is applied, and for every event the organisation 0022 gave it must be the one
 * `ownersOf` gives its record. Types `owner.ts` knows are each checked to have been found in
 * both organisations (so the fixture cannot pass by leaving a type out); a type whose table came
 * after 0022 is left out, as no event before 0022 can name it.
 */

const A = 'organisation-a';
const B = 'organisation-b';
/** Entity types of events that name no table's row (the file's own events, exports, imports) or a pseudo-record (register settings). */
const PSEUDO_TYPES = ['register_setting', 'register', 'import', 'database', 'audit'];

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}
interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

describe('the owner of an audit event', () => {
  it('is the same by owner.ts as by migration 0022’s back-fill, for every record type either knows', async () => {
    const path = tempDbPath();
    const raw = openDatabase(path);
    const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
    cleanups.push(() => raw.close());
    const before0022 = migrations.findIndex((m) => m.name === '0022_audit_organisation');
    expect(before0022).toBeGreaterThan(0);
    await migrateToLatest(raw, db, migrations.slice(0, before0022));

    raw.pragma('foreign_keys = OFF');
    raw.pragma('ignore_check_constraints = ON');
    // Ordinary tables (not a full-text index or its shadow tables).
    const tables = (raw.prepare('pragma table_list').all() as { schema: string; name: string; type: string }[])
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
      .map((t) => t.name)
      .sort();
    const recordTables = tables.filter((t) => !t.startsWith('audit_') && !['schema_migration', 'app_meta', 'migration_event'].includes(t));
    let counter = 1;
    const rowId = (table: string, org: string) => (table === 'organisation' ? org : `${table}-${org}`);
    const withId = new Set(recordTables.filter((t) => (raw.prepare(`pragma table_info(${t})`).all() as Column[]).some((c) => c.name === 'id')));

    // One row of every record table in each organisation, linked to the same organisation's parents.
    for (const org of [A, B]) {
      for (const table of recordTables) {
        const columns = raw.prepare(`pragma table_info(${table})`).all() as Column[];
        const fks = raw.prepare(`pragma foreign_key_list(${table})`).all() as ForeignKey[];
        const row: Record<string, unknown> = {};
        for (const c of columns) {
          const fk = fks.find((f) => f.from === c.name);
          if (c.name === 'id') row.id = rowId(table, org);
          else if (c.name === 'organisation_id') row.organisation_id = org;
          else if (fk && (fk.to === 'id' || fk.to === null)) row[c.name] = rowId(fk.table, org);
          else if (fk && fk.to === 'organisation_id') row[c.name] = org;
          else if (c.notnull && c.dflt_value === null) row[c.name] = /INT/i.test(c.type) ? counter++ : /REAL/i.test(c.type) ? 0.5 : /BLOB/i.test(c.type) ? Buffer.from([counter++]) : `${c.name} ${counter++}`;
        }
        const names = Object.keys(row);
        if (names.length === 0) continue;
        // Or ignore: a trigger may already have made the row (a class's tally, made with the member).
        raw.prepare(`insert or ignore into ${table} (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`).run(row);
      }
    }

    // The events: each record by its id (a table keyed otherwise, as governing rules are by their
    // organisation's id, has none), and each organisation's id under every type.
    const types = [...new Set([...tables, ...PSEUDO_TYPES, ...OWNED_TYPES])];
    const newer = OWNED_TYPES.filter((t) => !tables.includes(t) && !PSEUDO_TYPES.includes(t) && t !== 'governing_rules');
    const events: { seq: number; type: string; id: string }[] = [];
    for (const type of types) {
      if (newer.includes(type)) continue;
      for (const org of [A, B]) {
        const ids = new Set([org, ...(withId.has(type) ? [rowId(type, org)] : [])]);
        for (const id of ids) events.push({ seq: events.length + 1, type, id });
      }
    }
    const eventColumns = raw.prepare('pragma table_info(audit_event)').all() as Column[];
    const insertEvent = raw.prepare(
      `insert into audit_event (${eventColumns.map((c) => c.name).join(', ')}) values (${eventColumns.map((c) => `@${c.name}`).join(', ')})`,
    );
    for (const e of events) {
      const row: Record<string, unknown> = {};
      for (const c of eventColumns) row[c.name] = c.notnull ? (/INT/i.test(c.type) ? 2 : '0'.repeat(64)) : null;
      Object.assign(row, { id: `event-${e.seq}`, seq: e.seq, at: '2026-01-01T00:00:00.000Z', actor: 'test', action: `${e.type}.changed`, entity_type: e.type, entity_id: e.id, summary: 'Changed' });
      insertEvent.run(row);
    }
    raw.pragma('ignore_check_constraints = OFF');
    raw.pragma('foreign_keys = ON');

    // Migration 0022, as a file written before it is upgraded.
    await migrateToLatest(raw, db, migrations.slice(0, before0022 + 1));
    const byMigration = new Map((raw.prepare('select seq, organisation_id from audit_event').all() as { seq: number; organisation_id: string | null }[]).map((r) => [r.seq, r.organisation_id]));
    const byOwner = await ownersOf(db as unknown as ReadDb, events.map((e) => ({ type: e.type, id: e.id })));

    const disagree = events
      .map((e) => ({ type: e.type, id: e.id, migration: byMigration.get(e.seq) ?? null, owner: byOwner.get(refKey({ type: e.type, id: e.id })) ?? null }))
      .filter((e) => e.migration !== e.owner);
    expect(disagree).toEqual([]);

    // Every type owner.ts knows (that existed by 0022) was found in each organisation, by both.
    for (const type of OWNED_TYPES.filter((t) => !newer.includes(t))) {
      for (const org of [A, B]) {
        const found = events.filter((e) => e.type === type && byOwner.get(refKey(e)) === org);
        expect(found.length, `${type} of ${org}`).toBeGreaterThan(0);
      }
    }
    // And 0022 answered for more than the types owner.ts knows about in no case (the comparison above), for as many types.
    const migrationTypes = new Set(events.filter((e) => byMigration.get(e.seq) !== null).map((e) => e.type));
    expect([...migrationTypes].sort()).toEqual(OWNED_TYPES.filter((t) => !newer.includes(t)).sort());

    // A type owner.ts knows whose table came after 0022 must be a table of today's schema.
    if (newer.length > 0) {
      const t = await openTestCore();
      cleanups.push(() => void t.cleanup());
      const now = t.core.raw.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
      for (const type of newer) expect(now, `${type} is a table of today's schema`).toContain(type);
    }
  }, 60_000);
});
