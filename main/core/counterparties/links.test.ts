import { afterEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { Counterparty, CounterpartyDetail } from '../../../shared/contract/counterparties';
import type { Interest } from '../../../shared/contract/interests';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Officer } from '../../../shared/contract/officers';
import { attempt, director, once, open, ok, refused } from '../decisions/fixtures.test-helpers';
import { expectOk, type TestCore } from '../testing';

/** The links from interests, agenda items, decisions and nominations to the list of organisations (issue 10). */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const UNKNOWN = '0190f000-0000-7000-8000-000000000001';

async function setUp() {
  const t = await open(cleanups);
  const leeds = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
  const trust = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds Teaching Hospitals NHS Trust', kind: 'nhs_trust', odsCode: 'RR8' });
  return { t, leeds, trust };
}

async function contractWith(t: TestCore, counterpartyId: string): Promise<ContractDetail> {
  return ok<ContractDetail>(t, 'contracts.create', {
    counterpartyId,
    reference: 'LCC/2025/014',
    title: 'Community health services',
    services: ['85300000-2'],
    route: 'pa23_open',
    awardOn: '2025-03-01',
    startOn: '2025-04-01',
    endOn: '2027-03-31',
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
  });
}

describe('interests.declare', () => {
  it('links a declaration to the list, recording its name when no words are given, and keeps the old input working', async () => {
    const { t, leeds } = await setUp();
    const ada = await director(t, 'Ada', 'Lovelace');
    const linked = await once<Interest>(t, 'interests.declare', { officerId: ada.id, category: 'employment', nature: 'Spouse works in commissioning', counterpartyId: leeds.id, declaredOn: '2025-01-01' });
    expect(linked).toMatchObject({ relatedOrganisation: 'Leeds City Council', counterpartyId: leeds.id });
    const worded = await once<Interest>(t, 'interests.declare', { officerId: ada.id, category: 'other', nature: 'Volunteer', relatedOrganisation: 'Leeds CC adult social care', counterpartyId: leeds.id, declaredOn: '2025-01-01' });
    expect(worded).toMatchObject({ relatedOrganisation: 'Leeds CC adult social care', counterpartyId: leeds.id });
    const old = await once<Interest>(t, 'interests.declare', { officerId: ada.id, category: 'other', nature: 'Governor', relatedOrganisation: 'Leeds College', declaredOn: '2025-01-01' });
    expect(old).toMatchObject({ relatedOrganisation: 'Leeds College', counterpartyId: null });
    refused(await attempt(t, 'interests.declare', { officerId: ada.id, category: 'other', nature: 'x', counterpartyId: UNKNOWN, declaredOn: '2025-01-01' }), 'VALIDATION', 'counterpartyId');
    expect((await ok<CounterpartyDetail>(t, 'counterparties.get', { id: leeds.id })).interests).toHaveLength(2);
  });

  it('makes a director conflicted on the commissioner’s contracts through the link, whatever words were recorded', async () => {
    const { t, leeds } = await setUp();
    const ada = await director(t, 'Ada', 'Lovelace');
    await once(t, 'interests.declare', { officerId: ada.id, category: 'employment', nature: 'Spouse is the commissioner', relatedOrganisation: 'The council’s commissioning team', counterpartyId: leeds.id, declaredOn: '2025-01-01' });
    const c = await contractWith(t, leeds.id);
    expect(c.conflicted.map((x) => x.officerId)).toEqual([ada.id]);
  });
});

describe('agenda items and the decisions on them', () => {
  it('tags an item with an organisation or a contract (bringing its commissioner), and a decision on it inherits the organisation', async () => {
    const { t, leeds, trust } = await setUp();
    const [ada, bob, cy] = [await director(t, 'Ada', 'Lovelace'), await director(t, 'Bob', 'Brown'), await director(t, 'Cy', 'Clark')];
    const c = await contractWith(t, leeds.id);
    let v = await ok<MeetingView>(t, 'meetings.create', { kind: 'board', heldOn: '2026-11-10', startsAt: '18:30', place: 'Civic Hall', chairOfficerId: ada.id, standardItems: false });
    const meetingId = v.meeting.id;
    v = await once<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Extension of the community services contract', purpose: 'decision', contractId: c.id });
    const item = v.items.at(-1)!;
    expect(item).toMatchObject({ contractId: c.id, counterpartyId: leeds.id, contractRef: 'LCC/2025/014', relatedOrganisation: 'Leeds City Council' });
    v = await once<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Hospital discharge pilot', purpose: 'discussion', counterpartyId: trust.id });
    expect(v.items.at(-1)).toMatchObject({ counterpartyId: trust.id, relatedOrganisation: 'Leeds Teaching Hospitals NHS Trust', contractId: null });
    // The old input, words only, still works.
    v = await once<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Any other business', purpose: 'information', relatedOrganisation: 'Leeds College' });
    expect(v.items.at(-1)).toMatchObject({ counterpartyId: null, relatedOrganisation: 'Leeds College' });
    refused(await attempt(t, 'meetings.addItem', { meetingId, title: 'X', purpose: 'decision', contractId: c.id, counterpartyId: trust.id }), 'VALIDATION', 'counterpartyId');
    refused(await attempt(t, 'meetings.addItem', { meetingId, title: 'X', purpose: 'decision', contractId: UNKNOWN }), 'VALIDATION', 'contractId');
    refused(await attempt(t, 'meetings.addItem', { meetingId, title: 'X', purpose: 'decision', counterpartyId: UNKNOWN }), 'VALIDATION', 'counterpartyId');

    // A change from a form that knows nothing of the links keeps them while the words are the same.
    v = await once<MeetingView>(t, 'meetings.updateItem', { id: item.id, title: 'Extension of the contract', purpose: 'decision', relatedOrganisation: 'Leeds City Council', contractRef: 'LCC/2025/014' });
    expect(v.items.find((i) => i.id === item.id)).toMatchObject({ title: 'Extension of the contract', contractId: c.id, counterpartyId: leeds.id });

    for (const officerId of [ada.id, bob.id, cy.id]) await ok(t, 'meetings.setAttendance', { meetingId, officerId, status: 'present' });
    const d = expectOk(await t.core.dispatch('decisions.record', { agendaItemId: item.id, kind: 'board', text: 'Take the first extension option', votesFor: 3, votesAgainst: 0, votesAbstain: 0 })) as { id: string };
    expect(t.core.raw.prepare('select counterparty_id from decision where id = ?').pluck().get(d.id)).toBe(leeds.id);
    expect((await ok<CounterpartyDetail>(t, 'counterparties.get', { id: leeds.id })).decisions.map((x) => x.id)).toEqual([d.id]);
    expect((await ok<ContractDetail>(t, 'contracts.get', { id: c.id })).agendaItems).toEqual([expect.objectContaining({ id: item.id, meetingId, heldOn: '2026-11-10' })]);

    // Words naming another organisation drop the link.
    v = await once<MeetingView>(t, 'meetings.updateItem', { id: item.id, title: 'Extension of the contract', purpose: 'decision', relatedOrganisation: 'Bradford Council' });
    expect(v.items.find((i) => i.id === item.id)).toMatchObject({ counterpartyId: null, contractId: null, relatedOrganisation: 'Bradford Council' });
  });
});

