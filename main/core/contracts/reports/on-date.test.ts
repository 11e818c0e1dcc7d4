import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core';
import { admit, makeClass, person, registerOf } from '../../members/register.test-helpers';
import { defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { NO_CLAUSES } from '../../../../shared/rules/governing-clauses';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../../testing';
import { comparableContracts, periodStart, sameCategory } from './comparable';
import { appointDirector, commissioner, contract } from './fixtures.test-helpers';
import { controlOnDate } from './register-on-date';
import { organisationOnDate } from './organisation-on-date';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const orgOf = (core: Core) => core.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();

const employee = (n: string) => ({ employee: { employeeNumber: n, employmentStart: '2019-01-01', weeklyHours: 37.5 } });

describe('the registers as they stood on a day', () => {
  it('counts members, votes and directors on the day, not today: later admissions, cessations and appointments change nothing', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const staff = await makeClass(t.core, 'Employee', null, true);
    const community = await makeClass(t.core, 'Community', null, false);
    const a = await admit(t.core, staff, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06' });
    await admit(t.core, staff, person('Grace', 'Hopper', employee('E2')), { admittedOn: '2020-01-06' });
    const left = await admit(t.core, staff, person('Alan', 'Turing', employee('E3')), { admittedOn: '2020-01-06' });
    await admit(t.core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
    // After the day: one admitted, one ceases.
    await admit(t.core, community, person('Florence', 'Nightingale'), { admittedOn: '2026-02-01' });
    expectOk(await t.core.dispatch('members.cease', { memberId: left.id, ceasedOn: '2026-03-01', reason: 'left_employment' }));
    await appointDirector(t.core, 'Siân', 'Ó Briain', 'employee', '2020-02-01');
    await appointDirector(t.core, 'Ravi', 'Patel', 'independent', '2020-02-01');
    await appointDirector(t.core, 'Ada', 'Lovelace', 'member', '2021-01-01', a.id);
    await appointDirector(t.core, 'Late', 'Comer', 'independent', '2026-06-01');
    const org = await orgOf(t.core);

    const then = await controlOnDate(t.core.db, org.id, '2025-12-31');
    expect({ members: then.members, employeeMembers: then.employeeMembers, votingRights: then.votingRights, employeeVotingRights: then.employeeVotingRights }).toEqual({
      members: 4,
      employeeMembers: 3,
      votingRights: 4,
      employeeVotingRights: 3,
    });
    expect(then.directors.map((d) => [d.name, d.directorKind, d.employeeMember])).toEqual([
      ['Ada Lovelace', 'member', true],
      ['Ravi Patel', 'independent', false],
      ['Siân Ó Briain', 'employee', false],
    ]);

    const now = await controlOnDate(t.core.db, org.id, '2026-11-30');
    expect([now.members, now.employeeMembers, now.directors.length]).toEqual([4, 2, 4]);
    // The ceased member counts up to the day before their cessation.
    expect((await controlOnDate(t.core.db, org.id, '2026-02-28')).employeeMembers).toBe(3);
    expect((await controlOnDate(t.core.db, org.id, '2026-03-01')).employeeMembers).toBe(2);
  });

  it('counts one vote per share held at the end of the day where a class votes by shares', async () => {
    t = await registerOf('cooperative_society');
    const staff = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Employee',
        votingRights: 'per_share',
        votesPerMember: 1,
        isEmployeeClass: true,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
      }),
    ) as never;
    const investor = await makeClass(t.core, 'Investor', { withdrawable: true });
    const ada = await admit(t.core, staff, person('Ada', 'Lovelace', employee('E1')), { admittedOn: '2020-01-06', shares: 10 });
    await admit(t.core, investor, person('Ivan', 'Investor'), { admittedOn: '2020-01-06', shares: 5 });
    expectOk(await t.core.dispatch('shares.allot', { memberId: ada.id, date: '2026-05-01', shares: 100, amountPaidPence: 10_000 } as never));
    const org = await orgOf(t.core);
    const then = await controlOnDate(t.core.db, org.id, '2026-04-30');
    // Investors vote one per member in this class; employees one per share held.
    expect([then.votingRights, then.employeeVotingRights]).toEqual([11, 10]);
    const after = await controlOnDate(t.core.db, org.id, '2026-05-01');
    expect([after.votingRights, after.employeeVotingRights]).toEqual([111, 110]);
  });

  it('weighs the votes as the ballot roll does where the rules cap a class’s share of them', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const staff = await makeClass(t.core, 'Employee', null, true);
    const supporters = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Supporter',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: null,
        voteCap: { pct: 10, source: 'rule 14(b) of the articles' },
      }),
    ) as never;
    for (let i = 0; i < 2; i++) await admit(t.core, staff, person(`Staff${i}`, 'Member', employee(`E${i}`)));
    for (let i = 0; i < 8; i++) await admit(t.core, supporters, person(`Supporter${i}`, 'Member'));
    const c = await controlOnDate(t.core.db, (await orgOf(t.core)).id, '2026-11-30');
    // Raw, employees hold 2 of 10 votes; with supporters capped at 10%, employees hold 90%.
    expect([c.votingRights, c.employeeVotingRights]).toEqual([10, 2]);
    expect(c.weightedEmployeeShare).toBeCloseTo(0.9, 10);
    expect(c.capWords.join(' ')).toContain('rule 14(b) of the articles');
  });

  it('reads the legal form and rules as they stood on the day, undoing later changes from the audit log', async () => {
    t = await registerOf('company_limited_by_guarantee', new Date('2026-11-30T12:00:00Z'));
    const org = await orgOf(t.core);
    const rules = expectOk(await t.core.dispatch('rules.get', {})) as { values: Record<string, unknown> };
    expectOk(await t.core.dispatch('rules.update', { ...rules.values, boardQuorum: 5 } as never));
    // The change was made today (30 November 2026): on 29 November the quorum was the default.
    expect((await organisationOnDate(t.core.db, org, '2026-11-29')).rules.boardQuorum).toBe(rules.values['boardQuorum']);
    expect((await organisationOnDate(t.core.db, org, '2026-11-29')).laterChanges).toEqual([{ on: '2026-11-30', what: 'governing rules' }]);
    expect((await organisationOnDate(t.core.db, org, '2026-11-30')).rules.boardQuorum).toBe(5);

    // A change of legal form today: the day before, the organisation was still a guarantee company.
    expectOk(await t.core.dispatch('organisation.update', { ...validSetUpInput().particulars, legalForm: 'cic_limited_by_guarantee' }));
    const changed = await orgOf(t.core);
    expect(changed.legal_form).toBe('cic_limited_by_guarantee');
    expect((await organisationOnDate(t.core.db, changed, '2026-11-29')).legalForm).toBe('company_limited_by_guarantee');
    expect((await organisationOnDate(t.core.db, changed, '2026-11-30')).legalForm).toBe('cic_limited_by_guarantee');
  });
});

