import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely } from 'kysely';
import { writeVerificationFile } from '../../../core/ballots/export';
import type { BallotRow } from '../../../core/ballots/tables';
import { CachedSqliteDialect } from '../../../core/db/dialect';
import type { DB } from '../../../core/db/schema';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { CliError, type CommandRun } from '../command';
import { existingFile, formatBytes, openAppDatabaseReadOnly } from '../database';

/**
 * `ballot-export --db FILE (--ballot ID | --latest) --out FILE`: the verification file of a
 * ballot whose result has been declared (issue 8 "For a scrutineer"), written with the core's own
 * writer (main/core/ballots/export.ts), so it is byte for byte what "Export for verification"
 * gives in the app. The database is opened read-only: nothing is written to it, not even the
 * audit event the app's export records, so it is safe on the live file and on a copy handed to a
 * scrutineer. The file appears under its name only once complete.
 */
export const ballotExport: CommandRun = async (flags, io) => {
  const path = existingFile(flags['db']!, 'db');
  if ((flags['ballot'] === undefined) === (flags['latest'] === undefined)) {
    throw new CliError('Give either --ballot ID (as shown on the ballot’s page) or --latest (the ballot whose result was declared most recently), not both.');
  }
  const out = resolve(flags['out']!);
  if (out === path) throw new CliError('--out must be a different file from --db.');
  if (existsSync(out)) throw new CliError(`${out} already exists; choose a new name (an export never overwrites a file).`);
  const raw = openAppDatabaseReadOnly(path);
  if (!raw.prepare("select 1 from sqlite_schema where type = 'table' and name = 'ballot'").get()) {
    raw.close();
    throw new CliError(`There are no ballots in ${path} (it was last opened by a version of the app without them).`);
  }
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  try {
    const b = await findBallot(db, path, flags['ballot']);
    refuseUnlessDecided(b);
    const part = `${out}.part`;
    let ballots: number;
    try {
      ballots = await writeVerificationFile(db, b, part);
      renameSync(part, out);
    } catch (e) {
      try {
        rmSync(part, { force: true });
      } catch {
        // Nothing was written there (the path cannot hold a file); the message below says why.
      }
      const code = (e as { code?: string }).code;
      if (code) throw new CliError(`Cannot write ${out}: ${code === 'ENOENT' ? `the folder ${dirname(out)} does not exist` : (WRITE_ERRORS[code] ?? code)}.`);
      throw e;
    }
    io.out(`Wrote the verification file of “${b.title}” (result declared on ${formatLegalDate(b.decided_at!.slice(0, 10))}): ${ballots.toLocaleString('en-GB')} encrypted ballot${ballots === 1 ? '' : 's'}, ${formatBytes(statSync(out).size)}, to ${out}`);
    io.out(`Check it with: npm run verify-ballot -- "${out}"`);
    io.out(`A voter checks their receipt with: npm run verify-ballot -- "${out}" --tracker TRACKER`);
    return 0;
  } finally {
    await db.destroy();
  }
};

const WRITE_ERRORS: Record<string, string> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
};

async function findBallot(db: Kysely<DB>, path: string, id: string | undefined): Promise<BallotRow> {
  if (id !== undefined) {
    const b = await db.selectFrom('ballot').selectAll().where('id', '=', id.trim()).executeTakeFirst();
    if (b) return b;
    const others = await db.selectFrom('ballot').select(['id', 'title', 'status']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(5).execute();
    throw new CliError(
      `There is no ballot ${id} in ${path}.${others.length ? ` Its ballots, newest first: ${others.map((o) => `${o.id} “${o.title}” (${STATUS_WORDS[o.status] ?? o.status})`).join('; ')}.` : ' It holds no ballots.'}`,
    );
  }
  const latest = await db.selectFrom('ballot').selectAll().where('status', '=', 'decided').orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (latest) return latest;
  const any = await db.selectFrom('ballot').select(['id']).limit(1).executeTakeFirst();
  throw new CliError(any ? 'No ballot in this file has had its result declared yet: the trustees must decrypt first.' : `There are no ballots in ${path}.`);
}

const STATUS_WORDS: Record<string, string> = {
  draft: 'being set up',
  open: 'open for voting',
  closed: 'closed, waiting for the trustees to decrypt',
  decided: 'result declared',
  cancelled: 'cancelled',
};

function refuseUnlessDecided(b: BallotRow): void {
  if (b.status === 'decided') return;
  if (b.status === 'cancelled') throw new CliError(`“${b.title}” was cancelled; it has no result to verify.`);
  const where = b.status === 'closed' ? 'the ballot is closed and sealed' : b.status === 'open' ? 'the ballot is still open for voting; it must be closed' : 'the ballot is still being set up';
  throw new CliError(`The result has not been declared: the trustees must decrypt first (“${b.title}”: ${where}).`);
}
