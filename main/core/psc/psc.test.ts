import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDetail } from '../../../shared/contract/audit';
import type { Psc } from '../../../shared/contract/psc';
import type { Result } from '../../../shared/result';
import { uuidv7 } from '../db/ids';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

const NOW = '2026-05-15T10:00:00Z';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(overrides: Parameters<typeof setUpOrganisation>[1] = {}): Promise<TestCore> {
  const t = await openTestCore({ now: () => new Date(NOW) });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, overrides);
  return t;
}

type Register = { applicable: boolean; reason: string | null; statementsAvailable: { statement: string; available: boolean; reason: string | null }[]; people: Psc[]; statements: { id: string; statement: string; text: string; madeOn: string; withdrawnOn: string | null }[]; warnings: string[] };

async function register(t: TestCore): Promise<Register> {
  return expectOk(await t.core.dispatch('psc.register', {})) as Register;
}

function count(t: TestCore, table: string): number {
  return Number(t.core.raw.prepare(`select count(*) from ${table}`).pluck().get());
}

/** The last event about the PSC record itself: each change is followed by its Companies House filing duty's event. */
async function lastEvent(t: TestCore): Promise<AuditEventDetail> {
  const seq = Number(t.core.raw.prepare("select max(seq) from audit_event where action not like 'filing.%'").pluck().get());
  return expectOk(await t.core.dispatch('audit.get', { seq })) as AuditEventDetail;
}

async function refusedWithoutChange(t: TestCore, method: string, input: unknown, code: string, field?: string): Promise<string> {
  const tables = ['psc', 'psc_statement', 'filing_duty', 'audit_event'];
  const before = tables.map((n) => count(t, n));
  const result: Result<unknown> = await t.core.dispatch(method, input);
  expect(result.ok).toBe(false);
  expect(tables.map((n) => count(t, n))).toEqual(before);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (!field) return result.error.message;
  expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
  return result.error.fieldErrors![field]!;
}

const person = (overrides: Record<string, unknown> = {}) => ({
  kind: 'individual',
  name: 'Margaret Hale',
  serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
  dateOfBirth: '1961-03-14',
  nationality: 'British',
  countryOfResidence: 'England',
  natures: ['votes_25_to_50', 'appoint_remove_directors'],
  becameRegistrableOn: '2019-07-01',
  ...overrides,
});

const entity = (overrides: Record<string, unknown> = {}) => ({
  kind: 'legal_entity',
  name: 'Riverside Employee Ownership Trustee Ltd',
  serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
  legalForm: 'Private company limited by shares',
  governingLaw: 'England and Wales',
  registrationNumber: '11223344',
  natures: ['shares_75_to_100', 'votes_75_to_100'],
  becameRegistrableOn: '2020-01-01',
  ...overrides,
});

