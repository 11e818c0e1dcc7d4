import type { Insertable } from 'kysely';
import type { ImportApplyResult } from '../../../shared/contract/hr-import';
import { CESSATION_REASON_LABEL } from '../../../shared/contract/members';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { AuditEntry } from '../audit/log';
import type { WriteContext } from '../context';
import { insertMany } from '../db/batch-insert';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, ShareTransactionTable } from '../db/schema';
import { AppError } from '../errors';
import { emailKey, nameTokensFor, particularsColumns, toParticulars } from '../members/columns';
import { flattenParticulars } from '../members/particulars-diff';
import { allocate } from '../members/sequence';
import { givenKey, sortKey } from '../../../shared/rules/fold';
import { updateMembersById } from './batch-update';
import { electronicCommsEndedNote, type CeaseAction, type ImportPlanFull, type Progress } from './plan';

/** Rows written between checkpoints; each slice is a few milliseconds of work. */
const SLICE = 200;
const PER_STATEMENT = 200;

/**
 * Columns an import may change on an existing entry. Names and e-mail are set only when they
 * changed: SQLite rewrites an index entry whenever its column is set, even to the same value.
 * The end of an agreement to notices by e-mail goes with the e-mail address that ends it.
 */
const NAME_COLUMNS = ['given_names', 'family_name', 'sort_key', 'given_key', 'email', 'email_key', 'electronic_comms_revoked_on'] as const;
const OTHER_COLUMNS = [
  'date_of_birth',
  'address_line1',
  'address_line2',
  'address_town',
  'address_postcode',
  'service_area',
  'employment_start',
  'employment_end',
  'weekly_hours_centi',
  'updated_at',
] as const;
const ALL_COLUMNS = [...NAME_COLUMNS, ...OTHER_COLUMNS];
const CEASE_COLUMNS = ['ceased_on', 'cessation_reason', 'cessation_note', 'updated_at'] as const;

export const CONFLICT_MESSAGE = 'The records changed since this plan was made; make the plan again.';

/**
 * Writes a plan in one transaction (the caller's: on a connection of its own, so the app's
 * connection keeps answering reads while the import writes), in slices of a few hundred rows with a checkpoint between
 * them: new entries (numbers allocated once for the batch, name tokens, one share each where
 * the form has shares), particulars changes, cessations, and one audit event per member change
 * in the shapes the member services write, then one 'import.applied' event.
 */
