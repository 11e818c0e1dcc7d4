import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Result } from '../../../shared/result';
import { stateHash } from '../audit/state';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { foldName } from './proxy-holders';

/**
 * Proxy holders matched as people (CA 2006 s318(2)-(3)): a member holding appointments from
 * several members is one qualifying person, matched by member id; anyone else by their name
 * folded (case, spaces, punctuation), so a name typed two ways is still one person.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const ok = async (t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as MeetingView;
function refusedField(r: Result<unknown>, field: string): string {
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('VALIDATION');
  expect(Object.keys(r.error.fieldErrors ?? {})).toContain(field);
  return r.error.fieldErrors![field]!;
}

async function general(memberCount = 5) {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Employee members', null);
  const ids: string[] = [];
  const names = ['Hana Holt', 'Ann Lowe', 'Bob Hill', 'Cara Dunn', 'Dev Rao', 'Eve Marsh'];
  for (let i = 0; i < memberCount; i++) {
    const [g, f] = names[i]!.split(' ');
    ids.push((await admit(t.core, cls, person(g!, f!))).id);
  }
  const v = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Civic Hall, Leeds' });
  return { t, ids, id: v.meeting.id };
}

describe('folding a proxy holder’s name', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(foldName('  Jane  SMITH. ')).toBe(foldName('jane smith'));
    expect(foldName("O'Brien, Pat")).toBe('o brien pat');
    expect(foldName('Siân Lloyd')).toBe('sian lloyd');
    expect(foldName('Jane Smith')).not.toBe(foldName('Jane Smyth'));
  });
});

describe('a member holding proxies for several members', () => {
  it('is one qualifying person, whether recorded as present in their own right, as a proxy, or both', async () => {
    const { t, ids, id } = await general();
    const [holt, lowe, hill, dunn] = ids as [string, string, string, string];
    let v = await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: lowe, proxyMemberId: holt, receivedAt: '2026-10-15T09:00' });
    expect(v.proxies[0]).toMatchObject({ memberId: lowe, proxyMemberId: holt, proxyName: 'Hana Holt' });
    v = await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: hill, proxyMemberId: holt, receivedAt: '2026-10-15T10:00' });
    expect(v.proxies.map((p) => p.proxyMemberId)).toEqual([holt, holt]);
    // The same holder appointed again by the same member is refused, by member id.
    refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: hill, proxyMemberId: holt, receivedAt: '2026-10-15T11:00' }), 'proxyMemberId');
    // A member cannot be their own proxy.
    expect(refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: holt, proxyMemberId: holt, receivedAt: '2026-10-15T11:00' }), 'proxyMemberId')).toMatch(/own proxy/);
    // Either a member or a name.
    refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: dunn, receivedAt: '2026-10-15T11:00' }), 'proxyName');

    v = await ok(t, 'meetings.setAttendance', { meetingId: id, memberId: holt, status: 'present' });
    const holtRow = v.attendance.find((a) => a.memberId === holt)!;
    expect(holtRow.represents.map((r) => r.memberId).sort()).toEqual([lowe, hill].sort());
    expect(v.quorum).toMatchObject({ quorate: false, counted: 1, required: 2 });

    // Also entered as attending as proxy, under a spelling of her name of their own: still one person.
    v = await ok(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'hana  HOLT.', memberId: lowe });
    expect(v.quorum).toMatchObject({ quorate: false, counted: 1 });
    v = await ok(t, 'meetings.setAttendance', { meetingId: id, memberId: dunn, status: 'present' });
    expect(v.quorum).toMatchObject({ quorate: true, counted: 2, required: 2 });

    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('refuses a holder who is not a member on the meeting date', async () => {
    const { t, ids, id } = await general();
    const cls = await makeClass(t.core, 'Later members', null);
    const later = await admit(t.core, cls, person('Late', 'Comer'), { admittedOn: '2026-11-01' });
    expect(refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: ids[1]!, proxyMemberId: later.id, receivedAt: '2026-10-15T09:00' }), 'proxyMemberId')).toMatch(/after this meeting/);
    refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: ids[1]!, proxyMemberId: '0190f000-0000-7000-8000-000000000999', receivedAt: '2026-10-15T09:00' }), 'proxyMemberId');
  });
});

describe('a proxy who is not a member', () => {
  it('is one person when their name is typed two ways on two appointments and two attendance entries', async () => {
    const { t, ids, id } = await general();
    const [holt, lowe, hill] = ids as [string, string, string];
    await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: lowe, proxyName: 'Jane Smith', receivedAt: '2026-10-15T09:00' });
    let v = await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: hill, proxyName: 'jane  smith.', receivedAt: '2026-10-15T10:00' });
    expect(v.proxies.map((p) => p.proxyName)).toEqual(['Jane Smith', 'jane  smith.']);
    // The same member appointing the same person again, typed another way, is refused.
    refusedField(await t.core.dispatch('meetings.recordProxy', { meetingId: id, memberId: hill, proxyName: 'JANE SMITH', receivedAt: '2026-10-15T11:00' }), 'proxyName');
    v = await ok(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Jane Smith' });
    expect(v.attendance.find((a) => a.role === 'proxy')!.represents.map((r) => r.memberId).sort()).toEqual([lowe, hill].sort());
    // Entered twice by mistake, once per spelling: one qualifying person (s318(3)).
    v = await ok(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Jane Smith.', memberId: hill });
    expect(v.quorum).toMatchObject({ counted: 1, quorate: false });
    v = await ok(t, 'meetings.setAttendance', { meetingId: id, memberId: holt, status: 'present' });
    expect(v.quorum).toMatchObject({ counted: 2, quorate: true });
  });

  it('revoking one of two appointments held by one proxy updates what they represent and the quorum', async () => {
    const { t, ids, id } = await general();
    const [holt, lowe, hill] = ids as [string, string, string];
    await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: lowe, proxyName: 'Pat Jones', receivedAt: '2026-10-15T09:00' });
    await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: hill, proxyName: 'Pat Jones', receivedAt: '2026-10-15T10:00' });
    await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: lowe, proxyName: 'Sam Ray', receivedAt: '2026-10-15T11:00' });
    await ok(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Pat Jones', memberId: lowe });
    await ok(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Sam Ray' });
    let v = await ok(t, 'meetings.setAttendance', { meetingId: id, memberId: holt, status: 'present' });
    expect(v.quorum).toMatchObject({ counted: 3 });
    const hillsAppointment = v.proxies.find((p) => p.memberId === hill)!;
    v = await ok(t, 'meetings.revokeProxy', { id: hillsAppointment.id, revokedAt: '2026-10-17T09:00' });
    expect(v.attendance.find((a) => a.name === 'Pat Jones')!.represents.map((r) => r.memberId)).toEqual([lowe]);
    // Pat Jones and Sam Ray are now both proxies of Ann Lowe only: one qualifying person (s318(2)(b)).
    expect(v.quorum).toMatchObject({ counted: 2, quorate: true });
  });
});

describe('the audit state of a proxy appointment', () => {
  it('is hashed without the new column while it is empty, so appointments recorded before migration 0010 keep their recorded hash', async () => {
    const { t, ids, id } = await general(2);
    const v = await ok(t, 'meetings.recordProxy', { meetingId: id, memberId: ids[1]!, proxyName: 'Jane Smith', receivedAt: '2026-10-15T09:00' });
    const pid = v.proxies[0]!.id;
    const row = t.core.raw.prepare('select * from proxy_appointment where id = ?').get(pid) as Record<string, unknown>;
    expect(row['proxy_member_id']).toBeNull();
    // The row as it was before 0010 added the column.
    const { proxy_member_id: _gone, ...before0010 } = row;
    const recorded = t.core.raw.prepare("select state_hash from audit_state where entity_type = 'proxy_appointment' and entity_id = ? order by event_seq desc limit 1").pluck().get(pid);
    expect(recorded).toBe(stateHash({ type: 'proxy_appointment', id: pid }, before0010));
  });
});

describe('consents to short notice', () => {
  it('are listed with each member’s name, the date consent was received and their votes, and one recorded in error can be removed', async () => {
    const { t, ids, id } = await general(4);
    await ok(t, 'meetings.recordNotice', { id, sentAt: '2026-10-15T09:00', method: 'hand', shortNotice: true });
    await ok(t, 'meetings.recordConsent', { id, memberId: ids[1]!, consentedOn: '2026-10-15' });
    let v = await ok(t, 'meetings.recordConsent', { id, memberId: ids[0]!, consentedOn: '2026-10-16' });
    expect(v.notice!.shortNotice!.consents).toBe(2);
    expect(v.notice!.shortNotice!.list).toEqual([
      { memberId: ids[1], name: 'Ann Lowe', consentedOn: '2026-10-15', votes: 1 },
      { memberId: ids[0], name: 'Hana Holt', consentedOn: '2026-10-16', votes: 1 },
    ]);
    expect(v.notice!.shortNotice!.verdict.ok).toBe(false);
    v = await ok(t, 'meetings.recordConsent', { id, memberId: ids[1]!, consentedOn: '2026-10-15', withdraw: true });
    expect(v.notice!.shortNotice!.list.map((c) => c.name)).toEqual(['Hana Holt']);
  });
});
