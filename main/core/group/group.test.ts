import { afterEach, describe, expect, it } from 'vitest';
import type { GroupOrganisation, Relation } from '../../../shared/contract/group';
import type { Organisation } from '../../../shared/contract/organisation';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, tempDir, validSetUpInput, type TestCore } from '../testing';
import { groupOf } from './relations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function core(): Promise<TestCore> {
  const t = await openTestCore({ now: () => new Date('2026-06-01T10:00:00Z') });
  cleanups.push(() => t.cleanup());
  return t;
}

async function add(t: TestCore, name: string, registrationNumber: string): Promise<Organisation> {
  return expectOk(await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name, registrationNumber } }))) as Organisation;
}
async function organisations(t: TestCore) {
  return expectOk(await t.core.dispatch('group.organisations', {})) as { organisations: GroupOrganisation[]; relations: Relation[] };
}
const full = { basis: 'shares' as const, words: 'All 100 ordinary shares of £1', sharesHeld: 100, sharesPct: 100, votesPct: 100 };

describe('group.addOrganisation', () => {
  it('sets up a second organisation in the file with its rules; the first stays current and organisation.setUp still refuses', async () => {
    const t = await core();
    const first = (await setUpOrganisation(t.core)) as Organisation;
    const second = await add(t, 'Riverside Care Services', '07654321');
    expect(second.name).toBe('Riverside Care Services');
    const { organisations: list } = await organisations(t);
    expect(list.map((o) => [o.name, o.current])).toEqual([
      ['Riverside Care Mutual', true],
      ['Riverside Care Services', false],
    ]);
    expect(expectOk(await t.core.dispatch('organisation.get', {}))).toMatchObject({ id: first.id });
    expect(t.core.raw.prepare('select count(*) from governing_rules where organisation_id = ?').pluck().get(second.id)).toBe(1);
    const event = t.core.raw.prepare("select action, entity_id from audit_event order by seq desc limit 1").get();
    expect(event).toEqual({ action: 'organisation.set_up', entity_id: second.id });
    const again = await t.core.dispatch('organisation.setUp', validSetUpInput({ particulars: { name: 'Third', registrationNumber: '01111111' } }));
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('validates as set-up does, and refuses the same registration number twice', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const bad = await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { registrationNumber: 'not a number' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const twice = await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name: 'Copy', registrationNumber: '1234567' } }));
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'particulars.registrationNumber': expect.stringMatching(/already keeps Riverside Care Mutual/) } } });
    expect(t.core.raw.prepare('select count(*) from organisation').pluck().get()).toBe(1);
  });
});

