import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { SetUpInput } from '../../shared/contract/organisation';
import type { Result } from '../../shared/result';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { Core, type CoreOptions } from './core';

/**
 * Helpers for tests of the core (and of hosts built on it): real files in a fresh temporary
 * folder, the real migrations, no mocks. Not imported by the app itself.
 */

/** A fresh folder under the OS temp dir; remove it with `rmSync(dir, { recursive: true })`. */
export function tempDir(prefix = 'mg-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A database path in a fresh temporary folder (the file does not exist yet). */
export function tempDbPath(name = 'mutual-governance.sqlite'): string {
  return join(tempDir(), name);
}

export interface TestCore {
  core: Core;
  dir: string;
  dbPath: string;
  /** Closes the core (if still open) and removes the folder. */
  cleanup(): Promise<void>;
}

/** Opens a Core on a new file in a new temporary folder. */
export async function openTestCore(options: Partial<Omit<CoreOptions, 'dbPath'>> & { dbPath?: string } = {}): Promise<TestCore> {
  const dir = tempDir();
  const dbPath = options.dbPath ?? join(dir, 'mutual-governance.sqlite');
  const core = await Core.open({ host: 'cli', actor: 'test secretary', ...options, dbPath });
  let closed = false;
  return {
    core,
    dir,
    dbPath,
    async cleanup() {
      if (!closed) {
        closed = true;
        await core.close().catch(() => {});
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A set-up input that passes every check: a company limited by guarantee in England. */
export function validSetUpInput(overrides: { particulars?: Partial<SetUpInput['particulars']>; rules?: Partial<SetUpInput['rules']> } = {}): SetUpInput {
  return {
    particulars: {
      name: 'Riverside Care Mutual',
      legalForm: 'company_limited_by_guarantee',
      registrationNumber: '01234567',
      registeredOffice: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'england' },
      incorporatedOn: '2015-04-01',
      financialYearEnd: '03-31',
      ...overrides.particulars,
    },
    rules: { ...defaultRuleValues(overrides.particulars?.legalForm ?? 'company_limited_by_guarantee'), ...overrides.rules },
  };
}

/** Sets up the organisation through the contract; throws if the core refuses. */
export async function setUpOrganisation(core: Core, overrides: Parameters<typeof validSetUpInput>[0] = {}): Promise<unknown> {
  return expectOk(await core.dispatch('organisation.setUp', validSetUpInput(overrides)));
}

/** The value of a successful Result; throws with the error otherwise, so tests read straight. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Runs a job-starting call and waits for the job; returns its final status. */
export async function runJob(core: Core, method: string, input: unknown) {
  const { jobId } = expectOk(await core.dispatch(method, input)) as { jobId: string };
  await core.jobs.idle();
  return core.jobs.get(jobId);
}

/** Runs a job to its end and answers its result, failing the test with the job's error if it failed. */
export async function jobResult<T>(core: Core, method: string, input: unknown): Promise<T> {
  const s = await runJob(core, method, input);
  if (s?.state !== 'succeeded') throw new Error(`${method} did not succeed: ${s?.error?.message ?? s?.state}`);
  return s.result as T;
}

/**
 * SHA-256 over the schema and every row of every table, in a fixed order: equal digests mean
 * the logical content is the same (the file's bytes may differ after a checkpoint).
 */
export function contentDigest(raw: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const schema = raw.prepare('select type, name, tbl_name, sql from sqlite_schema order by type, name').all();
  hash.update(JSON.stringify(schema));
  const tables = raw.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  for (const t of tables) {
    const quoted = `"${t.replaceAll('"', '""')}"`;
    // Ordered by every column, so WITHOUT ROWID tables digest the same way as the others.
    const columns = (raw.pragma(`table_info(${quoted})`) as unknown[]).length;
    const orderBy = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    hash.update(`\u0000${t}\u0000`);
    for (const row of raw.prepare(`select * from ${quoted} order by ${orderBy}`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    }
  }
  return hash.digest('hex');
}

/** SHA-256 of a file's bytes, for "left byte-identical" checks. */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