describe('psc.register for a company', () => {
  it('warns, citing s790LA, while there is neither a PSC nor a statement', async () => {
    const t = await open();
    const r = await register(t);
    expect(r).toMatchObject({ applicable: true, reason: null, people: [], statements: [] });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^The PSC record has no person with significant control and no statement: Companies House must be told .* \(CA 2006 s790LA\)/);
    expect(r.statementsAvailable.every((a) => a.available)).toBe(true);
  });

  it('records the statement that there is no registrable person, with its audit event, and the warning goes', async () => {
    const t = await open();
    const statement = expectOk(await t.core.dispatch('psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-05-15' })) as { id: string; text: string };
    expect(statement.text).toMatch(/^The company knows or has reasonable cause to believe that there is no registrable person/);
    expect(await lastEvent(t)).toMatchObject({
      action: 'psc.statement_added',
      entityType: 'psc_statement',
      entityId: statement.id,
      summary: 'Statement that no registrable person, made 15 May 2026',
    });
    const r = await register(t);
    expect(r.warnings).toEqual([]);
    expect(r.statements).toEqual([expect.objectContaining({ statement: 'no_registrable_person', madeOn: '2026-05-15', withdrawnOn: null })]);
    expect(await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-05-15' }, 'CONFLICT')).toBe(
      'The PSC record already carries the statement that there is no registrable person (made 15 May 2026).',
    );
  });

  it('refuses a PSC while the record says there is none; after the statement is withdrawn the PSC goes in', async () => {
    const t = await open();
    const statement = expectOk(await t.core.dispatch('psc.addStatement', { statement: 'no_registrable_person', madeOn: '2018-01-01' })) as { id: string };
    expect(await refusedWithoutChange(t, 'psc.add', person(), 'CONFLICT')).toMatch(/Withdraw it from 1 July 2019 before entering a person with significant control/);
    expect(await refusedWithoutChange(t, 'psc.withdrawStatement', { id: statement.id, withdrawnOn: '2017-12-31' }, 'VALIDATION', 'withdrawnOn')).toMatch(
      /cannot be withdrawn before it was made \(1 January 2018\)/,
    );
    expectOk(await t.core.dispatch('psc.withdrawStatement', { id: statement.id, withdrawnOn: '2019-07-01' }));
    expect(await lastEvent(t)).toMatchObject({ action: 'psc.statement_withdrawn', summary: 'Statement that no registrable person withdrawn on 1 July 2019' });
    await refusedWithoutChange(t, 'psc.withdrawStatement', { id: statement.id, withdrawnOn: '2019-07-02' }, 'CONFLICT');

    const added = expectOk(await t.core.dispatch('psc.add', person())) as Psc;
    expect(added).toMatchObject({ kind: 'individual', name: 'Margaret Hale', natures: ['votes_25_to_50', 'appoint_remove_directors'], legalForm: null, ceasedOn: null });
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'psc.added', entityId: added.id, summary: 'Individual registrable from 1 July 2019 (2 natures of control)' });
    expect(event.summary).not.toContain('Hale');
    expect(event.payload?.after).toMatchObject({ name: 'Margaret Hale', dateOfBirth: '1961-03-14' });
    expect((await register(t)).warnings).toEqual([]);
    expect(await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-05-01' }, 'CONFLICT')).toMatch(/names a person with significant control/);
  });

  it('ceases a PSC, and the warning returns when nobody and no statement is left', async () => {
    const t = await open();
    const added = expectOk(await t.core.dispatch('psc.add', person())) as Psc;
    expect(await refusedWithoutChange(t, 'psc.cease', { id: added.id, ceasedOn: '2019-06-30' }, 'VALIDATION', 'ceasedOn')).toMatch(/before they became registrable \(1 July 2019\)/);
    await refusedWithoutChange(t, 'psc.cease', { id: added.id, ceasedOn: '2026-05-16' }, 'VALIDATION', 'ceasedOn');
    const ceased = expectOk(await t.core.dispatch('psc.cease', { id: added.id, ceasedOn: '2026-03-31' })) as Psc;
    expect(ceased.ceasedOn).toBe('2026-03-31');
    expect(await lastEvent(t)).toMatchObject({ action: 'psc.ceased', entityId: added.id, payload: { before: { ceasedOn: null }, after: { ceasedOn: '2026-03-31' } } });
    await refusedWithoutChange(t, 'psc.cease', { id: added.id, ceasedOn: '2026-04-01' }, 'CONFLICT');
    await refusedWithoutChange(t, 'psc.cease', { id: uuidv7(), ceasedOn: '2026-04-01' }, 'NOT_FOUND');
    expect((await register(t)).warnings[0]).toMatch(/no person with significant control and no statement/);
  });

  it('enters a legal entity with its legal form and governing law, and sorts natures into the record’s order', async () => {
    const t = await open({ particulars: { legalForm: 'eot_company' } });
    const added = expectOk(await t.core.dispatch('psc.add', entity({ natures: ['votes_75_to_100', 'shares_75_to_100'] }))) as Psc;
    expect(added).toMatchObject({ kind: 'legal_entity', dateOfBirth: null, nationality: null, governingLaw: 'England and Wales', natures: ['shares_75_to_100', 'votes_75_to_100'] });
  });

  it('refuses an individual without nationality or country of residence, and an entity without legal form or governing law (s790K)', async () => {
    const t = await open();
    await refusedWithoutChange(t, 'psc.add', person({ nationality: '' }), 'VALIDATION', 'nationality');
    await refusedWithoutChange(t, 'psc.add', person({ countryOfResidence: undefined }), 'VALIDATION', 'countryOfResidence');
    await refusedWithoutChange(t, 'psc.add', person({ dateOfBirth: undefined }), 'VALIDATION', 'dateOfBirth');
    await refusedWithoutChange(t, 'psc.add', entity({ natures: ['votes_75_to_100'], governingLaw: undefined }), 'VALIDATION', 'governingLaw');
    await refusedWithoutChange(t, 'psc.add', entity({ natures: ['votes_75_to_100'], legalForm: '' }), 'VALIDATION', 'legalForm');
    await refusedWithoutChange(t, 'psc.add', entity({ natures: ['votes_75_to_100'], dateOfBirth: '1990-01-01' }), 'VALIDATION', 'dateOfBirth');
  });

  it('refuses share bands for a company without shares, two bands of one kind, and no nature at all', async () => {
    const t = await open();
    expect(await refusedWithoutChange(t, 'psc.add', person({ natures: ['shares_25_to_50'] }), 'VALIDATION', 'natures')).toMatch(/has no shares/);
    await refusedWithoutChange(t, 'psc.add', person({ natures: ['votes_25_to_50', 'votes_75_to_100'] }), 'VALIDATION', 'natures');
    await refusedWithoutChange(t, 'psc.add', person({ natures: [] }), 'VALIDATION', 'natures');
  });

  it('refuses dates before the PSC regime, before incorporation or in the future', async () => {
    const t = await open();
    expect(await refusedWithoutChange(t, 'psc.add', person({ becameRegistrableOn: '2016-04-05' }), 'VALIDATION', 'becameRegistrableOn')).toMatch(
      /began on 6 April 2016: for control held before then, enter 6 April 2016/,
    );
    await refusedWithoutChange(t, 'psc.add', person({ becameRegistrableOn: '2026-05-16' }), 'VALIDATION', 'becameRegistrableOn');
    await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2016-04-05' }, 'VALIDATION', 'madeOn');
    await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-05-16' }, 'VALIDATION', 'madeOn');

    const late = await open({ particulars: { incorporatedOn: '2021-09-01' } });
    expect(await refusedWithoutChange(late, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2021-08-31' }, 'VALIDATION', 'madeOn')).toMatch(
      /incorporated on 1 September 2021/,
    );
    await refusedWithoutChange(late, 'psc.add', person({ becameRegistrableOn: '2021-08-31' }), 'VALIDATION', 'becameRegistrableOn');
  });
});