export async function applyPlan(tx: WriteContext, plan: ImportPlanFull, job: Progress): Promise<ImportApplyResult> {
  const trx = tx.db;
  const head = await trx.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  if ((head?.seq ?? 0) !== plan.auditSeq) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  const org = await trx.selectFrom('organisation').select('id').where('id', '=', plan.organisationId).executeTakeFirst();
  if (!org) throw new AppError('CONFLICT', CONFLICT_MESSAGE);

  const leaversAdmitted = plan.admits.filter((a) => a.ceasesOn !== null).length;
  const total = plan.admits.length + plan.updates.length + plan.ceases.length + leaversAdmitted;
  let done = 0;
  let events = 0;
  const step = async (rows: number, message: string) => {
    done += rows;
    job.progress(done, total, message);
    await job.checkpoint();
  };
  job.progress(0, total, 'Starting');

  const admitted = plan.admits.length;
  const first = admitted > 0 ? await allocate(trx, plan.organisationId, 'member_number', admitted) : null;
  // People who left after the admission date: ceased after their admission, with the other leavers.
  const ceases: CeaseAction[] = [...plan.ceases];
  for (let i = 0; i < admitted; i += SLICE) {
    events += await admitSlice(tx, plan, first! + i, i, Math.min(admitted, i + SLICE), ceases);
    await step(Math.min(SLICE, admitted - i), 'Entering new members');
  }
  for (let i = 0; i < plan.updates.length; i += SLICE) {
    events += await updateSlice(tx, plan, i, Math.min(plan.updates.length, i + SLICE));
    await step(Math.min(SLICE, plan.updates.length - i), 'Updating particulars');
  }
  for (let i = 0; i < ceases.length; i += SLICE) {
    events += await ceaseSlice(tx, plan, ceases, i, Math.min(ceases.length, i + SLICE));
    await step(Math.min(SLICE, ceases.length - i), 'Recording who has left');
  }

  const c = plan.preview.counts;
  const commsEnded = electronicCommsEndedNote(plan.updates.filter((u) => u.endsElectronicComms).length, plan.family, 'applied');
  const result: ImportApplyResult = {
    fileName: plan.fileName,
    admitted,
    ceased: ceases.length,
    updated: c.update,
    firstMemberNumber: first,
    lastMemberNumber: first === null ? null : first + admitted - 1,
    auditEvents: events + 1,
    electronicCommsEnded: commsEnded,
  };
  tx.audit([
    {
      action: 'import.applied',
      entityType: 'import',
      entityId: null,
      summary: `HR import of ${c.rows} row${c.rows === 1 ? '' : 's'}: ${admitted} admitted, ${result.ceased} ceased, ${result.updated} updated, ${c.unchanged} unchanged, ${c.notEligible} not eligible, ${c.rejected} rejected${commsEnded ? `; agreement to notices by e-mail ended for ${commsEnded.count}` : ''}`,
      before: null,
      after: {
        fileName: plan.fileName,
        sha256: plan.fileSha256,
        asOf: plan.asOf,
        dateFormat: plan.dateFormat,
        mapping: plan.mapping,
        counts: c,
        firstMemberNumber: result.firstMemberNumber,
        lastMemberNumber: result.lastMemberNumber,
      },
    },
  ]);
  job.progress(total, total, 'Saving everything together');
  return result;
}

