import { writeFileSync } from 'node:fs';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { exportStore } from '../exports/register-export';
import { command, type HandlerFor } from '../handler';
import { requireContract } from './store';

/**
 * The dated duties as an iCalendar file for Outlook and other calendars: one all-day event per
 * duty on its due date. Each event's UID is `<contract id>.<duty key>@mutual-governance`, and the
 * duty key does not change when its date does, so importing the file again moves the events
 * instead of adding new ones; SEQUENCE rises with each change to the contract so calendars take
 * the newer copy.
 */
const EPOCH_2020 = Date.UTC(2020, 0, 1);

export const exportCalendar: HandlerFor<'contracts.exportCalendar'> = command(async (input, ctx) => {
  const rc = await ctx.register();
  const only = input.contractId ? await requireContract(ctx.db, rc.org.id, input.contractId, 'contractId') : null;
  let q = ctx.db
    .selectFrom('contract_duty as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .leftJoin('contract_duty_done as x', (j) => j.onRef('x.contract_id', '=', 'd.contract_id').onRef('x.key', '=', 'd.key'))
    .select(['d.contract_id', 'd.key', 'd.due_on', 'd.title', 'c.reference', 'c.title as contract_title', 'c.updated_at', 'p.name as commissioner', 'x.done_on', 'x.recorded_by'])
    .where('d.organisation_id', '=', rc.org.id);
  if (only) q = q.where('d.contract_id', '=', only.id);
  const rows = await q.orderBy('d.due_on').orderBy('d.contract_id').orderBy('d.key').execute();

  const now = ctx.now();
  const cal = ical({
    name: only ? `${rc.org.name}: contract ${only.reference}` : `${rc.org.name}: contract dates`,
    prodId: { company: 'Mutual Governance', product: 'Contract records', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const r of rows) {
    const description = [
      `Contract ${r.reference}: ${r.contract_title}`,
      `Commissioner: ${r.commissioner}`,
      `Due: ${formatLegalDate(r.due_on)}`,
      r.done_on ? `Recorded as done on ${formatLegalDate(r.done_on)} by ${r.recorded_by}.` : 'Not yet recorded as done.',
    ].join('\n');
    cal.createEvent({
      id: `${r.contract_id}.${r.key}@mutual-governance`,
      // Noon UTC, so the all-day date is the due date in every time zone the library may format in.
      start: new Date(`${r.due_on}T12:00:00Z`),
      allDay: true,
      summary: `${r.title} — ${r.reference} ${r.commissioner}`,
      description,
      stamp: now,
      sequence: Math.max(0, Math.floor((Date.parse(r.updated_at) - EPOCH_2020) / 1000)),
    });
  }
  const base = only ? `contract ${only.reference} dates` : 'contract dates';
  const fileName = `${base.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim()} ${rc.today}.ics`;
  const file = exportStore(ctx).create(fileName, 'text/calendar');
  try {
    writeFileSync(file.path, cal.toString(), 'utf8');
    const meta = file.commit();
    return { fileId: file.id, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes, events: rows.length };
  } catch (e) {
    file.discard();
    throw e;
  }
});
