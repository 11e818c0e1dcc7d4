import type Database from 'better-sqlite3';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { ReadDb } from '../context';
import { checkIntegrityInWorker } from '../db/integrity';
import type { JobHandle } from '../jobs/runner';
import { checkAnchors, type Anchor } from './anchors';
import { GENESIS_HASH, headFingerprint } from './chain';
import type { StateReaders } from './state';
import { verifyAuditChain } from './verify';
import { describeMismatch, verifyRecords } from './verify-records';

export interface VerifyTarget {
  dbPath: string;
  raw: Database.Database;
  db: ReadDb;
  readers: StateReaders;
}

/**
 * The whole check `verify` runs: the file's integrity, the audit chain, the registers against
 * the chain, and the chain against every head kept outside the file.
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
  const chain = await verifyAuditChain(target.raw, {
    ...(job ? { checkpoint: () => job.checkpoint(), onProgress: (d, t) => job.progress(d, t, `Recomputing the audit chain: ${d} of ${t} events`) } : {}),
  });
  const head = target.raw.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string } | undefined;
  const headHash = chain.ok ? chain.headHash : (head?.hash ?? GENESIS_HASH);
  const headSeq = chain.ok ? chain.events : (head?.seq ?? 0);
  const records = await verifyRecords(target.raw, target.db, target.readers, {
    ...(job ? { checkpoint: () => job.checkpoint(), onProgress: (d, t) => job.progress(d, Math.max(t, d), `Comparing the registers with the log: ${d} records`) } : {}),
  });
  const anchorResults = checkAnchors(target.raw, anchors);
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
