import { closeSync, openSync, writeSync } from 'node:fs';
import { FILE_FORMAT, FILE_VERSION } from '../../../shared/ballot';
import type { BallotResult as ResultView } from '../../../shared/contract/ballots';
import type { CommandContext, ReadDb } from '../context';
import { AppError } from '../errors';
import { exportStore } from '../exports/register-export';
import type { JobHandle } from '../jobs/runner';
import { electionOf } from './election';
import { ballotsOf, boxEntries } from './slots';
import type { BallotRow } from './tables';

/**
 * "Export for verification" (docs/ballot-protocol.md §12; issue 8 "Anyone can check"): one JSON
 * file with everything the standalone verifier (`npm run verify-ballot -- FILE`) recomputes. It
 * is written in pieces, the ballots a page at a time in the box's order (by tracker), because a
 * ballot of 35,000 voters makes a file of hundreds of megabytes: never one string in memory.
 * The file holds no voter's name or number: only the election, the trustees' public parts, the
 * roll's hash and counts, the encrypted ballots, the tally, the decryptions and the result.
 */
const PAGE = 500;

export async function writeVerificationFile(db: ReadDb, b: BallotRow, path: string, job?: JobHandle): Promise<number> {
  if (b.status !== 'decided' || b.tally === null || b.sealed_box_hash === null || b.result === null) throw new AppError('CONFLICT', 'The verification file is written once the result has been declared.');
  const election = await electionOf(db, b);
  const trustees = await db.selectFrom('ballot_trustee').select(['position', 'decryption']).where('ballot_id', '=', b.id).where('decryption', 'is not', null).orderBy('position').execute();
  const result = JSON.parse(b.result) as ResultView;
  const electronic = result.questions.map((q) => q.choices.map((c) => c.electronic));
  const fd = openSync(path, 'w', 0o600);
  let written = 0;
  try {
    const head = {
      format: FILE_FORMAT,
      version: FILE_VERSION,
      election: election.setup,
      trustees: election.trustees,
      publicKey: election.publicKey,
      rollHash: election.rollHash,
      totalWeight: election.totalWeight,
      fingerprint: election.fingerprint,
      counts: { roll: b.roll_count ?? 0, votedElectronically: b.box_count ?? 0 },
    };
    const headJson = JSON.stringify(head);
    writeSync(fd, `${headJson.slice(0, -1)},"ballots":[`);
    const total = b.box_count ?? 0;
    const entries = await boxEntries(db, b.id);
    for (let i = 0; i < entries.length; i += PAGE) {
      const page = entries.slice(i, i + PAGE);
      const texts = await ballotsOf(db, page);
      // The stored (canonical) ballot is written as it is, so the verifier sees exactly the bytes in the box.
      writeSync(fd, page.map((r, j) => `${written++ === 0 ? '' : ','}{"tracker":"${r.tracker}","weight":${r.weight},"ballot":${texts[j]}}`).join(''));
      job?.progress(written, total, 'Writing the encrypted ballots');
      if (job) await job.checkpoint();
    }
    const tail = {
      sealedBoxHash: b.sealed_box_hash,
      tally: JSON.parse(b.tally) as unknown,
      decryptions: trustees.map((t) => JSON.parse(t.decryption!) as unknown),
      result: electronic,
    };
    writeSync(fd, `],${JSON.stringify(tail).slice(1)}`);
  } finally {
    closeSync(fd);
  }
  return written;
}

export async function exportVerification(ctx: CommandContext, b: BallotRow, job: JobHandle) {
  const slug = b.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'ballot';
  const file = exportStore(ctx).create(`ballot-verification-${slug}.json`, 'application/json');
  let ballots: number;
  try {
    ballots = await writeVerificationFile(ctx.db, b, file.path, job);
  } catch (e) {
    file.discard();
    throw e;
  }
  const meta = file.commit();
  await ctx.write(async (tx) => {
    tx.audit({ action: 'ballot.verification_exported', entityType: 'ballot', entityId: b.id, summary: `Verification file of the ballot written (${ballots} encrypted ballots)`, before: null, after: { fileName: meta.fileName, sizeBytes: meta.sizeBytes }, records: [] });
  });
  return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, ballots };
}
