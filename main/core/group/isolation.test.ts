import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import type { Result } from '../../../shared/result';
import { commissioner, contract, appointDirector } from '../contracts/reports/fixtures.test-helpers';
import { hrCsv, planCsv } from '../hr-import/testing';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../testing';

/**
 * Records never leak between organisations (issue 11): one file keeps Alpha and Bravo, each with
 * records in every area made through the real methods, their names marked with the organisation's
 * name. With Alpha current, every list, get and search answers nothing of Bravo's (neither its
 * words nor its ids), a get of a Bravo record by id is refused, and a change naming a Bravo
 * record is refused, then the same the other way round.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore;

interface Records {
  org: Organisation;
  classId: string;
  memberId: string;
  officerId: string;
  appointmentId: string;
  interestId: string;
  pscId: string;
  counterpartyId: string;
  contractId: string;
  meetingId: string;
  agendaItemId: string;
  decisionId: string;
  actionId: string;
  committeeId: string;
  ballotId: string;
  writtenResolutionId: string;
  minutesId: string;
}
const orgs: Record<'Alpha' | 'Bravo', Records> = {} as never;

const call = (method: string, input: unknown) => t.core.dispatch(method, input);
const ok = async <T = Record<string, unknown>>(method: string, input: unknown) => expectOk(await call(method, input)) as T;

async function recordsFor(tag: 'Alpha' | 'Bravo', org: Organisation): Promise<Records> {
  const cls = await makeClass(t.core, `${tag} staff`, { nominalPence: 100 });
  const member = await admit(t.core, cls, person('Sam', `${tag}son`), { admittedOn: '2020-01-06' });
  const officer = (await appointDirector(t.core, 'Dana', `${tag}director`, 'employee', '2020-01-06')) as { id: string };
  const interest = await ok<{ id: string }>('interests.declare', { officerId: officer.id, category: 'employment', nature: `${tag} interest in the council`, declaredOn: '2021-01-01' });
  const psc = await ok<{ id: string }>('psc.add', {
    kind: 'individual',
    name: `Pat ${tag}psc`,
    serviceAddress: { line1: '2 Mill Lane', town: 'Leeds', postcode: 'LS2 7EW' },
    dateOfBirth: '1970-12-09',
    nationality: 'British',
    countryOfResidence: 'England',
    natures: ['votes_25_to_50'],
    becameRegistrableOn: '2024-01-01',
  });
  const counterpartyId = await commissioner(t.core, `${tag} City Council`);
  const contractId = await contract(t.core, { counterpartyId, reference: `${tag.toUpperCase()}-1`, title: `${tag} home care`, services: ['85310000'] });
  const meeting = await ok<{ meeting: { id: string } }>('meetings.create', { kind: 'board', heldOn: '2026-03-10', startsAt: '18:30', endsAt: '20:30', place: `${tag} Hall, Leeds` });
  const meetingId = meeting.meeting.id;
  const withItem = await ok<{ items: { id: string; title: string }[] }>('meetings.addItem', { meetingId, title: `${tag} contract renewal`, purpose: 'decision' });
  const agendaItemId = withItem.items.find((i) => i.title === `${tag} contract renewal`)!.id;
  await ok('meetings.setAttendance', { meetingId, officerId: officer.id, status: 'present' });
  const decision = await ok<{ id: string }>('decisions.record', { agendaItemId, kind: 'board', text: `To renew the ${tag} contract.`, votesFor: 1, votesAgainst: 0, votesAbstain: 0, recordNotQuorate: true });
  const action = await ok<{ id: string }>('actions.create', { meetingId, description: `Write to the ${tag} council`, ownerOfficerId: officer.id, dueOn: '2026-04-01' });
  const committee = await ok<{ id: string }>('committees.create', { name: `${tag} audit committee`, formedOn: '2026-01-15', officerIds: [officer.id] });
  const ballot = await ok<{ id: string }>('ballots.create', {
    title: `${tag} poll 2026`,
    recordDate: '2026-06-01',
    questions: [{ kind: 'resolution', text: `That the ${tag} articles be amended.`, resolutionKind: 'special' }],
    trustees: [
      { name: `Ann ${tag}scrutineer`, role: 'Independent scrutineer' },
      { name: `Raj ${tag}chair`, role: 'Chair' },
    ],
  });
  const wr = await ok<{ id: string }>('writtenResolutions.circulate', { body: 'members', kind: 'special', text: `That the ${tag} name be changed.`, circulatedOn: '2026-03-01' });
  await ok('meetings.setStatus', { id: meetingId, status: 'held' });
  const minutes = await ok<{ id: string }>('minutes.draft', { meetingId });
  const officerView = await ok<{ appointments: { id: string }[] }>('officers.get', { id: officer.id });
  return {
    org,
    classId: cls.id,
    memberId: member.id,
    officerId: officer.id,
    appointmentId: officerView.appointments[0]!.id,
    interestId: interest.id,
    pscId: psc.id,
    counterpartyId,
    contractId,
    meetingId,
    agendaItemId,
    decisionId: decision.id,
    actionId: action.id,
    committeeId: committee.id,
    ballotId: ballot.id,
    writtenResolutionId: wr.id,
    minutesId: minutes.id,
  };
}

beforeAll(async () => {
  t = await openTestCore({ now: () => NOW });
  const alpha = (await setUpOrganisation(t.core, { particulars: { name: 'Alpha Care Mutual', legalForm: 'cic_limited_by_shares' } })) as Organisation;
  const bravo = await ok<Organisation>('group.addOrganisation', validSetUpInput({ particulars: { name: 'Bravo Care Mutual', registrationNumber: '07654321', legalForm: 'cic_limited_by_shares' } }));
  await ok('group.switch', { organisationId: bravo.id });
  orgs.Bravo = await recordsFor('Bravo', bravo);
  await ok('group.switch', { organisationId: alpha.id });
  orgs.Alpha = await recordsFor('Alpha', alpha);
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

/** Every id and marked word of the other organisation's records. */
function marks(r: Records, tag: string): string[] {
  const { org, ...ids } = r;
  return [tag, org.id, ...Object.values(ids)];
}

