import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/verify';
import { checkIntegrityInWorker } from '../db/integrity';
import { APP_MARKER } from '../db/migrator';
import { KNOWN_MIGRATIONS } from '../db/store';
import { describeSqliteError } from '../db/open';

export type CandidateReport =
  | { ok: true; migrations: number; auditEvents: number; organisationName: string | null }
  | { ok: false; reason: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * Decides whether a file may replace the live database: it must be SQLite, intact, made by
 * this app (marker and known migrations) and carry an unbroken audit chain. Opens the file
 * read-only; never changes it.
 */
export async function inspectCandidate(path: string, checkpoint?: () => Promise<void>): Promise<CandidateReport> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { ok: false, reason: 'The file cannot be read.' };
  }
  if (size < 512 || !startsWithHeader(path)) {
    return { ok: false, reason: 'This file is not a Mutual Governance backup: it is not a SQLite database at all.' };
  }
  const integrity = await checkIntegrityInWorker(path);
  if (!integrity.ok) {
    return { ok: false, reason: `This file is damaged or incomplete (${integrity.messages[0]}), so it cannot be restored.` };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const tables = new Set(
      db.prepare("select name from sqlite_schema where type = 'table'").pluck().all() as string[],
    );
    if (!tables.has('app_meta') || !tables.has('schema_migration')) {
      return { ok: false, reason: 'This is a SQLite database, but not one made by Mutual Governance.' };
    }
    const marker = db.prepare("select value from app_meta where key = 'app'").pluck().get();
    if (marker !== APP_MARKER) {
      return { ok: false, reason: 'This is a SQLite database, but not one made by Mutual Governance.' };
    }
    const names = db.prepare('select name from schema_migration').pluck().all() as string[];
    const unknown = names.filter((n) => !KNOWN_MIGRATIONS.has(n));
    if (unknown.length > 0) {
      return { ok: false, reason: `This backup was made by a newer version of Mutual Governance (${unknown[0]}); update the app first.` };
    }
    const chain = await verifyAuditChain(db, checkpoint ? { checkpoint } : {});
    if (!chain.ok) {
      return { ok: false, reason: `The backup's audit log is broken, so it cannot be trusted: ${chain.problem}` };
    }
    const org = tables.has('organisation')
      ? (db.prepare('select name from organisation order by created_at limit 1').pluck().get() as string | undefined)
      : undefined;
    return { ok: true, migrations: names.length, auditEvents: chain.events, organisationName: org ?? null };
  } catch (e) {
    return { ok: false, reason: `This file cannot be read as a Mutual Governance database: ${describeSqliteError(e)}` };
  } finally {
    db?.close();
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