async function admitSlice(tx: WriteContext, plan: ImportPlanFull, firstNumber: number, from: number, to: number, ceases: CeaseAction[]): Promise<number> {
  const trx = tx.db;
  const who = tx.who;
  const rows: MemberRowDb[] = [];
  const tokens: ReturnType<typeof nameTokensFor> = [];
  const shares: ShareTransactionTable[] = [];
  const audit: AuditEntry[] = [];
  const admittedOn = plan.asOf;
  const admittedText = formatLegalDate(admittedOn);
  // Numbered classes (CA 2006 s113(3)): each new member's one share takes the class's next
  // number, from the same sequence the share ledger allots from, allocated once per slice.
  const nextNumber = new Map<string, number>();
  if (plan.hasShares) {
    const numberedCounts = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const cls = plan.admits[i]!.record.cls;
      if (cls.share_numbered === 1 && cls.share_nominal_pence !== null) numberedCounts.set(cls.id, (numberedCounts.get(cls.id) ?? 0) + 1);
    }
    for (const [classId, count] of numberedCounts) nextNumber.set(classId, await allocate(trx, plan.organisationId, `share_number:${classId}`, count));
  }
  for (let i = from; i < to; i++) {
    const { record: r, personId, ceasesOn } = plan.admits[i]!;
    const cls = r.cls;
    const nominal = plan.hasShares ? cls.share_nominal_pence : null;
    let shareNumber: number | null = null;
    if (nominal !== null && nextNumber.has(cls.id)) {
      shareNumber = nextNumber.get(cls.id)!;
      nextNumber.set(cls.id, shareNumber + 1);
    }
    const memberNumber = firstNumber + (i - from);
    const row: MemberRowDb = {
      id: uuidv7(),
      organisation_id: plan.organisationId,
      person_id: personId ?? uuidv7(),
      member_number: memberNumber,
      class_id: cls.id,
      ...particularsColumns({
        givenNames: r.givenNames,
        familyName: r.familyName,
        address: { line1: r.addressLine1, line2: r.addressLine2 ?? undefined, town: r.town, postcode: r.postcode ?? undefined, country: undefined },
        email: r.email ?? undefined,
        emailPurposes: undefined,
        dateOfBirth: r.dateOfBirth ?? undefined,
        employee: {
          employeeNumber: r.employeeNumber,
          serviceArea: r.serviceArea ?? undefined,
          employmentStart: r.employmentStart,
          employmentEnd: r.employmentEnd ?? undefined,
          weeklyHours: r.weeklyHoursCenti === null ? null : r.weeklyHoursCenti / 100,
        },
        loansAndDepositsPence: null,
      }),
      application_date: null,
      admitted_on: admittedOn,
      board_reference: null,
      ceased_on: null,
      cessation_reason: null,
      cessation_note: null,
      shares_held: nominal === null ? 0 : 1,
      paid_pence: nominal ?? 0,
      created_at: who.at,
      updated_at: who.at,
    };
    rows.push(row);
    if (ceasesOn !== null) {
      ceases.push({
        line: r.line,
        memberId: row.id,
        memberNumber,
        ceasedOn: ceasesOn,
        withdraw: nominal === null ? null : { shares: 1, repayPence: nominal, shareNumbers: shareNumber === null ? null : String(shareNumber) },
      });
    }
    for (const t of nameTokensFor(plan.organisationId, row.id, row.family_name, row.given_names)) tokens.push(t);
    audit.push({
      action: 'member.admitted',
      entityType: 'member',
      entityId: row.id,
      summary: `Member ${memberNumber} entered in the register (${cls.name} class), admitted ${admittedText}, from the HR import`,
      before: null,
      after: { ...flattenParticulars(toParticulars(row), cls.name), memberNumber, admittedOn, applicationDate: null, boardReference: null },
    });
    if (nominal !== null) {
      // One share paid in full at its nominal value, as the ledger would record an allotment.
      shares.push({
        id: uuidv7(),
        organisation_id: plan.organisationId,
        member_id: row.id,
        kind: 'allotment',
        date: admittedOn,
        shares: 1,
        amount_pence: nominal,
        counterparty_member_id: null,
        transfer_id: null,
        notice_date: null,
        payment_date: null,
        board_reference: null,
        share_numbers: shareNumber === null ? null : String(shareNumber),
        created_at: who.at,
      });
      audit.push({
        action: 'shares.allotted',
        entityType: 'member',
        entityId: row.id,
        summary: `Member ${memberNumber}: 1 share${shareNumber === null ? '' : `, numbered ${shareNumber},`} allotted on ${admittedText}`,
        before: { sharesHeld: 0 },
        after: { sharesHeld: 1, kind: 'allotment', date: admittedOn, shares: 1, amountPence: nominal, ...(shareNumber === null ? {} : { shareNumbers: String(shareNumber) }) },
      });
    }
  }
  await insertMany(trx, 'member', rows, PER_STATEMENT);
  await insertMany(trx, 'member_name_token', tokens, PER_STATEMENT * 2);
  await insertMany(trx, 'share_transaction', shares, PER_STATEMENT);
  tx.audit(audit);
  return audit.length;
}

