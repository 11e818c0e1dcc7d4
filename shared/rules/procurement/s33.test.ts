import { describe, expect, it } from 'vitest';
import { type S33Input, evaluateS33, s33PeriodStart, s33StopsCountingOn } from './s33';

function input(over: Partial<S33Input> = {}): S33Input {
  return {
    asAt: '2027-04-01',
    awardOn: '2027-05-10',
    contractingAuthority: 'Northshire County Council',
    services: [
      { code: '85312000-9', description: 'Social work services without accommodation', reservable: true },
      { code: '85323000-9', description: 'Community health services', reservable: true },
    ],
    maximumTermMonths: 60,
    maximumTermText: '5 years 0 months',
    comparableContracts: [],
    income: { reservablePence: 8_750_000_00, totalPence: 10_000_000_00, periodFrom: '2026-04-01', periodTo: '2027-03-31' },
    purpose: { deliversPublicServices: true, clause: 'rule 2 (objects): to deliver community health and social care services' },
    profits: { legalForm: 'Community benefit society', notForProfit: true, distributesOnlyToMembers: null, clause: 'rule 64: no distribution of profits' },
    control: { membersTotal: 400, employeeMembers: 360, votingRightsTotal: 400, votingRightsEmployees: 360, boardSize: 9, employeeOrEmployeeElectedDirectors: 6, clause: 'rule 21: six of nine directors elected by employee members' },
    ...over,
  };
}

const met = (r: ReturnType<typeof evaluateS33>) => Object.fromEntries(r.conditions.map((c) => [c.ref, c.met]));

describe('the three-year period of s33(5)', () => {
  it('ends with the award day and runs back three years', () => {
    expect(s33PeriodStart('2027-05-10')).toBe('2024-05-11');
  });

  it('a contract stops counting on the third anniversary of the day it was entered into', () => {
    expect(s33StopsCountingOn('2024-05-10')).toBe('2027-05-10');
    // 29 February has no anniversary in 2027: it still counts on 28 February 2027.
    expect(s33PeriodStart('2027-02-28')).toBe('2024-02-29');
    expect(s33StopsCountingOn('2024-02-29')).toBe('2027-03-01');
  });
});

