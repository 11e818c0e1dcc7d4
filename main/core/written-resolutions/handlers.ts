import type { Selectable } from 'kysely';
import type { WrittenResolution } from '../../../shared/contract/written-resolutions';
import { formFamily, type FormFamily, type LegalForm } from '../../../shared/domain/legal-form';
import type { GoverningRules } from '../../../shared/rules/governing-rules';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { lapsePeriod } from '../../../shared/rules/written-resolution';
import type { RecordRef } from '../audit/state';
import type { ReadDb, RegisterCtx } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import type { DecisionRow, WrittenResolutionSignatoryTable, WrittenResolutionTable } from '../meetings/tables';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { toRules } from '../organisation/handlers';
import { percentOf, writtenResolutionMet } from '../decisions/outcome';
import { eligibleDirectorsOn, eligibleMembersOn } from './eligible';

/**
 * Written resolutions of the board (Model Articles art 7-8: a unanimous decision of the eligible
 * directors, in writing) and of members (CA 2006 s288-s300; a society only where its registered
 * rules provide, the CCBS Act 2014 having no such procedure).
 *
 * Lapse (s297): a members' written resolution lapses if not passed before the end of the period
 * in the articles (28 days by default) beginning with the circulation date; `lapses_after` is the
 * last day of it, and agreement signified after it is ineffective (s297(2)). Reads cannot write,
 * so a lapse is computed as the resolution is read (status 'lapsed' once today is after
 * `lapses_after` and it has not passed) rather than stored by the read. The stored status follows
 * at the next change of that resolution: an agreement dated within the period but entered after
 * it ended, which does not make it pass, records the lapse in the same event. Until then the row
 * says 'circulating' with its `lapses_after`, which together are the whole of the fact: whether
 * it lapsed depends only on the dates and the agreements dated within the period, all on record.
 * A withdrawal or an agreement dated after the lapse is refused, so no change can be made to a
 * lapsed resolution by mistake.
 */
type WrRow = Selectable<WrittenResolutionTable>;
type SignatoryRow = Selectable<WrittenResolutionSignatoryTable>;

interface Ctx {
  family: FormFamily;
  legalForm: LegalForm;
  rules: GoverningRules;
}

async function wrContext(db: ReadDb, rc: RegisterCtx): Promise<Ctx> {
  const row = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', rc.org.id).executeTakeFirstOrThrow();
  return { family: formFamily(rc.legalForm), legalForm: rc.legalForm, rules: toRules(row, rc.legalForm) };
}

/** The status as it stands today: a circulating resolution past its last day has lapsed. */
export function statusOn(r: Pick<WrRow, 'status' | 'lapses_after'>, today: string): WrRow['status'] {
  if (r.status === 'circulating' && r.lapses_after !== null && today > r.lapses_after) return 'lapsed';
  return r.status;
}

/** The last day of the period beginning with the circulation date (CA 2006 s297(1)): day 1 is the circulation date. */
export function lapseDay(circulatedOn: string, days: number): string {
  return lapsePeriod(circulatedOn, days).lastDay;
}

/** The smallest number of votes that passes, on the total voting rights of eligible members. */
function votesNeeded(kind: 'ordinary' | 'special', total: number, specialPct: number): number {
  if (kind === 'ordinary') return Math.floor(total / 2) + 1;
  return Math.ceil((Math.round(specialPct * 100) * total) / 10000);
}

function specialPctFor(ctx: Ctx): number {
  return ctx.family === 'company' ? 75 : ctx.rules.specialResolutionPct;
}

function membersBase(ctx: Ctx, kind: 'ordinary' | 'special'): string {
  return ctx.family === 'company'
    ? `CA 2006 ${kind === 'special' ? 's283(2)' : 's282(2)'}, s296(4)`
    : 'under your registered rules, which must provide for written resolutions of members (the CCBS Act 2014 has none); counted as CA 2006 s282(2) and s283(2) count for a company unless your rules say otherwise';
}

