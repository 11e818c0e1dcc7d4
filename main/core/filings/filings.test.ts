import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDetail, VerifyReport } from '../../../shared/contract/audit';
import type { FilingDuty } from '../../../shared/contract/filings';
import type { Officer } from '../../../shared/contract/officers';
import type { Psc } from '../../../shared/contract/psc';
import type { Result } from '../../../shared/result';
import { ukDateOf } from '../../../shared/rules/legal-date';
import { uuidv7 } from '../db/ids';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';

// 1 December 2026 in the UK; the organisation was incorporated on 1 April 2015.
const NOW = '2026-12-01T10:00:00Z';
const TODAY = '2026-12-01';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(overrides: Parameters<typeof setUpOrganisation>[1] = {}, now = NOW): Promise<TestCore> {
  const t = await openTestCore({ now: () => new Date(now) });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, overrides);
  return t;
}

const society = () => open({ particulars: { legalForm: 'cooperative_society', registrationNumber: '31247R' } });

const RESIDENTIAL = { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' };
const SERVICE = { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };

function addInput(o: { given?: string; role?: string; kind?: string | undefined; appointedOn?: string } = {}) {
  const role = o.role ?? 'director';
  return {
    particulars: { givenNames: o.given ?? 'Priya', familyName: 'Shah', serviceAddress: SERVICE, dateOfBirth: '1984-09-02', nationality: 'British', occupation: 'Community nurse', countryOfResidence: 'England' },
    residentialAddress: RESIDENTIAL,
    appointment: { role, ...(role === 'director' ? { directorKind: o.kind ?? 'employee' } : {}), appointedOn: o.appointedOn ?? TODAY },
  };
}

async function add(t: TestCore, o: Parameters<typeof addInput>[0] = {}): Promise<Officer> {
  return expectOk(await t.core.dispatch('officers.add', addInput(o))) as Officer;
}

type List = { applicable: boolean; reason: string | null; trackedSince: string | null; duties: FilingDuty[] };
async function list(t: TestCore, status: 'open' | 'done' | 'all' = 'open'): Promise<List> {
  return expectOk(await t.core.dispatch('filings.list', { status })) as List;
}

function count(t: TestCore, table: string): number {
  return Number(t.core.raw.prepare(`select count(*) from ${table}`).pluck().get());
}

async function events(t: TestCore, n: number): Promise<AuditEventDetail[]> {
  const last = count(t, 'audit_event');
  const out: AuditEventDetail[] = [];
  for (let seq = last - n + 1; seq <= last; seq++) out.push(expectOk(await t.core.dispatch('audit.get', { seq })) as AuditEventDetail);
  return out;
}

function refused(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
  return field ? result.error.fieldErrors![field]! : result.error.message;
}

describe('duties created by changes to the board', () => {
  it('a company director’s appointment creates an AP01 due within 14 days beginning with the day of appointment, audited in the same mutation', async () => {
    const t = await open();
    const officer = await add(t);
    const { duties, applicable, trackedSince } = await list(t);
    expect(applicable).toBe(true);
    // Tracked from the day migration 0005 ran on this file (by the computer's clock, not the test's).
    const migrated = t.core.raw.prepare("select applied_at from schema_migration where name = '0005_board_filings'").pluck().get() as string;
    expect(trackedSince).toBe(ukDateOf(new Date(migrated)));
    expect(duties).toHaveLength(1);
    expect(duties[0]).toMatchObject({
      form: 'AP01',
      formTitle: 'Appoint a director',
      description: 'Priya Shah appointed director on 1 December 2026',
      subjectType: 'officer',
      subjectId: officer.id,
      eventOn: TODAY,
      dueOn: '2026-12-14',
      overdue: false,
      daysLeft: 13,
      outcome: null,
    });
    expect(duties[0]!.source).toBe('CA 2006 s167G: within 14 days beginning with the day of the change');
    const [added, due] = await events(t, 2);
    expect(added).toMatchObject({ action: 'officer.added', entityId: officer.id });
    expect(due).toMatchObject({ action: 'filing.due', entityType: 'filing_duty', entityId: duties[0]!.id, summary: 'AP01 (appoint a director) due at Companies House by 14 December 2026' });
    expect(due!.summary).not.toContain('Shah');
    expect(due!.at).toBe(added!.at);
  });

  it('needs AP03 for a secretary, nothing for a chair or treasurer, and nothing for an appointment made on incorporation (s167G(4), s279G(4))', async () => {
    const t = await open();
    await add(t, { role: 'secretary', given: 'Tom' });
    await add(t, { role: 'chair', given: 'Ann' });
    await add(t, { role: 'treasurer', given: 'Bea' });
    await add(t, { given: 'Cal', appointedOn: '2015-04-01' });
    expect((await list(t)).duties.map((d) => [d.form, d.description])).toEqual([['AP03', 'Tom Shah appointed secretary on 1 December 2026']]);
  });

  it('a further appointment as director of an existing officer creates its AP01', async () => {
    const t = await open();
    const chair = await add(t, { role: 'chair' });
    expectOk(await t.core.dispatch('officers.appoint', { officerId: chair.id, appointment: { role: 'director', directorKind: 'independent', appointedOn: '2026-11-20' } }));
    expect((await list(t)).duties.map((d) => [d.form, d.dueOn])).toEqual([['AP01', '2026-12-03']]);
  });

  it('ending a director’s appointment needs TM01 and a secretary’s TM02', async () => {
    const t = await open({}, '2026-12-01T10:00:00Z');
    const director = await add(t, { appointedOn: '2015-04-01' });
    const secretary = await add(t, { role: 'secretary', given: 'Tom', appointedOn: '2015-04-01' });
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: director.appointments[0]!.id, ceasedOn: '2026-11-30', reason: 'Resigned' }));
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: secretary.appointments[0]!.id, ceasedOn: TODAY }));
    expect((await list(t)).duties.map((d) => [d.form, d.description, d.dueOn])).toEqual([
      ['TM01', 'Priya Shah ceased to be a director on 30 November 2026', '2026-12-13'],
      ['TM02', 'Tom Shah ceased to be secretary on 1 December 2026', '2026-12-14'],
    ]);
  });

  it('a change in a director’s details needs CH01 naming which details (not their values)', async () => {
    const t = await open();
    const officer = await add(t, { appointedOn: '2015-04-01' });
    const p = addInput().particulars;
    expectOk(await t.core.dispatch('officers.update', { id: officer.id, particulars: { ...p, occupation: 'Ward manager' }, residentialAddress: { ...RESIDENTIAL, line1: '3 Mill Lane' }, changedOn: '2026-11-25' }));
    const [duty] = (await list(t)).duties;
    expect(duty).toMatchObject({ form: 'CH01', eventOn: '2026-11-25', dueOn: '2026-12-08', description: 'Priya Shah’s details as a director changed on 25 November 2026 (occupation, residential address)' });
    expect(JSON.stringify(duty)).not.toContain('Mill Lane');
  });

  it('a change of a secretary’s name needs CH03, dated today when no date is given', async () => {
    const t = await open();
    const officer = await add(t, { role: 'secretary', appointedOn: '2015-04-01' });
    expectOk(await t.core.dispatch('officers.update', { id: officer.id, particulars: { ...addInput().particulars, familyName: 'Okafor' }, residentialAddress: null }));
    expect((await list(t)).duties.map((d) => [d.form, d.description])).toEqual([['CH03', 'Priya Okafor’s details as secretary changed on 1 December 2026 (family name)']]);
  });

  it('a refused change writes no duty either', async () => {
    const t = await open();
    refused(await t.core.dispatch('officers.add', { ...addInput(), residentialAddress: null }), 'VALIDATION');
    refused(await t.core.dispatch('officers.add', addInput({ appointedOn: '2026-12-02' })), 'VALIDATION');
    expect(count(t, 'filing_duty')).toBe(0);
  });

  it('a society’s appointment creates no duty, and its filing list says why, citing CCBS Act 2014 s30', async () => {
    const t = await society();
    await add(t);
    expect(count(t, 'filing_duty')).toBe(0);
    const l = await list(t);
    expect(l).toMatchObject({ applicable: false, trackedSince: null, duties: [] });
    expect(l.reason).toMatch(/CCBS Act 2014 s30\(1\) and \(3\)/);
  });
});

