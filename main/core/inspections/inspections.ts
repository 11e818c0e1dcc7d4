import type { InspectionRequest } from '../../../shared/contract/inspections';
import { SOCIETY_REQUEST_LOG_REFUSAL } from '../../../shared/rules/inspection';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { inspectionDueDate, type UkPart } from '../../../shared/rules/working-days';
import type { ReadContext, ReadDb, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { InspectionRequestTable } from '../db/schema';
import { AppError } from '../errors';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';

/**
 * The log of requests to inspect the register of members or to be sent a copy (CA 2006
 * s116-117). A request must state the requester's name and address, the purpose, and whether
 * the information will be shared and with whom (s116(4)); the company must comply, or apply
 * to the court, within five working days (s117(1)), counted in the part of the UK where the
 * registered office is (working days, s1173).
 *
 * For companies only. A registered society's members, and anyone with an interest in its funds,
 * inspect under CCBS Act 2014 s103 at all reasonable hours with no purpose, deadline or court
 * route, so there is nothing to log: the log refuses a society's request and says why.
 */
type Row = InspectionRequestTable;
type Outcome = InspectionRequest['outcome'];

const OUTCOME_WORDS: Record<Exclude<Outcome, 'open'>, string> = {
  inspected: 'register inspected',
  copy_provided: 'copy provided',
  declined: 'declined',
};

export function toInspection(r: Row, today: string, dueSource: string): InspectionRequest {
  const outcome = r.outcome as Outcome;
  return {
    id: r.id,
    requesterName: r.requester_name,
    requesterAddress: r.requester_address,
    purpose: r.purpose,
    willShare: r.will_share === 1,
    sharedWith: r.shared_with,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueSource,
    fulfilledOn: r.outcome_on,
    outcome,
    outcomeNote: r.outcome_note,
    overdue: isOverdue(outcome, r.due_on, today),
  };
}

/** Still open after the day it was due. */
export function isOverdue(outcome: Outcome, dueOn: string, today: string): boolean {
  return outcome === 'open' && dueOn < today;
}

/** The rule the due date came from, as the secretary reads it next to the date. */
function dueSource(r: Row, part: string): string {
  return inspectionDueDate(r.received_on, part as UkPart).source;
}

async function requireRequest(db: ReadDb, organisationId: string, id: string): Promise<Row> {
  const row = await db.selectFrom('inspection_request').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That request is not in the log.');
  return row;
}

/** Newest first; open requests are few, so the whole log's recent part is enough to show. */
export async function listInspections(ctx: ReadContext): Promise<InspectionRequest[]> {
  const rc = await ctx.register();
  const rows = await ctx.db
    .selectFrom('inspection_request')
    .selectAll()
    .where('organisation_id', '=', rc.org.id)
    .orderBy('received_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => toInspection(r, rc.today, dueSource(r, rc.org.office_country)));
}

export interface LogInput {
  requesterName: string;
  requesterAddress: string;
  purpose: string;
  willShare: boolean;
  sharedWith?: string | undefined;
  receivedOn: string;
}

export async function logInspection(tx: WriteContext, input: LogInput): Promise<InspectionRequest> {
  const trx = tx.db;
  const rc = await tx.register();
  assertNotFuture(rc, input.receivedOn, 'receivedOn', 'The date a request was received');
  assertNotBeforeIncorporation(rc, input.receivedOn, 'receivedOn', 'An inspection request');
  // Societies are not companies for inspection: CCBS Act 2014 s103 has no request, purpose or deadline to log.
  if (rc.form.family === 'society') throw new AppError('FORBIDDEN', SOCIETY_REQUEST_LOG_REFUSAL);
  const { due, source } = inspectionDueDate(input.receivedOn, rc.org.office_country as UkPart);
  const who = tx.who;
  const row: Row = {
    id: uuidv7(),
    organisation_id: rc.org.id,
    requester_name: input.requesterName,
    requester_address: input.requesterAddress,
    purpose: input.purpose,
    will_share: input.willShare ? 1 : 0,
    shared_with: input.willShare ? (input.sharedWith ?? null) : null,
    received_on: input.receivedOn,
    due_on: due,
    outcome: 'open',
    outcome_on: null,
    outcome_note: null,
    created_at: who.at,
    updated_at: who.at,
  };
  await trx.insertInto('inspection_request').values(row).execute();
  tx.audit({
      action: 'inspection.logged',
      entityType: 'inspection_request',
      entityId: row.id,
      summary: `Request to inspect or copy the register received ${formatLegalDate(row.received_on)}; due by ${formatLegalDate(due)}`,
      before: null,
      after: {
        requesterName: row.requester_name,
        requesterAddress: row.requester_address,
        purpose: row.purpose,
        willShare: input.willShare,
        sharedWith: row.shared_with,
        receivedOn: row.received_on,
        dueOn: due,
      },
  });
  return toInspection(row, rc.today, source);
}

export interface CloseInput {
  id: string;
  outcome: Exclude<Outcome, 'open'>;
  on: string;
  note?: string | undefined;
}

export async function closeInspection(tx: WriteContext, input: CloseInput): Promise<InspectionRequest> {
  const trx = tx.db;
  const rc = await tx.register();
  const before = await requireRequest(trx, rc.org.id, input.id);
  if (before.outcome !== 'open') {
    throw new AppError('CONFLICT', `This request was already closed on ${formatLegalDate(before.outcome_on ?? before.updated_at.slice(0, 10))}.`);
  }
  if (input.on < before.received_on) {
    throw AppError.field('on', `The request was received on ${formatLegalDate(before.received_on)}; it cannot have been dealt with before then.`);
  }
  assertNotFuture(rc, input.on, 'on', 'The date');
  const who = tx.who;
  const after: Row = { ...before, outcome: input.outcome, outcome_on: input.on, outcome_note: input.note ?? null, updated_at: who.at };
  await trx
    .updateTable('inspection_request')
    .set({ outcome: after.outcome, outcome_on: after.outcome_on, outcome_note: after.outcome_note, updated_at: who.at })
    .where('id', '=', before.id)
    .execute();
  const late = input.on > before.due_on ? ` (after the due date, ${formatLegalDate(before.due_on)})` : '';
  tx.audit({
      action: 'inspection.closed',
      entityType: 'inspection_request',
      entityId: before.id,
      summary: `Inspection request received ${formatLegalDate(before.received_on)} closed on ${formatLegalDate(input.on)}: ${OUTCOME_WORDS[input.outcome]}${late}`,
      before: { outcome: 'open', outcomeOn: null, outcomeNote: null },
      after: { outcome: input.outcome, outcomeOn: input.on, outcomeNote: after.outcome_note },
  });
  return toInspection(after, rc.today, dueSource(after, rc.org.office_country));
}
