import type { z } from 'zod';
import type { DecisionOutcome, decisionMethods } from '../../../shared/contract/decisions';
import { isMembersMeeting, type MeetingKind } from '../../../shared/contract/meetings';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RegisterCtx, WriteContext } from '../context';
import { AppError } from '../errors';
import { itemMoments } from '../../../shared/rules/board-quorum';
import { presentAt, type AttendanceState } from '../../../shared/rules/time-of-day';
import { computeQuorums, itemNumbers, orderItems, quorumInputs } from '../meetings/quorum';
import { votingMembersOn } from '../meetings/people';
import type { AgendaItemRow, DecisionRow, MeetingRow } from '../meetings/tables';
import { boardVote, boardVoteProblems, type BoardVoteInput } from '../../../shared/rules/board-vote';
import { boardSources, resolutionAtMeeting } from './outcome';
import { isSocietyKind, societyMessage, societyPassed, societyVerdict, type DecisionContext } from './view';

/**
 * What `decisions.record` and `decisions.update` decide before writing: who may vote, the counts,
 * recusals, the quorum for the item, and the outcome with its words.
 */

type RecordInput = z.output<(typeof decisionMethods)['decisions.record']['input']>;
export type VoteFields = Omit<RecordInput, 'agendaItemId' | 'kind' | 'method' | 'resolutionId'>;

export interface Tally {
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  named: boolean;
  /** Rows for decision_vote: named votes, or the recusals of a counted vote. */
  votes: { officerId: string; vote: 'for' | 'against' | 'abstain' | 'recused' }[];
  outcome: DecisionOutcome;
  message: string;
  notQuorate: boolean;
}

const SEALED = 'are signed and sealed, so its decisions cannot be changed (CA 2006 s248, s355, s1138). Record a correction at a later meeting instead.';

export async function loadItemAndMeeting(tx: WriteContext, rc: RegisterCtx, agendaItemId: string, field = 'agendaItemId'): Promise<{ item: AgendaItemRow; meeting: MeetingRow }> {
  const item = await tx.db.selectFrom('agenda_item').selectAll().where('id', '=', agendaItemId).executeTakeFirst();
  const meeting = item ? await tx.db.selectFrom('meeting').selectAll().where('id', '=', item.meeting_id).where('organisation_id', '=', rc.org.id).executeTakeFirst() : undefined;
  if (!item || !meeting) throw AppError.field(field, 'That agenda item is not on record.');
  return { item, meeting };
}

/** Refuses any change to the decisions of a meeting whose minutes are signed, before the SQL trigger has to. */
export async function assertNotSealed(tx: WriteContext, meeting: MeetingRow): Promise<void> {
  const minutes = await tx.db.selectFrom('minutes').select('status').where('meeting_id', '=', meeting.id).where('corrects_minutes_id', 'is', null).executeTakeFirst();
  if (minutes?.status === 'signed') throw new AppError('CONFLICT', `The minutes of the ${meeting.title} on ${formatLegalDate(meeting.held_on)} ${SEALED}`);
}

export function assertMeetingCanDecide(rc: RegisterCtx, meeting: MeetingRow): void {
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', `The ${meeting.title} on ${formatLegalDate(meeting.held_on)} was cancelled, so no decision was taken at it.`);
  if (meeting.held_on > rc.today) {
    throw new AppError('CONFLICT', `The ${meeting.title} is on ${formatLegalDate(meeting.held_on)}; a decision is recorded once the meeting has taken it (today is ${formatLegalDate(rc.today)}).`);
  }
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);

