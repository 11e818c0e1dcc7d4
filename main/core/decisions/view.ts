import { isMembersMeeting, type MeetingKind } from '../../../shared/contract/meetings';
import { DECISION_OUTCOME_LABEL, type Decision, type DecisionOutcome } from '../../../shared/contract/decisions';
import { formFamily, type FormFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { SOCIETY_RESOLUTION_KINDS, type SocietyResolutionKind } from '../../../shared/rules/society-resolutions';
import { twoMeetingVerdict } from '../../../shared/rules/society-two-meeting';
import type { ReadDb } from '../context';
import { toRules } from '../organisation/handlers';
import { itemNumbers } from '../meetings/quorum';
import { votingMembersOn } from '../meetings/people';
import type { DecisionRow, MeetingRow } from '../meetings/tables';
import { boardVote } from '../../../shared/rules/board-vote';
import { percentOf, resolutionAtMeeting } from './outcome';
import { shortName } from '../meetings/people';

/**
 * Decisions as the contract shows them, read in a fixed handful of queries for any number of
 * rows (the register pages 50 at a time over 100,000 decisions): the meetings, the item numbers
 * of those meetings, the named votes, and for written resolutions their signatories' totals.
 * The outcome's words are derived from the stored outcome and counts each time, so they always
 * agree with the record; they cite the rule as it stands in the governing rules now.
 */

export interface DecisionContext {
  family: FormFamily;
  legalForm: LegalForm;
  chairCastingVote: boolean;
  specialResolutionPct: number;
}

export async function decisionContext(db: ReadDb, organisationId: string): Promise<DecisionContext> {
  const org = await db.selectFrom('organisation').select(['legal_form']).where('id', '=', organisationId).executeTakeFirstOrThrow();
  const legalForm = org.legal_form as LegalForm;
  const rulesRow = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  const rules = toRules(rulesRow, legalForm);
  return { family: formFamily(legalForm), legalForm, chairCastingVote: rules.chairCastingVote, specialResolutionPct: rules.specialResolutionPct };
}

type MeetingBits = Pick<MeetingRow, 'id' | 'title' | 'kind' | 'held_on' | 'chair_officer_id' | 'first_meeting_id' | 'society_resolution_kind' | 'organisation_id'>;

export const isSocietyKind = (k: string | null | undefined): k is SocietyResolutionKind => !!k && (SOCIETY_RESOLUTION_KINDS as readonly string[]).includes(k);

/**
 * A society's two-meeting special resolution (CCBS Act 2014 s111, s112-s113): the verdict on the
 * first meeting alone, or on the first and the confirming second, from the counts recorded at
 * each, with the eligible members counted on each meeting's date. Null when the first meeting's
 * result is not on record (a second meeting recorded first).
 */
export async function societyVerdict(
  db: ReadDb,
  meeting: MeetingBits,
  kind: SocietyResolutionKind,
  counts: { votesFor: number; votesAgainst: number },
  excludeDecisionId?: string,
) {
  const eligible = async (m: Pick<MeetingRow, 'organisation_id' | 'held_on'>) => (await votingMembersOn(db, m.organisation_id, m.held_on)).length;
  if (!meeting.first_meeting_id) {
    const vote = { heldOn: meeting.held_on, eligibleMembers: await eligible(meeting), ...counts };
    return { verdict: twoMeetingVerdict(kind, vote), second: false as const, vote };
  }
  const first = await db.selectFrom('meeting').selectAll().where('id', '=', meeting.first_meeting_id).executeTakeFirst();
  if (!first) return null;
  let q = db.selectFrom('decision').selectAll().where('meeting_id', '=', first.id).where('kind', '=', 'special').orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (excludeDecisionId) q = q.where('id', '<>', excludeDecisionId);
  const firstDecision = await q.executeTakeFirst();
  if (!firstDecision) return null;
  const firstVote = { heldOn: first.held_on, eligibleMembers: await eligible(first), votesFor: firstDecision.votes_for, votesAgainst: firstDecision.votes_against };
  const vote = { heldOn: meeting.held_on, eligibleMembers: await eligible(meeting), ...counts };
  return { verdict: twoMeetingVerdict(kind, firstVote, vote), second: true as const, vote, first };
}

/** Words for a society two-meeting verdict: where it stands, naming the step that failed (society-two-meeting.ts). */
export function societyMessage(v: NonNullable<Awaited<ReturnType<typeof societyVerdict>>>): string {
  return v.verdict.message;
}

/** Whether the verdict passes this meeting's step: the first meeting's vote, or the whole procedure at the second. */
export function societyPassed(v: NonNullable<Awaited<ReturnType<typeof societyVerdict>>>): boolean {
  return v.second ? v.verdict.stage === 'passed' : v.verdict.stage !== 'failed';
}

/**
 * A stored board decision's words, by the board-vote rule from what was recorded: the counts, who
 * was recused, the chair, and the casting vote the outcome records. Where the outcome is on a
 * casting vote, the chair had one then, whatever the rules say now.
 */
function boardMessage(d: DecisionRow, ctx: DecisionContext, chair: { id: string; name: string } | null, recused: { id: string; name: string }[]): string {
  const outcome = d.outcome as DecisionOutcome;
  const onCasting = outcome === 'carried_on_casting_vote' || outcome === 'lost_on_casting_vote';
  // A recused chair is read as conflicted (recusals are recorded for conflicts), as when recorded.
  const chairRecused = chair !== null && recused.some((r) => r.id === chair.id);
  try {
    return boardVote({
      votes: { for: d.votes_for, against: d.votes_against, abstain: d.votes_abstain },
      recused: chairRecused ? recused.filter((r) => r.id !== chair.id) : recused,
      conflicted: chairRecused ? [chair.id] : [],
      chair,
      castingVoteInRules: onCasting || ctx.chairCastingVote,
      castingVote: onCasting ? (outcome === 'carried_on_casting_vote' ? 'for' : 'against') : null,
      family: ctx.family,
    }).message;
  } catch {
    return `${DECISION_OUTCOME_LABEL[outcome] ?? outcome}: ${d.votes_for} for, ${d.votes_against} against.`;
  }
}

/** The outcome in words for a stored decision. */
export function outcomeMessageFor(
  d: DecisionRow,
  ctx: DecisionContext,
  chair: { id: string; name: string } | null,
  votes: { officerId: string; name: string; vote: string }[],
  extra: { society?: string; written?: { total: number; eligible: number } },
): string {
  const counts = { votesFor: d.votes_for, votesAgainst: d.votes_against, votesAbstain: d.votes_abstain };
  if (d.method === 'written') {
    const total = extra.written?.total ?? 0;
    if (d.kind === 'board') {
      return `Passed as a written resolution of the board: all ${extra.written?.eligible ?? d.votes_for} eligible directors agreed (${ctx.family === 'company' ? 'Model Articles art 8' : 'your registered rules'}).`;
    }
    const base =
      ctx.family === 'company'
        ? `CA 2006 ${d.kind === 'special' ? 's283(2)' : 's282(2)'}, s296(4)`
        : 'your registered rules, counted on the total voting rights of eligible members as CA 2006 s282(2) and s283(2) do for a company';
    return `Passed as a written ${d.kind} resolution: ${d.votes_for} of ${total} votes agreed (${percentOf(d.votes_for, total)} of the total voting rights of eligible members; ${
      d.kind === 'special' ? `not less than ${ctx.family === 'company' ? 75 : ctx.specialResolutionPct}%` : 'more than half'
    } needed, ${base}).`;
  }
  if (extra.society) return extra.society;
  if (d.kind === 'board') {
    return boardMessage(d, ctx, chair, votes.filter((v) => v.vote === 'recused').map((v) => ({ id: v.officerId, name: v.name })));
  }
  return resolutionAtMeeting(d.kind, d.method === 'poll' ? 'poll' : 'show_of_hands', counts, ctx.family, ctx.specialResolutionPct).message;
}

/** Decisions as the contract shows them, in the order given. */
export async function toDecisions(db: ReadDb, ctx: DecisionContext, rows: readonly DecisionRow[]): Promise<Decision[]> {
  if (rows.length === 0) return [];
  const meetingIds = [...new Set(rows.map((r) => r.meeting_id).filter((x): x is string => x !== null))];
  const meetings = meetingIds.length
    ? await db
        .selectFrom('meeting')
        .select(['id', 'title', 'kind', 'held_on', 'chair_officer_id', 'first_meeting_id', 'society_resolution_kind', 'organisation_id'])
        .where('id', 'in', meetingIds)
        .execute()
    : [];
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const signed = meetingIds.length
    ? new Set((await db.selectFrom('minutes').select('meeting_id').where('meeting_id', 'in', meetingIds).where('status', '=', 'signed').where('corrects_minutes_id', 'is', null).execute()).map((r) => r.meeting_id))
    : new Set<string>();
  const items = meetingIds.length ? await db.selectFrom('agenda_item').select(['id', 'parent_id', 'position', 'meeting_id']).where('meeting_id', 'in', meetingIds).execute() : [];
  const numbers = new Map<string, string>();
  for (const id of meetingIds) for (const [k, v] of itemNumbers(items.filter((i) => i.meeting_id === id))) numbers.set(k, v);
  const votes = await db
    .selectFrom('decision_vote as v')
    .innerJoin('officer as o', 'o.id', 'v.officer_id')
    .select(['v.decision_id', 'v.officer_id', 'v.vote', 'o.given_names', 'o.family_name'])
    .where(
      'v.decision_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('o.family_name')
    .orderBy('o.given_names')
    .execute();
  const chairIds = [...new Set(meetings.map((m) => m.chair_officer_id).filter((x): x is string => x !== null))];
  const chairNames = new Map(
    chairIds.length
      ? (await db.selectFrom('officer').select(['id', 'given_names', 'family_name']).where('id', 'in', chairIds).execute()).map((o) => [o.id, shortName(o.given_names, o.family_name)])
      : [],
  );
  const resIds = rows.filter((r) => r.kind === 'special' && r.resolution_id !== null).map((r) => r.resolution_id!);
  const societyKinds = new Map(
    resIds.length
      ? (await db.selectFrom('resolution').select(['id', 'society_kind']).where('id', 'in', resIds).where('society_kind', 'is not', null).execute()).map((r) => [r.id, r.society_kind])
      : [],
  );
  const wrIds = [...new Set(rows.map((r) => r.written_resolution_id).filter((x): x is string => x !== null))];
  const written = new Map<string, { total: number; eligible: number }>();
  if (wrIds.length) {
    const totals = await db
      .selectFrom('written_resolution_signatory')
      .select(['written_resolution_id', (eb) => eb.fn.sum<number>('votes').as('total'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('written_resolution_id', 'in', wrIds)
      .groupBy('written_resolution_id')
      .execute();
    for (const t of totals) written.set(t.written_resolution_id, { total: Number(t.total), eligible: Number(t.n) });
  }
  const out: Decision[] = [];
  for (const d of rows) {
    const m = d.meeting_id ? meetingById.get(d.meeting_id) : undefined;
    const own = votes.filter((v) => v.decision_id === d.id);
    const mine = own.map((v) => ({ officerId: v.officer_id, name: `${v.given_names} ${v.family_name}`, vote: v.vote }));
    const short = own.map((v) => ({ officerId: v.officer_id, name: shortName(v.given_names, v.family_name), vote: v.vote }));
    const chair = m?.chair_officer_id ? { id: m.chair_officer_id, name: chairNames.get(m.chair_officer_id) ?? 'The chair' } : null;
    let society: string | undefined;
    const sk = m?.society_resolution_kind ?? (d.resolution_id ? societyKinds.get(d.resolution_id) : null);
    if (m && d.kind === 'special' && isMembersMeeting(m.kind as MeetingKind) && isSocietyKind(sk)) {
      const v = await societyVerdict(db, m, sk, { votesFor: d.votes_for, votesAgainst: d.votes_against }, d.id).catch(() => null);
      if (v) society = societyMessage(v);
    }
    out.push({
      id: d.id,
      meetingId: d.meeting_id,
      meetingTitle: m?.title ?? null,
      meetingKind: (m?.kind as MeetingKind | undefined) ?? null,
      agendaItemId: d.agenda_item_id,
      itemNumber: d.agenda_item_id ? (numbers.get(d.agenda_item_id) ?? null) : null,
      resolutionId: d.resolution_id,
      writtenResolutionId: d.written_resolution_id,
      kind: d.kind,
      text: d.text,
      proposer: d.proposer,
      seconder: d.seconder,
      method: d.method,
      votesFor: d.votes_for,
      votesAgainst: d.votes_against,
      votesAbstain: d.votes_abstain,
      votes: d.votes_named || mine.some((v) => v.vote === 'recused') ? mine : [],
      outcome: d.outcome as DecisionOutcome,
      outcomeMessage: outcomeMessageFor(d, ctx, chair, short, { ...(society ? { society } : {}), ...(d.written_resolution_id ? { written: written.get(d.written_resolution_id) ?? { total: 0, eligible: 0 } } : {}) }),
      recordedNotQuorate: d.recorded_not_quorate === 1,
      relatedOrganisation: d.related_organisation,
      counterpartyId: d.counterparty_id,
      decidedOn: d.decided_on,
      sealed: d.meeting_id ? signed.has(d.meeting_id) : false,
    });
  }
  return out;
}
