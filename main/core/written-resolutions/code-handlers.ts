import type { MethodOutput, ParsedInput } from '../../../shared/contract/index';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import { AppError } from '../errors';
import { mutation, type HandlerFor } from '../handler';
import { agreementCodeHash, agreementCodeProblem, newAgreementCode } from './codes';
import { refuseUnlessCodesApply, refuseUnlessOpenForAgreement, signify } from './signify';
import { loadWr, one, wrContext } from './view';

/**
 * Members agreeing with one-time codes (issue 9): the secretary issues the codes, and a member uses
 * theirs at the meeting laptop ('kiosk') or from a phone on the voting station ('phone'). A code
 * typed is an authenticated document in electronic form identifying the resolution and indicating
 * agreement (CA 2006 s296(1)-(2), s1146(3)(a)); see codes.ts for the codes and signify.ts for how an
 * agreement is recorded and the resolution passes (s296(4)).
 */
export const issueCodes: HandlerFor<'writtenResolutions.issueCodes'> = mutation<ParsedInput<'writtenResolutions.issueCodes'>, MethodOutput<'writtenResolutions.issueCodes'>>(async (input, tx) => {
  const rc = await tx.register();
  const ctx = await wrContext(tx.db, rc);
  const r = await loadWr(tx.db, rc, input.id);
  refuseUnlessCodesApply(r, ctx);
  refuseUnlessOpenForAgreement(r, rc.today);
  let q = tx.db.selectFrom('written_resolution_signatory').selectAll().where('written_resolution_id', '=', r.id).where('agreed_on', 'is', null);
  if (input.signatoryIds) q = q.where('id', 'in', input.signatoryIds.length ? input.signatoryIds : ['']);
  if (!input.reissue) q = q.where('code_hash', 'is', null);
  const rows = await q.orderBy('name').orderBy('id').execute();
  if (input.signatoryIds && input.signatoryIds.length === 1 && rows.length === 0) {
    const chosen = await tx.db.selectFrom('written_resolution_signatory').select(['name', 'agreed_on', 'code_hash']).where('id', '=', input.signatoryIds[0]!).where('written_resolution_id', '=', r.id).executeTakeFirst();
    if (!chosen) throw AppError.field('signatoryIds', 'That member is not eligible to agree to this resolution (eligibility is fixed on the circulation date, CA 2006 s289).');
    if (chosen.agreed_on) throw AppError.field('signatoryIds', `${chosen.name} has already agreed (on ${formatLegalDate(chosen.agreed_on)}); a code would be no use, and agreement cannot be given again (CA 2006 s296(3)).`);
    if (chosen.code_hash) throw AppError.field('signatoryIds', `${chosen.name} already has a code. Reissue it to cancel the old one.`);
  }
  const numberOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((x) => x.member_id!);
    for (const m of await tx.db.selectFrom('member').select(['id', 'member_number']).where('id', 'in', chunk).execute()) numberOf.set(m.id, m.member_number);
  }
  const codes = rows.map((x) => ({ signatoryId: x.id, memberNumber: numberOf.get(x.member_id!) ?? null, name: x.name, code: newAgreementCode() }));
  for (const c of codes) {
    await tx.db.updateTable('written_resolution_signatory').set({ code_hash: agreementCodeHash(c.code), updated_at: tx.who.at }).where('id', '=', c.signatoryId).execute();
  }
  if (codes.length) {
    const reissued = rows.filter((x) => x.code_hash !== null).length;
    tx.audit({
      action: 'written_resolution.codes_issued',
      entityType: 'written_resolution',
      entityId: r.id,
      summary: `Agreement codes for the written resolution circulated on ${formatLegalDate(r.circulated_on)} issued to ${codes.length} eligible member${codes.length === 1 ? '' : 's'}${reissued ? ` (${reissued} reissued, the old code${reissued === 1 ? '' : 's'} cancelled)` : ''}`,
      before: null,
      // Who has a code, never the code (only its hash is kept, on the signatory's record).
      after: { signatoryIds: codes.map((c) => c.signatoryId), reissued },
      records: rows.map((x) => ({ type: 'written_resolution_signatory', id: x.id })),
    });
  }
  return { codes, resolution: await one(tx.db, rc, r.id) };
});

export const agreeWithCode: HandlerFor<'writtenResolutions.agreeWithCode'> = mutation<ParsedInput<'writtenResolutions.agreeWithCode'>, MethodOutput<'writtenResolutions.agreeWithCode'>>(async (input, tx) => {
  const rc = await tx.register();
  const ctx = await wrContext(tx.db, rc);
  const r = await loadWr(tx.db, rc, input.id);
  refuseUnlessCodesApply(r, ctx);
  refuseUnlessOpenForAgreement(r, rc.today);
  const problem = agreementCodeProblem(input.code);
  if (problem) throw AppError.field('code', problem, 'code_format');
  const hash = agreementCodeHash(input.code);
  const signatories = await tx.db.selectFrom('written_resolution_signatory').selectAll().where('written_resolution_id', '=', r.id).execute();
  const s = signatories.find((x) => x.code_hash === hash);
  // No such code and another resolution's code say the same, so a guess learns nothing else.
  if (!s) throw AppError.field('code', 'This agreement code is not valid for this resolution. Check it against your letter.', 'code_invalid');
  // Used (or the member's agreement was already recorded another way): said without anything else.
  if (s.agreed_on !== null) throw AppError.field('code', 'This agreement code has already been used.', 'code_used');
  const at = tx.who.at;
  const outcome = await signify(tx, rc, ctx, r, signatories, s, { on: ukDateOf(new Date(at)), at, via: input.via });
  return { name: s.name, agreedAt: at, passed: outcome.passed !== null, resolution: await one(tx.db, rc, r.id) };
});
