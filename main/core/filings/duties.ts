import type { Selectable } from 'kysely';
import { FILING_FORM_INFO, filingDeadline, type FilingForm } from '../../../shared/rules/companies-house';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { FilingDutyTable, FilingSubjectType } from './tables';

export type FilingDutyRow = Selectable<FilingDutyTable>;

export interface NewFilingDuty {
  form: FilingForm;
  subjectType: FilingSubjectType;
  subjectId: string;
  appointmentId?: string | null;
  detail?: string | null;
  /** The day of the change (for a PSC, the day the company had confirmation of it). */
  eventOn: string;
}

/**
 * Records, inside the mutation that made the change, the notice the change requires at
 * Companies House, with its own audit event. Companies only: a society has no Companies House
 * filings (its register of officers is its own, CCBS Act 2014 s30), so this returns null for one.
 *
 * @example
 * await recordFilingDuty(tx, rc, { form: 'AP01', subjectType: 'officer', subjectId: officer.id, appointmentId, eventOn: '2026-12-01' });
 */
export async function recordFilingDuty(tx: WriteContext, rc: RegisterCtx, duty: NewFilingDuty): Promise<FilingDutyRow | null> {
  if (rc.form.family !== 'company') return null;
  const deadline = filingDeadline(duty.form, duty.eventOn);
  const row: FilingDutyRow = {
    id: uuidv7(),
    organisation_id: rc.org.id,
    form: duty.form,
    subject_type: duty.subjectType,
    subject_id: duty.subjectId,
    appointment_id: duty.appointmentId ?? null,
    detail: duty.detail ?? null,
    event_on: duty.eventOn,
    due_on: deadline.dueOn,
    source: deadline.source,
    outcome: null,
    outcome_on: null,
    reference: null,
    note: null,
    created_at: tx.who.at,
    updated_at: tx.who.at,
  };
  await tx.db.insertInto('filing_duty').values(row).execute();
  tx.audit({
    action: 'filing.due',
    entityType: 'filing_duty',
    entityId: row.id,
    // No names: the summary is read in the log list; the payload says whom it concerns.
    summary: `${row.form} (${FILING_FORM_INFO[row.form].title.toLowerCase()}) due at Companies House by ${formatLegalDate(row.due_on)}`,
    before: null,
    after: { form: row.form, subjectType: row.subject_type, subjectId: row.subject_id, appointmentId: row.appointment_id, detail: row.detail, eventOn: row.event_on, dueOn: row.due_on, source: row.source },
  });
  return row;
}
