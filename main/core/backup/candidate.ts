import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrations } from '../../../migrations/index';
import type { StateReaders } from '../audit/state';
import { verifyAuditChain } from '../audit/verify';
import { describeMismatch, verifyRecords } from '../audit/verify-records';
import { CachedSqliteDialect } from '../db/dialect';
import { checkIntegrityInWorker } from '../db/integrity';
import { APP_MARKER } from '../db/migrator';
import { describeSqliteError } from '../db/open';
import { ReadOnlyPlugin } from '../db/read-only';
import type { DB } from '../db/schema';
import { backupBallots, type BallotFacts } from './ballot-losses';
import { claimedLevel, expectedSchema, readSchema, schemaDifferences } from './schema-match';

export type CandidateReport =
  | {
      ok: true;
      migrations: number;
      auditEvents: number;
      headHash: string;
      organisationName: string | null;
      members: number;
      /** The newest event's time: when the backup's records were last changed. */
      lastChangedAt: string | null;
      /** Its ballots with their status and how many on each roll had voted, to compare with the live file's. */
      ballots: BallotFacts[];
    }
  | { ok: false; reason: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * Decides whether a file may replace the live database, reading it only, in an order where
 * nothing the file contains can run before it is known to be the app's own:
 * 1. its bytes are SQLite's;
 * 2. opened read-only with trusted_schema off, its schema (read from sqlite_schema, which runs
 *    nothing) is exactly what this version gives a file at its migration: an extra trigger, a
 *    dropped protection trigger or a missing table is refused by name (schema-match.ts);
 * 3. only then is it checked page by page, its audit chain recomputed, and (at the current
 *    schema) its registers compared with its own log.
 */
export async function inspectCandidate(path: string, readers: StateReaders, checkpoint?: () => Promise<void>): Promise<CandidateReport> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { ok: false, reason: 'The file cannot be read.' };
  }
  if (size < 512 || !startsWithHeader(path)) {
    return { ok: false, reason: 'This file is not a Mutual Governance backup: it is not a SQLite database at all.' };
  }
  let raw: Database.Database | undefined;
  let db: Kysely<DB> | undefined;
  try {
    try {
      raw = new Database(path, { readonly: true, fileMustExist: true });
      raw.pragma('trusted_schema = OFF');
      readSchema(raw);
    } catch (e) {
      return { ok: false, reason: `This file is damaged or incomplete (${describeSqliteError(e)}), so it cannot be restored.` };
    }
    const tables = new Set(raw.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[]);
    if (!tables.has('app_meta') || !tables.has('schema_migration')) {
      return { ok: false, reason: 'This is a SQLite database, but not one made by Mutual Governance.' };
    }
    const marker = raw.prepare("select value from app_meta where key = 'app'").pluck().get();
    if (marker !== APP_MARKER) {
      return { ok: false, reason: 'This is a SQLite database, but not one made by Mutual Governance.' };
    }
    const names = raw.prepare('select name from schema_migration').pluck().all() as string[];
    const level = claimedLevel(names);
    if ('unknown' in level) {
      return { ok: false, reason: `This backup was made by a newer version of Mutual Governance (${level.unknown}); update the app first.` };
    }
    if ('gap' in level) {
      return { ok: false, reason: `This file's list of upgrades is incomplete (it lacks ${level.gap}), so it was not made by Mutual Governance as it claims.` };
    }
    const differences = schemaDifferences(readSchema(raw), await expectedSchema(level.level));
    if (differences.length > 0) {
      const listed = differences.slice(0, 4).join('; ');
      const more = differences.length > 4 ? `; and ${differences.length - 4} more difference${differences.length - 4 === 1 ? '' : 's'}` : '';
      return {
        ok: false,
        reason: `Its structure is not as this version of Mutual Governance makes it: ${listed}${more}. A file changed like this could run its own code inside the app, so it is refused.`,
      };
    }

    const integrity = await checkIntegrityInWorker(path);
    if (!integrity.ok) {
      return { ok: false, reason: `This file is damaged or incomplete (${integrity.messages[0]}), so it cannot be restored.` };
    }
    const chain = await verifyAuditChain(raw, checkpoint ? { checkpoint } : {});
    if (!chain.ok) {
      return { ok: false, reason: `The backup's audit log is broken, so it cannot be trusted: ${chain.problem}` };
    }
    if (level.level === migrations.length) {
      db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
      const records = await verifyRecords(raw, db.withPlugin(new ReadOnlyPlugin()), readers, checkpoint ? { checkpoint } : {});
      if (records.mismatches.length > 0) {
        const more = records.mismatches.length + records.more - 1;
        return {
          ok: false,
          reason: `The backup's registers do not match its own audit log, so it cannot be trusted: ${describeMismatch(records.mismatches[0]!)}${more > 0 ? ` (and ${more} more)` : ''}.`,
        };
      }
    }
    const org = raw.prepare('select name from organisation order by id limit 1').pluck().get() as string | undefined;
    const members = tables.has('member') ? Number(raw.prepare('select count(*) from member where ceased_on is null').pluck().get()) : 0;
    const last = raw.prepare('select at from audit_event order by seq desc limit 1').pluck().get() as string | undefined;
    return {
      ok: true,
      migrations: names.length,
      auditEvents: chain.events,
      headHash: chain.headHash,
      organisationName: org ?? null,
      members,
      lastChangedAt: last ?? null,
      ballots: backupBallots(raw, tables),
    };
  } catch (e) {
    return { ok: false, reason: `This file cannot be read as a Mutual Governance database: ${describeSqliteError(e)}` };
  } finally {
    if (db) await db.destroy();
    else raw?.close();
  }
}

function startsWithHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