describe('the governing document’s s33 clauses as they stood on a day', () => {
  it('undoes each later recording or change, so a day before a clause was recorded reads as not recorded', async () => {
    let clock = new Date('2026-05-01T12:00:00Z');
    t = await openTestCore({ now: () => clock });
    await setUpOrganisation(t.core);
    const org = await orgOf(t.core);
    const rules = defaultRuleValues('company_limited_by_guarantee');
    const objects = 'Article 3: to deliver community health services.';
    expectOk(await t.core.dispatch('rules.update', { ...rules, objectsPublicServices: true, objectsClause: objects }));
    clock = new Date('2026-09-01T12:00:00Z');
    expectOk(await t.core.dispatch('rules.update', { ...rules, profitBasis: 'other', profitClause: 'Article 9: dividends to any shareholder.' }));
    clock = new Date('2026-10-01T12:00:00Z');
    expectOk(await t.core.dispatch('rules.update', { ...rules, profitBasis: 'not_for_profit', profitClause: 'Article 9: no dividend shall be paid.', employeeControlClause: 'Article 12: employees elect a majority of the board.' }));

    const on = async (day: string) => (await organisationOnDate(t!.core.db, org, day)).clauses;
    expect(await on('2026-04-30')).toEqual(NO_CLAUSES);
    expect(await on('2026-06-30')).toEqual({ ...NO_CLAUSES, objectsPublicServices: true, objectsClause: objects });
    expect(await on('2026-09-15')).toEqual({ ...NO_CLAUSES, objectsPublicServices: true, objectsClause: objects, profitBasis: 'other', profitClause: 'Article 9: dividends to any shareholder.' });
    expect(await on('2026-10-01')).toEqual({
      objectsPublicServices: true,
      objectsClause: objects,
      profitBasis: 'not_for_profit',
      profitClause: 'Article 9: no dividend shall be paid.',
      employeeControlClause: 'Article 12: employees elect a majority of the board.',
    });
    expect((await organisationOnDate(t.core.db, org, '2026-06-30')).laterChanges).toEqual([
      { on: '2026-09-01', what: 'clauses of the governing document quoted for s33' },
      { on: '2026-10-01', what: 'clauses of the governing document quoted for s33' },
    ]);
  });
});