describe('a company owned through an employee ownership trust', () => {
  const eot = () => open({ particulars: { legalForm: 'eot_company' } });

  it('cannot state that there is no registrable person: the message says why (the trustee holds a controlling interest)', async () => {
    const t = await eot();
    const message = await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-05-15' }, 'CONFLICT');
    expect(message).toMatch(/^A company owned through an employee ownership trust always has a registrable person or relevant legal entity: the trust holds a controlling interest .* TCGA 1992 s236M/);
    expect(message).toMatch(/relevant legal entity \(CA 2006 s790C\)/);
    const r = await register(t);
    expect(r.statementsAvailable.find((a) => a.statement === 'no_registrable_person')).toMatchObject({ available: false, reason: expect.stringMatching(/employee ownership trust/) });
    expect(r.warnings[0]).toMatch(/employee ownership trust/);
    // The other statements stay open to it while it finds the trustee's particulars.
    expectOk(await t.core.dispatch('psc.addStatement', { statement: 'steps_not_completed', madeOn: '2026-05-15' }));
  });

  it('enters the trustee company as a relevant legal entity in one step, holding through the trust', async () => {
    const t = await eot();
    const trustee = expectOk(await t.core.dispatch('psc.add', entity({ natures: ['shares_50_to_75_as_trust', 'votes_50_to_75_as_trust', 'shares_50_to_75'] }))) as Psc;
    expect(trustee.natures).toEqual(['shares_50_to_75', 'shares_50_to_75_as_trust', 'votes_50_to_75_as_trust']);
    const r = await register(t);
    expect(r.warnings).toEqual([]);
    expect(r.people.map((p) => p.name)).toEqual(['Riverside Employee Ownership Trustee Ltd']);
  });
});

describe('natures of control through a trust or a firm', () => {
  it('accepts the trust and firm natures, and refuses two bands of one kind in one capacity, with the rule’s words', async () => {
    const t = await open();
    const added = expectOk(await t.core.dispatch('psc.add', person({ natures: ['votes_25_to_50_as_firm', 'significant_influence_as_trust'] }))) as Psc;
    expect(added.natures).toEqual(['significant_influence_as_trust', 'votes_25_to_50_as_firm']);
    expect(await refusedWithoutChange(t, 'psc.add', person({ natures: ['votes_25_to_50_as_trust', 'votes_75_to_100_as_trust'] }), 'VALIDATION', 'natures')).toBe(
      'Choose only one band for voting rights held through a trust.',
    );
    expect(await refusedWithoutChange(t, 'psc.add', person({ natures: ['shares_25_to_50_as_trust'] }), 'VALIDATION', 'natures')).toMatch(/has no shares/);
  });
});

describe('psc for a society', () => {
  it('reads as not applicable, citing Part 21A, and refuses every change with FORBIDDEN', async () => {
    const t = await open({ particulars: { legalForm: 'community_benefit_society', registrationNumber: '31247R' } });
    const r = await register(t);
    expect(r).toMatchObject({ applicable: false, people: [], statements: [], warnings: [] });
    expect(r.reason).toMatch(/CA 2006 Part 21A applies to companies/);
    const messages = [
      await refusedWithoutChange(t, 'psc.add', person({ natures: ['votes_25_to_50'] }), 'FORBIDDEN'),
      await refusedWithoutChange(t, 'psc.cease', { id: uuidv7(), ceasedOn: '2026-01-01' }, 'FORBIDDEN'),
      await refusedWithoutChange(t, 'psc.addStatement', { statement: 'no_registrable_person', madeOn: '2026-01-01' }, 'FORBIDDEN'),
      await refusedWithoutChange(t, 'psc.withdrawStatement', { id: uuidv7(), withdrawnOn: '2026-01-01' }, 'FORBIDDEN'),
    ];
    for (const m of messages) expect(m).toMatch(/Part 21A/);
  });
});