/** The queries that list, search or get records, each with an input naming the current organisation's own records where one is needed. */
function listQueries(own: Records): [string, unknown][] {
  return [
    ['organisation.get', {}],
    ['rules.get', {}],
    ['rules.history', {}],
    ['classes.list', {}],
    ['members.list', { status: 'all', limit: 200 }],
    ['members.search', { query: 'son', status: 'all', limit: 50 }],
    ['members.registerFacts', {}],
    ['members.removable', {}],
    ['officers.list', { status: 'all' }],
    ['interests.list', {}],
    ['psc.register', {}],
    ['filings.list', { status: 'all' }],
    ['inspections.list', {}],
    ['counterparties.list', {}],
    ['counterparties.list', { search: 'Council' }],
    ['counterparties.unlinkedNames', {}],
    ['contracts.list', {}],
    ['contracts.list', { search: 'care' }],
    ['contracts.timeline', { from: '2025-01-01', to: '2030-12-31', includeOverdue: true, limit: 500 }],
    ['contractReports.portfolio', { asAt: '2026-11-30' }],
    ['meetings.list', { when: 'all' }],
    ['meetings.dashboard', {}],
    ['committees.list', {}],
    ['decisions.register', { limit: 100 }],
    ['decisions.register', { search: 'contract', limit: 100 }],
    ['actions.list', {}],
    ['ballots.list', {}],
    ['writtenResolutions.list', {}],
    ['writtenResolutions.list', { body: 'members' }],
    ['reports.trace', { trace: { set: 'annual.members.admitted', params: { from: '2000-01-01', to: '2026-11-30' } }, offset: 0, limit: 100 }],
    ['reports.trace', { trace: { set: 'annual.decisions.taken', params: { from: '2000-01-01', to: '2026-11-30' } }, offset: 0, limit: 100 }],
    ['reports.trace', { trace: { set: 'annual.contracts.live', params: { from: '2000-01-01', to: '2026-11-30', on: '2026-11-30' } }, offset: 0, limit: 100 }],
    // Gets of the current organisation's own records: their pages must not pull the other's in.
    ['members.get', { id: own.memberId }],
    ['officers.get', { id: own.officerId }],
    ['counterparties.get', { id: own.counterpartyId }],
    ['contracts.get', { id: own.contractId }],
    ['meetings.get', { id: own.meetingId }],
    ['minutes.get', { meetingId: own.meetingId }],
    ['ballots.get', { id: own.ballotId }],
    ['writtenResolutions.get', { id: own.writtenResolutionId }],
  ];
}

