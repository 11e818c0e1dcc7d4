import { CONTRACT_DECISION_PURPOSE_LABEL, type contractMethods } from '../../../shared/contract/contracts';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { searchCpv } from '../../../shared/rules/procurement/cpv';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { mutation, query, type HandlerFor } from '../handler';
import { assertNotFuture } from '../organisation/guards';
import { exportCalendar } from './calendar';
import { attachDocument, readDocument } from './documents';
import { insertContract, rebuildDuties, requireContract, storedTerms, updateContract } from './store';
import type { ContractRow } from './tables';
import { termProblems, type TermsContract } from './terms';
import { timeline } from './timeline';
import { contractDetail, listContracts } from './view';

/**
 * Contract records (issue 10): the mutual's contracts and bids, their parts, the board decisions
 * behind them, their documents and the dated duties they carry. Every change is one audit event
 * on the contract, whose vouched state holds all its parts (state.ts).
 */

const view = (tx: WriteContext, rc: RegisterCtx, id: string) => contractDetail(tx.db, rc, id);
const words = (c: ContractRow) => `${c.reference} “${c.title}”`;

/**
 * Checks the terms as they would be after a change, showing each problem against the field of the
 * change's own form (`fields` maps the rules' field to it); problems elsewhere in the contract are
 * shown as they are.
 */
function assertTerms(terms: TermsContract, fields: (field: string) => string | undefined): void {
  const problems = termProblems(terms);
  if (problems.length === 0) return;
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[fields(p.field) ?? p.field] ??= p.message;
  throw new AppError('VALIDATION', problems[0]!.message, fieldErrors);
}

/**
 * Typed by this contract file's own method names rather than with defineHandlers('contracts', …),
 * which would also ask for the reports' contracts.* methods (main/core/contracts/reports).
 */
type ContractHandlers = { [M in keyof typeof contractMethods]: HandlerFor<M> };

