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

describe('evaluateS33: the governing document’s clauses (s33(6)(a)-(c))', () => {
  const a = (r: ReturnType<typeof evaluateS33>) => r.conditions.find((c) => c.ref === 's33(6)(a)')!;
  const b = (r: ReturnType<typeof evaluateS33>) => r.conditions.find((c) => c.ref === 's33(6)(b)')!;
  const c = (r: ReturnType<typeof evaluateS33>) => r.conditions.find((x) => x.ref === 's33(6)(c)')!;

  it('meets (6)(a) only where the objects include public services and more than half the income is from reservable services, quoting the clause', () => {
    const r = evaluateS33(input({ purpose: { deliversPublicServices: true, clause: 'Rule 2 (Objects):\nto deliver community health services.' } }));
    expect(a(r).met).toBe(true);
    expect(a(r).evidence).toContain('Objects clause of the governing document, recorded as including delivering public services: “Rule 2 (Objects): to deliver community health services.”.');
    // Exactly half is not "mainly" on the income evidence alone.
    const half = evaluateS33(input({ income: { reservablePence: 50_00, totalPence: 100_00, periodFrom: '2026-04-01', periodTo: '2027-03-31' } }));
    expect(a(half).met).toBe('cannot_judge');
  });

  it('fails (6)(a) where the objects are recorded as not about public services, whatever the income; cannot judge where they are not recorded, showing the activity as evidence only', () => {
    const not = evaluateS33(input({ purpose: { deliversPublicServices: false, clause: 'Article 3: to trade for profit.' } }));
    expect(a(not).met).toBe(false);
    expect(not.reservable).toBe(false);
    const unknown = evaluateS33(input({ purpose: { deliversPublicServices: null, clause: null, activity: 'On 1 April 2027 the mutual held 3 live contracts with public bodies.' } }));
    expect(a(unknown).met).toBe('cannot_judge');
    expect(a(unknown).evidence).toEqual(expect.arrayContaining(['The objects clause of the governing document is not recorded.', 'On 1 April 2027 the mutual held 3 live contracts with public bodies.']));
    expect(a(unknown).statement).toMatch(/^The objects clause of the governing document is not recorded/);
  });

  it('meets (6)(b) with the clause quoted, fails it for profits to others, and cannot judge it unrecorded, showing what the form usually provides without relying on it', () => {
    const members = evaluateS33(input({ profits: { legalForm: 'Co-operative society', notForProfit: null, distributesOnlyToMembers: true, clause: 'Rule 60: surplus to members in proportion to trade.' } }));
    expect(b(members).met).toBe(true);
    expect(b(members).statement).toBe('The mutual provides for the distribution of profits only to members, as its governing document provides (quoted below), as s33(6)(b) requires (it asks for either, and does not require profits to be reinvested).');
    expect(b(members).evidence).toContain('Profit clause of the governing document: “Rule 60: surplus to members in proportion to trade.”.');
    const others = evaluateS33(input({ profits: { legalForm: 'Company limited by shares', notForProfit: false, distributesOnlyToMembers: false, clause: 'Article 40: dividends to any shareholder.' } }));
    expect(b(others).met).toBe(false);
    expect(b(others).statement).toContain('its governing document (quoted below) lets profits go to others');
    const unknown = evaluateS33(input({ profits: { legalForm: 'Community benefit society', notForProfit: null, distributesOnlyToMembers: null, clause: null, usual: 'not for profit.' } }));
    expect(b(unknown).met).toBe('cannot_judge');
    expect(b(unknown).evidence).toContain('Usually, for this legal form: not for profit.');
  });

  it('quotes the clause securing employee control in (6)(c), or says none is recorded, without changing the finding', () => {
    const control = { membersTotal: 400, employeeMembers: 360, votingRightsTotal: 400, votingRightsEmployees: 360, boardSize: 9, employeeOrEmployeeElectedDirectors: 6, clause: 'voting basis: one member, one vote' };
    const quoted = evaluateS33(input({ control: { ...control, employeeControlClause: 'Rule 21: six of nine directors elected by employee members.' } }));
    expect(c(quoted).met).toBe(true);
    expect(c(quoted).evidence).toContain('Clause of the governing document securing employee control: “Rule 21: six of nine directors elected by employee members.”.');
    const none = evaluateS33(input({ control: { ...control, employeeControlClause: null } }));
    expect(c(none).met).toBe(true);
    expect(c(none).evidence).toContain('No clause of the governing document securing employee control is recorded; the figures come from the registers.');
  });
});
