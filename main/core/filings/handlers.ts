import { SOCIETY_NO_FILINGS } from '../../../shared/rules/companies-house';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx } from '../context';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { assertNotFuture } from '../organisation/guards';
import type { FilingDutyRow } from './duties';
import { toFilingDuties } from './views';

/**
 * Companies House filing duties (companies only). Duties are created by the handlers that make
 * the changes (officers, psc) through `recordFilingDuty`; here they are listed and met.
 */

/** The migration that began tracking duties; changes recorded before it have none. */
const TRACKING_MIGRATION = '0005_board_filings';

async function trackedSince(db: ReadDb): Promise<string | null> {
  const row = await db.selectFrom('schema_migration').select('applied_at').where('name', '=', TRACKING_MIGRATION).executeTakeFirst();
  return row ? ukDateOf(new Date(row.applied_at)) : null;
}

async function requireOpenDuty(db: ReadDb, rc: RegisterCtx, id: string): Promise<FilingDutyRow> {
  const row = await db.selectFrom('filing_duty').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That Companies House filing is not in the list.');
  if (row.outcome === 'filed') throw new AppError('CONFLICT', `That ${row.form} was already recorded as filed on ${formatLegalDate(row.outcome_on!)}.`);
  if (row.outcome === 'not_required') throw new AppError('CONFLICT', `That ${row.form} was already recorded as not needed (${row.note ?? 'no reason given'}).`);
  return row;
}

async function view(db: ReadDb, rc: RegisterCtx, id: string) {
  const row = await db.selectFrom('filing_duty').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await toFilingDuties(db, [row], rc.today))[0]!;
}

export const filingsHandlers = defineHandlers('filings', {
  'filings.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    if (rc.form.family !== 'company') return { applicable: false, reason: SOCIETY_NO_FILINGS, trackedSince: null, duties: [] };
    const status = input.status ?? 'open';
    let q = ctx.db.selectFrom('filing_duty').selectAll().where('organisation_id', '=', rc.org.id);
    if (status === 'open') q = q.where('outcome', 'is', null).orderBy('due_on').orderBy('created_at');
    else if (status === 'done') q = q.where('outcome', 'is not', null).orderBy('outcome_on', 'desc').orderBy('updated_at', 'desc');
    else q = q.orderBy('due_on', 'desc').orderBy('created_at', 'desc');
    const rows = await q.execute();
    return { applicable: true, reason: null, trackedSince: await trackedSince(ctx.db), duties: await toFilingDuties(ctx.db, rows, rc.today) };
  }),

  'filings.markFiled': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await requireOpenDuty(tx.db, rc, input.id);
    assertNotFuture(rc, input.filedOn, 'filedOn', 'The date it was filed');
    if (input.filedOn < before.event_on) {
      throw AppError.field('filedOn', `The ${before.form} reports a change on ${formatLegalDate(before.event_on)}; it cannot have been filed before that.`);
    }
    const reference = input.reference ?? null;
    await tx.db.updateTable('filing_duty').set({ outcome: 'filed', outcome_on: input.filedOn, reference, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    const late = input.filedOn > before.due_on ? ` (late: it was due by ${formatLegalDate(before.due_on)})` : '';
    tx.audit({
      action: 'filing.filed',
      entityType: 'filing_duty',
      entityId: before.id,
      summary: `${before.form} filed at Companies House on ${formatLegalDate(input.filedOn)}${late}`,
      before: { outcome: null, outcomeOn: null, reference: null },
      after: { outcome: 'filed', outcomeOn: input.filedOn, reference },
    });
    return view(tx.db, rc, before.id);
  }),

  'filings.markNotRequired': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await requireOpenDuty(tx.db, rc, input.id);
    await tx.db.updateTable('filing_duty').set({ outcome: 'not_required', outcome_on: rc.today, note: input.reason, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    tx.audit({
      action: 'filing.not_required',
      entityType: 'filing_duty',
      entityId: before.id,
      summary: `${before.form} recorded as not needed on ${formatLegalDate(rc.today)}`,
      before: { outcome: null, outcomeOn: null, note: null },
      after: { outcome: 'not_required', outcomeOn: rc.today, note: input.reason },
    });
    return view(tx.db, rc, before.id);
  }),
});
