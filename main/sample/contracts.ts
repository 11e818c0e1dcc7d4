import { addDays, addYears } from '../../shared/rules/legal-date';
import type { Core } from '../core/core';

/**
 * The sample mutual's contracts, recorded through the app's own services (core.dispatch): the
 * commissioners it works for (a county council, an integrated care board, an NHS trust, a district
 * council) and a supplier, and six contracts across their lives: a community services contract
 * reserved to the mutual under the Procurement Act 2023 s33 with two extension options (the first
 * exercised), an NHS contract awarded under the Provider Selection Regime with KPIs and price
 * reviews, an older PCR 2015 reg 77 award now expired, a grant, a bid in preparation and a contract
 * ended early. A director declares an interest in the county council, and the board's decisions
 * are linked where the sample's meetings recorded one.
 *
 * The organisations are fictional.
 */
export interface SampleContractsResult {
  counterparties: number;
  contracts: number;
}

type Dispatch = (method: string, input: unknown) => Promise<any>;

export async function buildSampleContracts(core: Core, opts: { today: string; log: (line: string) => void }): Promise<SampleContractsResult> {
  const { today, log } = opts;
  const d: Dispatch = async (method, input) => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
    return r.value;
  };
  log('Recording commissioners and contracts…');
  // The governing document's clauses the s33 check quotes (Procurement Act 2023 s33(6)), as a
  // spun-out mutual's articles or rules typically word them.
  const organisation = (await d('organisation.get', {})) as { legalForm: string };
  const rules = (await d('rules.get', {})) as { values: Record<string, unknown> };
  const distributes = organisation.legalForm === 'cooperative_society';
  await d('rules.update', {
    ...rules.values,
    objectsPublicServices: true,
    objectsClause: 'The objects of the organisation are to provide health, social care, library, cultural and community services to the public, in particular under contracts with public bodies.',
    profitBasis: distributes ? 'members_only' : 'not_for_profit',
    profitClause: distributes
      ? 'Any surplus not applied to the objects or held in reserve may be distributed only to members, in proportion to their transactions with the society.'
      : 'The income and property of the organisation shall be applied solely towards the promotion of its objects; no part shall be paid or transferred to members by way of dividend, bonus or otherwise by way of profit.',
    employeeControlClause: 'Employee members hold a majority of the votes at general meetings, and a majority of the board are employee members elected by the employee members.',
  });
  const org = async (name: string, kind: string, extra: Record<string, string> = {}) => (await d('counterparties.create', { name, kind, ...extra })).id as string;
  const county = await org('Northshire County Council', 'council', { contactName: 'Priya Shah, Head of Commissioning', contactEmail: 'commissioning@northshire.example.gov.uk', address: 'County Hall\nMarket Street\nNorthby NB1 1AA' });
  const icb = await org('NHS Northshire and Dale Integrated Care Board', 'icb', { odsCode: 'QZX', contactName: 'Tom Ellis', contactEmail: 'tom.ellis@nhs.example' });
  const trust = await org('Dale Valley Hospitals NHS Foundation Trust', 'nhs_trust', { odsCode: 'RZZ' });
  const district = await org('Riverside District Council', 'council');
  await org('Harbour Cleaning Services Ltd', 'supplier', { companiesHouseNumber: '01234567' });

  const start = (yearsAgo: number) => addYears(today, -yearsAgo).slice(0, 8) + '01';
  const dayBefore = (date: string) => addDays(date, -1);
  let contracts = 0;

  // Community services for Northshire, reserved to the mutual (s33): 3 years + 1 + 1 (five in all).
  // Awarded after the Act's commencement (24 February 2025), as a reservation must be.
  const s33Start = start(1);
  const community = await d('contracts.create', {
    counterpartyId: county,
    reference: 'NCC/ASC/2025/017',
    title: 'Community adult social care and reablement',
    description: 'Home-based reablement, community support for adults with learning disabilities and carers’ support across the county.',
    services: ['85311000-2', '85312000-9'],
    route: 'pa23_reserved_mutual',
    awardOn: addDays(s33Start, -60),
    startOn: s33Start,
    endOn: dayBefore(addYears(s33Start, 3)),
    annualValuePence: 412_500_000,
    wholeLifeValuePence: 2_062_500_000,
    managerName: 'Jo Bright, Director of Operations',
    extensions: [
      { lengthMonths: 12, decisionBy: addDays(addYears(s33Start, 3), -180), noticeBy: addDays(addYears(s33Start, 3), -90) },
      { lengthMonths: 12, decisionBy: addDays(addYears(s33Start, 4), -180), noticeBy: addDays(addYears(s33Start, 4), -90) },
    ],
    breaks: [{ noticeDays: 180, description: 'Either party may end the contract on six months’ written notice after the first anniversary.', earliestOn: addYears(s33Start, 1) }],
    priceReviews: [{ reviewOn: addYears(s33Start, 1), note: 'CPI uplift' }, { reviewOn: addYears(s33Start, 2), note: 'CPI uplift' }],
    kpis: [{ name: 'Reablement episodes completed within 6 weeks', target: '85%', frequency: 'quarterly', firstDueOn: addDays(addYears(s33Start, 0), 100) }],
  });
  contracts += 1;

  // NHS community nursing under the Provider Selection Regime, direct award process C.
  const nhsStart = start(1);
  await d('contracts.create', {
    counterpartyId: icb,
    reference: 'QZX-CN-0042',
    title: 'Community nursing and district nursing',
    services: ['85141200-1'],
    route: 'psr_direct_c',
    awardOn: addDays(nhsStart, -45),
    startOn: nhsStart,
    endOn: dayBefore(addYears(nhsStart, 5)),
    annualValuePence: 780_000_000,
    wholeLifeValuePence: 3_900_000_000,
    managerName: 'Sam Okafor',
    extensions: [{ lengthMonths: 24, decisionBy: addDays(addYears(nhsStart, 5), -270), noticeBy: addDays(addYears(nhsStart, 5), -180) }],
    breaks: [],
    priceReviews: [{ reviewOn: addYears(nhsStart, 1), note: 'NHS payment scheme uplift' }],
    kpis: [
      { name: 'Patients seen within 48 hours of referral', target: '95%', frequency: 'monthly', firstDueOn: addDays(nhsStart, 40) },
      { name: 'Staff training compliance', target: '90%', frequency: 'six_monthly', firstDueOn: addDays(nhsStart, 180) },
    ],
  });
  contracts += 1;

  // An older award under the Public Contracts Regulations 2015, reg 77 (at most three years): expired.
  const oldStart = start(6);
  await d('contracts.create', {
    counterpartyId: county,
    reference: 'NCC/DC/2019/004',
    title: 'Day opportunities for older people',
    services: ['85312100-0'],
    route: 'pcr15_reg77',
    awardOn: addDays(oldStart, -30),
    startOn: oldStart,
    endOn: dayBefore(addYears(oldStart, 3)),
    annualValuePence: 95_000_000,
    wholeLifeValuePence: 285_000_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
  contracts += 1;

  // A grant from the district council.
  const grantStart = start(0);
  await d('contracts.create', {
    counterpartyId: district,
    reference: 'RDC-GRANT-2026-11',
    title: 'Carers’ wellbeing grant',
    services: ['85312000-9'],
    route: 'grant',
    awardOn: addDays(grantStart, -20),
    startOn: grantStart,
    endOn: dayBefore(addYears(grantStart, 2)),
    annualValuePence: 6_000_000,
    wholeLifeValuePence: 12_000_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [{ name: 'Carers supported', target: '400 a year', frequency: 'annual', firstDueOn: addYears(grantStart, 1) }],
  });
  contracts += 1;

  // A bid in preparation for the hospital trust.
  await d('contracts.create', {
    counterpartyId: trust,
    reference: 'DVH-2027-OT',
    title: 'Community occupational therapy (bid)',
    services: ['85142000-6'],
    route: 'psr_competitive',
    bidDueOn: addDays(today, 35),
    annualValuePence: 150_000_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
  contracts += 1;

  // A contract ended early by agreement.
  const endedStart = start(3);
  const ended = await d('contracts.create', {
    counterpartyId: district,
    reference: 'RDC/HS/2023/02',
    title: 'Housing support for young people',
    services: ['85312300-2'],
    route: 'pcr15',
    awardOn: addDays(endedStart, -30),
    startOn: endedStart,
    endOn: dayBefore(addYears(endedStart, 4)),
    annualValuePence: 42_000_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
  await d('contracts.terminate', { id: ended.id, terminatedOn: addDays(today, -120), reason: 'Ended by agreement when the service moved to the council’s own housing team.' });
  contracts += 1;

  // The first extension of the community services contract was exercised, after a variation.
  const first = community.extensions[0];
  await d('contracts.recordVariation', {
    contractId: community.id,
    madeOn: addYears(s33Start, 1),
    description: 'Added a night-time reablement service in the north of the county.',
    valueChangePence: 18_000_000,
  });
  if (first && first.decisionBy && first.decisionBy < today) await d('contracts.decideExtension', { contractId: community.id, extensionId: first.id, decision: 'exercised', on: first.decisionBy });

  // Reports, reviews and notice dates were dealt with on time (no break was wanted), but for the latest KPI report on each contract, left to do.
  for (const c of (await d('contracts.list', {})) as { id: string }[]) {
    const detail = (await d('contracts.get', { id: c.id })) as { duties: { key: string; kind: string; dueOn: string; done: unknown }[] };
    const past = detail.duties.filter((x) => x.done === null && x.dueOn < today && x.kind !== 'end');
    const latestKpi = past.filter((x) => x.kind === 'kpi_report').at(-1);
    for (const x of past) if (x !== latestKpi) await d('contracts.recordDutyDone', { contractId: c.id, key: x.key, doneOn: x.dueOn });
  }

  // A director with an interest in the county council: conflicted on its contracts.
  const officers = (await d('officers.list', { status: 'current' })) as { id: string; appointments: { role: string; ceasedOn: string | null; appointedOn: string }[] }[];
  const director = officers.find((o) => o.appointments.some((a) => a.role === 'director' && a.ceasedOn === null));
  if (director) {
    const since = director.appointments.map((a) => a.appointedOn).sort()[0]!;
    await d('interests.declare', {
      officerId: director.id,
      category: 'employment',
      nature: 'Spouse works in the council’s adult social care commissioning team.',
      counterpartyId: county,
      declaredOn: since > addDays(today, -30) ? since : addDays(today, -30),
    });
  }

  // The board decision that approved the bid, where the sample's meetings recorded one before the award.
  const board = (await d('decisions.register', { meetingKind: 'board', to: addDays(s33Start, -60) })) as { rows?: { id: string }[] };
  const decision = board.rows?.[0];
  if (decision) await d('contracts.linkDecision', { contractId: community.id, decisionId: decision.id, purpose: 'bid' });

  return { counterparties: 5, contracts };
}
