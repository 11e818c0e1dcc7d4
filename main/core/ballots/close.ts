import { boxHashOf, canonicalBallot, tallyToJson, trackerOf, type BallotJson, type Ciphertext } from '../../../shared/ballot';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { CommandContext, ReadDb } from '../context';
import { checkpointInWorker } from '../db/checkpoint';
import { AppError } from '../errors';
import type { JobHandle } from '../jobs/runner';
import { forgetBallotAlphas } from './alphas';
import { coreGroup, electionOf, loadBallot, questionsOf } from './election';
import { boxCount, boxEntries, dropEmptySlots, putInBox } from './slots';
import { sumInWorkers } from './sum-thread';
import type { BallotRow } from './tables';

/**
 * Closing (docs/ballot-protocol.md §8, §10): no more votes; the proxies' votes that were not
 * overridden join the box; the box is checked against the roll (as many ballots as electronic
 * votes recorded, each ballot's tracker its own hash), sealed (its hash written to the ballot and
 * so into the audit chain) and then summed homomorphically, page by page, yielding to the event
 * loop so the window stays responsive. The sum is stored for the trustees to decrypt. If the sum
 * is interrupted (the app closed), closing again finishes it from the sealed box.
 */
const ELECTRONIC = ['kiosk', 'code', 'phone', 'proxy'] as const;

export async function boxProblem(db: ReadDb, b: BallotRow): Promise<string | null> {
  const voted = Number(
    (await db.selectFrom('ballot_roll').select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', '=', b.id).where('voted_by', 'in', [...ELECTRONIC]).executeTakeFirst())?.n ?? 0,
  );
  const held = Number((await db.selectFrom('ballot_proxy_vote').select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', '=', b.id).executeTakeFirst())?.n ?? 0);
  const boxed = (await boxCount(db, [b.id])).get(b.id) ?? 0;
  if (boxed + held !== voted) {
    return `The ballot box holds ${boxed + held} ballot${boxed + held === 1 ? '' : 's'} but the roll records ${voted} electronic vote${voted === 1 ? '' : 's'}: the file was changed outside the app. Restore a backup taken before the change, or ask the trustees and the scrutineer how to proceed.`;
  }
  return null;
}

async function sealBox(ctx: CommandContext, orgId: string, ballotId: string, job: JobHandle): Promise<void> {
  await ctx.write(async (tx) => {
    const b = await loadBallot(tx.db, orgId, ballotId);
    if (b.status !== 'open') return;
    const problem = await boxProblem(tx.db, b);
    if (problem) throw new AppError('CONFLICT', problem);
    // The proxies' votes not overridden by their appointers voting in person join the box now.
    const proxies = await tx.db
      .selectFrom('ballot_proxy_vote as p')
      .innerJoin('ballot_roll as r', 'r.id', 'p.roll_id')
      .select(['p.roll_id', 'p.tracker', 'p.ballot', 'r.weight'])
      .where('p.ballot_id', '=', b.id)
      .orderBy('p.tracker')
      .execute();
    const election = await electionOf(tx.db, b);
    for (const p of proxies) {
      const ballot = JSON.parse(p.ballot) as BallotJson;
      if (trackerOf(ballot) !== p.tracker) throw new AppError('CONFLICT', `A proxy’s held vote no longer matches its tracker ${p.tracker.slice(0, 16)}…: it was changed outside the app. Nothing was sealed.`);
      await putInBox(tx, b, election, { tracker: p.tracker, weight: p.weight, canonical: canonicalBallot(ballot) });
    }
    await tx.db.deleteFrom('ballot_proxy_vote').where('ballot_id', '=', b.id).execute();
    await dropEmptySlots(tx, b.id);
    job.progress(0, 1, 'Sealing the ballot box');
    const entries = await boxEntries(tx.db, b.id);
    const sealed = boxHashOf(b.fingerprint!, entries);
    const at = tx.who.at;
    await tx.db.updateTable('ballot').set({ status: 'closed', closed_at: at, sealed_box_hash: sealed, box_count: entries.length, updated_at: at }).where('id', '=', b.id).execute();
    tx.audit({
      action: 'ballot.closed',
      entityType: 'ballot',
      entityId: b.id,
      summary: `Ballot closed on ${formatLegalDate(at.slice(0, 10))}: ${entries.length} electronic ballot${entries.length === 1 ? '' : 's'} sealed${proxies.length ? ` (${proxies.length} by proxy)` : ''}`,
      before: { status: 'open' },
      after: { status: 'closed', sealedBoxHash: sealed, boxCount: entries.length, proxies: proxies.length },
      records: [{ type: 'ballot', id: b.id }, { type: 'ballot_box', id: b.id }, ...proxies.map((p) => ({ type: 'ballot_proxy_vote', id: p.roll_id }))],
    });
  });
}

async function sum(ctx: CommandContext, b: BallotRow, job: JobHandle): Promise<Ciphertext<Uint8Array>[][]> {
  const shape = (await questionsOf(ctx.db, b.id)).map((q) => q.choices.length);
  const total = b.box_count ?? 0;
  const entries = await boxEntries(ctx.db, b.id);
  if (entries.length !== total) throw new AppError('CONFLICT', `The sealed box held ${total} ballots but ${entries.length} are in the file now: it was changed outside the app. Nothing was decrypted.`);
  job.progress(0, total, 'Adding up the encrypted ballots');
  if (entries.length === 0) {
    const G = await coreGroup();
    return shape.map((n) => Array.from({ length: n }, () => ({ A: G.identity, B: G.identity })));
  }
  // On worker threads that read the sealed box themselves (sum-thread.ts); the snapshot holds the
  // file meanwhile, so a restore waits for the sum rather than replacing the file under it.
  const hold = await ctx.store.openSnapshot();
  try {
    return await sumInWorkers({
      dbPath: ctx.store.dbPath,
      shape,
      entries: entries.map((e) => ({ slot: e.slot, tracker: e.tracker, weight: e.weight })),
      onProgress: (done) => job.progress(done, total, 'Adding up the encrypted ballots'),
      signal: job.signal,
    });
  } finally {
    await hold.close();
  }
}

export async function closeBallot(ctx: CommandContext, orgId: string, ballotId: string, job: JobHandle): Promise<{ sealedBoxHash: string; boxCount: number }> {
  await sealBox(ctx, orgId, ballotId, job);
  forgetBallotAlphas(ctx.files.dbPath, ballotId);
  // The proxies' held votes were deleted and the box rewritten: empty the log of those pages now.
  await checkpointInWorker(ctx.files.dbPath, 'TRUNCATE');
  const b = await loadBallot(ctx.db, orgId, ballotId);
  if (b.tally === null) {
    const G = await coreGroup();
    const tally = tallyToJson(G, await sum(ctx, b, job));
    await ctx.write(async (tx) => {
      const now = await loadBallot(tx.db, orgId, ballotId);
      if (now.tally !== null || now.sealed_box_hash !== b.sealed_box_hash) return;
      await tx.db.updateTable('ballot').set({ tally: JSON.stringify(tally), updated_at: tx.who.at }).where('id', '=', b.id).execute();
      tx.audit({ action: 'ballot.tallied', entityType: 'ballot', entityId: b.id, summary: `The ${b.box_count} sealed ballots were summed, still encrypted, for the trustees to decrypt`, before: null, after: { tally } });
    });
  }
  return { sealedBoxHash: b.sealed_box_hash!, boxCount: b.box_count ?? 0 };
}