/** A board or committee vote on an item. */
export async function boardTally(
  tx: WriteContext,
  ctx: DecisionContext & { conflictedExcludedFromQuorum: boolean },
  meeting: MeetingRow,
  item: AgendaItemRow,
  input: VoteFields,
): Promise<Tally> {
  const inputs = await quorumInputs(tx.db, meeting);
  const quorum = computeQuorums(inputs).items.get(item.id)!;
  const { notQuorate } = quorumCheck(quorum, input, ctx.family === 'company' ? ' (Model Articles art 11(1): no proposal is voted on unless a quorum is participating)' : '');
  const number = itemNumbers(inputs.items).get(item.id) ?? '';
  const at = itemMoments(orderItems(inputs.items).map((i) => ({ id: i.id, startsAt: i.starts_at })), meeting.starts_at).get(item.id) ?? null;
  const present = new Set(
    inputs.attendance
      .filter(
        (a) =>
          a.role === 'director' &&
          a.officer_id !== null &&
          inputs.seats.has(a.officer_id) &&
          presentAt({ status: a.status as AttendanceState, arrivedAt: a.arrived_at, leftAt: a.left_at }, at, meeting.ends_at),
      )
      .map((a) => a.officer_id!),
  );
  const nameOf = (id: string) => inputs.shortNames.get(id) ?? 'That director';
  const conflicted = new Map(quorum.conflicted.map((c) => [c.officerId, c]));
  const excluded = ctx.conflictedExcludedFromQuorum;
  const src = boardSources(ctx.family);
  const seatWord = meeting.kind === 'committee' ? 'a member of the committee' : 'a director';

  let votes: Tally['votes'];
  let counts: { votesFor: number; votesAgainst: number; votesAbstain: number };
  const named = input.votes !== undefined && input.votes.length > 0;
  if (named) {
    const seen = new Set<string>();
    input.votes!.forEach((v, i) => {
      const field = `votes.${i}.officerId`;
      if (seen.has(v.officerId)) throw AppError.field(field, `${nameOf(v.officerId)} is named twice; record one vote for each director.`);
      seen.add(v.officerId);
      if (!inputs.seats.has(v.officerId)) throw AppError.field(field, `${nameOf(v.officerId)} was not ${seatWord} on ${formatLegalDate(meeting.held_on)}, so has no vote at this meeting.`);
      if (!present.has(v.officerId) && v.vote !== 'recused') {
        throw AppError.field(field, `${nameOf(v.officerId)} is not recorded as present for item ${number}; record their attendance (or when they left) first.`);
      }
      // Abstaining is taking no side, as the board-vote rule reads art 14; voting for or against is refused.
      const c = conflicted.get(v.officerId);
      if (c && excluded && (v.vote === 'for' || v.vote === 'against')) {
        throw AppError.field(
          `votes.${i}.vote`,
          `${c.name} has declared an interest (${c.interest}) in ${item.related_organisation ?? 'this item'}, so may not vote on item ${number} (${src.conflict}); record them as recused.`,
        );
      }
    });
    const missing = [...present].filter((id) => !seen.has(id) && !(conflicted.has(id) && excluded));
    if (missing.length) {
      throw AppError.field('votes', `Record a vote (for, against, abstain or recused) for each director present: ${list(missing.map(nameOf))} ${missing.length === 1 ? 'has' : 'have'} none.`);
    }
    votes = input.votes!.map((v) => ({ officerId: v.officerId, vote: v.vote }));
    for (const id of present) if (!seen.has(id) && conflicted.has(id)) votes.push({ officerId: id, vote: 'recused' });
    counts = {
      votesFor: votes.filter((v) => v.vote === 'for').length,
      votesAgainst: votes.filter((v) => v.vote === 'against').length,
      votesAbstain: votes.filter((v) => v.vote === 'abstain').length,
    };
    for (const [key, label] of [
      ['votesFor', 'for'],
      ['votesAgainst', 'against'],
      ['votesAbstain', 'abstaining'],
    ] as const) {
      const given = input[key];
      if (given !== undefined && given !== counts[key]) {
        throw AppError.field(key, `The named votes give ${counts[key]} ${label}; ${given} was entered. Leave the counts out when each director's vote is named.`);
      }
    }
  } else {
    if (input.votesFor === undefined && input.votesAgainst === undefined) {
      throw AppError.field('votesFor', "Enter the votes for and against, or name each director's vote.");
    }
    const recused = new Set<string>();
    (input.recusedOfficerIds ?? []).forEach((id, i) => {
      if (!inputs.seats.has(id)) throw AppError.field(`recusedOfficerIds.${i}`, `${nameOf(id)} was not ${seatWord} on ${formatLegalDate(meeting.held_on)}.`);
      recused.add(id);
    });
    if (excluded) for (const id of present) if (conflicted.has(id)) recused.add(id);
    counts = { votesFor: input.votesFor ?? 0, votesAgainst: input.votesAgainst ?? 0, votesAbstain: input.votesAbstain ?? 0 };
    const entitled = [...present].filter((id) => !recused.has(id)).length;
    const cast = counts.votesFor + counts.votesAgainst + counts.votesAbstain;
    if (cast > entitled) {
      const out = [...present].filter((id) => recused.has(id)).map(nameOf);
      throw AppError.field(
        'votesFor',
        `${cast} votes are recorded, but only ${entitled} director${entitled === 1 ? ' was' : 's were'} present and entitled to vote on item ${number}${out.length ? ` (${list(out)} ${out.length === 1 ? 'is' : 'are'} recused)` : ''}.`,
      );
    }
    votes = [...recused].map((officerId) => ({ officerId, vote: 'recused' as const }));
  }

  // The outcome by the board-vote rule (Model Articles art 7(1), art 13): recused directors named,
  // the chair's casting vote only on a tie, where the rules give one and the chair is neither
  // conflicted nor recused. The chair may decline to use it; the tie is then not carried.
  const chair = meeting.chair_officer_id;
  const voteInput: BoardVoteInput = {
    votes: { for: counts.votesFor, against: counts.votesAgainst, abstain: counts.votesAbstain },
    // A chair recused for a conflict is named as conflicted, so the message cites art 13(2).
    recused: votes.filter((v) => v.vote === 'recused' && !(v.officerId === chair && conflicted.has(v.officerId))).map((v) => ({ id: v.officerId, name: nameOf(v.officerId) })),
    conflicted: [...conflicted.keys()],
    conflictedMayVote: !excluded,
    chair: chair === null ? null : { id: chair, name: nameOf(chair) },
    castingVoteInRules: ctx.chairCastingVote,
    castingVote: input.castingVote ?? null,
    family: ctx.family,
  };
  const problems = boardVoteProblems(voteInput);
  if (problems.length) throw AppError.field(input.castingVote ? 'castingVote' : 'votes', problems[0]!);
  const result = boardVote(voteInput);
  return { ...counts, named, votes, outcome: result.outcome, message: result.message, notQuorate };
}