/** Gets of the other organisation's records by id: each must be refused. */
function foreignGets(other: Records): [string, unknown][] {
  return [
    ['members.get', { id: other.memberId }],
    ['members.history', { id: other.memberId }],
    ['shares.ledger', { memberId: other.memberId }],
    ['officers.get', { id: other.officerId }],
    ['officers.residentialAddress', { id: other.officerId }],
    ['interests.list', { officerId: other.officerId }],
    ['members.count', { status: 'all', classId: other.classId }],
    ['members.list', { status: 'all', classId: other.classId }],
    ['counterparties.get', { id: other.counterpartyId }],
    ['contracts.get', { id: other.contractId }],
    ['contracts.list', { counterpartyId: other.counterpartyId }],
    ['contractReports.s33Check', { contractId: other.contractId, asAt: '2026-11-30' }],
    ['meetings.get', { id: other.meetingId }],
    ['minutes.get', { meetingId: other.meetingId }],
    ['decisions.register', { counterpartyId: other.counterpartyId, limit: 50 }],
    ['ballots.get', { id: other.ballotId }],
    ['ballots.previewRoll', { id: other.ballotId }],
    ['ballots.roll', { id: other.ballotId, offset: 0, limit: 50 }],
    ['ballots.paperBatches', { id: other.ballotId }],
    ['writtenResolutions.get', { id: other.writtenResolutionId }],
    ['minutes.verify', { id: other.minutesId, sha256: 'a'.repeat(64) }],
  ];
}

