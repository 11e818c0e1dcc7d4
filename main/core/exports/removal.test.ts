import type { SubjectAccessRecord } from '../../../shared/contract/members';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { admit, createClass } from './seed.test-helpers';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

interface Removable {
  today: string;
  ceasedOnOrBefore: string;
  source: string;
  rows: { id: string; memberNumber: number; ceasedOn: string; removableFrom: string }[];
}

describe('removing long-former members (CA 2006 s121)', () => {
  it('removes entries ceased more than 10 years ago, erases their personal data from the log, and the chain still verifies', async () => {
    const clock = { now: new Date('2014-06-30T12:00:00Z') };
    t = await openTestCore({ now: () => clock.now });
    const core = t.core;
    await setUpOrganisation(core, { particulars: { incorporatedOn: '2005-01-01' } });
    const cls = await createClass(core, { shares: false });
    const old = await admit(core, cls, { givenNames: 'Olive', familyName: 'Oldham', email: 'olive@example.org', admittedOn: '2010-03-01' }, false);
    const recent = await admit(core, cls, { givenNames: 'Rita', familyName: 'Recent', admittedOn: '2011-03-01' }, false);
    const stays = await admit(core, cls, { givenNames: 'Sam', familyName: 'Stays', admittedOn: '2012-03-01' }, false);
    expectOk(await core.dispatch('members.update', { id: old.id, classId: cls.id, particulars: { givenNames: 'Olive', familyName: 'Oldham-Smith', address: { line1: '3 Mill Lane', town: 'Leeds', postcode: 'LS2 7AB' }, email: 'olive@example.org', employee: null, loansAndDepositsPence: null } }));
    expectOk(await core.dispatch('members.cease', { memberId: old.id, ceasedOn: '2014-06-30', reason: 'resigned' }));
    clock.now = new Date('2017-01-10T12:00:00Z');
    expectOk(await core.dispatch('members.cease', { memberId: recent.id, ceasedOn: '2017-01-10', reason: 'resigned' }));

    // Ten years on from Olive's cessation, but not from Rita's.
    clock.now = new Date('2024-07-01T09:00:00Z');
    const removable = expectOk(await core.dispatch('members.removable', {})) as Removable;
    // On 1 July 2024, entries of members who ceased on or before 30 June 2014 may go: ten years
    // from 30 June 2014 expired at the end of 30 June 2024 (s121, "after the expiration").
    expect(removable.ceasedOnOrBefore).toBe('2014-06-30');
    expect(removable.source).toContain('CA 2006 s121');
    expect(removable.rows.map((r) => r.memberNumber)).toEqual([old.memberNumber]);
    expect(removable.rows[0]!.removableFrom).toBe('2024-07-01');

    const tooEarly = await core.dispatch('members.remove', { ids: [recent.id], confirm: true });
    expect(tooEarly.ok ? 'ok' : tooEarly.error.code).toBe('FORBIDDEN');
    expect(tooEarly.ok ? '' : tooEarly.error.message).toContain('not before 11 January 2027');
    const current = await core.dispatch('members.remove', { ids: [stays.id], confirm: true });
    expect(current.ok ? '' : current.error.message).toContain('current member');

    expect(expectOk(await core.dispatch('members.remove', { ids: [old.id], confirm: true }))).toEqual({ removed: 1 });

    const gone = await core.dispatch('members.get', { id: old.id });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('NOT_FOUND');
    expect(expectOk(await core.dispatch('members.count', { status: 'all' }))).toEqual({ count: 2, atLeast: false });

    // The events about Olive keep their place in the chain; their personal data is gone.
    const payloads = core.raw
      .prepare("select e.action, p.body, p.redacted_by from audit_event e join audit_payload p on p.event_id = e.id where e.entity_type = 'member' and e.entity_id = ? order by e.seq")
      .all(old.id) as { action: string; body: string | null; redacted_by: string | null }[];
    expect(payloads.map((p) => p.action)).toEqual(['member.admitted', 'member.updated', 'member.ceased']);
    expect(payloads.every((p) => p.body === null && p.redacted_by !== null)).toBe(true);
    const dump = JSON.stringify(core.raw.prepare('select e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id').all());
    expect(dump).not.toMatch(/Olive|Oldham|olive@example/);
    // Other members' history is untouched.
    const ritaBody = core.raw.prepare("select p.body from audit_event e join audit_payload p on p.event_id = e.id where e.entity_id = ? and e.action = 'member.admitted'").pluck().get(recent.id);
    expect(String(ritaBody)).toContain('Recent');

    const removal = core.raw.prepare("select e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'register.entries_removed'").get() as { summary: string; body: string };
    expect(removal.summary).toBe('1 former member entry removed under CA 2006 s121 (ceased on or before 30 June 2014)');
    expect(JSON.parse(removal.body).after).toEqual({ memberNumbers: [old.memberNumber] });

    const report = await verifyAuditChain(core.raw);
    expect(report).toMatchObject({ ok: true });
    const job = await runJob(core, 'audit.verify', {});
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ ok: true });

    // A removal alters the register, so it moves the "last amended" date.
    const page = expectOk(await core.dispatch('exports.registerPage', { view: 'inspection', status: 'all' })) as { lastAmended: string };
    expect(page.lastAmended).toBe('2024-07-01');
  });

  it('refuses without confirmation', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    const r = await t.core.dispatch('members.remove', { ids: ['0190a0a0-0000-7000-8000-000000000000'], confirm: false });
    expect(r.ok ? null : r.error.fieldErrors).toEqual({ confirm: 'Confirm the removal.' });
  });
});