function quorumCheck(quorum: { quorate: boolean; message: string }, input: Pick<VoteFields, 'recordNotQuorate'>, why = ''): { notQuorate: boolean } {
  if (!quorum.quorate && !input.recordNotQuorate) {
    throw AppError.field(
      'recordNotQuorate',
      `${quorum.message} A decision taken without a quorum is not valid${why}; record it only to minute what happened, marking it as taken while not quorate.`,
    );
  }
  return { notQuorate: !quorum.quorate };
}

/** A members' resolution at a general or class meeting, with the counts the meeting declared. */
export async function membersTally(
  tx: WriteContext,
  ctx: DecisionContext,
  meeting: MeetingRow,
  kind: 'ordinary' | 'special',
  method: 'show_of_hands' | 'poll',
  resolution: { kind: string; society_kind: string | null } | null,
  input: VoteFields,
  excludeDecisionId?: string,
): Promise<Tally> {
  if (input.votes?.length) throw AppError.field('votes', "Members' votes are recorded as the counts the meeting declared, not by name.");
  if (input.recusedOfficerIds?.length) throw AppError.field('recusedOfficerIds', 'Recusals are recorded for board decisions only.');
  if (input.castingVote !== undefined) throw AppError.field('castingVote', "A chair's casting vote is recorded for board decisions only.");
  if (input.votesFor === undefined) throw AppError.field('votesFor', 'Enter the votes for.');
  if (input.votesAgainst === undefined) throw AppError.field('votesAgainst', 'Enter the votes against.');
  const counts = { votesFor: input.votesFor, votesAgainst: input.votesAgainst, votesAbstain: input.votesAbstain ?? 0 };

  const inputs = await quorumInputs(tx.db, meeting);
  const quorum = computeQuorums(inputs).now!;
  const { notQuorate } = quorumCheck(quorum, input);

  const societyKind = meeting.society_resolution_kind ?? resolution?.society_kind ?? null;
  if (kind === 'special' && isSocietyKind(societyKind)) {
    const eligible = (await votingMembersOn(tx.db, meeting.organisation_id, meeting.held_on)).length;
    if (counts.votesFor + counts.votesAgainst > eligible) {
      throw AppError.field('votesFor', `${counts.votesFor + counts.votesAgainst} members are recorded as voting, but only ${eligible} members were entitled to vote on ${formatLegalDate(meeting.held_on)}.`);
    }
    const v = await societyVerdict(tx.db, meeting, societyKind, counts, excludeDecisionId);
    if (!v) {
      throw new AppError('CONFLICT', 'This meeting confirms a special resolution of an earlier meeting, whose result is not recorded yet. Record the first meeting’s decision first.');
    }
    const passed = societyPassed(v);
    return { ...counts, named: false, votes: [], outcome: passed ? 'passed' : 'not_passed', message: societyMessage(v), notQuorate };
  }
  const r = resolutionAtMeeting(kind, method, counts, ctx.family, ctx.specialResolutionPct);
  return { ...counts, named: false, votes: [], outcome: r.passed ? 'passed' : 'not_passed', message: r.message, notQuorate };
}

