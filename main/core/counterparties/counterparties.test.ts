import { afterEach, describe, expect, it } from 'vitest';
import type { Counterparty, CounterpartyDetail } from '../../../shared/contract/counterparties';
import { attempt, boardMeeting, director, events, once, open, ok, refused } from '../decisions/fixtures.test-helpers';
import { boardFixture } from '../minutes/fixtures.test-helpers';
import { expectOk, runJob } from '../testing';
import { nameKey } from './names';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function problems(t: Parameters<typeof runJob>[0] extends infer C ? { core: C } : never): Promise<string[]> {
  const status = await runJob(t.core, 'audit.verify', {});
  expect(status?.state).toBe('succeeded');
  return (status!.result as { records: { problems: string[] } }).records.problems;
}

const council = { name: 'Leeds City Council', kind: 'council' } as const;

describe('nameKey', () => {
  it('ignores case and extra spaces', () => {
    expect(nameKey('  Leeds   City council ')).toBe('leeds city council');
    expect(nameKey('LEEDS CITY COUNCIL')).toBe(nameKey('Leeds City Council'));
  });
});

describe('counterparties.create and update', () => {
  it('adds an organisation with one audit event and lists it', async () => {
    const t = await open(cleanups);
    const c = await once<Counterparty>(t, 'counterparties.create', { ...council, odsCode: ' rr8 ', companiesHouseNumber: '123' });
    expect(c).toMatchObject({ name: 'Leeds City Council', kind: 'council', odsCode: 'RR8', companiesHouseNumber: '00000123', contractCount: 0, currentInterestCount: 0 });
    const list = await ok<Counterparty[]>(t, 'counterparties.list', {});
    expect(list.map((x) => x.name)).toEqual(['Leeds City Council']);
    expect(await ok<Counterparty[]>(t, 'counterparties.list', { search: 'city  COUNCIL' })).toHaveLength(1);
    expect(await ok<Counterparty[]>(t, 'counterparties.list', { search: 'Bradford' })).toHaveLength(0);
    expect(await ok<Counterparty[]>(t, 'counterparties.list', { kind: 'icb' })).toHaveLength(0);
  });

  it('refuses a name already on the list, compared without case or spacing, naming the one there', async () => {
    const t = await open(cleanups);
    await once(t, 'counterparties.create', council);
    const message = refused(await attempt(t, 'counterparties.create', { name: 'leeds  city COUNCIL', kind: 'council' }), 'VALIDATION', 'name');
    expect(message).toContain('as “Leeds City Council”');
    const other = await once<Counterparty>(t, 'counterparties.create', { name: 'Bradford Council', kind: 'council' });
    expect(refused(await attempt(t, 'counterparties.update', { ...council, id: other.id }), 'VALIDATION', 'name')).toContain('Leeds City Council');
  });

  it('refuses an ODS code already recorded for another organisation', async () => {
    const t = await open(cleanups);
    await once(t, 'counterparties.create', { name: 'Leeds Teaching Hospitals NHS Trust', kind: 'nhs_trust', odsCode: 'RR8' });
    const message = refused(await attempt(t, 'counterparties.create', { name: 'Another trust', kind: 'nhs_trust', odsCode: 'rr8' }), 'VALIDATION', 'odsCode');
    expect(message).toBe('The ODS code RR8 is already recorded for Leeds Teaching Hospitals NHS Trust; each NHS organisation has its own code.');
  });

  it('updates with one event (none when nothing changed) and keeps its own name on a change of case', async () => {
    const t = await open(cleanups);
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    const renamed = await once<Counterparty>(t, 'counterparties.update', { id: c.id, name: 'Leeds City council', kind: 'council', contactName: 'Sam Commissioner' });
    expect(renamed).toMatchObject({ name: 'Leeds City council', contactName: 'Sam Commissioner' });
    const before = events(t);
    await ok(t, 'counterparties.update', { id: c.id, name: 'Leeds City council', kind: 'council', contactName: 'Sam Commissioner' });
    expect(events(t)).toBe(before);
    const summary = t.core.raw.prepare("select summary from audit_event where action = 'counterparty.updated'").pluck().get();
    expect(summary).toBe('Leeds City Council renamed Leeds City council on the list of organisations');
  });

  it('is vouched for by the audit log: a name changed in the file is found by verify', async () => {
    const t = await open(cleanups);
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    expect(await problems(t)).toEqual([]);
    t.core.raw.prepare('update counterparty set name = ? where id = ?').run('Leeds Council', c.id);
    expect(await problems(t)).toEqual(['the organisation Leeds Council was changed outside the app (it differs from its last audit event)']);
  });
});