function message(r: WrRow, status: WrRow['status'], signatories: readonly SignatoryRow[], ctx: Ctx): string {
  const total = signatories.reduce((n, s) => n + s.votes, 0);
  const agreed = signatories.filter((s) => s.agreed_on !== null);
  if (r.body === 'board') {
    const art = ctx.family === 'company' ? 'Model Articles art 8' : 'your registered rules';
    const n = signatories.length;
    if (status === 'passed') return `Passed on ${formatLegalDate(r.decided_on!)}: all ${n} eligible director${n === 1 ? '' : 's'} agreed (${art}).`;
    if (status === 'withdrawn') return `Withdrawn: ${agreed.length} of ${n} eligible directors had agreed.`;
    return `${agreed.length} of ${n} eligible director${n === 1 ? '' : 's'} have agreed; it passes when every eligible director has (${art}).`;
  }
  const kind = r.kind ?? 'ordinary';
  const votes = agreed.reduce((n, s) => n + s.votes, 0);
  const need = votesNeeded(kind, total, specialPctFor(ctx));
  const pass = kind === 'special' ? `not less than ${specialPctFor(ctx)}%` : 'more than half';
  const tally = `${votes} of ${total} votes agreed (${percentOf(votes, total)} of the total voting rights of eligible members, not of those who replied)`;
  const base = membersBase(ctx, kind);
  if (status === 'passed') return `Passed on ${formatLegalDate(r.decided_on!)} as a written ${kind} resolution: ${tally}; ${pass} needed (${base}).`;
  if (status === 'withdrawn') return `Withdrawn: ${tally}.`;
  if (status === 'lapsed') {
    return `Lapsed at the end of ${formatLegalDate(r.lapses_after!)}, not having passed within the period beginning with the circulation date (${ctx.family === 'company' ? 'CA 2006 s297(1)' : 'your registered rules'}): ${tally}; ${need} (${pass}) were needed.`;
  }
  return `${tally}; ${need} needed to pass as a written ${kind} resolution (${pass}, ${base}). It lapses if not passed by the end of ${formatLegalDate(r.lapses_after!)} (${ctx.family === 'company' ? 'CA 2006 s297' : 'your registered rules'}).`;
}

async function views(db: ReadDb, ctx: Ctx, rows: readonly WrRow[], today: string): Promise<WrittenResolution[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const signatories = await db.selectFrom('written_resolution_signatory').selectAll().where('written_resolution_id', 'in', ids).orderBy('name').orderBy('id').execute();
  const decisions = await db.selectFrom('decision').select(['id', 'written_resolution_id']).where('written_resolution_id', 'in', ids).execute();
  return rows.map((r) => {
    const own = signatories.filter((s) => s.written_resolution_id === r.id);
    const status = statusOn(r, today);
    return {
      id: r.id,
      body: r.body,
      kind: r.kind,
      text: r.text,
      circulatedOn: r.circulated_on,
      lapsesAfter: r.lapses_after,
      status,
      decidedOn: r.decided_on,
      decisionId: decisions.find((d) => d.written_resolution_id === r.id)?.id ?? null,
      eligible: own.length,
      totalVotes: own.reduce((n, s) => n + s.votes, 0),
      votesAgreed: own.filter((s) => s.agreed_on !== null).reduce((n, s) => n + s.votes, 0),
      message: message(r, status, own, ctx),
      signatories: own.map((s) => ({ id: s.id, officerId: s.officer_id, memberId: s.member_id, name: s.name, votes: s.votes, agreedOn: s.agreed_on })),
    };
  });
}

async function loadWr(db: ReadDb, rc: RegisterCtx, id: string): Promise<WrRow> {
  const r = await db.selectFrom('written_resolution').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'That written resolution is not on record.');
  return r;
}

async function one(db: ReadDb, rc: RegisterCtx, id: string): Promise<WrittenResolution> {
  const ctx = await wrContext(db, rc);
  return (await views(db, ctx, [await loadWr(db, rc, id)], rc.today))[0]!;
}

function auditView(r: Pick<WrRow, 'body' | 'kind' | 'text' | 'circulated_on' | 'lapses_after' | 'status' | 'decided_on'>) {
  return { body: r.body, kind: r.kind, text: r.text, circulatedOn: r.circulated_on, lapsesAfter: r.lapses_after, status: r.status, decidedOn: r.decided_on };
}

/**
 * The day the resolution passed, if it has: for members, the day the agreements, in date order,
 * first reached the majority of the total voting rights; for the board, the day the last eligible
 * director agreed.
 */
function passedOn(r: WrRow, signatories: readonly SignatoryRow[], ctx: Ctx): string | null {
  const agreed = signatories.filter((s) => s.agreed_on !== null).sort((a, b) => (a.agreed_on! < b.agreed_on! ? -1 : a.agreed_on! > b.agreed_on! ? 1 : 0));
  if (r.body === 'board') return agreed.length === signatories.length && agreed.length > 0 ? agreed.at(-1)!.agreed_on! : null;
  const total = signatories.reduce((n, s) => n + s.votes, 0);
  let votes = 0;
  for (const s of agreed) {
    votes += s.votes;
    if (writtenResolutionMet(r.kind ?? 'ordinary', votes, total, specialPctFor(ctx))) return s.agreed_on!;
  }
  return null;
}