/**
 * The resolution in the notice a members' decision is taken on: a special resolution must have
 * been set out in the notice as special (CA 2006 s283(6)(a)), and one set out as special may be
 * passed only as special (s283(6)(b)).
 */
export async function checkResolution(
  tx: WriteContext,
  ctx: DecisionContext,
  meeting: MeetingRow,
  kind: 'ordinary' | 'special',
  resolutionId: string | null | undefined,
  excludeDecisionId?: string,
): Promise<{ id: string; kind: string; society_kind: string | null } | null> {
  const company = ctx.family === 'company';
  const res = resolutionId
    ? await tx.db.selectFrom('resolution').select(['id', 'kind', 'society_kind', 'meeting_id', 'position']).where('id', '=', resolutionId).executeTakeFirst()
    : undefined;
  if (resolutionId && (!res || res.meeting_id !== meeting.id)) throw AppError.field('resolutionId', 'That resolution is not in the notice of this meeting.');
  if (kind === 'special' && res?.kind !== 'special') {
    const why = company
      ? 'A resolution is a special resolution only if the notice of the meeting set out its text and said it was to be proposed as a special resolution (CA 2006 s283(6)(a))'
      : 'Your registered rules decide how a special resolution is proposed; as for a company (CA 2006 s283(6)(a)), the app needs it set out in the notice as a special resolution';
    throw AppError.field(
      'resolutionId',
      res ? `${why}; resolution ${res.position + 1} was set out as an ordinary resolution.` : `${why}. Choose the resolution from the notice, set out there as special.`,
    );
  }
  if (kind === 'ordinary' && res?.kind === 'special') {
    throw AppError.field('kind', `Resolution ${res.position + 1} was set out in the notice as a special resolution, so it may be passed only as a special resolution (${company ? 'CA 2006 s283(6)(b)' : 'your registered rules'}).`);
  }
  if (res) {
    let q = tx.db.selectFrom('decision').select('id').where('resolution_id', '=', res.id);
    if (excludeDecisionId) q = q.where('id', '<>', excludeDecisionId);
    if (await q.executeTakeFirst()) throw AppError.field('resolutionId', `A decision on resolution ${res.position + 1} is already recorded; correct that one instead.`);
  }
  return res ? { id: res.id, kind: res.kind, society_kind: res.society_kind } : null;
}

/** Everything about a decision's kind and method that depends on the meeting's kind. */
export function checkKindAndMethod(meeting: MeetingRow, kind: DecisionRow['kind'], method: DecisionRow['method']): void {
  if (isMembersMeeting(meeting.kind as MeetingKind)) {
    if (kind === 'board') throw AppError.field('kind', "At a members' meeting, choose an ordinary or a special resolution.");
    if (method !== 'show_of_hands' && method !== 'poll') throw AppError.field('method', 'Choose whether the meeting voted on a show of hands or on a poll.');
  } else {
    if (kind !== 'board') throw AppError.field('kind', `A ${meeting.kind === 'committee' ? 'committee' : 'board'} meeting decides by a vote of the directors, not by a members' resolution.`);
    if (method !== 'board_vote') throw AppError.field('method', `A ${meeting.kind === 'committee' ? 'committee' : 'board'} decision is recorded as a vote of the directors.`);
  }
}