describe('group.switch', () => {
  it('makes another organisation current for every context, remembered in the file across a restart', async () => {
    const t = await core();
    const first = (await setUpOrganisation(t.core)) as Organisation;
    const second = await add(t, 'Riverside Care Services', '07654321');
    expect(expectOk(await t.core.dispatch('group.switch', { organisationId: second.id }))).toMatchObject({ id: second.id });
    expect(expectOk(await t.core.dispatch('organisation.get', {}))).toMatchObject({ id: second.id });
    expect(expectOk(await t.core.dispatch('app.status', {}))).toMatchObject({ organisationName: 'Riverside Care Services', organisationId: second.id });
    // The choice is written in the file, not audited, and survives closing and reopening it.
    const events = t.core.raw.prepare('select count(*) from audit_event').pluck().get();
    expect(t.core.raw.prepare("select value from app_meta where key = 'current_organisation'").pluck().get()).toBe(second.id);
    await t.core.close();
    const again = await openTestCore({ dbPath: t.dbPath });
    cleanups.push(() => again.cleanup());
    expect(expectOk(await again.core.dispatch('organisation.get', {}))).toMatchObject({ id: second.id });
    expect(again.core.raw.prepare('select count(*) from audit_event').pluck().get()).toBe(events);
    expectOk(await again.core.dispatch('group.switch', { organisationId: first.id }));
    expect(expectOk(await again.core.dispatch('organisation.get', {}))).toMatchObject({ id: first.id });
  });

  it('refuses an organisation not in the file, and switching while a job is running, saying which', async () => {
    const t = await core();
    await setUpOrganisation(t.core);
    const second = await add(t, 'Riverside Care Services', '07654321');
    expect(await t.core.dispatch('group.switch', { organisationId: '0190f000-0000-7000-8000-0000000000ff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    let finish!: () => void;
    t.core.jobs.start({ kind: 'hrImport.apply', label: 'The HR import', exclusive: true }, () => new Promise<void>((r) => (finish = r)));
    const refused = await t.core.dispatch('group.switch', { organisationId: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(!refused.ok && refused.error.message).toBe('The HR import is still running for Riverside Care Mutual; switch to Riverside Care Services when it finishes.');
    await new Promise((r) => setTimeout(r, 5));
    finish();
    await t.core.jobs.idle();
    expect(await t.core.dispatch('group.switch', { organisationId: second.id })).toMatchObject({ ok: true });
  });
});

describe('group.switch while the voting station is open', () => {
  it('is refused, naming the station, and allowed once it is stopped', async () => {
    const t = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z'), station: { pageDir: tempDir('mg-station-page-'), watchEveryMs: 100 } });
    cleanups.push(() => t.cleanup());
    await setUpOrganisation(t.core);
    const second = await add(t, 'Riverside Care Services', '07654321');
    const cls = await makeClass(t.core, 'Member', null);
    for (const name of ['Ann', 'Ben']) await admit(t.core, cls, person(name, 'Jones'), { admittedOn: '2020-01-06' });
    const wr = expectOk(await t.core.dispatch('writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That the company adopt the new rota policy.', circulatedOn: '2026-11-20' })) as { id: string };
    expectOk(await t.core.dispatch('station.start', { writtenResolutionId: wr.id, address: '127.0.0.1', port: 0 }));
    const refused = await t.core.dispatch('group.switch', { organisationId: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'The voting station is open for Riverside Care Mutual, serving the written resolution “That the company adopt the new rota policy.”; stop it on the resolution’s page before switching to Riverside Care Services.' } });
    expect(expectOk(await t.core.dispatch('organisation.get', {}))).toMatchObject({ name: 'Riverside Care Mutual' });
    expectOk(await t.core.dispatch('station.stop', {}));
    expect(await t.core.dispatch('group.switch', { organisationId: second.id })).toMatchObject({ ok: true });
  });
});

describe('group.setRelation and group.endRelation', () => {
  it('records a subsidiary with its holding and a sister, one row per pair, each with an audit event verify vouches for', async () => {
    const t = await core();
    const parent = (await setUpOrganisation(t.core)) as Organisation;
    const sub = await add(t, 'Riverside Care Services', '07654321');
    const sister = await add(t, 'Valley Health Mutual', '07000001');
    const rel = expectOk(await t.core.dispatch('group.setRelation', { organisationId: parent.id, relatedOrganisationId: sub.id, kind: 'subsidiary', holding: full, sinceOn: '2020-04-01' })) as Relation;
    expect(rel).toMatchObject({ kind: 'subsidiary', organisationName: 'Riverside Care Mutual', relatedOrganisationName: 'Riverside Care Services', holding: { basis: 'shares', sharesHeld: 100, sharesPct: 100, votesPct: 100, membershipClass: null }, endedOn: null });
    expectOk(await t.core.dispatch('group.setRelation', { organisationId: sister.id, relatedOrganisationId: parent.id, kind: 'sister', sinceOn: '2021-01-01' }));
    // The same pair the other way round changes the one row.
    const changed = expectOk(
      await t.core.dispatch('group.setRelation', {
        organisationId: parent.id,
        relatedOrganisationId: sister.id,
        kind: 'subsidiary',
        holding: { basis: 'membership', words: 'Member of the society holding the only A share', membershipClass: 'Class A', votesPct: 51 },
        sinceOn: '2022-01-01',
      }),
    ) as Relation;
    expect(changed).toMatchObject({ organisationId: parent.id, relatedOrganisationId: sister.id, holding: { basis: 'membership', membershipClass: 'Class A', votesPct: 51, sharesHeld: null } });
    // Shares given with a holding by membership: the message names the form's own choice.
    const mixed = await t.core.dispatch('group.setRelation', {
      organisationId: parent.id,
      relatedOrganisationId: sister.id,
      kind: 'subsidiary',
      holding: { basis: 'membership', words: 'Member', membershipClass: 'Class A', sharesHeld: 5 },
      sinceOn: '2022-01-01',
    });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'holding.sharesHeld': expect.stringContaining('choose “It holds shares”') } } });
    expect(t.core.raw.prepare('select count(*) from organisation_relation').pluck().get()).toBe(2);
    const { organisations: list } = await organisations(t);
    expect(list.find((o) => o.id === parent.id)!.relations).toHaveLength(2);
    expect(list.find((o) => o.id === sub.id)!.relations.map((r) => r.id)).toEqual([rel.id]);

    const ended = expectOk(await t.core.dispatch('group.endRelation', { id: rel.id, endedOn: '2025-03-31' })) as Relation;
    expect(ended.endedOn).toBe('2025-03-31');
    expect(await t.core.dispatch('group.endRelation', { id: rel.id, endedOn: '2025-04-30' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const actions = t.core.raw.prepare("select action from audit_event where entity_type = 'organisation_relation' order by seq").pluck().all();
    expect(actions).toEqual(['group.relation_set', 'group.relation_set', 'group.relation_set', 'group.relation_ended']);

    // Verify checks each relation against the state its last event vouched for: a hand edit is found.
    const verify = async () => {
      const { jobId } = expectOk(await t.core.dispatch('audit.verify', {})) as { jobId: string };
      await t.core.jobs.idle();
      return t.core.jobs.get(jobId).result as { ok: boolean; problems?: unknown };
    };
    expect((await verify()).ok).toBe(true);
    t.core.raw.prepare('update organisation_relation set votes_bp = 10000 where id = ?').run(changed.id);
    expect((await verify()).ok).toBe(false);
  });

  it('refuses a self-relation, a subsidiary without a holding, a sister with one, a date before incorporation and a cycle', async () => {
    const t = await core();
    const a = (await setUpOrganisation(t.core)) as Organisation;
    const b = await add(t, 'B Services', '07654321');
    const c = await add(t, 'C Services', '07000001');
    const set = (input: object) => t.core.dispatch('group.setRelation', input);
    expect(await set({ organisationId: a.id, relatedOrganisationId: a.id, kind: 'sister', sinceOn: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { relatedOrganisationId: expect.stringMatching(/itself/) } } });
    expect(await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'subsidiary', sinceOn: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'sister', holding: full, sinceOn: '2020-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const early = await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'subsidiary', holding: full, sinceOn: '2010-01-01' });
    expect(early).toMatchObject({ ok: false, error: { fieldErrors: { sinceOn: expect.stringMatching(/CA 2006 s16\(2\)/) } } });
    expectOk(await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'subsidiary', holding: full, sinceOn: '2020-01-01' }));
    expectOk(await set({ organisationId: b.id, relatedOrganisationId: c.id, kind: 'subsidiary', holding: full, sinceOn: '2020-01-01' }));
    const cycle = await set({ organisationId: c.id, relatedOrganisationId: a.id, kind: 'subsidiary', holding: full, sinceOn: '2021-01-01' });
    expect(cycle).toMatchObject({ ok: false, error: { fieldErrors: { relatedOrganisationId: 'Riverside Care Mutual cannot be a subsidiary of C Services: C Services is already held by it (Riverside Care Mutual holds B Services holds C Services), and a group cannot hold itself.' } } });
    // Reversing an existing pair is not a cycle with itself: the row is replaced.
    expectOk(await set({ organisationId: b.id, relatedOrganisationId: a.id, kind: 'subsidiary', holding: full, sinceOn: '2021-01-01' }));
    expect(t.core.raw.prepare('select count(*) from organisation_relation').pluck().get()).toBe(2);
  });
});

describe('groupOf', () => {
  it('gives the organisation, its subsidiaries recursively and its sisters as at a date', async () => {
    const t = await core();
    const a = (await setUpOrganisation(t.core)) as Organisation;
    const b = await add(t, 'B Services', '07654321');
    const c = await add(t, 'C Services', '07000001');
    const s = await add(t, 'Sister Mutual', '07000002');
    const x = await add(t, 'Unrelated Mutual', '07000003');
    const set = (input: object) => t.core.dispatch('group.setRelation', input);
    expectOk(await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'subsidiary', holding: full, sinceOn: '2020-01-01' }));
    const bc = expectOk(await set({ organisationId: b.id, relatedOrganisationId: c.id, kind: 'subsidiary', holding: full, sinceOn: '2021-01-01' })) as Relation;
    expectOk(await set({ organisationId: s.id, relatedOrganisationId: a.id, kind: 'sister', sinceOn: '2020-06-01' }));
    expectOk(await t.core.dispatch('group.endRelation', { id: bc.id, endedOn: '2024-01-01' }));

    const at = async (on: string) => (await groupOf(t.core.db, a.id, on)).members.map((m) => [m.organisation.name, m.role, m.depth]);
    expect(await at('2019-12-31')).toEqual([['Riverside Care Mutual', 'self', 0]]);
    expect(await at('2020-06-01')).toEqual([
      ['Riverside Care Mutual', 'self', 0],
      ['B Services', 'subsidiary', 1],
      ['Sister Mutual', 'sister', 0],
    ]);
    expect(await at('2023-12-31')).toEqual([
      ['Riverside Care Mutual', 'self', 0],
      ['B Services', 'subsidiary', 1],
      ['C Services', 'subsidiary', 2],
      ['Sister Mutual', 'sister', 0],
    ]);
    // Ended the day before: gone on the day it ended.
    expect((await at('2024-01-01')).map((m) => m[0])).not.toContain('C Services');
    const g = await groupOf(t.core.db, a.id, '2023-12-31');
    expect(g.members.find((m) => m.organisation.id === c.id)!.parentId).toBe(b.id);
    expect(g.relations).toHaveLength(3);
    expect(g.members.map((m) => m.organisation.id)).not.toContain(x.id);
    expect((await groupOf(t.core.db, '0190f000-0000-7000-8000-0000000000ff', '2023-12-31')).members).toEqual([]);
  });

  it('reads the relations as they stood at the end of the day: one recorded again later keeps its earlier dates and terms for earlier days', async () => {
    const t = await core();
    const a = (await setUpOrganisation(t.core)) as Organisation;
    const b = await add(t, 'B Services', '07654321');
    const set = (input: object) => t.core.dispatch('group.setRelation', input);
    const ab = expectOk(await set({ organisationId: a.id, relatedOrganisationId: b.id, kind: 'subsidiary', holding: full, sinceOn: '2020-01-01' })) as Relation;
    expectOk(await t.core.dispatch('group.endRelation', { id: ab.id, endedOn: '2024-01-01' }));
    // Recorded again (today, 1 June 2026) from 1 May 2026 as a sister: the row is rewritten and its end cleared.
    expectOk(await set({ organisationId: b.id, relatedOrganisationId: a.id, kind: 'sister', sinceOn: '2026-05-01' }));
    const at = async (on: string) => (await groupOf(t.core.db, a.id, on)).members.map((m) => [m.organisation.name, m.role]);
    // On 31 December 2023 the relation, as it then stood, made B a subsidiary; on 1 January 2024 it had ended.
    expect(await at('2023-12-31')).toEqual([['Riverside Care Mutual', 'self'], ['B Services', 'subsidiary']]);
    expect((await groupOf(t.core.db, a.id, '2023-12-31')).relations.map((r) => [r.organisation_id, r.kind, r.since_on, r.ended_on, r.holding_words])).toEqual([
      [a.id, 'subsidiary', '2020-01-01', '2024-01-01', full.words],
    ]);
    expect(await at('2024-01-01')).toEqual([['Riverside Care Mutual', 'self']]);
    // On today's date the new record stands.
    expect(await at('2026-06-01')).toEqual([['Riverside Care Mutual', 'self'], ['B Services', 'sister']]);
  });
});