describe('subject access', () => {
  it('returns everything held about the person, across their entries, and records the disclosure', async () => {
    const clock = { now: new Date('2020-01-10T12:00:00Z') };
    t = await openTestCore({ now: () => clock.now });
    const core = t.core;
    await setUpOrganisation(core);
    const cls = await createClass(core, { shares: false, employee: true });
    const first = await admit(core, cls, { givenNames: 'Priya', familyName: 'Shah', email: 'priya@example.org', dateOfBirth: '1985-04-04', employeeNumber: 'E77', admittedOn: '2019-01-01' }, false);
    expectOk(await core.dispatch('members.cease', { memberId: first.id, ceasedOn: '2020-01-10', reason: 'left_employment' }));
    clock.now = new Date('2023-02-01T12:00:00Z');
    // Re-admitted later: a new entry of the same person.
    const second = await admit(core, cls, { givenNames: 'Priya', familyName: 'Shah', employeeNumber: 'E78', admittedOn: '2023-02-01', previousEntryId: first.id }, false);
    const sar = expectOk(await core.dispatch('members.subjectAccess', { id: first.id })) as SubjectAccessRecord;
    expect(sar.lawfulBasis).toContain('CA 2006 s113');
    // Only what the register must hold rests on legal obligation; date of birth, employment
    // details and (for a company) the e-mail address rest on another basis (UK GDPR Art 6).
    const basisOf = (words: string) => sar.lawfulBases.find((b) => b.data.includes(words))!.basis;
    expect(basisOf('Name, address')).toMatch(/Legal obligation \(UK GDPR Art 6\(1\)\(c\)\).*CA 2006 s113/);
    expect(basisOf('Date of birth')).toMatch(/membership contract \(UK GDPR Art 6\(1\)\(b\)\)/);
    expect(basisOf('E-mail')).toMatch(/Legitimate interests/);
    expect(sar.entries.map((e) => e.entry.memberNumber)).toEqual([first.memberNumber, second.memberNumber]);
    expect(sar.entries[0]!.entry.particulars).toMatchObject({ email: 'priya@example.org', dateOfBirth: '1985-04-04' });
    expect(sar.entries[0]!.history.map((h) => h.action)).toEqual(['member.ceased', 'member.admitted']);
    const logged = core.raw.prepare("select summary from audit_event where action = 'member.subject_access'").pluck().all();
    expect(logged).toEqual([`Subject access export for member ${first.memberNumber}`]);
  });
});
