import { sql } from 'kysely';
import { DECISION_OUTCOME_LABEL } from '../../../shared/contract/decisions';
import { organisationKey } from '../../../shared/rules/conflicts';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RecordRef } from '../audit/state';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { nameKey } from '../counterparties/names';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { toRules } from '../organisation/handlers';
import type { DecisionRow, MeetingRow } from '../meetings/tables';
import {
  assertMeetingCanDecide,
  assertNotSealed,
  boardTally,
  checkKindAndMethod,
  checkResolution,
  loadItemAndMeeting,
  membersTally,
  type Tally,
  type VoteFields,
} from './record';
import { decisionContext, toDecisions, type DecisionContext } from './view';

/**
 * Decisions of meetings: a board or committee vote on an agenda item (named or counted, with
 * recusals of conflicted directors and the chair's casting vote where the rules give one), or a
 * members' resolution with the counts the meeting declared; and the decisions register across
 * meetings and written resolutions. Each change is one audit event vouching for the decision
 * and its vote rows; once the meeting's minutes are signed nothing here may change them.
 */

async function writeContext(tx: WriteContext, rc: RegisterCtx): Promise<DecisionContext & { conflictedExcludedFromQuorum: boolean }> {
  const ctx = await decisionContext(tx.db, rc.org.id);
  const rulesRow = await tx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
  return { ...ctx, conflictedExcludedFromQuorum: toRules(rulesRow, rc.legalForm).conflictedExcludedFromQuorum };
}

function auditView(d: Pick<DecisionRow, 'kind' | 'method' | 'text' | 'proposer' | 'seconder' | 'votes_for' | 'votes_against' | 'votes_abstain' | 'outcome' | 'recorded_not_quorate' | 'resolution_id' | 'agenda_item_id'>, votes: Tally['votes']) {
  return {
    agendaItemId: d.agenda_item_id,
    resolutionId: d.resolution_id,
    kind: d.kind,
    method: d.method,
    text: d.text,
    proposer: d.proposer,
    seconder: d.seconder,
    votesFor: d.votes_for,
    votesAgainst: d.votes_against,
    votesAbstain: d.votes_abstain,
    votes,
    outcome: d.outcome,
    recordedNotQuorate: d.recorded_not_quorate === 1,
  };
}

async function tallyFor(
  tx: WriteContext,
  rc: RegisterCtx,
  meeting: MeetingRow,
  item: Awaited<ReturnType<typeof loadItemAndMeeting>>['item'],
  kind: DecisionRow['kind'],
  method: DecisionRow['method'],
  resolutionId: string | null | undefined,
  input: VoteFields,
  excludeDecisionId?: string,
): Promise<{ tally: Tally; resolutionId: string | null }> {
  checkKindAndMethod(meeting, kind, method);
  const ctx = await writeContext(tx, rc);
  if (kind === 'board') {
    if (resolutionId) throw AppError.field('resolutionId', "A board decision is not on a members' resolution from a notice.");
    return { tally: await boardTally(tx, ctx, meeting, item, input), resolutionId: null };
  }
  const res = await checkResolution(tx, ctx, meeting, kind, resolutionId, excludeDecisionId);
  const tally = await membersTally(tx, ctx, meeting, kind, method as 'show_of_hands' | 'poll', res, input, excludeDecisionId);
  return { tally, resolutionId: res?.id ?? null };
}

async function insertVotes(tx: WriteContext, decisionId: string, votes: Tally['votes']): Promise<RecordRef[]> {
  const refs: RecordRef[] = [];
  for (const v of votes) {
    const id = uuidv7();
    await tx.db.insertInto('decision_vote').values({ id, decision_id: decisionId, officer_id: v.officerId, vote: v.vote, created_at: tx.who.at }).execute();
    refs.push({ type: 'decision_vote', id });
  }
  return refs;
}

async function oneDecision(db: WriteContext['db'], organisationId: string, id: string) {
  const row = await db.selectFrom('decision').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That decision is not on record.');
  return row;
}

async function loadForChange(tx: WriteContext, rc: RegisterCtx, id: string, what: 'correct' | 'remove') {
  const d = await oneDecision(tx.db, rc.org.id, id);
  if (d.written_resolution_id !== null || d.meeting_id === null || d.agenda_item_id === null) {
    throw new AppError('CONFLICT', `This decision is the record of a written resolution that passed; it follows the agreements received, so it cannot be ${what === 'correct' ? 'corrected' : 'removed'} here.`);
  }
  const { item, meeting } = await loadItemAndMeeting(tx, rc, d.agenda_item_id, 'id');
  await assertNotSealed(tx, meeting);
  return { d, item, meeting };
}

