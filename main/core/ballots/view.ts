import { BALLOT_STATUS_LABEL, type Ballot, type BallotResult, type BallotSummary } from '../../../shared/contract/ballots';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
import { formFamily, type FormFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { questionsOf } from './election';
import type { BallotRow, VoteChannel } from './tables';

/** Turnout by channel: a count of roll entries, never of choices (nothing shows a running result). */
export async function channelCounts(db: ReadDb, ballotId: string): Promise<Record<VoteChannel, number>> {
  const rows = await db
    .selectFrom('ballot_roll')
    .select(['voted_by'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ballot_id', '=', ballotId)
    .where('voted_by', 'is not', null)
    .groupBy('voted_by')
    .execute();
  const out: Record<VoteChannel, number> = { kiosk: 0, code: 0, phone: 0, paper: 0, proxy: 0 };
  for (const r of rows) out[r.voted_by!] = Number(r.n);
  return out;
}

/**
 * How resolutions in the ballot are decided, in words, for the legal form: company law for a
 * company (CA 2006 s282, s283), the registered rules for a society (the CCBS Act 2014 leaves the
 * majorities to them). A ballot of elections and consultations only has no such base.
 */
export function baseWords(base: BallotRow['base'], family: FormFamily, hasResolutions: boolean): string {
  if (!hasResolutions) return 'Elections fill their seats with the candidates who have the most votes; consultations are advisory counts.';
  if (family === 'society') {
    return base === 'votes_cast'
      ? 'Resolutions are decided on the votes cast, as on a poll at a meeting, by the majorities your registered rules set (the CCBS Act 2014 leaves them to the rules). Abstentions are not votes cast.'
      : "Resolutions are decided on the total votes of the eligible members, as your registered rules provide for a members' resolution in writing, so a member who does not vote counts as not agreeing.";
  }
  return base === 'votes_cast'
    ? 'Resolutions are decided on the votes cast, as on a poll at a meeting: an ordinary resolution needs a simple majority of them (CA 2006 s282(4)), a special one not less than 75% (s283(5)). Abstentions are not votes cast.'
    : "Resolutions are decided on the total voting rights of the eligible members, as for a members' written resolution (CA 2006 s282(2), s283(2)), so a member who does not vote counts as not agreeing.";
}

function nextStep(b: BallotRow, trustees: Ballot['trustees'], voted: number): string {
  const threshold = b.threshold < b.trustee_count;
  switch (b.status) {
    case 'draft': {
      const noKey = trustees.find((t) => !t.keyMade);
      if (noKey) return `Trustee ${noKey.position}, ${noKey.name}, has not made their key yet.`;
      if (threshold) {
        const notDealt = trustees.find((t) => !t.sharesDealt);
        if (notDealt) return `Trustee ${notDealt.position}, ${notDealt.name}, has not sealed their shares for the other trustees yet.`;
        const notAccepted = trustees.find((t) => !t.sharesAccepted);
        if (notAccepted) return `Trustee ${notAccepted.position}, ${notAccepted.name}, has not accepted the shares sealed for them yet.`;
      }
      return `Every trustee’s key is ready. Open the ballot to freeze the roll from the register on ${formatLegalDate(b.record_date)}.`;
    }
    case 'open':
      return `Open for voting: ${voted.toLocaleString('en-GB')} of ${(b.roll_count ?? 0).toLocaleString('en-GB')} voters have voted. No result is shown until it closes and the trustees decrypt the total.`;
    case 'closed': {
      if (b.tally === null) return 'Closed and sealed; the ballots are being added up. If this stops, close it again to finish the sum.';
      const done = trustees.filter((t) => t.decrypted).length;
      const missing = trustees.filter((t) => !t.decrypted).map((t) => `${t.position}, ${t.name}`);
      return `Closed and sealed. Trustees who have decrypted their part of the total: ${done} of the ${b.threshold} needed${missing.length ? `; waiting for trustee ${missing.join('; trustee ')}` : ''}.`;
    }
    case 'decided':
      return `Result declared on ${formatLegalDate(b.decided_at!.slice(0, 10))}. Export the verification file so that anyone can check it.`;
    case 'cancelled':
      return 'Cancelled: nothing was decrypted.';
  }
}

export function warnings(b: BallotRow): string[] {
  if (b.status === 'decided' || b.status === 'cancelled') return [];
  if (b.threshold === b.trustee_count) {
    return [
      `Every one of the ${b.trustee_count} trustees must enter their passphrase to decrypt the result. If any of them loses their passphrase and their backup, the result can never be computed: there is no way round this, by design. Choose ‘any k of n’ when setting up a ballot to allow for a lost trustee.`,
    ];
  }
  return [`Any ${b.threshold} of the ${b.trustee_count} trustees can decrypt the result; if more than ${b.trustee_count - b.threshold} lose their passphrase, it can never be computed. Any ${b.threshold} of them together could also decrypt it without the others.`];
}

export async function summaries(db: ReadDb, rows: readonly BallotRow[]): Promise<BallotSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const q = await db.selectFrom('ballot_question').select(['ballot_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', 'in', ids).groupBy('ballot_id').execute();
  const v = await db
    .selectFrom('ballot_roll')
    .select(['ballot_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ballot_id', 'in', ids)
    .where('voted_by', 'is not', null)
    .groupBy('ballot_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    meetingId: r.meeting_id,
    status: r.status,
    recordDate: r.record_date,
    questions: Number(q.find((x) => x.ballot_id === r.id)?.n ?? 0),
    rollCount: r.roll_count,
    voted: Number(v.find((x) => x.ballot_id === r.id)?.n ?? 0),
    createdAt: r.created_at,
  }));
}

export async function ballotView(db: ReadDb, b: BallotRow): Promise<Ballot> {
  const org = await db.selectFrom('organisation').select(['legal_form']).where('id', '=', b.organisation_id).executeTakeFirstOrThrow();
  const [summary] = await summaries(db, [b]);
  const questionList = await questionsOf(db, b.id);
  const trows = await db.selectFrom('ballot_trustee').selectAll().where('ballot_id', '=', b.id).orderBy('position').execute();
  const dealt = await db.selectFrom('ballot_share').select(['dealer']).distinct().where('ballot_id', '=', b.id).execute();
  const trustees = trows.map((t) => ({
    position: t.position,
    name: t.name,
    role: t.role,
    keyMade: t.public_part !== null,
    sharesDealt: dealt.some((d) => d.dealer === t.position),
    sharesAccepted: t.sealed_share !== null,
    decrypted: t.decryption !== null,
  }));
  const voted = b.status === 'draft' ? null : await channelCounts(db, b.id);
  const codes =
    b.status === 'draft'
      ? 0
      : Number((await db.selectFrom('ballot_roll').select((eb) => eb.fn.countAll<number>().as('n')).where('ballot_id', '=', b.id).where('code_hash', 'is not', null).executeTakeFirst())?.n ?? 0);
  return {
    ...summary!,
    base: b.base,
    baseWords: baseWords(b.base, formFamily(org.legal_form as LegalForm), questionList.some((q) => q.kind === 'resolution')),
    castingVote: b.casting_vote === 1,
    trusteeCount: b.trustee_count,
    threshold: b.threshold,
    questionList,
    trustees,
    roll: voted && b.roll_hash !== null ? { count: b.roll_count ?? 0, totalWeight: b.total_weight ?? 0, voted, codesIssued: codes, hash: b.roll_hash } : null,
    fingerprint: b.fingerprint,
    sealedBoxHash: b.sealed_box_hash,
    boxCount: b.box_count,
    summed: b.tally !== null,
    openedAt: b.opened_at,
    closedAt: b.closed_at,
    result: b.result === null ? null : (JSON.parse(b.result) as BallotResult),
    nextStep: nextStep(b, trustees, summary!.voted),
    warnings: warnings(b),
  };
}

export const statusLabel = (s: BallotRow['status']) => BALLOT_STATUS_LABEL[s];
