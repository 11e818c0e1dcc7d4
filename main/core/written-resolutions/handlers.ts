import { defaultRules } from '../../../shared/rules/governing-rules';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { writtenResolutionAvailability } from '../../../shared/rules/written-resolution';
import { boardWrittenResolution } from '../../../shared/rules/board-written-resolution';
import { formFamily } from '../../../shared/domain/legal-form';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { agreeWithCode, issueCodes } from './code-handlers';
import { eligibleDirectorsOn, eligibleMembersOn } from './eligible';
import { signify } from './signify';
import { auditView, lapseDay, loadWr, one, statusOn, views, wrContext, type SignatoryRow, type WrRow } from './view';

export { lapseDay, statusOn };

function refuseUnlessCirculating(r: WrRow, today: string): void {
  const status = statusOn(r, today);
  if (status === 'passed') throw new AppError('CONFLICT', `This written resolution passed on ${formatLegalDate(r.decided_on!)}.`);
  if (status === 'withdrawn') throw new AppError('CONFLICT', 'This written resolution was withdrawn.');
}

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
    // The organisation it concerns (a council, an NHS trust): kept, and carried to its decision so the register's organisation filter finds it.
    const related = input.relatedOrganisation ? input.relatedOrganisation : null;
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
      const verdict = boardWrittenResolution({
        family: ctx.family,
        rulesAllow: true,
        directors: [...eligible, ...conflicted].map((d) => ({ id: d.officerId, name: d.name })),
        conflicted: conflicted.map((d) => d.officerId),
        conflictedExcluded: ctx.rules.conflictedExcludedFromQuorum,
        quorum: { required: ctx.rules.boardQuorum, source: defaultRules(rc.legalForm).boardQuorum.source },
        responses: [],
      });
      if (verdict.status === 'not_taken') throw AppError.field(input.relatedOrganisation ? 'relatedOrganisation' : 'body', verdict.message);
      const eligibleIds = new Set(verdict.eligible.map((d) => d.id));
      if (conflicted.length) note = `; ${conflicted.map((c) => c.name).join(', ')} not eligible (interest in ${input.relatedOrganisation})`;
      row = { id, organisation_id: rc.org.id, body: 'board', kind: null, text: input.text, circulated_on: input.circulatedOn, lapses_after: null, status: 'circulating', decided_on: null, related_organisation: related, created_at: at, updated_at: at };
      signatories = [...eligible, ...conflicted].filter((d) => eligibleIds.has(d.officerId)).map((d) => ({ id: uuidv7(), written_resolution_id: id, officer_id: d.officerId, member_id: null, name: d.name, votes: 1, agreed_on: null, code_hash: null, agreed_at: null, agreed_via: null, created_at: at, updated_at: at }));
    } else {
      if (!input.kind) throw AppError.field('kind', 'Choose whether it is proposed as an ordinary or a special resolution (CA 2006 s282, s283).');
      const availability = writtenResolutionAvailability({
        family: ctx.family,
        company: 'private',
        purpose: input.purpose === 'other' ? 'general' : input.purpose,
        rulesAllow: true,
      });
      if (!availability.available || (ctx.family === 'society' && input.purpose !== 'other')) {
        // A society's director or auditor is removed at a general meeting, where they may be heard,
        // as CA 2006 s288(2) requires of a company; written resolutions are not offered for it.
        throw AppError.field(
          'purpose',
          availability.available
            ? `${input.purpose === 'remove_director' ? 'A director' : 'An auditor'} is removed at a general meeting, where they may be heard; written resolutions are not offered for it (as CA 2006 s288(2) provides for a company).`
            : availability.message,
        );
      }
      const members = await eligibleMembersOn(tx.db, rc.org.id, input.circulatedOn);
      if (members.length === 0) throw AppError.field('circulatedOn', `No member was entitled to vote on ${formatLegalDate(input.circulatedOn)} (CA 2006 s289), so nobody could agree to it.`);
      const lapses = lapseDay(input.circulatedOn, ctx.rules.writtenResolutionLapseDays);
      row = { id, organisation_id: rc.org.id, body: 'members', kind: input.kind, text: input.text, circulated_on: input.circulatedOn, lapses_after: lapses, status: 'circulating', decided_on: null, related_organisation: related, created_at: at, updated_at: at };
      signatories = members.map((m) => ({ id: uuidv7(), written_resolution_id: id, officer_id: null, member_id: m.memberId, name: m.name, votes: m.votes, agreed_on: null, code_hash: null, agreed_at: null, agreed_via: null, created_at: at, updated_at: at }));
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
      after: { ...auditView(row), purpose: input.purpose, eligible: signatories.map((s) => ({ officerId: s.officer_id, memberId: s.member_id, votes: s.votes })) },
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
    await signify(tx, rc, ctx, r, signatories, s, { on: input.agreedOn, at: null, via: 'secretary' });
    return one(tx.db, rc, r.id);
  }),

  'writtenResolutions.issueCodes': issueCodes,
  'writtenResolutions.agreeWithCode': agreeWithCode,

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

