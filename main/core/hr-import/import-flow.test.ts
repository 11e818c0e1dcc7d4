import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemberDetail } from '../../../shared/contract/members';
import { verifyAuditChain } from '../audit/verify';
import type { Core } from '../core';
import type { VerifyReport } from '../../../shared/contract/audit';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { apply, finishedJob, hrCsv, planCsv, uploadText, type HrRow } from './testing';

const TODAY = '2026-05-01';
let t: TestCore;
afterEach(async () => t?.cleanup());

async function mutual(legal: { legalForm?: 'company_limited_by_guarantee' | 'cooperative_society' | 'cic_limited_by_shares'; withdrawable?: boolean; numbered?: boolean } = {}) {
  t = await openTestCore({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  const society = legal.legalForm === 'cooperative_society';
  const shareCompany = legal.legalForm === 'cic_limited_by_shares';
  await setUpOrganisation(
    t.core,
    society
      ? { particulars: { legalForm: 'cooperative_society', registrationNumber: '31247R' } }
      : shareCompany
        ? { particulars: { legalForm: 'cic_limited_by_shares', registrationNumber: '11223344' } }
        : {},
  );
  const cls = expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Employee',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 18, minWeeklyHours: 8, minServiceMonths: 3 },
      shareTerms: society
        ? { nominalPence: 100, withdrawable: legal.withdrawable ?? true, transferable: !(legal.withdrawable ?? true), maxHolding: null, numbered: legal.numbered ?? false }
        : shareCompany
          ? { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, numbered: legal.numbered ?? false }
          : null,
    }),
  ) as { id: string };
  return { core: t.core, classId: cls.id };
}

/** Admits someone by hand with exactly the particulars `hrLine` writes for them. */
async function admitByHand(core: Core, classId: string, no: string, admittedOn = '2025-01-06', shares = false): Promise<MemberDetail> {
  return expectOk(
    await core.dispatch('members.admit', {
      classId,
      admittedOn,
      particulars: {
        givenNames: 'Alex',
        familyName: `Worker${no}`,
        address: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP' },
        email: `${no.toLowerCase()}@example.org`,
        dateOfBirth: '1985-07-14',
        employee: { employeeNumber: no, serviceArea: 'Adult social care', employmentStart: '2019-04-01', weeklyHours: 37.5 },
        loansAndDepositsPence: null,
      },
      initialShares: shares ? { shares: 1, amountPaidPence: 100 } : null,
    }),
  ) as MemberDetail;
}

function byEmployee(core: Core, no: string) {
  return core.raw.prepare('select * from member where employee_number = ? order by member_number').all(no) as Record<string, unknown>[];
}

function events(core: Core, action: string) {
  return core.raw
    .prepare('select e.entity_id, e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = ? order by e.seq')
    .all(action) as { entity_id: string | null; summary: string; body: string }[];
}