describe('evaluateS33', () => {
  it('finds a mutual that meets every condition eligible, citing each subsection', () => {
    const r = evaluateS33(input());
    expect(r.reservable).toBe(true);
    expect(r.conditions.map((c) => c.ref)).toEqual(['s33(1)(a)', 's33(1)(b)', 's33(5) and (7)', 's33(6)(a)', 's33(6)(b)', 's33(6)(c)']);
    expect(r.conditions[3]!.evidence).toContain('Contract income 1 April 2026 to 31 March 2027: £8,750,000.00 of £10,000,000.00 (87.5%) from reservable light touch services.');
    expect(r.conditions[5]!.evidence).toEqual([
      'Members on 1 April 2027: 360 of 400 (90%) are employees.',
      'Voting rights: 360 of 400 (90%) are held by employee members.',
      'Board: 6 of 9 directors (66.7%) are employees or were elected by the employee members.',
      'Governing rules: rule 21: six of nine directors elected by employee members.',
    ]);
    expect(r.conditions[5]!.statement).toMatch(/The Act sets no percentage for "management and control"/);
    expect(r.notes.some((n) => /have not been checked one by one/.test(n))).toBe(true);
  });

  it('refuses when the same council reserved a contract for the same services two years before, and names when it stops counting', () => {
    const first = { title: 'Community services', reference: 'NCC-2025-014', contractingAuthority: 'Northshire County Council', awardedOn: '2025-05-01', enteredIntoOn: '2025-05-20', sameKindBasis: 'both cover 85312000-9 Social work services without accommodation' };
    const r = evaluateS33(input({ comparableContracts: [first] }));
    expect(r.reservable).toBe(false);
    const c = r.conditions.find((x) => x.ref === 's33(5) and (7)')!;
    expect(c.met).toBe(false);
    expect(c.statement).toMatch(/^The mutual entered into a comparable contract with Northshire County Council in the three years ending with the award date \(11 May 2024 to 10 May 2027\), so it is not a qualifying public service mutual for this award \(s33\(5\)\)/);
    expect(c.evidence[0]).toBe(
      'Community services (NCC-2025-014), from Northshire County Council, reserved under s33, entered into on 20 May 2025; both cover 85312000-9 Social work services without accommodation. It counts until 19 May 2028 and stops counting for awards made on or after 20 May 2028.',
    );
  });

  it('allows it once the earlier contract is three years old, and says when it stopped counting', () => {
    const old = { title: 'Day care', reference: null, contractingAuthority: 'Northshire County Council', awardedOn: '2024-05-10', sameKindBasis: 'both cover 85312100-0 Daycare services' };
    const r = evaluateS33(input({ comparableContracts: [old] }));
    expect(met(r)['s33(5) and (7)']).toBe(true);
    expect(r.conditions[2]!.evidence[0]).toBe(
      'Day care, from Northshire County Council, reserved under s33, awarded on 10 May 2024 (the date it was entered into is not recorded, so the award date is used); both cover 85312100-0 Daycare services. It stopped counting on 10 May 2027, before this award.',
    );
    // One day later it would still have counted.
    expect(met(evaluateS33(input({ comparableContracts: [{ ...old, awardedOn: '2024-05-11' }] })))['s33(5) and (7)']).toBe(false);
  });

  it('refuses a maximum term over five years (s33(1)(b)) and services that are not reservable (s33(1)(a))', () => {
    const r = evaluateS33(input({ maximumTermMonths: 72, maximumTermText: '6 years 0 months', services: [{ code: '79100000-5', description: 'Legal services', reservable: false }] }));
    expect(met(r)).toMatchObject({ 's33(1)(a)': false, 's33(1)(b)': false });
    expect(r.conditions[1]!.statement).toBe('The contract’s maximum term, counting every option to extend, is 6 years 0 months: more than the five years s33(1)(b) allows.');
  });

  it('cannot judge a contract partly for other services, nor "mainly" on half the income or less', () => {
    const r = evaluateS33(
      input({
        services: [{ code: '85312000-9', description: 'Social work services without accommodation', reservable: true }, { code: '79100000-5', description: 'Legal services', reservable: false }],
        income: { reservablePence: 50_00, totalPence: 100_00, periodFrom: '2026-04-01', periodTo: '2027-03-31' },
      }),
    );
    expect(r.reservable).toBe('cannot_judge');
    expect(met(r)).toMatchObject({ 's33(1)(a)': 'cannot_judge', 's33(6)(a)': 'cannot_judge' });
    expect(r.conditions[3]!.statement).toMatch(/^Only 50% of the mutual’s contract income comes from reservable light touch services, not more than half/);
  });

  it('reads s33(6)(b) as either test, and s33(6)(c) by majorities with no threshold in the law', () => {
    expect(met(evaluateS33(input({ profits: { legalForm: 'Company limited by shares', notForProfit: false, distributesOnlyToMembers: true, clause: null } })))['s33(6)(b)']).toBe(true);
    expect(met(evaluateS33(input({ profits: { legalForm: 'Company limited by shares', notForProfit: false, distributesOnlyToMembers: false, clause: null } })))['s33(6)(b)']).toBe(false);
    expect(met(evaluateS33(input({ profits: { legalForm: 'Company limited by guarantee', notForProfit: null, distributesOnlyToMembers: null, clause: null } })))['s33(6)(b)']).toBe('cannot_judge');
    const minority = evaluateS33(input({ control: { membersTotal: 10, employeeMembers: 4, votingRightsTotal: 10, votingRightsEmployees: 4, boardSize: 8, employeeOrEmployeeElectedDirectors: 4, clause: null } }));
    expect(met(minority)['s33(6)(c)']).toBe('cannot_judge');
    expect(minority.conditions[5]!.statement).toBe(
      'On 1 April 2027 employees held 40% of the voting rights and 50% of the board: not a majority of both. The Act sets no percentage for "management and control"; the figures are shown for the contracting authority to judge.',
    );
    const none = evaluateS33(input({ control: { membersTotal: 10, employeeMembers: 0, votingRightsTotal: 10, votingRightsEmployees: 0, boardSize: 5, employeeOrEmployeeElectedDirectors: 0, clause: null } }));
    expect(met(none)['s33(6)(c)']).toBe(false);
  });
});
