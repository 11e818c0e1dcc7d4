import type { RollEntry } from '../../../shared/contract/ballots';
import type { ReadDb, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { refuseUnlessOpen } from './cast';
import { loadBallot, questionsOf } from './election';
import type { BallotRow } from './tables';

/**
 * Paper ballots (issue 8 "Channels"): each paper has a serial number and the roll records who was
 * given which, so nobody votes on paper and electronically. Tellers count a batch of papers and
 * enter the counts twice, two people, for each choice (weighted: a member with 3 votes marks one
 * paper that counts 3) and the spoilt papers; the entries must agree before the batch is counted.
 * A paper's choices are counted openly by the tellers, as at any poll on paper; only the
 * electronic ballots are encrypted. The paper totals are added to the decrypted electronic total
 * and shown separately in the result.
 */
export interface PaperEntry {
  counts: number[][];
  spoilt: number;
}

export async function issuePaper(tx: WriteContext, input: { id: string; rollId: string; serial: string }): Promise<RollEntry> {
  const rc = await tx.register();
  const b = await loadBallot(tx.db, rc.org.id, input.id);
  refuseUnlessOpen(b);
  const r = await tx.db.selectFrom('ballot_roll').selectAll().where('id', '=', input.rollId).where('ballot_id', '=', b.id).executeTakeFirst();
  if (!r) throw AppError.field('rollId', 'That person is not on the roll of this ballot.');
  if (r.voted_by === 'paper') throw AppError.field('rollId', `${r.name} was already given paper ${r.paper_serial}.`);
  if (r.voted_by && r.voted_by !== 'proxy') throw AppError.field('rollId', `${r.name} (member ${r.member_number}) has already voted, so cannot be given a paper.`);
  const taken = await tx.db.selectFrom('ballot_roll').select(['member_number']).where('ballot_id', '=', b.id).where('paper_serial', '=', input.serial).executeTakeFirst();
  if (taken) throw AppError.field('serial', `Paper ${input.serial} was already given to member ${taken.member_number}. Each paper has its own serial number.`);
  const records = [{ type: 'ballot_roll', id: r.id }];
  if (r.voted_by === 'proxy') {
    // Voting in person overrides the proxy: their proxy's ballot is discarded unopened.
    const held = await tx.db.selectFrom('ballot_proxy_vote').select(['ballot']).where('roll_id', '=', r.id).executeTakeFirst();
    if (held) {
      await tx.db.deleteFrom('ballot_proxy_vote').where('roll_id', '=', r.id).execute();
      records.push({ type: 'ballot_proxy_vote', id: r.id });
    }
  }
  await tx.db.updateTable('ballot_roll').set({ voted_by: 'paper', paper_serial: input.serial, updated_at: tx.who.at }).where('id', '=', r.id).execute();
  tx.audit({
    action: 'ballot.paper_issued',
    entityType: 'ballot_roll',
    entityId: r.id,
    summary: `Member ${r.member_number} given paper ballot ${input.serial}${r.voted_by === 'proxy' ? ', overriding their proxy’s vote' : ''}`,
    before: { name: r.name, votedBy: r.voted_by },
    after: { votedBy: 'paper', paperSerial: input.serial },
    records,
  });
  return { id: r.id, memberNumber: r.member_number, name: r.name, className: r.class_name, votes: r.weight, votedBy: 'paper', hasCode: r.code_hash !== null, paperSerial: input.serial };
}

function discrepancies(questions: Awaited<ReturnType<typeof questionsOf>>, a: PaperEntry, b: PaperEntry, first: string, second: string): string[] {
  const out: string[] = [];
  questions.forEach((q, i) => {
    q.choices.forEach((c, j) => {
      const x = a.counts[i]![j]!;
      const y = b.counts[i]![j]!;
      if (x !== y) out.push(`Question ${i + 1}, ${c.label}: ${first} counted ${x.toLocaleString('en-GB')}, ${second} ${y.toLocaleString('en-GB')}.`);
    });
  });
  if (a.spoilt !== b.spoilt) out.push(`Spoilt papers: ${first} counted ${a.spoilt}, ${second} ${b.spoilt}.`);
  return out;
}

export async function batchesOf(db: ReadDb, b: BallotRow) {
  const questions = await questionsOf(db, b.id);
  const rows = await db.selectFrom('ballot_paper_batch').selectAll().where('ballot_id', '=', b.id).orderBy('label').execute();
  return rows.map((r) => {
    const first = r.first_entry ? (JSON.parse(r.first_entry) as PaperEntry) : null;
    const second = r.second_entry ? (JSON.parse(r.second_entry) as PaperEntry) : null;
    const diffs = first && second ? discrepancies(questions, first, second, r.first_teller!, r.second_teller!) : [];
    return { label: r.label, firstTeller: r.first_teller, secondTeller: r.second_teller, agreed: !!first && !!second && diffs.length === 0, discrepancies: diffs, entry: first };
  });
}

/** The agreed paper counts, per question and choice; refused while a batch is unagreed. */
export async function paperTotals(db: ReadDb, b: BallotRow): Promise<{ counts: number[][]; spoilt: number; batches: number }> {
  const questions = await questionsOf(db, b.id);
  const batches = await batchesOf(db, b);
  const open = batches.filter((x) => !x.agreed);
  if (open.length) {
    throw new AppError('CONFLICT', `Paper batch${open.length === 1 ? '' : 'es'} ${open.map((x) => x.label).join(', ')} ${open.length === 1 ? 'has' : 'have'} not been entered by two tellers who agree yet.`);
  }
  const counts = questions.map((q) => q.choices.map(() => 0));
  let spoilt = 0;
  for (const x of batches) {
    x.entry!.counts.forEach((row, i) => row.forEach((n, j) => (counts[i]![j]! += n)));
    spoilt += x.entry!.spoilt;
  }
  return { counts, spoilt, batches: batches.length };
}

export async function enterPaperBatch(tx: WriteContext, input: { id: string; label: string; teller: string; counts: number[][]; spoilt: number }) {
  const rc = await tx.register();
  const b = await loadBallot(tx.db, rc.org.id, input.id);
  if (b.status !== 'open' && b.status !== 'closed') throw new AppError('CONFLICT', b.status === 'draft' ? 'The ballot has not opened yet.' : `Paper counts cannot be entered once the ballot is ${b.status}.`);
  const questions = await questionsOf(tx.db, b.id);
  if (input.counts.length !== questions.length || input.counts.some((row, i) => row.length !== questions[i]!.choices.length)) {
    throw AppError.field('counts', `Give a count for every choice of each of the ${questions.length} questions.`);
  }
  const paperWeight = Number(
    (await tx.db.selectFrom('ballot_roll').select((eb) => eb.fn.sum<number>('weight').as('w')).where('ballot_id', '=', b.id).where('voted_by', '=', 'paper').executeTakeFirst())?.w ?? 0,
  );
  for (const [i, row] of input.counts.entries()) {
    const q = questions[i]!;
    const sum = row.reduce((s, n) => s + n, 0);
    const cap = paperWeight * (q.kind === 'resolution' ? 1 : q.max);
    if (sum > cap) {
      throw AppError.field(`counts.${i}`, `Question ${i + 1} has ${sum.toLocaleString('en-GB')} votes counted, more than the papers issued could carry (${paperWeight.toLocaleString('en-GB')} votes on ${q.kind === 'resolution' ? 'them' : `them, ${q.max} choices each`}). Check the count.`);
    }
  }
  const entry = JSON.stringify({ counts: input.counts, spoilt: input.spoilt } satisfies PaperEntry);
  const existing = await tx.db.selectFrom('ballot_paper_batch').selectAll().where('ballot_id', '=', b.id).where('label', '=', input.label).executeTakeFirst();
  const teller = input.teller.trim();
  const same = (x: string | null) => x !== null && x.toLocaleLowerCase('en-GB') === teller.toLocaleLowerCase('en-GB');
  let id: string;
  let which: 'first' | 'second';
  if (!existing) {
    id = uuidv7();
    which = 'first';
    await tx.db.insertInto('ballot_paper_batch').values({ id, ballot_id: b.id, label: input.label, first_teller: teller, first_entry: entry, second_teller: null, second_entry: null, created_at: tx.who.at, updated_at: tx.who.at }).execute();
  } else {
    id = existing.id;
    const batch = (await batchesOf(tx.db, b)).find((x) => x.label === input.label)!;
    if (batch.agreed) throw AppError.field('label', `Batch ${input.label} has been entered by ${existing.first_teller} and ${existing.second_teller}, who agree; it is counted and cannot be entered again.`);
    if (existing.second_entry === null) {
      if (same(existing.first_teller)) throw AppError.field('teller', `${teller} entered batch ${input.label} first; the second entry must be made by another teller, counting the papers again.`);
      which = 'second';
    } else if (same(existing.first_teller)) which = 'first';
    else if (same(existing.second_teller)) which = 'second';
    else throw AppError.field('teller', `Batch ${input.label} was entered by ${existing.first_teller} and ${existing.second_teller}; one of them must correct their entry.`);
    await tx.db
      .updateTable('ballot_paper_batch')
      .set(which === 'first' ? { first_teller: teller, first_entry: entry, updated_at: tx.who.at } : { second_teller: teller, second_entry: entry, updated_at: tx.who.at })
      .where('id', '=', id)
      .execute();
  }
  const batches = await batchesOf(tx.db, b);
  const mine = batches.find((x) => x.label === input.label)!;
  tx.audit({
    action: 'ballot.paper_batch_entered',
    entityType: 'ballot_paper_batch',
    entityId: id,
    summary: `Paper batch ${input.label}: ${which} teller's count entered${mine.firstTeller && mine.secondTeller ? (mine.agreed ? '; the two counts agree' : `; ${mine.discrepancies.length} discrepanc${mine.discrepancies.length === 1 ? 'y' : 'ies'}`) : ''}`,
    before: null,
    after: { label: input.label, teller, which, counts: input.counts, spoilt: input.spoilt },
  });
  return { batches: shownBatches(b, batches) };
}

/**
 * The batches as the screens show them. The agreed counts appear only once voting has closed: a
 * paper count shown while the ballot is open would be a running result (issue 8: "nothing shows a
 * running result while the ballot is open"). The tellers know their own counts, as at any count.
 */
export function shownBatches(b: BallotRow, batches: Awaited<ReturnType<typeof batchesOf>>) {
  return batches.map(({ entry, ...rest }) => ({ ...rest, counts: rest.agreed && b.status !== 'open' ? entry!.counts : null, spoilt: rest.agreed && b.status !== 'open' ? entry!.spoilt : null }));
}
