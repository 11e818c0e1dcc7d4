import { afterEach, describe, expect, it } from 'vitest';
import type { S33Result } from '../../../../shared/contract/contract-reports';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import type { Core } from '../../core';
import { admit, makeClass, person, registerOf } from '../../members/register.test-helpers';
import { defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { expectOk, type TestCore } from '../../testing';
import { appointDirector, commissioner, contract, type ContractFixture } from './fixtures.test-helpers';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const employee = (n: string) => ({ employee: { employeeNumber: n, employmentStart: '2019-01-01', weeklyHours: 37.5 } });

/** The governing document's clauses the s33 check quotes, as a CIC limited by guarantee's articles might put them. */
const CLAUSES = {
  objectsPublicServices: true,
  objectsClause: 'Article 3 (Objects): to carry on activities which benefit the community, in particular by delivering health and social care services commissioned by public bodies.',
  profitBasis: 'not_for_profit',
  profitClause: 'Article 4 (Asset lock): the Company shall not transfer any of its assets other than for full consideration, and shall pay no dividend.',
  employeeControlClause: 'Article 20: a majority of the directors shall be employees elected by the employee members.',
} as const;

async function recordClauses(core: Core, legalForm: LegalForm, clauses: Partial<Record<keyof typeof CLAUSES, unknown>>) {
  expectOk(await core.dispatch('rules.update', { ...defaultRuleValues(legalForm), ...clauses }));
}

/**
 * A mutual that meets every condition on 30 November 2026: a CIC limited by guarantee whose
 * articles (recorded today) give public services as its objects, lock its assets and give the
 * employees a majority of the board; three employee members of four, two employee directors of
 * three, its income from a council's social work contract; and the contract considered, for
 * social work, three years with a one-year option, not yet awarded. `clauses: null` records none.
 */
async function eligibleMutual(form: LegalForm = 'cic_limited_by_guarantee', considered: Partial<ContractFixture> = {}, clauses: Partial<Record<keyof typeof CLAUSES, unknown>> | null = CLAUSES) {
  t = await registerOf(form);
  const core = t.core;
  if (clauses) await recordClauses(core, form, clauses);
  const staff = await makeClass(core, 'Employee', null, true);
  const community = await makeClass(core, 'Community', null, false);
  for (const [i, name] of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'].entries()) {
    const [g, f] = name.split(' ') as [string, string];
    await admit(core, staff, person(g, f, employee(`E${i}`)), { admittedOn: '2020-01-06' });
  }
  await admit(core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
  await appointDirector(core, 'Siân', 'Ó Briain', 'employee', '2020-02-01');
  await appointDirector(core, 'Jo', 'Bloggs', 'employee', '2020-02-01');
  await appointDirector(core, 'Ravi', 'Patel', 'independent', '2020-02-01');
  const leeds = await commissioner(core, 'Leeds City Council');
  const bradford = await commissioner(core, 'Bradford Council');
  await contract(core, { counterpartyId: leeds, reference: 'LCC-HOME', route: 'pcr15_light_touch', services: ['85312000-9'], awardOn: '2022-01-10', startOn: '2022-04-01', endOn: '2027-03-31', annualValuePence: 400_000_00 });
  const id = await contract(core, {
    counterpartyId: leeds,
    reference: 'LCC-2027',
    title: 'Community support services',
    route: 'pa23_competitive_flexible',
    services: ['85310000-5'],
    awardOn: null,
    startOn: '2027-04-01',
    endOn: '2030-03-31',
    extensions: [{ lengthMonths: 12 }],
    annualValuePence: 250_000_00,
    ...considered,
  });
  return { core, staff, community, leeds, bradford, id };
}

async function check(core: Core, contractId: string, asAt?: string): Promise<S33Result> {
  return expectOk(await core.dispatch('contractReports.s33Check', { contractId, ...(asAt ? { asAt } : {}) })) as S33Result;
}

const byRef = (r: S33Result) => Object.fromEntries(r.conditions.map((c) => [c.ref, c.met]));

describe('contractReports.s33Check (Procurement Act 2023 s33)', () => {
  it('finds every condition met for an employee-controlled, not-for-profit mutual, with the figures as at the date', async () => {
    const { core, id } = await eligibleMutual();
    const r = await check(core, id);
    expect(byRef(r)).toEqual({ 's33(1)(a)': true, 's33(1)(b)': true, 's33(5) and (7)': true, 's33(6)(a)': true, 's33(6)(b)': true, 's33(6)(c)': true });
    expect(r.reservable).toBe(true);
    expect(r.asAt).toBe('2026-11-30');
    expect(r.counterpartyName).toBe('Leeds City Council');
    expect(r.figures).toEqual({ members: 4, employeeMembers: 3, votingRights: 4, employeeVotingRights: 3, directors: 3, employeeDirectors: 2, contractIncomePence: 400_000_00, reservableIncomePence: 400_000_00 });
    expect(r.summary).toContain('every condition of the Procurement Act 2023 s33 is met');
    expect(r.comparable).toEqual([]);
    const term = r.conditions.find((c) => c.ref === 's33(1)(b)')!;
    expect(term.statement).toContain('is 4 years: five years or less');
    const income = r.conditions.find((c) => c.ref === 's33(6)(a)')!;
    expect(income.evidence).toContain('Annual value of the 1 contract live on 30 November 2026: £400,000.00 of £400,000.00 (100%) from reservable light touch services.');
    expect(r.cannotJudge.join(' ')).toContain('the app compares CPV codes');
    expect(r.cannotJudge.join(' ')).toContain('Who elected each director is not recorded');
  });

  it('refuses under s33(5) when the same council reserved the same services two years earlier, names it and when it stops counting; allows it for another council', async () => {
    const { core, leeds, bradford } = await eligibleMutual();
    const reserved = 'pa23_reserved_mutual' as const;
    const earlier = await contract(core, { counterpartyId: leeds, reference: 'LCC-2025', title: 'Social work services', route: reserved, services: ['85310000-5'], awardOn: '2025-03-03', startOn: '2025-04-01', endOn: '2027-12-31', annualValuePence: null });
    // Another council's reservation, and the same council's reservation of other services, do not count.
    await contract(core, { counterpartyId: bradford, reference: 'BC-2025', route: reserved, services: ['85310000-5'], awardOn: '2025-06-01', annualValuePence: null });
    await contract(core, { counterpartyId: leeds, reference: 'LCC-SCHOOL', route: reserved, services: ['80110000-8'], awardOn: '2025-06-01', annualValuePence: null });
    // The contract considered is to be awarded on 3 March 2027: two years after LCC-2025.
    const id = await contract(core, { counterpartyId: leeds, reference: 'LCC-2027B', route: 'pa23_competitive_flexible', services: ['85310000-5'], awardOn: '2027-03-03', startOn: '2027-04-01', endOn: '2030-03-31', annualValuePence: null });
    const r = await check(core, id);
    expect(r.reservable).toBe(false);
    expect(byRef(r)['s33(5) and (7)']).toBe(false);
    expect(r.comparable).toEqual([{ id: earlier, reference: 'LCC-2025', title: 'Social work services', awardOn: '2025-03-03', countsUntil: '2028-03-02' }]);
    const cond = r.conditions.find((c) => c.ref === 's33(5) and (7)')!;
    expect(cond.evidence.join(' ')).toContain('Social work services (LCC-2025), from Leeds City Council');
    expect(cond.evidence.join(' ')).toContain('stops counting for awards made on or after 3 March 2028');
    expect(r.summary).toContain('do not meet the condition in s33(5) and (7) (“No comparable contract in the three years ending with the award”)');

    const other = await contract(core, { counterpartyId: bradford, reference: 'BC-2027', route: 'pa23_competitive_flexible', services: ['85310000-5'], awardOn: null, startOn: '2027-04-01', endOn: '2029-03-31', annualValuePence: null });
    // Bradford's own reservation (BC-2025) is comparable for Bradford.
    expect((await check(core, other)).comparable.map((c) => c.reference)).toEqual(['BC-2025']);
    const third = await commissioner(core, 'Wakefield Council');
    const wakefield = await contract(core, { counterpartyId: third, reference: 'WC-2027', route: 'pa23_competitive_flexible', services: ['85310000-5'], awardOn: null, startOn: '2027-04-01', endOn: '2029-03-31', annualValuePence: null });
    const w = await check(core, wakefield);
    expect(w.reservable).toBe(true);
    expect(w.comparable).toEqual([]);
  });

  it('counts the three years back from the award date of the contract, not from the date of the evidence', async () => {
    const { core, leeds } = await eligibleMutual();
    await contract(core, { counterpartyId: leeds, reference: 'LCC-2025', route: 'pa23_reserved_mutual', services: ['85310000-5'], awardOn: '2025-03-01', startOn: '2025-04-01', endOn: '2026-03-31', annualValuePence: null });
    const within = await contract(core, { counterpartyId: leeds, reference: 'LCC-2028A', route: 'pa23_competitive_flexible', services: ['85310000-5'], awardOn: '2028-02-29', startOn: '2028-04-01', endOn: '2030-03-31', annualValuePence: null });
    const after = await contract(core, { counterpartyId: leeds, reference: 'LCC-2028B', route: 'pa23_competitive_flexible', services: ['85310000-5'], awardOn: '2028-03-02', startOn: '2028-04-01', endOn: '2030-03-31', annualValuePence: null });
    const r = await check(core, within);
    expect(r.comparable.map((c) => [c.reference, c.countsUntil])).toEqual([['LCC-2025', '2028-02-29']]);
    expect(byRef(r)['s33(5) and (7)']).toBe(false);
    // Three years and a day after LCC-2025, though the evidence is as at today, within three years of it.
    const later = await check(core, after);
    expect(later.comparable).toEqual([]);
    expect(byRef(later)['s33(5) and (7)']).toBe(true);
  });

  it('refuses a contract over five years with its options, and one for services that are not reservable', async () => {
    // Not on the s33 route, which would refuse it at entry (s33(1)(b)): a contract being considered for reservation.
    const long = await eligibleMutual('cic_limited_by_guarantee', { extensions: [{ lengthMonths: 24 }, { lengthMonths: 12 }] });
    const r = await check(long.core, long.id);
    expect(byRef(r)['s33(1)(b)']).toBe(false);
    expect(r.conditions.find((c) => c.ref === 's33(1)(b)')!.statement).toContain('is 6 years: more than the five years');
    await t!.cleanup();
    const hotel = await eligibleMutual('cic_limited_by_guarantee', { services: ['55100000-1'] });
    expect(byRef(await check(hotel.core, hotel.id))['s33(1)(a)']).toBe(false);
  });

  it('leaves to the authority what the records cannot settle: mixed services, a guarantee company’s profits, income mainly from other services', async () => {
    const { core, leeds, id } = await eligibleMutual('company_limited_by_guarantee', { services: ['85310000-5', '55100000-1'] }, { ...CLAUSES, profitBasis: null, profitClause: null });
    await contract(core, { counterpartyId: leeds, reference: 'LCC-HOTEL', route: 'pcr15_light_touch', services: ['55100000-1'], awardOn: '2022-01-10', startOn: '2022-04-01', endOn: '2027-03-31', annualValuePence: 900_000_00 });
    const r = await check(core, id);
    expect(byRef(r)).toMatchObject({ 's33(1)(a)': 'cannot_judge', 's33(6)(a)': 'cannot_judge', 's33(6)(b)': 'cannot_judge', 's33(6)(c)': true });
    expect(r.reservable).toBe('cannot_judge');
    expect(r.figures.reservableIncomePence).toBe(400_000_00);
    expect(r.figures.contractIncomePence).toBe(1_300_000_00);
    expect(r.summary).toContain('need the contracting authority’s judgement');
  });

  it('cannot judge the term without the dates, the services without a code, or control where employees hold half the votes', async () => {
    const { core, leeds, community } = await eligibleMutual();
    // Three community members more: employees hold 3 of 7 votes, not a majority, though 2 of 3 seats.
    for (const name of ['Edith Cavell', 'Florence Nightingale', 'Elsie Inglis']) {
      const [g, f] = name.split(' ') as [string, string];
      await admit(core, community, person(g, f), { admittedOn: '2022-01-10' });
    }
    const bare = await contract(core, { counterpartyId: leeds, reference: 'BARE', route: 'pa23_competitive_flexible', services: [], awardOn: null, startOn: null, endOn: null, annualValuePence: null });
    const r = await check(core, bare);
    expect(byRef(r)).toMatchObject({ 's33(1)(a)': 'cannot_judge', 's33(1)(b)': 'cannot_judge', 's33(6)(c)': 'cannot_judge' });
    expect(r.figures).toMatchObject({ members: 7, employeeMembers: 3, votingRights: 7, employeeVotingRights: 3 });
    expect(r.conditions.find((c) => c.ref === 's33(6)(c)')!.statement).toContain('not a majority of both');
  });

  it('finds employees not in control where they hold no votes and no seat', async () => {
    t = await registerOf('cic_limited_by_guarantee');
    const core = t.core;
    const community = await makeClass(core, 'Community', null, false);
    await admit(core, community, person('Mary', 'Seacole'), { admittedOn: '2021-05-01' });
    await appointDirector(core, 'Ravi', 'Patel', 'independent', '2020-02-01');
    const leeds = await commissioner(core, 'Leeds City Council');
    const id = await contract(core, { counterpartyId: leeds, reference: 'X', services: ['85310000-5'], awardOn: null, startOn: '2027-04-01', endOn: '2029-03-31' });
    expect(byRef(await check(core, id))['s33(6)(c)']).toBe(false);
  });

  it('reads the registers as they stood on an earlier date: members admitted and directors appointed later are not counted', async () => {
    const { core, staff, community, id } = await eligibleMutual();
    const before = await check(core, id, '2026-06-30');
    await admit(core, community, person('Florence', 'Nightingale'), { admittedOn: '2026-09-01' });
    await admit(core, community, person('Edith', 'Cavell'), { admittedOn: '2026-09-01' });
    await admit(core, staff, person('Late', 'Joiner', employee('E9')), { admittedOn: '2026-07-01' });
    await appointDirector(core, 'New', 'Director', 'independent', '2026-10-01');
    const after = await check(core, id, '2026-06-30');
    expect(after.figures).toEqual(before.figures);
    expect(after.figures).toMatchObject({ members: 4, employeeMembers: 3, directors: 3 });
    expect((await check(core, id)).figures).toMatchObject({ members: 7, employeeMembers: 4, directors: 4 });
  });

  it('refuses evidence as at a date still to come, or before the organisation was incorporated, against the date', async () => {
    const { core, id } = await eligibleMutual();
    const future = await core.dispatch('contractReports.s33Check', { contractId: id, asAt: '2026-12-01' });
    expect(future.ok ? null : future.error.fieldErrors?.['asAt']).toContain('as at today (30 November 2026) or an earlier date, not 1 December 2026');
    const early = await core.dispatch('contractReports.evidencePack', { contractId: id, asAt: '2015-03-31', format: 'pdf' });
    expect(early.ok ? null : early.error.fieldErrors?.['asAt']).toMatch(/1 April 2015/);
  });

  it('refuses a contract that is not on record', async () => {
    t = await registerOf('cic_limited_by_guarantee');
    const r = await t.core.dispatch('contractReports.s33Check', { contractId: '0190f000-0000-7000-8000-000000000009' });
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error.fieldErrors?.['contractId']).toBe('That contract is not on record.');
  });
});

describe('contractReports.s33Check: the governing document’s clauses (s33(6)(a)-(c))', () => {
  const condition = (r: S33Result, ref: string) => r.conditions.find((c) => c.ref === ref)!;

  it('decides (6)(a) and (6)(b) from the clauses recorded, quoting each, and quotes the employee control clause in (6)(c)', async () => {
    const { core, id } = await eligibleMutual();
    const r = await check(core, id);
    const a = condition(r, 's33(6)(a)');
    expect(a.met).toBe(true);
    expect(a.statement).toContain('The mutual’s objects (quoted below) include delivering public services, and 100% of its contract income comes from reservable light touch services, more than half.');
    expect(a.evidence).toContain(`Objects clause of the governing document, recorded as including delivering public services: “${CLAUSES.objectsClause}”.`);
    const b = condition(r, 's33(6)(b)');
    expect(b.met).toBe(true);
    expect(b.statement).toContain('The mutual is run on a not-for-profit basis, as its governing document provides (quoted below)');
    expect(b.evidence).toContain(`Profit clause of the governing document: “${CLAUSES.profitClause}”.`);
    expect(condition(r, 's33(6)(c)').evidence).toContain(`Clause of the governing document securing employee control: “${CLAUSES.employeeControlClause}”.`);
    expect(r.cannotJudge.join(' ')).not.toContain('Not recorded on');
  });

  it('finds (6)(a) not met where the objects are recorded as not about public services, (6)(b) not met where profits may go to others, and met where only to members', async () => {
    const { core, id } = await eligibleMutual('company_limited_by_guarantee', {}, { ...CLAUSES, objectsPublicServices: false, objectsClause: 'Article 3: to carry on any trade or business.', profitBasis: 'other', profitClause: 'Article 30: any surplus may be paid to the lenders named in Schedule 2, who need not be members.' });
    const r = await check(core, id);
    expect(condition(r, 's33(6)(a)').met).toBe(false);
    expect(condition(r, 's33(6)(a)').statement).toContain('does not give delivering public services as a purpose of the mutual');
    expect(condition(r, 's33(6)(a)').evidence).toContain('Objects clause of the governing document, recorded as not including delivering public services: “Article 3: to carry on any trade or business.”.');
    expect(condition(r, 's33(6)(b)').met).toBe(false);
    expect(condition(r, 's33(6)(b)').statement).toContain('its governing document (quoted below) lets profits go to others');
    expect(r.reservable).toBe(false);
    expect(r.summary).toContain('the condition in s33(6)(a) (“Operates to deliver public services, mainly reservable light touch services”) or the condition in s33(6)(b)');

    await recordClauses(core, 'company_limited_by_guarantee', { profitBasis: 'members_only', profitClause: 'Article 30: any surplus may be distributed only to the members.' });
    const members = condition(await check(core, id), 's33(6)(b)');
    expect(members.met).toBe(true);
    expect(members.statement).toContain('provides for the distribution of profits only to members, as its governing document provides (quoted below)');
    expect(members.evidence).toContain('Profit clause of the governing document: “Article 30: any surplus may be distributed only to the members.”.');
  });

  it('cannot judge (6)(a) or (6)(b) with no clause recorded, whatever its contracts with public bodies or its legal form suggest, and says what to record', async () => {
    const { core, id } = await eligibleMutual('cic_limited_by_guarantee', {}, null);
    const r = await check(core, id);
    expect(byRef(r)).toMatchObject({ 's33(6)(a)': 'cannot_judge', 's33(6)(b)': 'cannot_judge', 's33(6)(c)': true });
    const a = condition(r, 's33(6)(a)');
    expect(a.statement).toContain('The objects clause of the governing document is not recorded');
    expect(a.evidence).toContain('On 30 November 2026 the mutual held 1 live contract with public bodies (councils, NHS bodies, government departments) worth £400,000.00 a year: what it does, not its objects.');
    const b = condition(r, 's33(6)(b)');
    expect(b.statement).toContain('what the legal form usually provides is not relied on');
    expect(b.evidence.join(' ')).toContain('Usually, for this legal form: not for profit. A community interest company limited by guarantee has no shares');
    expect(condition(r, 's33(6)(c)').evidence).toContain('No clause of the governing document securing employee control is recorded; the figures come from the registers.');
    expect(r.cannotJudge).toContain(
      'Not recorded on 30 November 2026: the objects clause (s33(6)(a)), the clause on profits (s33(6)(b)), the clause securing employee control (s33(6)(c)) of the governing document. Record them with the article or rule number and its words in Settings, Governing rules.',
    );
    expect(r.reservable).toBe('cannot_judge');
  });

  it('as at a date before the clauses were recorded, cannot judge (6)(a) or (6)(b) and quotes no clause; as at today it can', async () => {
    const { core, id } = await eligibleMutual();
    const then = await check(core, id, '2026-06-30');
    expect(byRef(then)).toMatchObject({ 's33(6)(a)': 'cannot_judge', 's33(6)(b)': 'cannot_judge', 's33(6)(c)': true });
    const words = JSON.stringify(then.conditions);
    for (const clause of [CLAUSES.objectsClause, CLAUSES.profitClause, CLAUSES.employeeControlClause]) expect(words).not.toContain(clause);
    expect(then.cannotJudge.join(' ')).toContain('Not recorded on 30 June 2026: the objects clause (s33(6)(a)), the clause on profits (s33(6)(b)), the clause securing employee control (s33(6)(c))');
    expect(then.cannotJudge.join(' ')).toContain('changed since: clauses of the governing document quoted for s33 on 30 November 2026');
    expect(byRef(await check(core, id))).toMatchObject({ 's33(6)(a)': true, 's33(6)(b)': true });
  });
});