describe('comparable contracts (Procurement Act 2023 s33(5), (7))', () => {
  it('finds a contract reserved two years earlier by the same council for the same services, not one from another council nor one three years and a day earlier', async () => {
    t = await registerOf('company_limited_by_guarantee');
    const leeds = await commissioner(t.core, 'Leeds City Council');
    const bradford = await commissioner(t.core, 'Bradford Council');
    const reserved = 'pa23_reserved_mutual' as const;
    // The award considered: 2 March 2028. The Act's award provisions are in force from 24 February 2025.
    const twoYears = await contract(t.core, { counterpartyId: leeds, reference: 'L-2026', route: reserved, services: ['85311000-2'], awardOn: '2026-03-02' });
    await contract(t.core, { counterpartyId: bradford, reference: 'B-2026', route: reserved, services: ['85310000-5'], awardOn: '2026-06-01' });
    await contract(t.core, { counterpartyId: leeds, reference: 'L-2025a', route: reserved, services: ['85310000-5'], awardOn: '2025-03-01' });
    // Exactly three years earlier: outside the three years ending with the award day too.
    await contract(t.core, { counterpartyId: leeds, reference: 'L-2025b', route: reserved, services: ['85310000-5'], awardOn: '2025-03-02' });
    // Same council, same time, other services; and the same services not reserved under s33.
    await contract(t.core, { counterpartyId: leeds, reference: 'L-school', route: reserved, services: ['80110000-8'], awardOn: '2026-01-05' });
    await contract(t.core, { counterpartyId: leeds, reference: 'L-open', route: 'pa23_open', services: ['85310000-5'], awardOn: '2025-06-01' });
    const next = await contract(t.core, { counterpartyId: leeds, reference: 'L-2028', services: ['85310000-5'], awardOn: null, startOn: null, endOn: null });
    const org = await orgOf(t.core);

    const found = await comparableContracts(t.core.db, org.id, { id: next, counterpartyId: leeds, codes: ['85310000-5'] }, '2028-03-02');
    expect(found).toEqual([
      { id: twoYears, reference: 'L-2026', title: 'Contract L-2026', awardOn: '2026-03-02', countsUntil: '2029-03-01', stopsCountingOn: '2029-03-02', sharedCodes: [{ mine: '85310000-5', theirs: '85311000-2' }], terminatedOn: null },
    ]);
    // A day earlier, the contract of 2 March 2025 still counts (the three years run from 2 March 2025 to 1 March 2028).
    expect((await comparableContracts(t.core.db, org.id, { id: next, counterpartyId: leeds, codes: ['85310000-5'] }, '2028-03-01')).map((c) => c.reference)).toEqual(['L-2026', 'L-2025b']);
    const forBradford = await comparableContracts(t.core.db, org.id, { id: next, counterpartyId: bradford, codes: ['85310000-5'] }, '2028-03-02');
    expect(forBradford.map((c) => c.reference)).toEqual(['B-2026']);
    expect(periodStart('2028-03-02')).toBe('2025-03-03');
  });

  it('compares CPV codes in their hierarchy: the same code or one within the other', () => {
    expect(sameCategory('85310000-5', '85311000-2')).toBe(true);
    expect(sameCategory('85311000-2', '85310000-5')).toBe(true);
    expect(sameCategory('85311000-2', '85312000-9')).toBe(false);
    expect(sameCategory('85310000-5', '55100000-1')).toBe(false);
  });
});