/**
 * Matches from which a search walks the register rather than sorting the matches: walking finds a
 * page of 50 after about 50 x (decisions / matches) rows, sorting costs a row fetch per match.
 */
const COMMON_MATCHES = 500;

export const decisionsHandlers = defineHandlers('decisions', {
  'decisions.record': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { item, meeting } = await loadItemAndMeeting(tx, rc, input.agendaItemId);
    await assertNotSealed(tx, meeting);
    assertMeetingCanDecide(rc, meeting);
    const { tally, resolutionId } = await tallyFor(tx, rc, meeting, item, input.kind, input.method, input.resolutionId, input);
    // The organisation it concerns (issue 10): the one named, or the agenda item's.
    let counterpartyId = item.counterparty_id;
    let relatedOrganisation = item.related_organisation;
    if (input.counterpartyId) {
      const cp = await tx.db.selectFrom('counterparty').select(['name']).where('id', '=', input.counterpartyId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
      if (!cp) throw AppError.field('counterpartyId', 'That organisation is not on the list of organisations.');
      if (input.counterpartyId !== item.counterparty_id) relatedOrganisation = cp.name;
      counterpartyId = input.counterpartyId;
    }
    const row: DecisionRow = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      meeting_id: meeting.id,
      agenda_item_id: item.id,
      resolution_id: resolutionId,
      written_resolution_id: null,
      kind: input.kind,
      text: input.text,
      proposer: input.proposer ?? null,
      seconder: input.seconder ?? null,
      method: input.method,
      votes_named: tally.named ? 1 : 0,
      votes_for: tally.votesFor,
      votes_against: tally.votesAgainst,
      votes_abstain: tally.votesAbstain,
      outcome: tally.outcome,
      recorded_not_quorate: tally.notQuorate ? 1 : 0,
      related_organisation: relatedOrganisation,
      counterparty_id: counterpartyId,
      decided_on: meeting.held_on,
      created_at: tx.who.at,
      updated_at: tx.who.at,
    };
    await tx.db.insertInto('decision').values(row).execute();
    const voteRefs = await insertVotes(tx, row.id, tally.votes);
    tx.audit({
      action: 'decision.recorded',
      entityType: 'decision',
      entityId: row.id,
      summary: `Decision recorded at the ${meeting.title} on ${formatLegalDate(meeting.held_on)}: ${DECISION_OUTCOME_LABEL[tally.outcome]}${tally.notQuorate ? ' (taken while not quorate)' : ''}`,
      before: null,
      after: auditView(row, tally.votes),
      records: [{ type: 'decision', id: row.id }, ...voteRefs],
    });
    const ctx = await decisionContext(tx.db, rc.org.id);
    return (await toDecisions(tx.db, ctx, [row]))[0]!;
  }),

  'decisions.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { d, item, meeting } = await loadForChange(tx, rc, input.id, 'correct');
    const { tally, resolutionId } = await tallyFor(tx, rc, meeting, item, d.kind, d.method, d.resolution_id, input, d.id);
    const oldVotes = await tx.db.selectFrom('decision_vote').select(['id', 'officer_id', 'vote']).where('decision_id', '=', d.id).execute();
    const after: DecisionRow = {
      ...d,
      resolution_id: resolutionId,
      text: input.text,
      proposer: input.proposer ?? null,
      seconder: input.seconder ?? null,
      votes_named: tally.named ? 1 : 0,
      votes_for: tally.votesFor,
      votes_against: tally.votesAgainst,
      votes_abstain: tally.votesAbstain,
      outcome: tally.outcome,
      recorded_not_quorate: tally.notQuorate ? 1 : 0,
      updated_at: tx.who.at,
    };
    await tx.db.deleteFrom('decision_vote').where('decision_id', '=', d.id).execute();
    await tx.db
      .updateTable('decision')
      .set({
        text: after.text,
        proposer: after.proposer,
        seconder: after.seconder,
        votes_named: after.votes_named,
        votes_for: after.votes_for,
        votes_against: after.votes_against,
        votes_abstain: after.votes_abstain,
        outcome: after.outcome,
        recorded_not_quorate: after.recorded_not_quorate,
        updated_at: after.updated_at,
      })
      .where('id', '=', d.id)
      .execute();
    const voteRefs = await insertVotes(tx, d.id, tally.votes);
    tx.audit({
      action: 'decision.updated',
      entityType: 'decision',
      entityId: d.id,
      summary: `Decision at the ${meeting.title} on ${formatLegalDate(meeting.held_on)} corrected: ${DECISION_OUTCOME_LABEL[tally.outcome]}`,
      before: auditView(d, oldVotes.map((v) => ({ officerId: v.officer_id, vote: v.vote }))),
      after: auditView(after, tally.votes),
      records: [{ type: 'decision', id: d.id }, ...oldVotes.map((v) => ({ type: 'decision_vote', id: v.id })), ...voteRefs],
    });
    const ctx = await decisionContext(tx.db, rc.org.id);
    return (await toDecisions(tx.db, ctx, [after]))[0]!;
  }),

  'decisions.remove': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { d, meeting } = await loadForChange(tx, rc, input.id, 'remove');
    const approves = await tx.db.selectFrom('minutes').select('meeting_id').where('approved_by_decision_id', '=', d.id).executeTakeFirst();
    if (approves) {
      const m = await tx.db.selectFrom('meeting').select(['title', 'held_on']).where('id', '=', approves.meeting_id).executeTakeFirstOrThrow();
      throw new AppError('CONFLICT', `This decision approved the minutes of the ${m.title} on ${formatLegalDate(m.held_on)}, so it stays on the record; correct it instead.`);
    }
    const oldVotes = await tx.db.selectFrom('decision_vote').select(['id', 'officer_id', 'vote']).where('decision_id', '=', d.id).execute();
    await tx.db.deleteFrom('decision_vote').where('decision_id', '=', d.id).execute();
    await tx.db.deleteFrom('decision').where('id', '=', d.id).execute();
    tx.audit({
      action: 'decision.removed',
      entityType: 'decision',
      entityId: d.id,
      summary: `Decision removed from the ${meeting.title} on ${formatLegalDate(meeting.held_on)}`,
      before: auditView(d, oldVotes.map((v) => ({ officerId: v.officer_id, vote: v.vote }))),
      after: null,
      records: [{ type: 'decision', id: d.id }, ...oldVotes.map((v) => ({ type: 'decision_vote', id: v.id }))],
    });
    return { removed: true as const };
  }),

  /**
   * Newest first by (decided_on, id), a page at a time from the last row of the previous page
   * (keyset), walking the decision_register index (organisation_id, decided_on) so a page costs
   * the rows it shows plus those the filters pass over, whatever the register's size.
   */
  'decisions.register': query(async (input, ctx) => {
    const rc = await ctx.register();
    let q = ctx.db.selectFrom('decision as d').selectAll('d').where('d.organisation_id', '=', rc.org.id);
    // Rows SQL lets through that are not wanted after all (a name the index only nearly matches).
    let keep: ((d: DecisionRow) => boolean) | null = null;
    if (input.from) q = q.where('d.decided_on', '>=', input.from);
    if (input.to) q = q.where('d.decided_on', '<=', input.to);
    if (input.meetingId) q = q.where('d.meeting_id', '=', input.meetingId);
    if (input.meetingKind) {
      // A kind with many meetings is found by walking the register newest first and checking each
      // row's meeting against the meetings of that kind ("+" keeps SQLite off the decision_meeting
      // index, which would fetch and sort every decision of the kind): a page costs about 50 rows
      // divided by the kind's share. A rare kind (under 1% of meetings: a class meeting, the odd
      // general meeting) goes through decision_meeting and sorts its few decisions. Both counts
      // come from the meeting_kind index (migration 0012).
      const count = Number(
        (await ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', rc.org.id).where('kind', '=', input.meetingKind).executeTakeFirstOrThrow()).n,
      );
      if (count === 0) return { rows: [], next: null };
      const all = Number((await ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow()).n);
      const ofKind = ctx.db.selectFrom('meeting').select('id').where('organisation_id', '=', rc.org.id).where('kind', '=', input.meetingKind);
      q = count * 100 >= all ? q.where(sql<boolean>`+d.meeting_id in (${ofKind})`) : q.where('d.meeting_id', 'in', ofKind);
    }
    if (input.outcome) q = q.where('d.outcome', '=', input.outcome);
    if (input.search) {
      // Each word the secretary typed, as a prefix, all of them (FTS5, migration 0009): "renew
      // leeds" finds "To renew the Leeds City Council contract". Quoted, so no word is read as
      // FTS syntax; a search with no letters or digits matches nothing.
      const words = input.search.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return { rows: [], next: null };
      const match = words.map((w) => `"${w}"*`).join(' ');
      // A common word ("council": thousands of decisions) is found by walking the register newest
      // first and checking each row against the matches ("+" keeps SQLite from driving the query
      // by the matches, which would fetch and sort every one of them: 49 ms for 6,600 of 100,000
      // decisions, against 2 ms walking). A rare word is found through its few matches, sorted.
      const common = await ctx.db
        .selectFrom(sql<{ rowid: number }>`(select rowid from decision_fts where decision_fts match ${match} limit ${COMMON_MATCHES})`.as('f'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      q =
        Number(common.n) >= COMMON_MATCHES
          ? q.where(sql<boolean>`+d.rowid in (select rowid from decision_fts where decision_fts match ${match})`)
          : q.where(sql<boolean>`d.rowid in (select rowid from decision_fts where decision_fts match ${match})`);
    }
    if (input.organisation) {
      // "The Leeds City Council Ltd" finds "Leeds City Council": the words that name it, in order.
      const key = organisationKey(input.organisation);
      if (key) q = q.where(sql<boolean>`d.related_organisation like ${`%${key.split(' ').map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%')}%`} escape '\\'`);
    }
    if (input.counterpartyId) {
      const cp = await ctx.db.selectFrom('counterparty').select(['id', 'name', 'name_key']).where('id', '=', input.counterpartyId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
      if (!cp) throw AppError.field('counterpartyId', 'That organisation is not on the list of organisations.');
      // Linked to it (the decision_counterparty index), or naming it in words: the words of its
      // name as a phrase in the related organisation column of decision_fts, a few more than the
      // exact name ("… Council Trading Ltd"), so each row is then checked by nameKey, as the
      // organisation's page checks it. A name with no letters or digits has no words to look up:
      // every named decision is checked.
      keep = (d) => d.counterparty_id === cp.id || (d.related_organisation !== null && nameKey(d.related_organisation) === cp.name_key);
      if (/[\p{L}\p{N}]/u.test(cp.name)) {
        const match = `related_organisation : "${cp.name.replace(/"/g, '""')}"`;
        const named = sql`select rowid from decision_fts where decision_fts match ${match}`;
        // As for words searched: an organisation named or linked by many decisions is found by
        // walking the register newest first ("+" keeps SQLite off the indexes, which would fetch
        // and sort every one); one with a few through its links and matches, sorted.
        const linked = await ctx.db
          .selectFrom(sql<{ id: string }>`(select id from decision where counterparty_id = ${cp.id} limit ${COMMON_MATCHES})`.as('l'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const matched = await ctx.db
          .selectFrom(sql<{ rowid: number }>`(${named} limit ${COMMON_MATCHES})`.as('f'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        const about = sql`select rowid from decision where counterparty_id = ${cp.id} union ${named}`;
        q = Number(linked.n) + Number(matched.n) >= COMMON_MATCHES ? q.where(sql<boolean>`+d.rowid in (${about})`) : q.where(sql<boolean>`d.rowid in (${about})`);
      } else {
        q = q.where(sql<boolean>`(+d.counterparty_id = ${cp.id} or +d.related_organisation is not null)`);
      }
    }
    // A page and one row more, to know if there is a next page; where rows are checked after
    // SQL, read on past those turned away until the page is full or the register ends.
    const rows: DecisionRow[] = [];
    let after = input.after;
    for (;;) {
      const from = after;
      const batch = (await (from ? q.where(sql<boolean>`(d.decided_on, d.id) < (${from.decidedOn}, ${from.id})`) : q)
        .orderBy('d.decided_on', 'desc')
        .orderBy('d.id', 'desc')
        .limit(input.limit + 1)
        .execute()) as DecisionRow[];
      rows.push(...(keep ? batch.filter(keep) : batch));
      const end = batch.at(-1);
      if (rows.length > input.limit || batch.length <= input.limit || !end) break;
      after = { decidedOn: end.decided_on, id: end.id };
    }
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const dctx = await decisionContext(ctx.db, rc.org.id);
    return { rows: await toDecisions(ctx.db, dctx, page), next: rows.length > input.limit && last ? { decidedOn: last.decided_on, id: last.id } : null };
  }),
});