describe('decisions.record', () => {
  it('takes the organisation named over the item’s, refusing one not on the list', async () => {
    const { t, leeds } = await setUp();
    const [ada, bob, cy] = [await director(t, 'Ada', 'Lovelace'), await director(t, 'Bob', 'Brown'), await director(t, 'Cy', 'Clark')];
    let v = await ok<MeetingView>(t, 'meetings.create', { kind: 'board', heldOn: '2026-11-10', startsAt: '18:30', place: 'Civic Hall', chairOfficerId: ada.id, standardItems: false });
    const meetingId = v.meeting.id;
    v = await ok<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Commissioning round', purpose: 'decision' });
    const itemId = v.items.at(-1)!.id;
    for (const officerId of [ada.id, bob.id, cy.id]) await ok(t, 'meetings.setAttendance', { meetingId, officerId, status: 'present' });
    const vote = { agendaItemId: itemId, kind: 'board', text: 'Bid for the council’s tender', votesFor: 3, votesAgainst: 0, votesAbstain: 0 };
    refused(await attempt(t, 'decisions.record', { ...vote, counterpartyId: UNKNOWN }), 'VALIDATION', 'counterpartyId');
    const d = expectOk(await t.core.dispatch('decisions.record', { ...vote, counterpartyId: leeds.id })) as { counterpartyId: string | null; relatedOrganisation: string | null };
    expect(d).toMatchObject({ counterpartyId: leeds.id, relatedOrganisation: 'Leeds City Council' });
  });
});

describe('nominee directors', () => {
  it('records the nominating body from the list, with its name when none is typed; refuses it for other directors', async () => {
    const { t, leeds } = await setUp();
    const particulars = {
      givenNames: 'Nia',
      familyName: 'Nominee',
      serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
      dateOfBirth: '1980-01-01',
      nationality: 'British',
      occupation: 'Officer',
      countryOfResidence: 'England',
    };
    const residentialAddress = { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' };
    const nia = await ok<Officer>(t, 'officers.add', { particulars, residentialAddress, appointment: { role: 'director', directorKind: 'nominee', nominatingCounterpartyId: leeds.id, appointedOn: '2024-04-01' } });
    expect(nia.appointments[0]).toMatchObject({ nominatedBy: 'Leeds City Council', nominatingCounterpartyId: leeds.id });
    expect((await ok<CounterpartyDetail>(t, 'counterparties.get', { id: leeds.id })).nominees.map((n) => n.officerId)).toEqual([nia.id]);
    const other = { ...particulars, givenNames: 'Omar' };
    refused(await attempt(t, 'officers.add', { particulars: other, residentialAddress, appointment: { role: 'director', directorKind: 'employee', nominatingCounterpartyId: leeds.id, appointedOn: '2024-04-01' } }), 'VALIDATION', 'appointment.nominatingCounterpartyId');
    refused(await attempt(t, 'officers.add', { particulars: other, residentialAddress, appointment: { role: 'director', directorKind: 'nominee', nominatingCounterpartyId: UNKNOWN, appointedOn: '2024-04-01' } }), 'VALIDATION', 'appointment.nominatingCounterpartyId');
    // The old input, the body in words, still works.
    const omar = await ok<Officer>(t, 'officers.add', { particulars: other, residentialAddress, appointment: { role: 'director', directorKind: 'nominee', nominatedBy: 'Leeds City Council', appointedOn: '2024-04-01' } });
    expect(omar.appointments[0]).toMatchObject({ nominatedBy: 'Leeds City Council', nominatingCounterpartyId: null });
  });
});
