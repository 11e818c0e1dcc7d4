import { boxHashOf, trackerOf, type BallotJson } from '../../../shared/ballot';
import { rowStateReader, type StateReader } from '../audit/state';
import type { ReadDb } from '../context';
import { boxProblem } from './close';
import { ballotsOf, boxCount, boxEntries } from './slots';

/**
 * What the audit log vouches for in ballots. Ordinary records (the ballot, its questions, choices,
 * trustees, shares, roll entries, paper batches, proxies' held votes) by their own columns.
 *
 * The box is different (docs/ballot-protocol.md §10): its entries must not be linkable to the
 * events that cast them, so the log vouches for the box only by its count, one state per ballot
 * ('ballot_box', id = the ballot's id), recorded at each cast. A state naming the trackers would
 * let anyone replay the log and see which tracker each cast added. The box's contents are checked
 * instead by `check`: each ballot must hash to its tracker, the box must hold as many ballots as
 * the roll records electronic votes, and once sealed, the box must give the sealed hash. So a
 * ballot row edited, deleted or added in SQL is found by the audit check (and by the verifier).
 */
const plain = rowStateReader;

async function ballotWords(db: ReadDb, id: string): Promise<string> {
  const b = await db.selectFrom('ballot').select(['title']).where('id', '=', id).executeTakeFirst();
  return b ? `the ballot “${b.title}”` : `a ballot (${id})`;
}

const box: StateReader = {
  type: 'ballot_box',
  describe: async (db, id) => `the ballot box of ${await ballotWords(db, id)}`,
  read: async (db, ids) => {
    const opened = await db.selectFrom('ballot').select(['id']).where('id', 'in', ids).where('status', '<>', 'draft').where('fingerprint', 'is not', null).execute();
    const counts = await boxCount(db, ids);
    return new Map(opened.map((b) => [b.id, { ballots: counts.get(b.id) ?? 0 }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('ballot').select('id').where('fingerprint', 'is not', null).orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
  check: async (db, checkpoint) => {
    const findings: { id: string; message: string }[] = [];
    const ballots = await db.selectFrom('ballot').selectAll().where('fingerprint', 'is not', null).execute();
    let checked = 0;
    for (const b of ballots) {
      if (b.status === 'open') {
        const problem = await boxProblem(db, b);
        if (problem) findings.push({ id: b.id, message: problem });
      }
      const entries = await boxEntries(db, b.id);
      for (let i = 0; i < entries.length; i += 500) {
        const page = entries.slice(i, i + 500);
        let texts: string[];
        try {
          texts = await ballotsOf(db, page);
        } catch (e) {
          findings.push({ id: b.id, message: e instanceof Error ? e.message : String(e) });
          break;
        }
        page.forEach((r, j) => {
          checked += 1;
          let ok: boolean;
          try {
            ok = trackerOf(JSON.parse(texts[j]!) as BallotJson) === r.tracker;
          } catch {
            ok = false;
          }
          if (!ok) findings.push({ id: b.id, message: `The encrypted ballot with tracker ${r.tracker.slice(0, 16)}… no longer matches its tracker: it was changed outside the app.` });
        });
        if (checkpoint) await checkpoint();
      }
      if (b.sealed_box_hash !== null && boxHashOf(b.fingerprint!, entries) !== b.sealed_box_hash) {
        findings.push({ id: b.id, message: `The sealed ballot box no longer gives the hash recorded when it was closed (${entries.length} ballots now, ${b.box_count} sealed): ballots were added, removed or changed outside the app.` });
      }
    }
    return { checked, findings };
  },
};

const proxyVote: StateReader = {
  type: 'ballot_proxy_vote',
  describe: async (db, id) => {
    const r = await db.selectFrom('ballot_roll').select(['member_number', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return r ? `the proxy's vote for member ${r.member_number} in ${await ballotWords(db, r.ballot_id)}` : `a proxy's vote (${id})`;
  },
  // Without its tracker and ballot: a state hash over them could be matched against the box once
  // the vote joins it at the close, linking the appointer to their ballot (migration 0014). The
  // ballot's own integrity is checked against its tracker at the close.
  read: async (db, ids) => {
    const rows = await db.selectFrom('ballot_proxy_vote').select(['roll_id', 'ballot_id', 'proxy_appointment_id', 'created_at']).where('roll_id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.roll_id, { ...r, held: true }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('ballot_proxy_vote').select('roll_id').orderBy('roll_id').limit(limit);
    if (after !== null) q = q.where('roll_id', '>', after);
    return (await q.execute()).map((r) => r.roll_id);
  },
};

export const ballotStateReaders: StateReader[] = [
  plain('ballot', ballotWords),
  plain('ballot_question', async (db, id) => {
    const q = await db.selectFrom('ballot_question').select(['position', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return q ? `question ${q.position} of ${await ballotWords(db, q.ballot_id)}` : `a ballot question (${id})`;
  }),
  plain('ballot_choice', async (db, id) => {
    const c = await db.selectFrom('ballot_choice').select(['label']).where('id', '=', id).executeTakeFirst();
    return c ? `the choice “${c.label}” of a ballot` : `a ballot choice (${id})`;
  }),
  plain('ballot_trustee', async (db, id) => {
    const t = await db.selectFrom('ballot_trustee').select(['position', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return t ? `trustee ${t.position} of ${await ballotWords(db, t.ballot_id)}` : `a ballot trustee (${id})`;
  }),
  plain('ballot_share', async (db, id) => {
    const s = await db.selectFrom('ballot_share').select(['dealer', 'recipient', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return s ? `the share from trustee ${s.dealer} to trustee ${s.recipient} of ${await ballotWords(db, s.ballot_id)}` : `a trustee's share (${id})`;
  }),
  plain('ballot_roll', async (db, id) => {
    const r = await db.selectFrom('ballot_roll').select(['member_number', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return r ? `member ${r.member_number} on the roll of ${await ballotWords(db, r.ballot_id)}` : `a roll entry (${id})`;
  }),
  plain('ballot_paper_batch', async (db, id) => {
    const p = await db.selectFrom('ballot_paper_batch').select(['label', 'ballot_id']).where('id', '=', id).executeTakeFirst();
    return p ? `paper batch ${p.label} of ${await ballotWords(db, p.ballot_id)}` : `a paper batch (${id})`;
  }),
  box,
  proxyVote,
];