function refuseUnlessCirculating(r: WrRow, today: string): void {
  const status = statusOn(r, today);
  if (status === 'passed') throw new AppError('CONFLICT', `This written resolution passed on ${formatLegalDate(r.decided_on!)}.`);
  if (status === 'withdrawn') throw new AppError('CONFLICT', 'This written resolution was withdrawn.');
}

export const writtenResolutionsHandlers = defineHandlers('writtenResolutions', {
  'writtenResolutions.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    let q = ctx.db.selectFrom('written_resolution').selectAll().where('organisation_id', '=', rc.org.id);
    if (input.body) q = q.where('body', '=', input.body);
    const rows = await q.orderBy('circulated_on', 'desc').orderBy('id', 'desc').execute();
    const out = await views(ctx.db, await wrContext(ctx.db, rc), rows, rc.today);
    return out.map(({ signatories: _s, ...rest }) => rest);
  }),

  'writtenResolutions.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return one(ctx.db, rc, input.id);
  }),

  'writtenResolutions.circulate': mutation(async (input, tx) => {
    const rc = await tx.register();
    const ctx = await wrContext(tx.db, rc);
    assertNotFuture(rc, input.circulatedOn, 'circulatedOn', 'The circulation date');
    assertNotBeforeIncorporation(rc, input.circulatedOn, 'circulatedOn', 'A written resolution');
    const company = ctx.family === 'company';
    const id = uuidv7();
    const at = tx.who.at;
    let signatories: SignatoryRow[];
    let row: WrRow;
    let note = '';
    if (input.body === 'board') {
      if (!ctx.rules.boardWrittenResolutions) {
        throw AppError.field(
          'body',
          company
            ? 'Your articles do not let the board decide by written resolution (Model Articles art 8 does, unless your articles exclude it; see the governing rules in Settings). Take the decision at a board meeting.'
            : 'Your registered rules do not provide for the board to decide by written resolution (the CCBS Act 2014 is silent, so only the rules can; see the governing rules in Settings). Take the decision at a board meeting.',
        );
      }
      if (input.kind) throw AppError.field('kind', "A board written resolution is a decision of the directors; ordinary and special are kinds of members' resolution.");
      if (input.purpose !== 'other') {
        throw AppError.field('purpose', `The board cannot remove ${input.purpose === 'remove_director' ? 'a director (members do, CA 2006 s168)' : 'an auditor (members do, CA 2006 s510)'}.`);
      }
      const { eligible, conflicted } = await eligibleDirectorsOn(tx.db, rc.org.id, input.circulatedOn, input.relatedOrganisation);
      const art = company ? 'Model Articles art 8(4)' : 'your registered rules';
      if (eligible.length < ctx.rules.boardQuorum) {
        const out = conflicted.length ? ` (${conflicted.map((c) => c.name).join(', ')} ${conflicted.length === 1 ? 'has' : 'have'} a declared interest in ${input.relatedOrganisation})` : '';
        throw AppError.field(
          'relatedOrganisation',
          `Only ${eligible.length} director${eligible.length === 1 ? ' is' : 's are'} eligible to agree on ${formatLegalDate(input.circulatedOn)}${out}; a written resolution of the board needs eligible directors who would form a quorum of ${ctx.rules.boardQuorum} at a meeting (${art}). Take the decision at a board meeting.`,
        );
      }
      if (conflicted.length) note = `; ${conflicted.map((c) => c.name).join(', ')} not eligible (interest in ${input.relatedOrganisation})`;
      row = { id, organisation_id: rc.org.id, body: 'board', kind: null, text: input.text, circulated_on: input.circulatedOn, lapses_after: null, status: 'circulating', decided_on: null, created_at: at, updated_at: at };
      signatories = eligible.map((d) => ({ id: uuidv7(), written_resolution_id: id, officer_id: d.officerId, member_id: null, name: d.name, votes: 1, agreed_on: null, created_at: at, updated_at: at }));
    } else {
      if (!input.kind) throw AppError.field('kind', 'Choose whether it is proposed as an ordinary or a special resolution (CA 2006 s282, s283).');
      if (input.purpose === 'remove_director') {
        throw AppError.field(
          'purpose',
          company
            ? 'A director cannot be removed by written resolution (CA 2006 s288(2)(a)): removal under s168 needs an ordinary resolution at a meeting, with special notice, where the director may be heard.'
            : 'A director is removed at a general meeting, where they may be heard; written resolutions are not offered for it (as CA 2006 s288(2)(a) provides for a company).',
        );
      }
      if (input.purpose === 'remove_auditor') {
        throw AppError.field(
          'purpose',
          company
            ? 'An auditor cannot be removed by written resolution (CA 2006 s288(2)(b)): removal under s510 needs an ordinary resolution at a meeting, with special notice, where the auditor may be heard.'
            : 'An auditor is removed at a general meeting, where they may be heard; written resolutions are not offered for it (as CA 2006 s288(2)(b) provides for a company).',
        );
      }
      const members = await eligibleMembersOn(tx.db, rc.org.id, input.circulatedOn);
      if (members.length === 0) throw AppError.field('circulatedOn', `No member was entitled to vote on ${formatLegalDate(input.circulatedOn)} (CA 2006 s289), so nobody could agree to it.`);
      const lapses = lapseDay(input.circulatedOn, ctx.rules.writtenResolutionLapseDays);
      row = { id, organisation_id: rc.org.id, body: 'members', kind: input.kind, text: input.text, circulated_on: input.circulatedOn, lapses_after: lapses, status: 'circulating', decided_on: null, created_at: at, updated_at: at };
      signatories = members.map((m) => ({ id: uuidv7(), written_resolution_id: id, officer_id: null, member_id: m.memberId, name: m.name, votes: m.votes, agreed_on: null, created_at: at, updated_at: at }));
      if (!company) note = '; under the registered rules';
    }
    await tx.db.insertInto('written_resolution').values(row).execute();
    for (let i = 0; i < signatories.length; i += 200) await tx.db.insertInto('written_resolution_signatory').values(signatories.slice(i, i + 200)).execute();
    tx.audit({
      action: 'written_resolution.circulated',
      entityType: 'written_resolution',
      entityId: id,
      summary: `Written resolution of the ${input.body === 'board' ? 'board' : 'members'} circulated on ${formatLegalDate(input.circulatedOn)} to ${signatories.length} eligible ${input.body === 'board' ? 'director' : 'member'}${signatories.length === 1 ? '' : 's'}${note}`,
      before: null,
      after: { ...auditView(row), purpose: input.purpose, relatedOrganisation: input.relatedOrganisation ?? null, eligible: signatories.map((s) => ({ officerId: s.officer_id, memberId: s.member_id, votes: s.votes })) },
      records: [{ type: 'written_resolution', id }, ...signatories.map((s) => ({ type: 'written_resolution_signatory', id: s.id }))],
    });
    return one(tx.db, rc, id);
  }),

  'writtenResolutions.recordAgreement': mutation(async (input, tx) => {
    const rc = await tx.register();
    const ctx = await wrContext(tx.db, rc);
    const r = await loadWr(tx.db, rc, input.id);
    refuseUnlessCirculating(r, rc.today);
    const company = ctx.family === 'company';
    if (r.lapses_after !== null && input.agreedOn > r.lapses_after) {
      throw AppError.field(
        'agreedOn',
        `Agreement signified on ${formatLegalDate(input.agreedOn)} is ineffective: the period for agreeing ended on ${formatLegalDate(r.lapses_after)}, the last of the ${ctx.rules.writtenResolutionLapseDays} days beginning with the circulation date, and the resolution lapsed then (${company ? 'CA 2006 s297(1)-(2)' : 'your registered rules'}).`,
      );
    }
    if (input.agreedOn < r.circulated_on) throw AppError.field('agreedOn', `Agreement cannot come before the resolution was circulated on ${formatLegalDate(r.circulated_on)}.`);
    assertNotFuture(rc, input.agreedOn, 'agreedOn', 'The date agreement was received');
    const signatories = await tx.db.selectFrom('written_resolution_signatory').selectAll().where('written_resolution_id', '=', r.id).execute();
    const s = signatories.find((x) => x.id === input.signatoryId);
    if (!s) throw AppError.field('signatoryId', `That ${r.body === 'board' ? 'director' : 'member'} is not eligible to agree to this resolution (eligibility is fixed on the circulation date${r.body === 'members' ? ', CA 2006 s289' : ''}).`);
    if (s.agreed_on !== null) {
      throw new AppError(
        'CONFLICT',
        `${s.name}'s agreement was recorded as received on ${formatLegalDate(s.agreed_on)}${r.body === 'members' && company ? '; once signified it cannot be revoked or given again (CA 2006 s296(3))' : ''}.`,
      );
    }
    await tx.db.updateTable('written_resolution_signatory').set({ agreed_on: input.agreedOn, updated_at: tx.who.at }).where('id', '=', s.id).execute();
    const after = signatories.map((x) => (x.id === s.id ? { ...x, agreed_on: input.agreedOn } : x));
    const passed = passedOn(r, after, ctx);
    const refs: RecordRef[] = [{ type: 'written_resolution_signatory', id: s.id }];
    if (passed) {
      // Passed: the decision is written in the same transaction, so the register shows it at once.
      const votesFor = after.filter((x) => x.agreed_on !== null).reduce((n, x) => n + x.votes, 0);
      const decision: DecisionRow = {
        id: uuidv7(),
        organisation_id: rc.org.id,
        meeting_id: null,
        agenda_item_id: null,
        resolution_id: null,
        written_resolution_id: r.id,
        kind: r.body === 'board' ? 'board' : (r.kind ?? 'ordinary'),
        text: r.text,
        proposer: null,
        seconder: null,
        method: 'written',
        votes_named: 0,
        votes_for: votesFor,
        votes_against: 0,
        votes_abstain: 0,
        outcome: 'passed',
        recorded_not_quorate: 0,
        related_organisation: null,
        decided_on: passed,
        created_at: tx.who.at,
        updated_at: tx.who.at,
      };
      await tx.db.insertInto('decision').values(decision).execute();
      await tx.db.updateTable('written_resolution').set({ status: 'passed', decided_on: passed, updated_at: tx.who.at }).where('id', '=', r.id).execute();
      tx.audit({
        action: 'written_resolution.passed',
        entityType: 'written_resolution',
        entityId: r.id,
        summary: `Written resolution circulated on ${formatLegalDate(r.circulated_on)} passed on ${formatLegalDate(passed)} with the agreement received on ${formatLegalDate(input.agreedOn)}`,
        before: auditView(r),
        after: { ...auditView({ ...r, status: 'passed', decided_on: passed }), agreed: { signatoryId: s.id, agreedOn: input.agreedOn }, decisionId: decision.id },
        records: [{ type: 'written_resolution', id: r.id }, ...refs, { type: 'decision', id: decision.id }],
      });
    } else if (statusOn(r, rc.today) === 'lapsed') {
      // An agreement dated within the period, entered after it ended, that did not make it pass:
      // the lapse is stored now, in this one event.
      await tx.db.updateTable('written_resolution').set({ status: 'lapsed', updated_at: tx.who.at }).where('id', '=', r.id).execute();
      tx.audit({
        action: 'written_resolution.agreed',
        entityType: 'written_resolution',
        entityId: r.id,
        summary: `Agreement received on ${formatLegalDate(input.agreedOn)} recorded; the resolution lapsed at the end of ${formatLegalDate(r.lapses_after!)} without passing`,
        before: auditView(r),
        after: { ...auditView({ ...r, status: 'lapsed' }), agreed: { signatoryId: s.id, agreedOn: input.agreedOn } },
        records: [{ type: 'written_resolution', id: r.id }, ...refs],
      });
    } else {
      tx.audit({
        action: 'written_resolution.agreed',
        entityType: 'written_resolution',
        entityId: r.id,
        summary: `Agreement to the written resolution circulated on ${formatLegalDate(r.circulated_on)} received on ${formatLegalDate(input.agreedOn)}`,
        before: null,
        after: { signatoryId: s.id, agreedOn: input.agreedOn },
        records: refs,
      });
    }
    return one(tx.db, rc, r.id);
  }),

  'writtenResolutions.withdraw': mutation(async (input, tx) => {
    const rc = await tx.register();
    const r = await loadWr(tx.db, rc, input.id);
    refuseUnlessCirculating(r, rc.today);
    if (statusOn(r, rc.today) === 'lapsed') {
      const company = formFamily(rc.legalForm) === 'company';
      throw new AppError('CONFLICT', `This written resolution lapsed at the end of ${formatLegalDate(r.lapses_after!)} (${company ? 'CA 2006 s297(1)' : 'your registered rules'}); there is nothing to withdraw.`);
    }
    await tx.db.updateTable('written_resolution').set({ status: 'withdrawn', updated_at: tx.who.at }).where('id', '=', r.id).execute();
    tx.audit({
      action: 'written_resolution.withdrawn',
      entityType: 'written_resolution',
      entityId: r.id,
      summary: `Written resolution circulated on ${formatLegalDate(r.circulated_on)} withdrawn`,
      before: auditView(r),
      after: auditView({ ...r, status: 'withdrawn' }),
    });
    return one(tx.db, rc, r.id);
  }),
});