export const contractHandlers: ContractHandlers = {
  'contracts.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    return listContracts(ctx.db, rc, input);
  }),

  'contracts.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return contractDetail(ctx.db, rc, input.id);
  }),

  'contracts.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { id } = await insertContract(tx, rc, input);
    return view(tx, rc, id);
  }),

  'contracts.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const { id, ...fields } = input;
    await updateContract(tx, rc, id, fields);
    return view(tx, rc, id);
  }),

  'contracts.recordVariation': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    if (c.terminated_on !== null) throw new AppError('CONFLICT', `Contract ${words(c)} was ended on ${formatLegalDate(c.terminated_on)}; a variation cannot be recorded on it.`);
    assertNotFuture(rc, input.madeOn, 'madeOn', 'A variation');
    const terms = await storedTerms(tx.db, c);
    const id = uuidv7();
    const variation = { id, madeOn: input.madeOn, valueChangePence: input.valueChangePence, newEndOn: input.newEndOn ?? null };
    const after = { ...terms, variations: [...terms.variations, variation] };
    const n = after.variations.length - 1;
    assertTerms(after, (f) => ({ [`variations.${n}.madeOn`]: 'madeOn', [`variations.${n}.newEndOn`]: 'newEndOn', [`variations.${n}.valueChangePence`]: 'valueChangePence' })[f]);
    await tx.db
      .insertInto('contract_variation')
      .values({ id, contract_id: c.id, made_on: input.madeOn, description: input.description, value_change_pence: input.valueChangePence, new_end_on: input.newEndOn ?? null, created_at: tx.who.at, updated_at: tx.who.at })
      .execute();
    await rebuildDuties(tx, rc.org.id, c.id, after);
    tx.audit({
      action: 'contract.variation_recorded',
      entityType: 'contract',
      entityId: c.id,
      summary: `Variation of ${formatLegalDate(input.madeOn)} recorded on contract ${words(c)}`,
      before: null,
      after: { variationId: id, madeOn: input.madeOn, description: input.description, valueChangePence: input.valueChangePence, newEndOn: input.newEndOn ?? null },
    });
    return view(tx, rc, c.id);
  }),

  'contracts.decideExtension': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const x = await tx.db.selectFrom('contract_extension').selectAll().where('id', '=', input.extensionId).where('contract_id', '=', c.id).executeTakeFirst();
    if (!x) throw AppError.field('extensionId', 'That extension option is not one of this contract’s.');
    if (x.exercised_on || x.declined_on) {
      throw new AppError('CONFLICT', `Extension option ${x.position} was already ${x.exercised_on ? `exercised on ${formatLegalDate(x.exercised_on)}` : `declined on ${formatLegalDate(x.declined_on!)}`}.`);
    }
    if (c.terminated_on !== null) throw new AppError('CONFLICT', `Contract ${words(c)} was ended on ${formatLegalDate(c.terminated_on)}; its extension options can no longer be taken.`);
    assertNotFuture(rc, input.on, 'on', 'A decision on an extension');
    const terms = await storedTerms(tx.db, c);
    // Each option runs on from the one before: declining one declines every later option still
    // open, on the same date, since none of them can be taken any more.
    const lapsed = input.decision === 'declined' ? terms.extensions.filter((e) => e.position > x.position && e.exercisedOn === null && e.declinedOn === null) : [];
    const declined = new Set([x.id, ...lapsed.map((e) => e.id)]);
    const after = {
      ...terms,
      extensions: terms.extensions.map((e) =>
        e.id === x.id && input.decision === 'exercised' ? { ...e, exercisedOn: input.on, declinedOn: null } : declined.has(e.id) ? { ...e, exercisedOn: null, declinedOn: input.on } : e,
      ),
    };
    const i = after.extensions.findIndex((e) => e.id === x.id);
    assertTerms(after, (f) => (f.startsWith(`extensions.${i}.`) ? 'on' : undefined));
    if (input.decision === 'exercised') {
      await tx.db.updateTable('contract_extension').set({ exercised_on: input.on, declined_on: null, updated_at: tx.who.at }).where('id', '=', x.id).execute();
    } else {
      await tx.db.updateTable('contract_extension').set({ exercised_on: null, declined_on: input.on, updated_at: tx.who.at }).where('id', 'in', [...declined]).execute();
    }
    await rebuildDuties(tx, rc.org.id, c.id, after);
    const also = lapsed.length === 0 ? '' : `; ${lapsed.length === 1 ? `option ${lapsed[0]!.position}, which follows it, is` : `options ${lapsed.map((e) => e.position).join(' and ')}, which follow it, are`} declined with it`;
    tx.audit({
      action: 'contract.extension_decided',
      entityType: 'contract',
      entityId: c.id,
      summary: `Extension option ${x.position} (${x.length_months} months) of contract ${words(c)} ${input.decision} on ${formatLegalDate(input.on)}${also}`,
      before: { extensionId: x.id, exercisedOn: null, declinedOn: null },
      after: { extensionId: x.id, decision: input.decision, on: input.on, ...(lapsed.length ? { alsoDeclined: lapsed.map((e) => e.id) } : {}) },
    });
    return view(tx, rc, c.id);
  }),

  'contracts.terminate': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.id, 'id');
    if (c.terminated_on !== null) throw new AppError('CONFLICT', `Contract ${words(c)} was already recorded as ended on ${formatLegalDate(c.terminated_on)}.`);
    const terms = await storedTerms(tx.db, c);
    const after = { ...terms, terminatedOn: input.terminatedOn };
    assertTerms(after, () => undefined);
    await tx.db.updateTable('contract').set({ terminated_on: input.terminatedOn, termination_reason: input.reason, updated_at: tx.who.at }).where('id', '=', c.id).execute();
    await rebuildDuties(tx, rc.org.id, c.id, after);
    tx.audit({
      action: 'contract.terminated',
      entityType: 'contract',
      entityId: c.id,
      summary: `Contract ${words(c)} ended early on ${formatLegalDate(input.terminatedOn)}`,
      before: { terminatedOn: null },
      after: { terminatedOn: input.terminatedOn, reason: input.reason },
    });
    return view(tx, rc, c.id);
  }),

  'contracts.linkDecision': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const d = await tx.db.selectFrom('decision').select(['id', 'decided_on', 'text']).where('id', '=', input.decisionId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!d) throw AppError.field('decisionId', 'That decision is not in this organisation’s decisions register.');
    const before = await tx.db.selectFrom('contract_decision').selectAll().where('contract_id', '=', c.id).where('decision_id', '=', d.id).executeTakeFirst();
    if (before?.purpose === input.purpose) return view(tx, rc, c.id);
    if (before) await tx.db.updateTable('contract_decision').set({ purpose: input.purpose }).where('contract_id', '=', c.id).where('decision_id', '=', d.id).execute();
    else await tx.db.insertInto('contract_decision').values({ contract_id: c.id, decision_id: d.id, purpose: input.purpose, created_at: tx.who.at }).execute();
    tx.audit({
      action: 'contract.decision_linked',
      entityType: 'contract',
      entityId: c.id,
      summary: `Decision of ${formatLegalDate(d.decided_on)} linked to contract ${words(c)}: ${CONTRACT_DECISION_PURPOSE_LABEL[input.purpose].toLowerCase()}`,
      before: before ? { decisionId: d.id, purpose: before.purpose } : null,
      after: { decisionId: d.id, purpose: input.purpose },
    });
    return view(tx, rc, c.id);
  }),

  'contracts.unlinkDecision': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const before = await tx.db.selectFrom('contract_decision').selectAll().where('contract_id', '=', c.id).where('decision_id', '=', input.decisionId).executeTakeFirst();
    if (!before) throw AppError.field('decisionId', 'That decision is not linked to this contract.');
    await tx.db.deleteFrom('contract_decision').where('contract_id', '=', c.id).where('decision_id', '=', input.decisionId).execute();
    tx.audit({
      action: 'contract.decision_unlinked',
      entityType: 'contract',
      entityId: c.id,
      summary: `Decision unlinked from contract ${words(c)} (the decision itself is unchanged)`,
      before: { decisionId: before.decision_id, purpose: before.purpose },
      after: null,
    });
    return view(tx, rc, c.id);
  }),

  'contracts.attachDocument': attachDocument,

  'contracts.removeDocument': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const doc = await tx.db.selectFrom('contract_document').selectAll().where('id', '=', input.documentId).where('contract_id', '=', c.id).executeTakeFirst();
    if (!doc) throw AppError.field('documentId', 'That document is not kept with this contract.');
    await tx.db.deleteFrom('contract_document').where('id', '=', doc.id).execute();
    tx.audit({
      action: 'contract.document_removed',
      entityType: 'contract',
      entityId: c.id,
      summary: `Document “${doc.title}” (${doc.file_name}) removed from contract ${words(c)}`,
      before: { documentId: doc.id, title: doc.title, fileName: doc.file_name, kind: doc.kind, storedDocumentId: doc.document_id },
      after: null,
    });
    return view(tx, rc, c.id);
  }),

  'contracts.readDocument': readDocument,

  'contracts.recordDutyDone': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const duty = await tx.db.selectFrom('contract_duty').selectAll().where('contract_id', '=', c.id).where('key', '=', input.key).executeTakeFirst();
    if (!duty) throw AppError.field('key', 'That duty is not one of this contract’s (its dates may have changed); reload the contract.');
    const done = await tx.db.selectFrom('contract_duty_done').selectAll().where('contract_id', '=', c.id).where('key', '=', input.key).executeTakeFirst();
    if (done) throw new AppError('CONFLICT', `“${duty.title}” was already recorded as done on ${formatLegalDate(done.done_on)} by ${done.recorded_by}.`);
    assertNotFuture(rc, input.doneOn, 'doneOn', 'A duty done');
    await tx.db
      .insertInto('contract_duty_done')
      .values({ contract_id: c.id, key: input.key, done_on: input.doneOn, recorded_by: tx.who.actor, recorded_at: tx.who.at, note: input.note ?? null })
      .execute();
    // The duty's own flag, read by the open-duties index (the timeline's overdue duties).
    await tx.db.updateTable('contract_duty').set({ done: 1 }).where('contract_id', '=', c.id).where('key', '=', input.key).execute();
    tx.audit({
      action: 'contract.duty_done',
      entityType: 'contract',
      entityId: c.id,
      summary: `“${duty.title}” (due ${formatLegalDate(duty.due_on)}) on contract ${words(c)} recorded as done on ${formatLegalDate(input.doneOn)} by ${tx.who.actor}`,
      before: null,
      after: { key: input.key, dueOn: duty.due_on, doneOn: input.doneOn, recordedBy: tx.who.actor, recordedAt: tx.who.at, note: input.note ?? null },
    });
    return view(tx, rc, c.id);
  }),

  'contracts.reopenDuty': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireContract(tx.db, rc.org.id, input.contractId, 'contractId');
    const done = await tx.db.selectFrom('contract_duty_done').selectAll().where('contract_id', '=', c.id).where('key', '=', input.key).executeTakeFirst();
    if (!done) throw AppError.field('key', 'That duty is not recorded as done.');
    const duty = await tx.db.selectFrom('contract_duty').select(['title']).where('contract_id', '=', c.id).where('key', '=', input.key).executeTakeFirst();
    await tx.db.deleteFrom('contract_duty_done').where('contract_id', '=', c.id).where('key', '=', input.key).execute();
    await tx.db.updateTable('contract_duty').set({ done: 0 }).where('contract_id', '=', c.id).where('key', '=', input.key).execute();
    tx.audit({
      action: 'contract.duty_reopened',
      entityType: 'contract',
      entityId: c.id,
      summary: `“${duty?.title ?? input.key}” on contract ${words(c)} reopened (it had been recorded as done on ${formatLegalDate(done.done_on)} by ${done.recorded_by}) by ${tx.who.actor}`,
      before: { key: done.key, doneOn: done.done_on, recordedBy: done.recorded_by, recordedAt: done.recorded_at, note: done.note },
      after: null,
    });
    return view(tx, rc, c.id);
  }),

  'contracts.timeline': query(async (input, ctx) => {
    const rc = await ctx.register();
    return timeline(ctx.db, rc, input);
  }),

  'contracts.exportCalendar': exportCalendar,

  'contracts.cpvSearch': query(async (input) =>
    searchCpv(input.text, input.limit ?? 20).map((e) => ({ code: e.code, description: e.description, lightTouch: e.lightTouch, reservable: e.reservable })),
  ),
};
