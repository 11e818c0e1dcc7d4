import { Kysely } from 'kysely';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { ReadDb } from '../context';
import { CachedSqliteDialect } from '../db/dialect';
import { checkIntegrityInWorker } from '../db/integrity';
import { openDatabase } from '../db/open';
import { ReadOnlyPlugin } from '../db/read-only';
import type { DB } from '../db/schema';
import type { JobHandle } from '../jobs/runner';
import { checkAnchors, collectAnchors, type Anchor } from './anchors';
import { GENESIS_HASH } from './chain';
import { headFingerprint } from '../../../shared/domain/fingerprint';
import type { StateReaders } from './state';
import { verifyAuditChain } from './verify';
import { describeMismatch, verifyRecords } from './verify-records';

export interface VerifyTarget {
  dbPath: string;
  readers: StateReaders;
}

/**
 * The whole check `verify` runs: the file's integrity, the audit chain, the registers against
 * the chain, and the chain against every head kept outside the file. Everything after the
 * integrity check reads one snapshot on a read-only connection of its own, so changes the
 * secretary makes meanwhile neither disturb it nor look like tampering.
 */
export async function verifyAll(target: VerifyTarget, job?: JobHandle, anchors: readonly Anchor[] = []): Promise<VerifyReport> {
  job?.progress(0, 1, 'Checking the file’s integrity');
  const integrity = await checkIntegrityInWorker(target.dbPath);
  const empty = { checked: 0, problems: [], more: 0 };
  if (!integrity.ok) {
    return {
      ok: false,
      events: 0,
      headHash: GENESIS_HASH,
      fingerprint: headFingerprint(0, GENESIS_HASH),
      problem: `The database file is damaged: ${integrity.messages[0]}`,
      brokenSeq: null,
      integrity: 'damaged',
      records: empty,
      anchors: [],
    };
  }
  const raw = openDatabase(target.dbPath, { readonly: true });
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  raw.prepare('begin').run();
  try {
    // The first read fixes the snapshot.
    raw.prepare('select count(*) from app_meta').get();
    return await verifySnapshot(target, raw, db.withPlugin(new ReadOnlyPlugin()), job, anchors);
  } finally {
    try {
      raw.prepare('commit').run();
    } finally {
      await db.destroy();
    }
  }
}

async function verifySnapshot(
  target: VerifyTarget,
  raw: ReturnType<typeof openDatabase>,
  db: ReadDb,
  job: JobHandle | undefined,
  anchors: readonly Anchor[],
): Promise<VerifyReport> {
  const chain = await verifyAuditChain(raw, {
    ...(job ? { checkpoint: () => job.checkpoint(), onProgress: (d, t) => job.progress(d, t, `Recomputing the audit chain: ${d} of ${t} events`) } : {}),
  });
  const head = raw.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string } | undefined;
  const headHash = chain.ok ? chain.headHash : (head?.hash ?? GENESIS_HASH);
  const headSeq = chain.ok ? chain.events : (head?.seq ?? 0);
  const records = await verifyRecords(raw, db, target.readers, {
    ...(job ? { checkpoint: () => job.checkpoint(), onProgress: (d, t) => job.progress(d, Math.max(t, d), `Comparing the registers with the log: ${d} records`) } : {}),
  });
  const anchorResults = checkAnchors(raw, anchors);
  const recordProblems = records.mismatches.map(describeMismatch);
  const badAnchor = anchorResults.find((a) => !a.matches);
  const problem = !chain.ok
    ? chain.problem
    : recordProblems.length > 0
      ? `The registers do not match the audit log: ${recordProblems[0]}${recordProblems.length + records.more > 1 ? ` (and ${recordProblems.length + records.more - 1} more)` : ''}.`
      : badAnchor
        ? badAnchor.message
        : null;
  return {
    ok: problem === null,
    events: chain.events,
    headHash,
    fingerprint: headFingerprint(headSeq, headHash),
    problem,
    brokenSeq: chain.ok ? null : chain.brokenSeq,
    integrity: 'ok',
    records: { checked: records.checked, problems: recordProblems, more: records.more },
    anchors: anchorResults,
  };
}

export interface RegisterCheck {
  /** Records that differ from the log, in words; anchors the log no longer holds. */
  problems: string[];
  more: number;
  checked: number;
}

/**
 * The part of verify that runs at every start (after the integrity check), on a snapshot of
 * its own and in slices: the registers against the log, and the log against the heads kept
 * outside the file. A mismatch is reported on the home screen, naming the records.
 */
export async function checkRegistersAgainstLog(target: VerifyTarget & { backupsDir: string }, checkpoint: () => Promise<void>): Promise<RegisterCheck> {
  const raw = openDatabase(target.dbPath, { readonly: true });
  const db = new Kysely<DB>({ dialect: new CachedSqliteDialect(raw) });
  raw.prepare('begin').run();
  try {
    raw.prepare('select count(*) from app_meta').get();
    const records = await verifyRecords(raw, db.withPlugin(new ReadOnlyPlugin()), target.readers, { checkpoint });
    const anchors = checkAnchors(raw, collectAnchors(target.dbPath, target.backupsDir));
    return {
      problems: [...records.mismatches.map(describeMismatch), ...anchors.filter((a) => !a.matches).map((a) => a.message)],
      more: records.more,
      checked: records.checked,
    };
  } finally {
    try {
      raw.prepare('commit').run();
    } finally {
      await db.destroy();
    }
  }
}