describe('the records that name an organisation', () => {
  async function setUp() {
    const t = await open(cleanups);
    const ada = await director(t, 'Ada', 'Lovelace');
    const bob = await director(t, 'Bob', 'Brown');
    const cy = await director(t, 'Cy', 'Clark');
    // Recorded before the list existed: names in words, spelt differently.
    expectOk(await t.core.dispatch('interests.declare', { officerId: ada.id, category: 'employment', nature: 'Employed by the council', relatedOrganisation: 'leeds city  council', declaredOn: '2025-01-01' }));
    expectOk(await t.core.dispatch('interests.declare', { officerId: bob.id, category: 'other', nature: 'Governor of a school', relatedOrganisation: 'Leeds College', declaredOn: '2025-01-01' }));
    const m = await boardMeeting(t, { present: [ada.id, bob.id, cy.id], chair: bob.id, relatedOrganisation: 'Leeds City Council' });
    expectOk(await t.core.dispatch('decisions.record', { agendaItemId: m.itemId, kind: 'board', text: 'Renew the contract with the council', votesFor: 2, votesAgainst: 0, votesAbstain: 0 }));
    const nominee = expectOk(
      await t.core.dispatch('officers.add', {
        particulars: { givenNames: 'Nia', familyName: 'Nominee', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Officer', countryOfResidence: 'England' },
        residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
        appointment: { role: 'director', directorKind: 'nominee', nominatedBy: 'LEEDS CITY COUNCIL', appointedOn: '2024-04-01' },
      }),
    ) as { id: string };
    return { t, ada, bob, m, nominee };
  }

  it('lists names not yet linked, grouped without case or spacing, with a match on the list', async () => {
    const { t } = await setUp();
    let names = await ok<{ name: string; uses: number; matchId: string | null }[]>(t, 'counterparties.unlinkedNames', {});
    // The interest, the item, the decision (inheriting the item's name) and the nomination.
    expect(names).toEqual([
      { name: expect.stringMatching(/^leeds city\s+council$/i), uses: 4, matchId: null },
      { name: 'Leeds College', uses: 1, matchId: null },
    ]);
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    names = await ok(t, 'counterparties.unlinkedNames', {});
    expect(names[0]!.matchId).toBe(c.id);
  });

  it('shows a counterparty the interests, decisions and nominees naming it before they are linked', async () => {
    const { t, ada, nominee } = await setUp();
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    expect(c.currentInterestCount).toBe(1);
    const d = await ok<CounterpartyDetail>(t, 'counterparties.get', { id: c.id });
    expect(d.interests.map((i) => i.officerId)).toEqual([ada.id]);
    expect(d.decisions.map((x) => x.text)).toEqual(['Renew the contract with the council']);
    expect(d.nominees.map((x) => x.officerId)).toEqual([nominee.id]);
    expect(d.contracts).toEqual([]);
  });

  it('links every record naming it in one audit event, keeping the words recorded; then nothing is left to link', async () => {
    const { t, m } = await setUp();
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    const linked = await once<{ interests: number; decisions: number; agendaItems: number; appointments: number }>(t, 'counterparties.linkName', { name: 'Leeds City Council', counterpartyId: c.id });
    expect(linked).toEqual({ interests: 1, decisions: 1, agendaItems: 1, appointments: 1 });
    const raw = t.core.raw;
    expect(raw.prepare('select related_organisation, counterparty_id from interest where counterparty_id is not null').all()).toEqual([{ related_organisation: 'leeds city  council', counterparty_id: c.id }]);
    expect(raw.prepare('select counterparty_id from agenda_item where id = ?').pluck().get(m.itemId)).toBe(c.id);
    expect(raw.prepare("select nominated_by from appointment where nominating_counterparty_id = ?").pluck().get(c.id)).toBe('LEEDS CITY COUNCIL');
    const names = await ok<{ name: string }[]>(t, 'counterparties.unlinkedNames', {});
    expect(names.map((n) => n.name)).toEqual(['Leeds College']);
    // Nothing more to link: no event.
    const before = events(t);
    expect(await ok(t, 'counterparties.linkName', { name: 'Leeds City Council', counterpartyId: c.id })).toEqual({ interests: 0, decisions: 0, agendaItems: 0, appointments: 0 });
    expect(events(t)).toBe(before);
    expect(await problems(t)).toEqual([]);
    const d = await ok<CounterpartyDetail>(t, 'counterparties.get', { id: c.id });
    expect(d.interests).toHaveLength(1);
    expect(d.nominees).toHaveLength(1);
  });

  it('refuses to link to an organisation not on the list', async () => {
    const { t } = await setUp();
    refused(await attempt(t, 'counterparties.linkName', { name: 'Leeds City Council', counterpartyId: '0190f000-0000-7000-8000-000000000001' }), 'VALIDATION', 'counterpartyId');
  });
});

describe('records of a meeting whose minutes are signed', () => {
  it('are left as they were: not offered for linking, and linking the name leaves them alone', async () => {
    const t = await open(cleanups);
    const f = await boardFixture(t.core);
    const unsealed = await ok<{ name: string; uses: number }[]>(t, 'counterparties.unlinkedNames', {});
    // The contract item at the first meeting names the council.
    expect(unsealed.find((n) => n.name === 'Leeds City Council')?.uses).toBe(1);
    const m = await ok<{ id: string }>(t, 'minutes.draft', { meetingId: f.first.meetingId });
    await ok(t, 'minutes.circulate', { id: m.id, circulatedOn: '2026-09-20' });
    await ok(t, 'minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-10-15' });
    await ok(t, 'minutes.sign', { id: m.id, signedBy: 'Ben Okoro', signedOn: '2026-10-15' });
    expect((await ok<{ name: string }[]>(t, 'counterparties.unlinkedNames', {})).map((n) => n.name)).not.toContain('Leeds City Council');
    const c = await once<Counterparty>(t, 'counterparties.create', council);
    const before = events(t);
    expect(await ok(t, 'counterparties.linkName', { name: 'Leeds City Council', counterpartyId: c.id })).toEqual({ interests: 0, decisions: 0, agendaItems: 0, appointments: 0 });
    expect(events(t)).toBe(before);
    expect(t.core.raw.prepare('select counterparty_id from agenda_item where id = ?').pluck().get(f.first.contractItemId)).toBeNull();
  });
});
