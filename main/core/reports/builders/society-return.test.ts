import { afterEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../../../shared/contract/officers';
import { admit, makeClass, person } from '../../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../../testing';
import { buildSocietyReturn } from './society-return';
import { build, figure, listTrace, section, table, traced } from './regulator.test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const YEAR = { from: '2025-04-01', to: '2026-03-31' };
const REQUEST = { kind: 'societyReturn' as const, asAt: YEAR.to, from: YEAR.from };

async function officer(t: TestCore, givenNames: string, familyName: string, role: 'director' | 'secretary', appointedOn: string): Promise<Officer> {
  return expectOk(
    await t.core.dispatch('officers.add', {
      particulars: { givenNames, familyName, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: role === 'director' ? { role, directorKind: 'employee', appointedOn } : { role, appointedOn },
    }),
  ) as Officer;
}

let staffNumber = 0;
const staff = (givenNames: string, familyName: string) => person(givenNames, familyName, { employee: { employeeNumber: `E${++staffNumber}`, employmentStart: '2019-01-01', weeklyHours: 37.5 } });

/**
 * A co-operative society: 3 employee members and 2 community members holding withdrawable £1
 * shares; one employee withdraws 2 shares in the year and another leaves (shares withdrawn); a
 * committee of two and a secretary.
 */
async function society() {
  const t = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z') });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: { name: 'Leeds Care Co-operative', legalForm: 'cooperative_society', registrationNumber: '12345R', incorporatedOn: '2015-04-01' } });
  const employees = await makeClass(t.core, 'Employee members', { withdrawable: true, nominalPence: 100 }, true);
  const community = await makeClass(t.core, 'Community members', { withdrawable: true, nominalPence: 100 });
  const ann = await admit(t.core, employees, staff('Ann', 'Lee'), { admittedOn: '2020-01-06', shares: 10 });
  const raj = await admit(t.core, employees, staff('Raj', 'Patel'), { admittedOn: '2021-03-01', shares: 4 });
  const sam = await admit(t.core, employees, staff('Sam', 'Jones'), { admittedOn: '2025-05-01', shares: 1 });
  await admit(t.core, community, person('Joy', 'Brown'), { admittedOn: '2021-06-01', shares: 25 });
  await admit(t.core, community, person('Kit', 'Wong'), { admittedOn: '2024-02-01', shares: 5, paidPence: 250 });
  // In the year: Ann withdraws 2 of her 10; Raj leaves and his 4 are withdrawn.
  expectOk(await t.core.dispatch('shares.withdraw', { memberId: ann.id, noticeDate: '2025-06-01', date: '2025-07-01', shares: 2, amountRepaidPence: 200 }));
  expectOk(await t.core.dispatch('members.cease', { memberId: raj.id, ceasedOn: '2025-09-30', reason: 'left_employment', shares: { kind: 'withdrawal', amountRepaidPence: 400 } }));
  const chair = await officer(t, 'Mo', 'Khan', 'director', '2022-04-01');
  expectOk(await t.core.dispatch('officers.appoint', { officerId: chair.id, appointment: { role: 'chair', appointedOn: '2023-04-01' } }));
  await officer(t, 'Lin', 'Ward', 'director', '2025-10-01');
  const gone = await officer(t, 'Eve', 'Hart', 'director', '2020-04-01');
  expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: gone.appointments[0]!.id, ceasedOn: '2025-12-31' }));
  await officer(t, 'Pat', 'Cole', 'secretary', '2019-04-01');
  return { t, employees, community, ann, sam, mo: chair };
}

