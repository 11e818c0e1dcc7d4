import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../../migrations/index';
import { CachedSqliteDialect } from '../db/dialect';
import { migrateToLatest } from '../db/migrator';

/**
 * A file offered for restore must have exactly the schema this version of the app gives a file
 * at the same migration: every table, column, index, trigger and view, and nothing else. A
 * backup is otherwise a program: a trigger added to it (say, one that rewrites every member's
 * name when the restore records itself in the log) would run inside the app, and a dropped
 * protection trigger would leave the log open to quiet edits. The schema is read from
 * sqlite_schema, which runs nothing; the comparison happens before any other statement runs
 * on the file.
 */
export interface SchemaItem {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** SQLite's own tables (statistics kept by ANALYZE) may differ between copies; they hold no code. */
const INTERNAL = /^sqlite_(stat\d|sequence)$/;
/** Indexes SQLite makes itself for UNIQUE and PRIMARY KEY constraints: named after their table, with no SQL. */
const AUTOINDEX = /^sqlite_autoindex_/;

export function readSchema(raw: Database.Database): SchemaItem[] {
  return (raw.prepare('select type, name, tbl_name, sql from sqlite_schema order by type, name').all() as SchemaItem[]).filter((s) => !INTERNAL.test(s.name));
}

const expectedByLevel = new Map<number, SchemaItem[]>();

/** The schema a fresh file has after the first `level` migrations (computed once per level, in memory). */
export async function expectedSchema(level: number): Promise<SchemaItem[]> {
  const cached = expectedByLevel.get(level);
  if (cached) return cached;
  const raw = new Database(':memory:');
  const db = new Kysely<any>({ dialect: new CachedSqliteDialect(raw) });
  try {
    await migrateToLatest(raw, db, migrations.slice(0, level));
    const schema = readSchema(raw);
    expectedByLevel.set(level, schema);
    return schema;
  } finally {
    await db.destroy();
  }
}

function normalise(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').trim();
}

const WORD: Record<string, string> = { table: 'table', index: 'index', trigger: 'trigger', view: 'view' };

const TYPE_ORDER = ['trigger', 'view', 'table', 'index'];
const PLURAL: Record<string, string> = { table: 'tables', index: 'indexes', trigger: 'triggers', view: 'views' };

/**
 * What differs, in words that name each table, index, trigger or view; [] when identical. Extra
 * things come first (they are what could run code), then missing ones by kind (tables, whose
 * absence says most, before triggers and indexes), then those defined differently.
 */
export function schemaDifferences(actual: readonly SchemaItem[], expected: readonly SchemaItem[]): string[] {
  const key = (s: SchemaItem) => `${s.type}\u0000${s.name}`;
  const want = new Map(expected.map((s) => [key(s), s]));
  const have = new Map(actual.map((s) => [key(s), s]));
  const extra: SchemaItem[] = [];
  const missing: SchemaItem[] = [];
  const different: SchemaItem[] = [];
  for (const [k, s] of want) {
    const other = have.get(k);
    if (!other) missing.push(s);
    else if (AUTOINDEX.test(s.name) ? other.tbl_name !== s.tbl_name : normalise(other.sql) !== normalise(s.sql) || other.tbl_name !== s.tbl_name) different.push(s);
  }
  for (const [k, s] of have) if (!want.has(k)) extra.push(s);
  const byKind = (a: SchemaItem, b: SchemaItem) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name);
  const out: string[] = [];
  for (const s of extra.sort(byKind)) out.push(`it has a ${WORD[s.type] ?? s.type} “${s.name}”${s.type === 'table' ? '' : ` (on ${s.tbl_name})`} that the app does not have`);
  const missingByType = new Map<string, SchemaItem[]>();
  const MISSING_ORDER = ['table', 'view', 'trigger', 'index'];
  missing.sort((a, b) => MISSING_ORDER.indexOf(a.type) - MISSING_ORDER.indexOf(b.type) || a.name.localeCompare(b.name));
  for (const s of missing) {
    const list = missingByType.get(s.type) ?? [];
    list.push(s);
    missingByType.set(s.type, list);
  }
  for (const [type, list] of missingByType) {
    if (list.length === 1) out.push(`it lacks the ${WORD[type] ?? type} “${list[0]!.name}”`);
    else {
      const named = list.slice(0, 3).map((s) => `“${s.name}”`);
      const rest = list.length - named.length;
      out.push(`it lacks ${list.length} ${PLURAL[type] ?? type}: ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`);
    }
  }
  for (const s of different.sort(byKind)) out.push(`the ${WORD[s.type] ?? s.type} “${s.name}” is defined differently`);
  return out;
}

/** The migration level the file claims, if it is a prefix of this version's migrations. */
export function claimedLevel(names: readonly string[]): { level: number } | { unknown: string } | { gap: string } {
  const known = migrations.map((m) => m.name);
  const sorted = [...names].sort();
  for (const n of sorted) if (!known.includes(n)) return { unknown: n };
  for (let i = 0; i < sorted.length; i++) if (sorted[i] !== known[i]) return { gap: known[i]! };
  return { level: sorted.length };
}