describe('HR import: plan, then apply', () => {
  it('plans admissions, leavers, changes, the not yet eligible and the rejected, and applies them with their audit events', async () => {
    const { core, classId } = await mutual();
    await admitByHand(core, classId, 'E1');
    const e2 = await admitByHand(core, classId, 'E2');
    const e3 = await admitByHand(core, classId, 'E3');
    await admitByHand(core, classId, 'E4');
    const e5 = await admitByHand(core, classId, 'E5', '2024-06-03');
    expectOk(await core.dispatch('members.cease', { memberId: e5.id, ceasedOn: '2025-01-31', reason: 'resigned' }));
    const rows: HrRow[] = [
      { no: 'E1' },
      { no: 'E2', line1: '22 Mill Lane', postcode: 'ls6 2aa', hours: '30' },
      { no: 'E3', end: '31/03/2026' },
      { no: 'E5' },
      { no: 'E10', given: 'Zoë', family: 'Smith-Jones' },
      { no: 'E11', hours: '4' },
      { no: 'E12', start: '01/03/2026' },
      { no: 'E13', end: '28/02/2026' },
      { no: 'E14', start: '31/02/2024' },
      { no: 'E15', dob: '01/09/2010' },
    ];
    const text = hrCsv(rows);
    const { plan } = await planCsv(core, text, { classId, asOf: TODAY });

    expect(plan.counts).toEqual({ rows: 10, admit: 2, cease: 1, update: 1, unchanged: 1, notEligible: 4, rejected: 1, notInFile: 1, admittedAndCeased: 0, split: 0 });
    expect(plan.admit.map((p) => [p.line, p.employeeNumber, p.name, p.className, p.detail])).toEqual([
      [5, 'E5', 'Alex WorkerE5', 'Employee', `Re-admission: previously member ${e5.memberNumber}, ceased 31 January 2025`],
      [6, 'E10', 'Zoë Smith-Jones', 'Employee', 'New member from 1 May 2026'],
    ]);
    expect(plan.cease).toEqual([{ line: 4, employeeNumber: 'E3', name: 'Alex WorkerE3', className: 'Employee', memberNumber: e3.memberNumber, detail: 'Left employment on 31 March 2026' }]);
    expect(plan.update).toEqual([
      {
        line: 3,
        employeeNumber: 'E2',
        name: 'Alex WorkerE2',
        className: 'Employee',
        memberNumber: e2.memberNumber,
        detail: '3 particulars changed',
        changes: [
          { field: 'address.line1', from: '1 High Street', to: '22 Mill Lane' },
          { field: 'address.postcode', from: 'LS1 4AP', to: 'LS6 2AA' },
          { field: 'employee.weeklyHours', from: '37.5', to: '30' },
        ],
      },
    ]);
    expect(plan.notEligible.map((p) => [p.employeeNumber, p.detail])).toEqual([
      ['E11', 'The Employee class requires at least 8 contracted hours a week; 4 given.'],
      ['E12', "The Employee class requires 3 months' service; employed since 1 March 2026, they qualify on 1 June 2026."],
      ['E13', 'Employment ended on 28 February 2026, so they cannot join the Employee class on 1 May 2026.'],
      ['E15', 'The Employee class requires age 18 or over; they are 15 on 1 May 2026.'],
    ]);
    expect(plan.rejected).toEqual([{ line: 10, column: 'Start Date', value: '31/02/2024', reason: '31/02/2024 is not a real date: February 2024 has 29 days.' }]);
    expect(plan.allotsShares).toBe(false);

    // Nothing is written by planning (the remembered mapping apart).
    expect(byEmployee(core, 'E10')).toEqual([]);
    expect(events(core, 'import.applied')).toEqual([]);

    const result = await apply(core, plan.planId);
    expect(result).toMatchObject({ fileName: 'hr-export.csv', admitted: 2, ceased: 1, updated: 1, auditEvents: 2 + 2 + 1 + 1 });
    expect(result.lastMemberNumber! - result.firstMemberNumber!).toBe(1);

    const [e10] = byEmployee(core, 'E10');
    expect(e10).toMatchObject({ given_names: 'Zoë', family_name: 'Smith-Jones', admitted_on: TODAY, class_id: classId, weekly_hours_centi: 3750, employment_start: '2019-04-01', address_postcode: 'LS1 4AP' });
    expect(core.raw.prepare('select token from member_name_token where member_id = ?').pluck().all(e10!['id'])).toEqual(['jones']);
    const found = expectOk(await core.dispatch('members.search', { query: 'jones' })) as { rows: { id: string }[] };
    expect(found.rows.map((r) => r.id)).toEqual([e10!['id']]);

    const e5entries = byEmployee(core, 'E5');
    expect(e5entries).toHaveLength(2);
    expect(e5entries[1]!['person_id']).toBe(e5entries[0]!['person_id']);
    expect(e5entries[1]).toMatchObject({ ceased_on: null, admitted_on: TODAY });
    const readmitted = expectOk(await core.dispatch('members.get', { id: e5entries[1]!['id'] })) as MemberDetail;
    expect(readmitted.otherEntries.map((o) => o.memberNumber)).toEqual([e5.memberNumber]);

    expect(byEmployee(core, 'E3')[0]).toMatchObject({ ceased_on: '2026-03-31', cessation_reason: 'left_employment', employment_end: '2026-03-31' });
    expect(byEmployee(core, 'E2')[0]).toMatchObject({ address_line1: '22 Mill Lane', address_postcode: 'LS6 2AA', weekly_hours_centi: 3000 });
    // Not in the file is not the same as left: E4 stays a member.
    expect(byEmployee(core, 'E4')[0]).toMatchObject({ ceased_on: null });

    const admitted = events(core, 'member.admitted').slice(-2);
    expect(admitted.map((e) => e.entity_id)).toEqual([e5entries[1]!['id'], e10!['id']]);
    expect(JSON.parse(admitted[1]!.body)).toEqual({
      before: null,
      after: expect.objectContaining({ givenNames: 'Zoë', familyName: 'Smith-Jones', className: 'Employee', admittedOn: TODAY, memberNumber: e10!['member_number'] }),
    });
    const ceased = events(core, 'member.ceased').filter((e) => e.entity_id === e3.id);
    expect(JSON.parse(ceased[0]!.body)).toEqual({
      before: { ceasedOn: null, cessationReason: null, cessationNote: null },
      after: { ceasedOn: '2026-03-31', cessationReason: 'left_employment', cessationNote: null },
    });
    const applied = events(core, 'import.applied');
    expect(applied).toHaveLength(1);
    const body = JSON.parse(applied[0]!.body) as { after: Record<string, unknown> };
    expect(body.after).toMatchObject({ fileName: 'hr-export.csv', sha256: createHash('sha256').update(text).digest('hex'), asOf: TODAY, counts: plan.counts });
    // Summaries carry no personal data: no names, no employee numbers.
    for (const e of [...events(core, 'member.admitted'), ...events(core, 'member.updated'), ...events(core, 'member.ceased'), ...applied]) {
      expect(e.summary).not.toMatch(/Worker|Zoë|Smith|E10|hr-export/);
    }

    // The member's own history shows the import's changes field by field.
    const history = expectOk(await core.dispatch('members.history', { id: e2.id })) as { action: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    expect(history[0]).toMatchObject({ action: 'member.updated', changes: expect.arrayContaining([{ field: 'address.line1', from: '1 High Street', to: '22 Mill Lane' }]) });

    // The same file again changes nothing.
    const again = await planCsv(core, text, { classId, asOf: TODAY });
    expect(again.plan.counts).toEqual({ rows: 10, admit: 0, cease: 0, update: 0, unchanged: 5, notEligible: 4, rejected: 1, notInFile: 1, admittedAndCeased: 0, split: 0 });
    expect(await verifyAuditChain(core.raw)).toMatchObject({ ok: true });
  });

  it('refuses a plan with a missing column, a class that is not for employees, or an admission date in the future', async () => {
    const { core, classId } = await mutual();
    const other = expectOk(
      await core.dispatch('classes.create', {
        name: 'Supporter',
        votingRights: 'none',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: null,
      }),
    ) as { id: string };
    const { analysis } = await planCsv(core, hrCsv([{ no: 'E1' }]), { classId, asOf: TODAY });
    const base = { importId: analysis.importId, mapping: analysis.mapping, dateFormat: 'dmy', defaultClassId: classId, asOf: TODAY };

    const missing = await core.dispatch('hrImport.plan', { ...base, mapping: { ...analysis.mapping, familyName: null, town: 'Region' } });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fieldErrors: { 'mapping.familyName': 'Choose the column that holds the family name (or one holding the full name).', 'mapping.town': 'The file has no column called “Region”.' },
      },
    });
    const twice = await core.dispatch('hrImport.plan', { ...base, mapping: { ...analysis.mapping, addressLine2: 'Town' } });
    expect(twice).toMatchObject({ ok: false, error: { fieldErrors: { 'mapping.town': 'The column “Town” is already used for the address line 2.' } } });
    expect(await core.dispatch('hrImport.plan', { ...base, defaultClassId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { defaultClassId: 'The Supporter class is not an employee class; choose a class for employees.' } },
    });
    expect(await core.dispatch('hrImport.plan', { ...base, asOf: '2026-05-02' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { asOf: 'The admission date cannot be in the future (today is 1 May 2026).' } },
    });
    expect(await core.dispatch('hrImport.plan', { ...base, importId: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('hrImport.apply', { planId: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('says what is wrong with a file that is empty, has no data rows, or is not comma-separated', async () => {
    const { core } = await mutual();
    const fail = async (text: string) => (await finishedJob(core, await core.dispatch('hrImport.analyse', { uploadId: await uploadText(core, 'x.csv', text) }))).error;
    // A file of no bytes at all is refused as it is sent (see jobs/uploads.test.ts); one of blank lines here.
    expect(await fail('\r\n\r\n')).toMatchObject({ code: 'VALIDATION', message: 'x.csv is empty: there is no heading row.' });
    expect(await fail('Employee No,Surname\r\n\r\n')).toMatchObject({ message: 'x.csv has a heading row but no rows of data.' });
    expect(await fail('Just one long line of prose\nand another')).toMatchObject({ message: expect.stringMatching(/^Only one column was found/) });
  });

  it('allots one share paid at nominal value to each new member where the form has shares, and withdraws a leaver’s shares before ceasing them', async () => {
    const { core, classId } = await mutual({ legalForm: 'cooperative_society' });
    const held = await admitByHand(core, classId, 'E1', '2025-01-06', true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', end: '31/03/2026' }, { no: 'E2' }, { no: 'E3' }]), { classId, asOf: TODAY });
    expect(plan.allotsShares).toBe(true);
    expect(plan.counts).toMatchObject({ admit: 2, cease: 1, rejected: 0 });
    expect(plan.cease[0]!.detail).toBe('Left employment on 31 March 2026; 1 share withdrawn (£1.00 to repay)');
    await apply(core, plan.planId);
    for (const no of ['E2', 'E3']) {
      const [m] = byEmployee(core, no);
      expect(m).toMatchObject({ shares_held: 1, paid_pence: 100 });
      expect(core.raw.prepare('select kind, date, shares, amount_pence from share_transaction where member_id = ?').all(m!['id'])).toEqual([
        { kind: 'allotment', date: TODAY, shares: 1, amount_pence: 100 },
      ]);
    }
    const allotted = events(core, 'shares.allotted').slice(-2);
    expect(allotted.map((e) => e.summary)).toEqual([expect.stringMatching(/^Member \d+: 1 share allotted on 1 May 2026$/), expect.any(String)]);
    expect(JSON.parse(allotted[0]!.body).after).toEqual({ sharesHeld: 1, kind: 'allotment', date: TODAY, shares: 1, amountPence: 100 });
    // The leaver: shares withdrawn on the leaving date, then the cessation, as the member page would record them.
    const [leaver] = byEmployee(core, 'E1');
    expect(leaver).toMatchObject({ shares_held: 0, paid_pence: 0, ceased_on: '2026-03-31', cessation_reason: 'left_employment' });
    expect(core.raw.prepare("select kind, date, shares, amount_pence, notice_date from share_transaction where member_id = ? order by date").all(held.id)).toEqual([
      { kind: 'allotment', date: '2025-01-06', shares: 1, amount_pence: 100, notice_date: null },
      { kind: 'withdrawal', date: '2026-03-31', shares: -1, amount_pence: 100, notice_date: '2026-03-31' },
    ]);
    expect(events(core, 'shares.withdrawn').map((e) => e.entity_id)).toEqual([held.id]);
    const ledger = expectOk(await core.dispatch('shares.ledger', { memberId: held.id })) as { sharesHeld: number };
    expect(ledger.sharesHeld).toBe(0);
  });

  it('gives each new member’s share the class’s next number where shares are numbered (CA 2006 s113(3))', async () => {
    const { core, classId } = await mutual({ legalForm: 'cic_limited_by_shares', numbered: true });
    const first = await admitByHand(core, classId, 'E1', '2025-01-06', true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1' }, { no: 'E2' }, { no: 'E3' }]), { classId, asOf: TODAY });
    await apply(core, plan.planId);
    const numbers = (no: string) => core.raw.prepare('select share_numbers from share_transaction where member_id = ?').pluck().all(byEmployee(core, no)[0]!['id']);
    expect(numbers('E1')).toEqual(['1']);
    expect(numbers('E2')).toEqual(['2']);
    expect(numbers('E3')).toEqual(['3']);
    expect(events(core, 'shares.allotted').slice(-2).map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Member \d+: 1 share, numbered 2, allotted on 1 May 2026$/),
      expect.stringMatching(/^Member \d+: 1 share, numbered 3, allotted on 1 May 2026$/),
    ]);
    // The ledger allots the next number after the import's.
    expectOk(await core.dispatch('shares.allot', { memberId: first.id, date: TODAY, shares: 2, amountPaidPence: 200 }));
    expect(numbers('E1')).toEqual(['1', '4-5']);
    expect(((await runJob(core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  });

  it('holds back a company’s leaver who still holds shares, naming redemption and purchase (CA 2006 Part 18)', async () => {
    const { core, classId } = await mutual({ legalForm: 'cic_limited_by_shares' });
    const held = await admitByHand(core, classId, 'E1', '2025-01-06', true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', end: '31/03/2026' }]), { classId, asOf: TODAY });
    expect(plan.counts).toMatchObject({ cease: 0, rejected: 1 });
    expect(plan.rejected[0]!.reason).toBe(
      `Member ${held.memberNumber} has left but still holds 1 share. A company cannot take shares back by withdrawal: record their cessation on their register page, where it can be redeemed or bought back (CA 2006 Part 18) or transferred, then import the file again.`,
    );
  });

  it('holds back a leaver whose shares are numbered, as only their page knows which numbers go', async () => {
    const { core, classId } = await mutual({ legalForm: 'cooperative_society', numbered: true });
    const held = await admitByHand(core, classId, 'E1', '2025-01-06', true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', end: '31/03/2026' }]), { classId, asOf: TODAY });
    expect(plan.rejected[0]!.reason).toBe(
      `Member ${held.memberNumber} has left but holds numbered shares (CA 2006 s113(3)); record their cessation on their register page, where the shares’ numbers are withdrawn with them, then import the file again.`,
    );
  });

  it('holds back a leaver whose shares can only be transferred, saying why', async () => {
    const { core, classId } = await mutual({ legalForm: 'cooperative_society', withdrawable: false });
    const held = await admitByHand(core, classId, 'E1', '2025-01-06', true);
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', end: '31/03/2026' }]), { classId, asOf: TODAY });
    expect(plan.counts).toMatchObject({ cease: 0, rejected: 1 });
    expect(plan.rejected[0]!.reason).toBe(
      `Member ${held.memberNumber} has left but still holds 1 share, which the class’s terms let only be transferred; transfer it on their register page, then import the file again.`,
    );
  });

  it('admits and ceases in one go someone who left after a back-dated admission date, and ceases a member who left since it', async () => {
    const { core, classId } = await mutual();
    const e1 = await admitByHand(core, classId, 'E1');
    // Admission date 1 March; today is 1 May. E2 left on 31 March: a member for that month.
    const { plan } = await planCsv(core, hrCsv([{ no: 'E1', end: '15/04/2026' }, { no: 'E2', end: '31/03/2026' }, { no: 'E3' }]), { classId, asOf: '2026-03-01' });
    expect(plan.counts).toMatchObject({ admit: 2, cease: 2, admittedAndCeased: 1, rejected: 0, notEligible: 0 });
    expect(plan.admit.map((p) => [p.employeeNumber, p.detail])).toEqual([
      ['E2', 'New member from 1 March 2026; ceases on 31 March 2026, when employment ended'],
      ['E3', 'New member from 1 March 2026'],
    ]);
    expect(plan.cease.map((p) => [p.employeeNumber, p.memberNumber, p.detail])).toEqual([
      ['E1', e1.memberNumber, 'Left employment on 15 April 2026'],
      ['E2', null, 'Admitted by this import from 1 March 2026; left employment on 31 March 2026'],
    ]);

    const result = await apply(core, plan.planId);
    expect(result).toMatchObject({ admitted: 2, ceased: 2 });
    expect(byEmployee(core, 'E2')).toEqual([expect.objectContaining({ admitted_on: '2026-03-01', ceased_on: '2026-03-31', cessation_reason: 'left_employment' })]);
    expect(byEmployee(core, 'E1')[0]).toMatchObject({ ceased_on: '2026-04-15' });
    expect(byEmployee(core, 'E3')[0]).toMatchObject({ admitted_on: '2026-03-01', ceased_on: null });
    const e2 = byEmployee(core, 'E2')[0]!['id'];
    const order = core.raw.prepare('select action from audit_event where entity_id = ? order by seq').pluck().all(e2);
    expect(order).toEqual(['member.admitted', 'member.ceased']);
    expect(await verifyAuditChain(core.raw)).toMatchObject({ ok: true });
    // Each record equals what its last event recorded: the admission, then the cessation.
    expect(((await runJob(core, 'audit.verify', {})).result as VerifyReport).records.problems).toEqual([]);

    // The next import has nothing left to do for them, whether dated today or back-dated again.
    for (const asOf of ['2026-05-01', '2026-03-01']) {
      const again = await planCsv(core, hrCsv([{ no: 'E1', end: '15/04/2026' }, { no: 'E2', end: '31/03/2026' }, { no: 'E3' }]), { classId, asOf });
      expect(again.plan.counts, asOf).toMatchObject({ admit: 0, cease: 0, update: 0, unchanged: 3, notEligible: 0 });
    }
  });

  it('withdraws the share allotted on admission before ceasing a back-dated leaver, or says why it cannot', async () => {
    const { core, classId } = await mutual({ legalForm: 'cooperative_society' });
    const { plan } = await planCsv(core, hrCsv([{ no: 'E2', end: '31/03/2026' }]), { classId, asOf: '2026-03-01' });
    expect(plan.cease[0]!.detail).toBe('Admitted by this import from 1 March 2026; left employment on 31 March 2026; the share allotted on admission withdrawn (£1.00 to repay)');
    await apply(core, plan.planId);
    const [m] = byEmployee(core, 'E2');
    expect(m).toMatchObject({ shares_held: 0, paid_pence: 0, ceased_on: '2026-03-31' });
    expect(core.raw.prepare('select kind, date, shares from share_transaction where member_id = ? order by date').all(m!['id'])).toEqual([
      { kind: 'allotment', date: '2026-03-01', shares: 1 },
      { kind: 'withdrawal', date: '2026-03-31', shares: -1 },
    ]);
    expect(core.raw.prepare('select action from audit_event where entity_id = ? order by seq').pluck().all(m!['id'])).toEqual([
      'member.admitted',
      'shares.allotted',
      'shares.withdrawn',
      'member.ceased',
    ]);

    const fixed = await mutual({ legalForm: 'cooperative_society', withdrawable: false });
    const held = await planCsv(fixed.core, hrCsv([{ no: 'E2', end: '31/03/2026' }]), { classId: fixed.classId, asOf: '2026-03-01' });
    expect(held.plan.counts).toMatchObject({ admit: 0, cease: 0, notEligible: 1 });
    expect(held.plan.notEligible[0]!.detail).toMatch(/^Employment ended on 31 March 2026, after the admission date, so they would be admitted and cease at once; but the share allotted on admission could not be handed back, as the Employee class’s shares are not withdrawable\./);
  });

  it('refuses an admission date before the organisation was incorporated', async () => {
    const { core, classId } = await mutual();
    const { analysis } = await planCsv(core, hrCsv([{ no: 'E1' }]), { classId, asOf: TODAY });
    const r = await core.dispatch('hrImport.plan', { importId: analysis.importId, mapping: analysis.mapping, dateFormat: 'dmy', defaultClassId: classId, asOf: '2015-03-31' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { asOf: expect.stringMatching(/^The admission date cannot be dated before 1 April 2015, when Riverside Care Mutual was incorporated/) } } });
  });

  it('imports a file with one name column and one address column, showing each split, and updates an address from it', async () => {
    const { core, classId } = await mutual();
    await admitByHand(core, classId, 'E1');
    const text = [
      'Payroll No,Employee Name,Address,Start Date,Contracted Hours,Date of Birth',
      'E1,Alex WorkerE1,"9 New Road, Roundhay, Leeds LS8 1AB",01/04/2019,37.5,14/07/1985',
      'E2,"Okafor, Amelia","4 Mill Lane, Derby, Derbyshire, DE1 3AB",01/04/2019,37.5,14/07/1985',
      'E3,Rhys Pritchard,4 Mill Lane Derby DE1 3AB,01/04/2019,37.5,14/07/1985',
      '',
    ].join('\r\n');
    const { analysis, plan } = await planCsv(core, text, { classId, asOf: TODAY });
    expect(analysis.mapping).toMatchObject({ fullName: 'Employee Name', wholeAddress: 'Address', givenNames: null, familyName: null, addressLine1: null, town: null });
    expect(plan.counts).toMatchObject({ admit: 1, update: 1, rejected: 1, split: 2 });
    expect(plan.splits).toEqual([
      {
        line: 2,
        employeeNumber: 'E1',
        name: { from: 'Alex WorkerE1', givenNames: 'Alex', familyName: 'WorkerE1' },
        address: { from: '9 New Road, Roundhay, Leeds LS8 1AB', line1: '9 New Road', line2: 'Roundhay', town: 'Leeds', postcode: 'LS8 1AB', leftOut: null },
      },
      {
        line: 3,
        employeeNumber: 'E2',
        name: { from: 'Okafor, Amelia', givenNames: 'Amelia', familyName: 'Okafor' },
        address: { from: '4 Mill Lane, Derby, Derbyshire, DE1 3AB', line1: '4 Mill Lane', line2: null, town: 'Derby', postcode: 'DE1 3AB', leftOut: 'Derbyshire' },
      },
    ]);
    expect(plan.rejected).toEqual([
      { line: 4, column: 'Address', value: '4 Mill Lane Derby DE1 3AB', reason: 'The street and the town are not separated (4 Mill Lane Derby); put a comma between them, as in “4 Mill Lane, Derby DE1 3AB”.' },
    ]);
    expect(plan.admit.map((p) => p.name)).toEqual(['Amelia Okafor']);
    expect(plan.update[0]!.changes).toEqual([
      { field: 'address.line1', from: '1 High Street', to: '9 New Road' },
      { field: 'address.line2', from: '', to: 'Roundhay' },
      { field: 'address.postcode', from: 'LS1 4AP', to: 'LS8 1AB' },
    ]);
    await apply(core, plan.planId);
    expect(byEmployee(core, 'E2')[0]).toMatchObject({ given_names: 'Amelia', family_name: 'Okafor', address_line1: '4 Mill Lane', address_line2: null, address_town: 'Derby', address_postcode: 'DE1 3AB' });

    // Both layouts at once is refused, naming the separate columns to clear.
    const both = await core.dispatch('hrImport.plan', {
      importId: analysis.importId,
      mapping: { ...analysis.mapping, familyName: 'Payroll No' },
      dateFormat: 'dmy',
      defaultClassId: classId,
      asOf: TODAY,
    });
    expect(both).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'mapping.fullName': 'Use either the full-name column or the given names and family name columns, not both: set family name to “Not in this file”.' } },
    });
  });
});