async function updateSlice(tx: WriteContext, plan: ImportPlanFull, from: number, to: number): Promise<number> {
  const trx = tx.db;
  const who = tx.who;
  const withNames: unknown[][] = [];
  const withoutNames: unknown[][] = [];
  const renamed: string[] = [];
  const tokens: ReturnType<typeof nameTokensFor> = [];
  const audit: AuditEntry[] = [];
  for (let i = from; i < to; i++) {
    const u = plan.updates[i]!;
    const n = u.next;
    const rest = [n.date_of_birth, n.address_line1, n.address_line2, n.address_town, n.address_postcode, n.service_area, n.employment_start, n.employment_end, n.weekly_hours_centi, who.at];
    if (u.nameChanged || u.emailChanged) {
      withNames.push([
        u.memberId,
        n.given_names,
        n.family_name,
        sortKey(n.family_name, n.given_names),
        givenKey(n.family_name, n.given_names),
        n.email,
        n.email ? emailKey(n.email) : null,
        n.electronic_comms_revoked_on ?? null,
        ...rest,
      ]);
    } else {
      withoutNames.push([u.memberId, ...rest]);
    }
    if (u.nameChanged) {
      renamed.push(u.memberId);
      for (const t of nameTokensFor(plan.organisationId, u.memberId, n.family_name, n.given_names)) tokens.push(t);
    }
    audit.push({
      action: 'member.updated',
      entityType: 'member',
      entityId: u.memberId,
      summary: `Member ${u.memberNumber}: ${u.changed.length} particular${u.changed.length === 1 ? '' : 's'} changed, from the HR import`,
      before: u.before,
      after: u.after,
    });
  }
  await updateMembersById(trx, ALL_COLUMNS, withNames, PER_STATEMENT);
  await updateMembersById(trx, OTHER_COLUMNS, withoutNames, PER_STATEMENT);
  if (renamed.length > 0) {
    await trx.deleteFrom('member_name_token').where('member_id', 'in', renamed).execute();
    await insertMany(trx, 'member_name_token', tokens, PER_STATEMENT * 2);
  }
  tx.audit(audit);
  return audit.length;
}

async function ceaseSlice(tx: WriteContext, plan: ImportPlanFull, ceases: readonly CeaseAction[], from: number, to: number): Promise<number> {
  const trx = tx.db;
  const who = tx.who;
  const values: unknown[][] = [];
  const audit: AuditEntry[] = [];
  const reason = CESSATION_REASON_LABEL.left_employment.toLowerCase();
  const withdrawals: Insertable<ShareTransactionTable>[] = [];
  const holdings: unknown[][] = [];
  for (let i = from; i < to; i++) {
    const c = ceases[i]!;
    if (c.withdraw) {
      // The ledger entry the member page would write, on the leaving date, before the cessation.
      withdrawals.push({
        id: uuidv7(),
        organisation_id: plan.organisationId,
        member_id: c.memberId,
        kind: 'withdrawal',
        date: c.ceasedOn,
        shares: -c.withdraw.shares,
        amount_pence: c.withdraw.repayPence,
        counterparty_member_id: null,
        transfer_id: null,
        notice_date: c.ceasedOn,
        payment_date: null,
        board_reference: null,
        share_numbers: c.withdraw.shareNumbers ?? null,
        created_at: who.at,
      });
      holdings.push([c.memberId, 0, 0, who.at]);
      audit.push({
        action: 'shares.withdrawn',
        entityType: 'member',
        entityId: c.memberId,
        summary: `Member ${c.memberNumber}: ${c.withdraw.shares} share${c.withdraw.shares === 1 ? '' : 's'} withdrawn on ${formatLegalDate(c.ceasedOn)}, on leaving employment (from the HR import)`,
        before: { sharesHeld: c.withdraw.shares },
        after: { sharesHeld: 0, kind: 'withdrawal', date: c.ceasedOn, shares: -c.withdraw.shares, amountPence: c.withdraw.repayPence, noticeDate: c.ceasedOn },
      });
    }
    values.push([c.memberId, c.ceasedOn, 'left_employment', null, who.at]);
    audit.push({
      action: 'member.ceased',
      entityType: 'member',
      entityId: c.memberId,
      summary: `Member ${c.memberNumber} ceased on ${formatLegalDate(c.ceasedOn)}: ${reason}, from the HR import`,
      before: { ceasedOn: null, cessationReason: null, cessationNote: null },
      after: { ceasedOn: c.ceasedOn, cessationReason: 'left_employment', cessationNote: null },
    });
  }
  if (withdrawals.length > 0) {
    await insertMany(trx, 'share_transaction', withdrawals, PER_STATEMENT);
    await updateMembersById(trx, ['shares_held', 'paid_pence', 'updated_at'], holdings, PER_STATEMENT);
  }
  await updateMembersById(trx, CEASE_COLUMNS, values, PER_STATEMENT);
  tx.audit(audit);
  return audit.length;
}