/** Changes naming the other organisation's records: each must be refused and change nothing. */
function foreignChanges(other: Records, own: Records): [string, unknown][] {
  return [
    ['classes.update', { id: other.classId, changes: { name: 'Renamed', votingRights: 'per_member', votesPerMember: 1, isEmployeeClass: false, eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null }, shareTerms: null } }],
    ['classes.delete', { id: other.classId }],
    ['members.admit', { classId: other.classId, particulars: person('Lee', 'Crossover'), admittedOn: '2021-01-01', initialShares: { shares: 1, amountPaidPence: 100 } }],
    ['members.cease', { memberId: other.memberId, ceasedOn: '2026-01-01', reason: 'resigned' }],
    ['interests.end', { id: other.interestId, endedOn: '2026-01-01' }],
    ['interests.declare', { officerId: other.officerId, category: 'employment', nature: 'Crossover', declaredOn: '2021-01-01' }],
    ['officers.endAppointment', { appointmentId: other.appointmentId, ceasedOn: '2026-01-01', reason: 'Term ended' }],
    ['psc.cease', { id: other.pscId, ceasedOn: '2026-01-01' }],
    ['counterparties.update', { id: other.counterpartyId, name: 'Crossover Council', kind: 'council' }],
    ['contracts.terminate', { id: other.contractId, terminatedOn: '2026-01-01', reason: 'Crossover' }],
    ['meetings.addItem', { meetingId: other.meetingId, title: 'Crossover item', purpose: 'discussion' }],
    ['meetings.setAttendance', { meetingId: own.meetingId, officerId: other.officerId, status: 'present' }],
    ['decisions.record', { agendaItemId: other.agendaItemId, kind: 'board', text: 'Crossover decision', votesFor: 1, votesAgainst: 0, votesAbstain: 0 }],
    ['decisions.remove', { id: other.decisionId }],
    ['actions.create', { meetingId: other.meetingId, description: 'Crossover action', ownerName: 'Someone', dueOn: '2026-04-01' }],
    ['actions.create', { meetingId: own.meetingId, description: 'Crossover owner', ownerOfficerId: other.officerId, dueOn: '2026-04-01' }],
    ['actions.close', { id: other.actionId, status: 'done', closedOn: '2026-04-10' }],
    ['committees.addMember', { id: other.committeeId, officerId: own.officerId, joinedOn: '2026-02-01' }],
    ['committees.addMember', { id: own.committeeId, officerId: other.officerId, joinedOn: '2026-02-01' }],
    ['ballots.cancel', { id: other.ballotId, reason: 'Crossover cancel' }],
    ['writtenResolutions.withdraw', { id: other.writtenResolutionId }],
    ['minutes.draft', { meetingId: other.meetingId }],
    ['minutes.comment', { id: other.minutesId, author: 'X', body: 'Crossover comment' }],
    ['minutes.save', { id: other.minutesId, body: '{"root":{"children":[],"type":"root","version":1}}' }],
    ['minutes.circulate', { id: other.minutesId, circulatedOn: '2026-03-15' }],
    ['minutes.delete', { id: other.minutesId, reason: 'Crossover delete' }],
    ['minutes.correct', { id: other.minutesId, meetingId: own.meetingId, text: 'Crossover correction' }],
    ['contracts.linkDecision', { contractId: own.contractId, decisionId: other.decisionId, purpose: 'sign' }],
    ['contracts.linkDecision', { contractId: other.contractId, decisionId: own.decisionId, purpose: 'sign' }],
    ['shares.allot', { memberId: other.memberId, date: '2026-02-01', shares: 10, amountPaidPence: 1000, boardReference: 'Board 2026/02' }],
    ['shares.transfer', { fromMemberId: own.memberId, toMemberId: other.memberId, date: '2026-03-01', shares: 1 }],
    ['shares.transfer', { fromMemberId: other.memberId, toMemberId: own.memberId, date: '2026-03-01', shares: 1 }],
    ['members.update', { id: other.memberId, classId: other.classId, particulars: person('Sam', 'Crossover') }],
    ['members.update', { id: own.memberId, classId: other.classId, particulars: person('Sam', 'Crossover') }],
    ['members.subjectAccess', { id: other.memberId }],
    ['members.remove', { ids: [other.memberId], confirm: true }],
    ['officers.update', { id: other.officerId, particulars: OFFICER, residentialAddress: null }],
    ['officers.appoint', { officerId: other.officerId, appointment: { role: 'chair', appointedOn: '2026-01-01' } }],
    ['officers.recordIdentity', { id: other.officerId, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' } }],
    ['interests.declare', { officerId: own.officerId, category: 'contract', nature: 'Crossover', counterpartyId: other.counterpartyId, declaredOn: '2026-02-02' }],
    ['psc.withdrawStatement', { id: other.pscId, withdrawnOn: '2026-02-01' }],
    ['meetings.update', { id: other.meetingId, kind: 'board', heldOn: '2026-03-11', startsAt: '18:00', place: 'Board room' }],
    ['meetings.setStatus', { id: other.meetingId, status: 'cancelled', reason: 'Crossover' }],
    ['meetings.updateItem', { id: other.agendaItemId, title: 'Crossover', purpose: 'decision' }],
    ['meetings.moveItem', { id: other.agendaItemId, direction: 'up' }],
    ['meetings.removeItem', { id: other.agendaItemId }],
    ['meetings.addAttendee', { meetingId: other.meetingId, role: 'in_attendance', name: 'Sam Auditor', capacity: 'External auditor' }],
    ['meetings.addResolution', { meetingId: other.meetingId, kind: 'ordinary', text: 'That the crossover be approved.' }],
    ['meetings.declareInterest', { meetingId: own.meetingId, agendaItemId: other.agendaItemId, officerId: own.officerId, nature: 'Crossover' }],
    ['meetings.declareInterest', { meetingId: own.meetingId, agendaItemId: own.agendaItemId, officerId: other.officerId, nature: 'Crossover' }],
    ['meetings.boardPack', { id: other.meetingId }],
    ['meetings.notice', { id: other.meetingId, format: 'pdf' }],
    ['minutes.pdf', { id: other.minutesId }],
    ['committees.update', { id: other.committeeId, name: 'Crossover committee', terms: 'Crossover' }],
    ['committees.dissolve', { id: other.committeeId, dissolvedOn: '2026-06-01' }],
    ['decisions.update', { id: other.decisionId, text: 'Crossover decision' }],
    ['actions.update', { id: other.actionId, description: 'Crossover', ownerName: 'Someone', dueOn: '2026-04-15' }],
    ['writtenResolutions.recordAgreement', { id: other.writtenResolutionId, signatoryId: other.memberId, agreedOn: '2026-03-05' }],
    ['ballots.makeTrusteeKey', { id: other.ballotId, trustee: 1, passphrase: 'correct horse battery staple' }],
    ['ballots.open', { id: other.ballotId }],
    ['ballots.exportVerification', { id: other.ballotId }],
    ['counterparties.linkName', { name: 'Leeds CC', counterpartyId: other.counterpartyId }],
    ['contracts.create', { counterpartyId: other.counterpartyId, reference: 'X-1', title: 'Crossover', services: ['85310000'], route: 'pcr15_light_touch', extensions: [], breaks: [], priceReviews: [], kpis: [] }],
    ['contracts.recordVariation', { contractId: other.contractId, madeOn: '2026-06-01', description: 'Crossover', valueChangePence: 100 }],
    ['contracts.recordDutyDone', { contractId: other.contractId, key: 'end', doneOn: '2026-05-01' }],
    ['contracts.exportCalendar', { contractId: other.contractId }],
    ['contractReports.evidencePack', { contractId: other.contractId, asAt: '2026-11-30', format: 'pdf' }],
    ['station.start', { ballotId: other.ballotId, address: '127.0.0.1', allInterfaces: false, port: 0 }],
    ['station.start', { writtenResolutionId: other.writtenResolutionId, address: '127.0.0.1', allInterfaces: false, port: 0 }],
  ];
}

/**
 * Whether a refusal says the other organisation's record is not there: NOT_FOUND, or a field
 * error on the field that names it. Any other refusal (CONFLICT: "already has minutes") means the
 * record was found and only a rule stopped the change.
 */
function refusedAsUnknown(error: { code: string; fieldErrors?: Record<string, string> }, input: Record<string, unknown>, other: Records): boolean {
  if (error.code === 'NOT_FOUND') return true;
  if (error.code !== 'VALIDATION' || !error.fieldErrors) return false;
  const foreign = new Set(Object.values(marks(other, '')));
  return Object.keys(error.fieldErrors).some((field) => foreign.has(String(input[field])));
}

const OFFICER = {
  givenNames: 'Dana',
  familyName: 'Crossover',
  serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
  dateOfBirth: '1980-01-01',
  nationality: 'British',
  occupation: 'Nurse',
  countryOfResidence: 'England',
};

function leaked(value: unknown, words: readonly string[]): string[] {
  const text = JSON.stringify(value);
  return words.filter((w) => text.includes(w));
}

describe.each([
  ['Alpha', 'Bravo'],
  ['Bravo', 'Alpha'],
] as const)('with %s current, nothing of %s', (current, other) => {
  beforeAll(async () => {
    await ok('group.switch', { organisationId: orgs[current].org.id });
  });

  it('is listed, searched or shown by any query', async () => {
    const problems: string[] = [];
    for (const [method, input] of listQueries(orgs[current])) {
      const r = await call(method, input);
      if (!r.ok) {
        problems.push(`${method} ${JSON.stringify(input)} failed: ${r.error.code} ${r.error.message}`);
        continue;
      }
      const found = leaked(r.value, marks(orgs[other], other));
      if (found.length > 0) problems.push(`${method} ${JSON.stringify(input)} answered ${other}'s ${found.join(', ')}`);
      // And the current organisation's records are there (the query is not simply empty).
    }
    expect(problems).toEqual([]);
  });

  it('is answered by a get of its records by id', async () => {
    const problems: string[] = [];
    for (const [method, input] of foreignGets(orgs[other])) {
      const r: Result<unknown> = await call(method, input);
      if (r.ok) {
        const found = leaked(r.value, marks(orgs[other], other));
        if (found.length > 0) problems.push(`${method} ${JSON.stringify(input)} answered ${other}'s ${found.join(', ')}`);
      } else if (!refusedAsUnknown(r.error, input as Record<string, unknown>, orgs[other])) {
        problems.push(`${method} ${JSON.stringify(input)} refused with ${r.error.code} (${r.error.message}), not NOT_FOUND`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('can be changed through the current organisation', async () => {
    const before = t.core.raw.prepare('select count(*) from audit_event').pluck().get();
    const problems: string[] = [];
    for (const [method, input] of foreignChanges(orgs[other], orgs[current])) {
      const r = await call(method, input);
      if (r.ok) problems.push(`${method} ${JSON.stringify(input)} was accepted`);
      else if (!refusedAsUnknown(r.error, input as Record<string, unknown>, orgs[other])) {
        problems.push(`${method} ${JSON.stringify(input)} was refused for another reason (${r.error.code}: ${r.error.message}), so it found ${other}'s record`);
      }
    }
    await t.core.jobs.idle();
    await call('station.stop', {});
    expect(problems).toEqual([]);
    expect(t.core.raw.prepare('select count(*) from audit_event').pluck().get()).toBe(before);
  });

  it('while its own records are all there', async () => {
    const own = orgs[current];
    expect(JSON.stringify(await ok('members.list', { status: 'all', limit: 200 }))).toContain(`${current}son`);
    expect(JSON.stringify(await ok('contracts.list', {}))).toContain(own.contractId);
    expect(JSON.stringify(await ok('meetings.list', { when: 'all' }))).toContain(own.meetingId);
    expect(JSON.stringify(await ok('decisions.register', { limit: 100 }))).toContain(own.decisionId);
    expect(JSON.stringify(await ok('ballots.list', {}))).toContain(own.ballotId);
    expect(JSON.stringify(await ok('psc.register', {}))).toContain(own.pscId);
    expect(await ok('organisation.get', {})).toMatchObject({ id: own.org.id });
  });
});

describe('an import planned for one organisation', () => {
  it('is not applied to it while another is current', async () => {
    await ok('group.switch', { organisationId: orgs.Alpha.org.id });
    const cls = await makeClass(t.core, 'Alpha employees', { nominalPence: 100 }, true);
    const { plan } = await planCsv(t.core, hrCsv([{ no: 'N1', given: 'Sam', family: 'Planned' }]), { classId: cls.id, asOf: '2026-11-30' });
    await ok('group.switch', { organisationId: orgs.Bravo.org.id });
    const refused = await call('hrImport.apply', { planId: plan.planId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/another organisation/) } });
    await t.core.jobs.idle();
    expect(t.core.raw.prepare("select count(*) from member where family_name = 'Planned'").pluck().get()).toBe(0);
    await ok('group.switch', { organisationId: orgs.Alpha.org.id });
  });
});

/** Every event audit.list shows, page by page (keyset by seq), with these filters. */
async function wholeLog(filter: Record<string, unknown> = {}): Promise<{ seq: number; entityId: string | null; summary: string }[]> {
  const events: { seq: number; entityId: string | null; summary: string }[] = [];
  let beforeSeq: number | null = null;
  do {
    const page: { events: { seq: number; entityId: string | null; summary: string }[]; nextBeforeSeq: number | null } = await ok('audit.list', {
      ...filter,
      limit: 50,
      ...(beforeSeq ? { beforeSeq } : {}),
    });
    events.push(...page.events);
    beforeSeq = page.nextBeforeSeq;
  } while (beforeSeq !== null);
  return events;
}

describe.each([
  ['Alpha', 'Bravo'],
  ['Bravo', 'Alpha'],
] as const)('with %s current, the audit log shows nothing of %s', (current, other) => {
  beforeAll(async () => {
    await ok('group.switch', { organisationId: orgs[current].org.id });
  });

  it('in its list, whole or filtered, while its own events are all there', async () => {
    const all = await wholeLog();
    expect(leaked(all, marks(orgs[other], other))).toEqual([]);
    for (const id of [orgs[current].org.id, orgs[current].memberId, orgs[current].contractId, orgs[current].meetingId, orgs[current].decisionId, orgs[current].ballotId]) {
      expect(all.some((e) => e.entityId === id)).toBe(true);
    }
    // Pages are in order and whole: the current organisation's count of events, every one once.
    const own = t.core.raw.prepare('select count(*) from audit_event where organisation_id = ? or organisation_id is null').pluck().get(orgs[current].org.id);
    expect(all.length).toBe(own);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    for (const filter of [
      { entityType: 'member', entityId: orgs[other].memberId },
      { entityType: 'organisation', entityId: orgs[other].org.id },
      { action: 'member.admitted' },
      { action: 'meeting.created', from: '2026-01-01', to: '2026-12-31' },
      { entityType: 'ballot' },
    ]) {
      expect({ filter, leaked: leaked(await wholeLog(filter), marks(orgs[other], other)) }).toEqual({ filter, leaked: [] });
    }
  });

  it('when one of its events is asked for by number', async () => {
    const theirs = t.core.raw
      .prepare(`select seq from audit_event where entity_id in (${marks(orgs[other], other).map(() => '?').join(', ')}) order by seq`)
      .pluck()
      .all(...marks(orgs[other], other)) as number[];
    expect(theirs.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const seq of theirs) {
      const r = await call('audit.get', { seq });
      if (r.ok) problems.push(`#${seq} was shown: ${JSON.stringify(r.value).slice(0, 120)}`);
      else if (r.error.code !== 'NOT_FOUND') problems.push(`#${seq} refused with ${r.error.code}`);
    }
    expect(problems).toEqual([]);
    const mine = t.core.raw.prepare('select seq from audit_event where entity_id = ?').pluck().get(orgs[current].memberId) as number;
    expect(await ok('audit.get', { seq: mine })).toMatchObject({ seq: mine, entityId: orgs[current].memberId });
  });
});

describe('the audit log of a group', () => {
  it('stamps each event with the organisation of its record', () => {
    const rows = t.core.raw.prepare('select seq, action, entity_type, entity_id, organisation_id from audit_event').all() as { action: string; entity_id: string | null; organisation_id: string | null }[];
    const owner = new Map<string, string>();
    for (const tag of ['Alpha', 'Bravo'] as const) for (const id of marks(orgs[tag], tag)) owner.set(id, orgs[tag].org.id);
    const wrong = rows.filter((r) => r.organisation_id === null || (r.entity_id !== null && owner.has(r.entity_id) && owner.get(r.entity_id) !== r.organisation_id));
    expect(wrong).toEqual([]);
  });

  it('shows a relation between two organisations to both', async () => {
    await ok('group.switch', { organisationId: orgs.Alpha.org.id });
    await ok('group.setRelation', { organisationId: orgs.Alpha.org.id, relatedOrganisationId: orgs.Bravo.org.id, kind: 'sister', sinceOn: '2024-01-01' });
    const seq = t.core.raw.prepare("select seq from audit_event where action = 'group.relation_set' order by seq desc").pluck().get() as number;
    for (const tag of ['Alpha', 'Bravo'] as const) {
      await ok('group.switch', { organisationId: orgs[tag].org.id });
      expect((await wholeLog({ action: 'group.relation_set' })).map((e) => e.seq)).toEqual([seq]);
      expect(await ok('audit.get', { seq })).toMatchObject({ seq, action: 'group.relation_set' });
    }
    await ok('group.switch', { organisationId: orgs.Alpha.org.id });
  });
});