describe('duties created by changes to the PSC record', () => {
  const person = { kind: 'individual', name: 'Grace Hopper', serviceAddress: SERVICE, dateOfBirth: '1970-12-09', nationality: 'British', countryOfResidence: 'England', natures: ['votes_25_to_50'], becameRegistrableOn: '2026-11-10' };

  it('PSC01 from the day the company had confirmation (today unless given), PSC07 when control ends', async () => {
    const t = await open();
    const psc = expectOk(await t.core.dispatch('psc.add', { ...person, confirmedOn: '2026-11-20' })) as Psc;
    expect((await list(t)).duties.map((d) => [d.form, d.description, d.dueOn])).toEqual([['PSC01', 'Grace Hopper confirmed as a person with significant control on 20 November 2026', '2026-12-03']]);
    expectOk(await t.core.dispatch('psc.cease', { id: psc.id, ceasedOn: '2026-11-30' }));
    expect((await list(t)).duties.map((d) => [d.form, d.eventOn])).toEqual([
      ['PSC01', '2026-11-20'],
      ['PSC07', TODAY],
    ]);
  });

  it('PSC02 for a legal entity, PSC08 and PSC09 for statements', async () => {
    const t = await open();
    const st = expectOk(await t.core.dispatch('psc.addStatement', { statement: 'steps_not_completed', madeOn: '2026-11-28' })) as { id: string };
    expectOk(await t.core.dispatch('psc.withdrawStatement', { id: st.id, withdrawnOn: TODAY }));
    expectOk(
      await t.core.dispatch('psc.add', { kind: 'legal_entity', name: 'Riverside Trustees Ltd', serviceAddress: SERVICE, legalForm: 'Private company limited by shares', governingLaw: 'England and Wales', natures: ['votes_50_to_75'], becameRegistrableOn: '2026-11-01' }),
    );
    expect((await list(t)).duties.map((d) => [d.form, d.description])).toEqual([
      ['PSC08', 'Statement made on 28 November 2026: steps to find registrable persons not yet completed'],
      ['PSC09', 'Statement withdrawn on 1 December 2026: steps to find registrable persons not yet completed'],
      ['PSC02', 'Riverside Trustees Ltd confirmed as a person with significant control on 1 December 2026'],
    ]);
  });

  it('refuses a confirmation before the person became registrable, or in the future', async () => {
    const t = await open();
    refused(await t.core.dispatch('psc.add', { ...person, confirmedOn: '2026-11-09' }), 'VALIDATION', 'confirmedOn');
    refused(await t.core.dispatch('psc.add', { ...person, confirmedOn: '2026-12-02' }), 'VALIDATION', 'confirmedOn');
    expect(count(t, 'psc') + count(t, 'filing_duty')).toBe(0);
  });
});