describe('society annual return data', () => {
  it('gives the members by class, the share capital and the committee at the year end from the registers', async () => {
    const { t } = await society();
    const r = await build(t, buildSocietyReturn, REQUEST, YEAR);

    expect(figure(r, 'members').value).toBe(4);
    const byClass = table(r, 'society-members-by-class');
    expect(byClass.rows.map((row) => [row['class']!.display, row['members']!.value])).toEqual([
      ['Community members', 2],
      ['Employee members', 2],
    ]);

    // Shares: Ann 8 (paid £8), Sam 1, Joy 25, Kit 5 (paid £2.50); Raj's 4 withdrawn on leaving.
    expect(figure(r, 'shares').value).toBe(39);
    expect(figure(r, 'paid')).toEqual({ display: '£36.50', value: 3650 });
    expect(figure(r, 'holders').value).toBe(4);
    const capital = table(r, 'society-share-capital');
    expect(capital.rows.map((row) => [row['class']!.display, row['holders']!.value, row['shares']!.value, row['paid']!.value])).toEqual([
      ['Community members', 2, 30, 2750],
      ['Employee members', 2, 9, 900],
    ]);

    // The committee on 31 March 2026: Mo Khan (also chair) and Lin Ward; Eve Hart ceased on 31 December 2025.
    expect(figure(r, 'committee').value).toBe(2);
    expect(table(r, 'society-committee').rows.map((row) => [row['name']!.display, row['roles']!.display, row['appointed']!.display])).toEqual([
      ['Lin Ward', 'Director', '1 October 2025'],
      ['Mo Khan', 'Director, Chair', '1 April 2022'],
    ]);
    const board = section(r, 'board');
    expect(board.blocks.at(-1)).toEqual({ type: 'text', text: 'Secretary on 31 March 2026: Pat Cole (appointed 1 April 2019).' });

    const particulars = table(r, 'society-particulars');
    expect(particulars.rows.map((row) => row['value']!.display)).toEqual([
      'Leeds Care Co-operative',
      '12345R',
      'Co-operative society',
      '1 High Street, Leeds, LS1 1AA',
      'As recorded when the app was set up on 30 November 2026',
    ]);
  });

  it('lists exactly what only the audited accounts can give as missing', async () => {
    const { t } = await society();
    const r = await build(t, buildSocietyReturn, REQUEST, YEAR);
    expect(r.missing.map((m) => m.section)).toEqual(Array(5).fill('From the audited accounts'));
    expect(r.missing.map((m) => m.what.split(':')[0])).toEqual([
      'Turnover (income) for the year',
      'Surplus or deficit for the year',
      'Total assets and liabilities at the year end',
      'Share capital and loans as the balance sheet states them',
      'The auditor’s report, or the report on the accounts, for the year',
    ]);
    expect(r.missing.every((m) => m.what.includes('the app cannot know this'))).toBe(true);
    const toWrite = section(r, 'accounts').blocks.filter((b) => b.type === 'toWrite');
    expect(toWrite).toHaveLength(5);
  });

  it('reads the same for the same year end after members come and go, shares move and the office and committee change', async () => {
    const { t, employees, community, ann, sam, mo } = await society();
    const first = await build(t, buildSocietyReturn, REQUEST, YEAR);
    await admit(t.core, employees, staff('New', 'Starter'), { admittedOn: '2026-06-01', shares: 3 });
    expectOk(await t.core.dispatch('shares.allot', { memberId: ann.id, date: '2026-05-01', shares: 7, amountPaidPence: 700 }));
    expectOk(await t.core.dispatch('members.cease', { memberId: sam.id, ceasedOn: '2026-07-01', reason: 'resigned', shares: { kind: 'withdrawal', amountRepaidPence: 100 } }));
    await officer(t, 'Late', 'Comer', 'director', '2026-06-01');
    // A class created after the year end, with no member then: not a class of that year.
    await makeClass(t.core, 'Supporter members', { withdrawable: true, nominalPence: 100 });
    // Ann moves to the community class.
    await t.core.dispatch('members.update', { id: ann.id, classId: community.id, particulars: person('Ann', 'Lee') }).then(expectOk);
    // Renamed since: a class and a committee member (the register and officers keep only today's names).
    await t.core.dispatch('classes.update', {
      id: employees.id,
      changes: {
        name: 'Staff members',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: true,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
      },
    }).then(expectOk);
    await t.core.dispatch('officers.update', {
      id: mo.id,
      particulars: { givenNames: 'Mo', familyName: 'Khan-Ali', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    }).then(expectOk);
    expectOk(
      await t.core.dispatch('organisation.update', {
        name: 'Leeds Care Co-operative',
        legalForm: 'cooperative_society',
        registrationNumber: '12345R',
        registeredOffice: { line1: '9 New Road', town: 'Bradford', postcode: 'BD1 1AA', country: 'england' },
        incorporatedOn: '2015-04-01',
        financialYearEnd: '03-31',
      }),
    );
    const again = await build(t, buildSocietyReturn, REQUEST, YEAR);
    expect(again.sections).toEqual(first.sections);
    expect(again.missing).toEqual(first.missing);
    // Today's differ: the later build for today sees the new office and members.
    const today = await build(t, buildSocietyReturn, { ...REQUEST, asAt: '2026-11-30' }, { from: '2025-12-01', to: '2026-11-30' });
    expect(table(today, 'society-particulars').rows[3]!['value']!.display).toBe('9 New Road, Bradford, BD1 1AA');
    expect(figure(today, 'members').value).toBe(4);
    expect(table(today, 'society-members-by-class').rows.map((row) => [row['class']!.display, row['members']!.value])).toEqual([
      ['Community members', 3],
      ['Staff members', 1],
      // Created today: a class on today's date, though no one is in it yet.
      ['Supporter members', 0],
    ]);
    // The year end's traces list the members by the class they were in then.
    const employeesThen = table(first, 'society-members-by-class').rows.find((row) => row['class']!.display === 'Employee members')!['members']!;
    expect((await listTrace(t, employeesThen)).rows.map((row) => row.label)).toEqual(['1. Ann Lee', '3. Sam Jones']);
    const holdersThen = table(first, 'society-share-capital').rows.find((row) => row['class']!.display === 'Employee members')!['holders']!;
    expect((await listTrace(t, holdersThen)).rows.map((row) => [row.label, row.detail])).toEqual([
      ['1. Ann Lee', '8 shares (Employee members)'],
      ['3. Sam Jones', '1 share (Employee members)'],
    ]);
    expect(table(today, 'society-committee').rows.map((row) => row['name']!.display)).toContain('Mo Khan-Ali');
    // The trace for the year end lists the committee by the names they had then.
    expect((await listTrace(t, figure(first, 'committee'))).rows.map((row) => row.label)).toEqual(['Lin Ward', 'Mo Khan']);
  });

  it('each trace lists exactly the records its figure counts', async () => {
    const { t } = await society();
    const r = await build(t, buildSocietyReturn, REQUEST, YEAR);
    const values = traced(r);
    expect(new Set(values.map((v) => v.trace!.set))).toEqual(new Set(['regulator.members', 'regulator.holders', 'regulator.board']));
    for (const v of values) {
      const list = await listTrace(t, v);
      expect(list.total, `${v.trace!.set} ${JSON.stringify(v.trace!.params)}`).toBe(v.value);
      expect(list.rows).toHaveLength(v.value!);
    }
    // The holders' shares add up to the shares figure.
    const holders = await listTrace(t, figure(r, 'holders'));
    expect(holders.rows.reduce((n, row) => n + Number(/^(\d+) shares?/.exec(row.detail)![1]), 0)).toBe(figure(r, 'shares').value);
  });
});