describe('meeting a duty', () => {
  it('marking filed takes it off the open list, keeps it under done with the date and reference, and is audited', async () => {
    const t = await open();
    await add(t);
    const [duty] = (await list(t)).duties;
    const filed = expectOk(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: TODAY, reference: ' 0123-ABC ' })) as FilingDuty;
    expect(filed).toMatchObject({ outcome: 'filed', outcomeOn: TODAY, reference: '0123-ABC', overdue: false });
    expect((await list(t)).duties).toEqual([]);
    expect((await list(t, 'done')).duties.map((d) => d.id)).toEqual([duty!.id]);
    const [event] = await events(t, 1);
    expect(event).toMatchObject({ action: 'filing.filed', entityId: duty!.id, summary: 'AP01 filed at Companies House on 1 December 2026' });
    expect(event!.payload).toEqual({ before: { outcome: null, outcomeOn: null, reference: null }, after: { outcome: 'filed', outcomeOn: TODAY, reference: '0123-ABC' } });
  });

  it('shows a duty past its day as overdue, and says so when it is filed late', async () => {
    const t = await open();
    await add(t, { appointedOn: '2026-11-01' });
    const [duty] = (await list(t)).duties;
    expect(duty).toMatchObject({ dueOn: '2026-11-14', overdue: true, daysLeft: -17 });
    expectOk(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: '2026-11-20' }));
    expect((await events(t, 1))[0]!.summary).toBe('AP01 filed at Companies House on 20 November 2026 (late: it was due by 14 November 2026)');
  });

  it('refuses a filing date before the change or in the future, a second marking, and an unknown duty', async () => {
    const t = await open();
    await add(t, { appointedOn: '2026-11-30' });
    const [duty] = (await list(t)).duties;
    const before = count(t, 'audit_event');
    expect(refused(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: '2026-11-29' }), 'VALIDATION', 'filedOn')).toBe(
      'The AP01 reports a change on 30 November 2026; it cannot have been filed before that.',
    );
    refused(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: '2026-12-02' }), 'VALIDATION', 'filedOn');
    refused(await t.core.dispatch('filings.markFiled', { id: uuidv7(), filedOn: TODAY }), 'NOT_FOUND');
    expect(count(t, 'audit_event')).toBe(before);
    expectOk(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: TODAY }));
    expect(refused(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: TODAY }), 'CONFLICT')).toBe('That AP01 was already recorded as filed on 1 December 2026.');
    refused(await t.core.dispatch('filings.markNotRequired', { id: duty!.id, reason: 'Already done' }), 'CONFLICT');
  });

  it('records a duty as not needed, with the reason, audited', async () => {
    const t = await open();
    await add(t, { appointedOn: '2016-01-01' });
    const [duty] = (await list(t)).duties;
    expect(duty!.dueOn).toBe('2016-01-15');
    refused(await t.core.dispatch('filings.markNotRequired', { id: duty!.id, reason: '  ' }), 'VALIDATION', 'reason');
    const done = expectOk(await t.core.dispatch('filings.markNotRequired', { id: duty!.id, reason: 'Filed in 2016, before the app tracked filings' })) as FilingDuty;
    expect(done).toMatchObject({ outcome: 'not_required', outcomeOn: TODAY, note: 'Filed in 2016, before the app tracked filings' });
    expect((await events(t, 1))[0]).toMatchObject({ action: 'filing.not_required', summary: 'AP01 recorded as not needed on 1 December 2026' });
    expect((await list(t)).duties).toEqual([]);
  });

  it('the audit log vouches for every duty: verify passes after duties are created and met', async () => {
    const t = await open();
    await add(t);
    await add(t, { role: 'secretary', given: 'Tom' });
    const [duty] = (await list(t)).duties;
    expectOk(await t.core.dispatch('filings.markFiled', { id: duty!.id, filedOn: TODAY }));
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
    t.core.raw.prepare("update filing_duty set due_on = '2027-01-31' where id = ?").run(duty!.id);
    const tampered = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(tampered.records.problems).toEqual([expect.stringMatching(/^the AP01 filing due by 2027-01-31 was changed outside the app/)]);
  });
});

describe('identity verification and the AP01', () => {
  it('an AP01 says what to do until the director’s identity is recorded as verified', async () => {
    const t = await open();
    const officer = await add(t);
    expect((await list(t)).duties[0]!.blocker).toBe(
      'Record Priya Shah’s verified identity and personal code first: the notice of a new director must state that their identity is verified (CA 2006 s167G(3)(c)).',
    );
    expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-11-28', personalCode: 'ft515ed7jy5' } }));
    expect((await list(t)).duties[0]!.blocker).toBeNull();
  });
});
