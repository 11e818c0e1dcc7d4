import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Committee, MeetingView } from '../../../shared/contract/meetings';
import type { Officer } from '../../../shared/contract/officers';
import type { Result } from '../../../shared/result';
import { admit, makeClass, organisation, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';

// Today is 30 November 2026; the organisation was incorporated on 1 April 2015 in England.
const NOW = new Date('2026-11-30T12:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(rules: Record<string, unknown> = {}, legalForm?: 'cooperative_society'): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, {
    particulars: legalForm ? { legalForm, registrationNumber: '12345R' } : {},
    rules: rules as never,
  });
  return t;
}

async function director(t: TestCore, givenNames: string, familyName: string, appointedOn = '2024-04-01'): Promise<Officer> {
  return expectOk(
    await t.core.dispatch('officers.add', {
      particulars: { givenNames, familyName, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn },
    }),
  ) as Officer;
}

const ok = async (t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as MeetingView;

function refused(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) {
    expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    return result.error.fieldErrors![field]!;
  }
  return result.error.message;
}

const events = (t: TestCore) => Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
const lastSummary = (t: TestCore) => String(t.core.raw.prepare('select summary from audit_event order by seq desc limit 1').pluck().get());

/** Calls a mutation and checks it wrote exactly one audit event. */
async function once(t: TestCore, method: string, input: unknown): Promise<MeetingView> {
  const before = events(t);
  const v = await ok(t, method, input);
  expect(events(t) - before).toBe(1);
  return v;
}

const board = { kind: 'board', heldOn: '2026-03-10', startsAt: '18:30', endsAt: '21:00', place: 'Civic Hall, Leeds' };

describe('a board meeting: agenda, attendance and quorum per item', () => {
  it('plans a meeting with the standard items, numbers sub-items, and loses quorum for an item when a director leaves and another is conflicted', async () => {
    const t = await open({ boardQuorum: 3 });
    const khan = await director(t, 'Amir', 'Khan');
    const patel = await director(t, 'Jaspreet', 'Patel');
    const lee = await director(t, 'Sarah', 'Lee');
    const ward = await director(t, 'Tom', 'Ward');
    expectOk(await t.core.dispatch('interests.declare', { officerId: khan.id, category: 'employment', nature: 'Employed by the council', relatedOrganisation: 'Leeds City Council', declaredOn: '2025-01-01' }));

    let v = await once(t, 'meetings.create', board);
    expect(v.meeting.title).toBe('Board meeting');
    expect(v.items.map((i) => [i.number, i.standard])).toEqual([['1', 'apologies'], ['2', 'declarations'], ['3', 'previous_minutes'], ['4', 'matters_arising'], ['5', 'aob']]);
    expect(v.expected.map((e) => e.name)).toEqual(['Amir Khan', 'Jaspreet Patel', 'Sarah Lee', 'Tom Ward']);
    const id = v.meeting.id;

    await once(t, 'meetings.addItem', { meetingId: id, title: 'Finance report', purpose: 'discussion' });
    v = await once(t, 'meetings.addItem', { meetingId: id, title: 'Renewal of the council contract', purpose: 'decision', relatedOrganisation: 'The Leeds City Council' });
    // New items go before any other business, which stays last.
    expect(v.items.map((i) => i.title).slice(4)).toEqual(['Finance report', 'Renewal of the council contract', 'Any other business']);
    const finance = v.items[4]!;
    const contract = v.items[5]!;
    expect(contract.number).toBe('6');
    expect(contract.conflicted).toEqual([{ officerId: khan.id, name: 'Amir Khan', interest: 'Employed by the council' }]);
    v = await once(t, 'meetings.addItem', { meetingId: id, parentId: finance.id, title: 'Budget 2026/27', purpose: 'decision' });
    expect(v.items.find((i) => i.title === 'Budget 2026/27')!.number).toBe('5.1');
    const sub = v.items.find((i) => i.title === 'Budget 2026/27')!;
    refused(await t.core.dispatch('meetings.addItem', { meetingId: id, parentId: sub.id, title: 'Too deep', purpose: 'information' }), 'VALIDATION', 'parentId');

    for (const d of [khan, lee, ward]) await once(t, 'meetings.setAttendance', { meetingId: id, officerId: d.id, status: 'present', arrivedAt: '18:30' });
    v = await once(t, 'meetings.setAttendance', { meetingId: id, officerId: patel.id, status: 'present', arrivedAt: '18:32' });
    expect(lastSummary(t)).toBe('Board meeting on 10 March 2026: J. Patel arrived 18:32');
    expect(v.expected).toEqual([]);
    expect(v.quorum).toMatchObject({ quorate: true, counted: 4, required: 3 });
    expect(v.items.find((i) => i.id === contract.id)!.quorum).toMatchObject({ quorate: true, counted: 3, required: 3 });

    await once(t, 'meetings.updateItem', { id: finance.id, title: 'Finance report', purpose: 'discussion', startsAt: '19:00' });
    v = await once(t, 'meetings.setAttendance', { meetingId: id, officerId: patel.id, status: 'present', leftAt: '19:40' });
    expect(lastSummary(t)).toBe('Board meeting on 10 March 2026: J. Patel left 19:40');
    expect(v.attendance.find((a) => a.officerId === patel.id)).toMatchObject({ arrivedAt: '18:32', leftAt: '19:40' });
    // Item 5 was taken at 19:00 with J. Patel there; item 6 comes after he left, and A. Khan is conflicted.
    expect(v.items.find((i) => i.id === finance.id)!.quorum).toMatchObject({ quorate: true, counted: 4 });
    expect(v.items.find((i) => i.id === contract.id)!.quorum).toEqual({
      quorate: false,
      counted: 2,
      required: 3,
      message: 'Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted (Model Articles art 14).',
    });
    expect(v.quorum).toMatchObject({ quorate: true, counted: 3 });

    // Moving and removing renumber the items.
    v = await once(t, 'meetings.moveItem', { id: contract.id, direction: 'up' });
    expect(v.items.find((i) => i.id === contract.id)!.number).toBe('5');
    expect(v.items.find((i) => i.id === sub.id)!.number).toBe('6.1');
    refused(await t.core.dispatch('meetings.moveItem', { id: v.items[0]!.id, direction: 'up' }), 'CONFLICT');
    v = await once(t, 'meetings.removeItem', { id: finance.id });
    expect(v.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(v.items.some((i) => i.id === sub.id)).toBe(false);

    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('a director with an interest declared at the meeting is entered in the interests register and left out of the quorum for the item', async () => {
    const t = await open({ boardQuorum: 2 });
    const a = await director(t, 'Amir', 'Khan');
    const b = await director(t, 'Beth', 'Jones');
    let v = await ok(t, 'meetings.create', { ...board, standardItems: false });
    const id = v.meeting.id;
    v = await ok(t, 'meetings.addItem', { meetingId: id, title: 'Catering supplier', purpose: 'decision', relatedOrganisation: 'Acme Catering Ltd' });
    const item = v.items[0]!;
    for (const d of [a, b]) await ok(t, 'meetings.setAttendance', { meetingId: id, officerId: d.id, status: 'present_electronically' });
    v = await once(t, 'meetings.declareInterest', { meetingId: id, agendaItemId: item.id, officerId: b.id, nature: 'Her brother owns Acme Catering' });
    expect(v.declarations).toHaveLength(1);
    const interest = t.core.raw.prepare('select related_organisation, declared_on from interest where officer_id = ?').get(b.id);
    expect(interest).toEqual({ related_organisation: 'Acme Catering Ltd', declared_on: '2026-03-10' });
    expect(v.items[0]!.conflicted.map((c) => c.name)).toEqual(['Beth Jones']);
    expect(v.items[0]!.quorum).toMatchObject({ quorate: false, counted: 1, required: 2, message: 'Not quorate for item 1: 1 of 2 needed; B. Jones is conflicted (Model Articles art 14).' });
    // One event vouches for both records: the declaration and the interests-register entry.
    const seq = t.core.raw.prepare('select max(seq) from audit_event').pluck().get();
    const types = t.core.raw.prepare('select entity_type from audit_state where event_seq = ? order by entity_type').pluck().all(seq);
    expect(types).toEqual(['interest', 'meeting_declaration']);
  });

  it('refuses a director appointed after the meeting, and one not on the committee', async () => {
    const t = await open();
    const a = await director(t, 'Amir', 'Khan');
    const late = await director(t, 'Jaspreet', 'Patel', '2026-05-03');
    const v = await ok(t, 'meetings.create', { ...board, heldOn: '2026-04-01' });
    const before = events(t);
    expect(refused(await t.core.dispatch('meetings.setAttendance', { meetingId: v.meeting.id, officerId: late.id, status: 'present' }), 'VALIDATION', 'officerId')).toBe(
      'J. Patel was appointed on 3 May 2026, after this meeting on 1 April 2026.',
    );
    expect(events(t)).toBe(before);
    refused(await t.core.dispatch('meetings.create', { ...board, heldOn: '2026-04-01', chairOfficerId: late.id }), 'VALIDATION', 'chairOfficerId');
    // Times that cannot be true, refused next to the time (board: 18:30 to 21:00).
    const at = (extra: Record<string, unknown>) => t.core.dispatch('meetings.setAttendance', { meetingId: v.meeting.id, officerId: a.id, status: 'present', ...extra });
    expect(refused(await at({ arrivedAt: '18:00' }), 'VALIDATION', 'arrivedAt')).toMatch(/^A\. Khan's arrival at 18:00 is before the meeting started at 18:30/);
    expect(refused(await at({ arrivedAt: '19:00', leftAt: '18:45' }), 'VALIDATION', 'leftAt')).toBe("A. Khan's departure at 18:45 is before their arrival at 19:00.");
    expect(refused(await at({ leftAt: '21:30' }), 'VALIDATION', 'leftAt')).toBe('The meeting ended at 21:00; a departure at 21:30 is after it.');
    refused(await t.core.dispatch('meetings.setAttendance', { meetingId: v.meeting.id, officerId: a.id, status: 'apologies', arrivedAt: '18:40' }), 'VALIDATION', 'arrivedAt');
    expect(events(t)).toBe(before);

    const committee = expectOk(await t.core.dispatch('committees.create', { name: 'Audit committee', formedOn: '2025-01-01', officerIds: [a.id] })) as Committee;
    refused(await t.core.dispatch('committees.addMember', { id: committee.id, officerId: late.id, joinedOn: '2026-01-01' }), 'VALIDATION', 'officerId');
    const cm = await ok(t, 'meetings.create', { kind: 'committee', committeeId: committee.id, heldOn: '2026-06-01', startsAt: '10:00', electronicMeans: 'Teams link in the calendar invitation' });
    expect(cm.meeting.title).toBe('Audit committee');
    // The committee of one has a quorum of one: the board's two, capped at its size.
    expect(cm.quorum).toMatchObject({ quorate: false, counted: 0, required: 1 });
    expect(refused(await t.core.dispatch('meetings.setAttendance', { meetingId: cm.meeting.id, officerId: late.id, status: 'present' }), 'VALIDATION', 'officerId')).toBe(
      'J. Patel is not a member of Audit committee on 1 June 2026.',
    );
  });

  it('refuses bad input next to the field, and writes nothing', async () => {
    const t = await open();
    const before = events(t);
    expect(refused(await t.core.dispatch('meetings.create', { ...board, startsAt: '19:00', endsAt: '18:00' }), 'VALIDATION', 'endsAt')).toBe('The meeting ends at 18:00, before it starts at 19:00.');
    expect(refused(await t.core.dispatch('meetings.create', { ...board, heldOn: '2014-06-01' }), 'VALIDATION', 'heldOn')).toMatch(/cannot be dated before 1 April 2015.*CA 2006 s16\(2\)/);
    expect(refused(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-03-10', startsAt: '18:30' }), 'VALIDATION', 'place')).toMatch(/CA 2006 s360A/);
    refused(await t.core.dispatch('meetings.create', { ...board, kind: 'committee' }), 'VALIDATION', 'committeeId');
    refused(await t.core.dispatch('meetings.create', { ...board, kind: 'class' }), 'VALIDATION', 'classId');
    expect(events(t)).toBe(before);

    const v = await ok(t, 'meetings.create', { ...board, heldOn: '2027-01-20' });
    expect(refused(await t.core.dispatch('meetings.setStatus', { id: v.meeting.id, status: 'held' }), 'VALIDATION', 'status')).toMatch(/cannot be marked held before its date/);
    refused(await t.core.dispatch('meetings.setStatus', { id: v.meeting.id, status: 'cancelled' }), 'VALIDATION', 'reason');
    const cancelled = await once(t, 'meetings.setStatus', { id: v.meeting.id, status: 'cancelled', reason: 'Not enough business' });
    expect(cancelled.meeting).toMatchObject({ status: 'cancelled', cancelledReason: 'Not enough business' });
  });
});

describe('a general meeting: notice, short notice and consents', () => {
  async function agm(t: TestCore, members = 10) {
    const cls = await makeClass(t.core, 'Employee members', null);
    const ids: string[] = [];
    for (let i = 0; i < members; i++) ids.push((await admit(t.core, cls, person(`Member${i}`, `Surname${i}`))).id);
    const v = await ok(t, 'meetings.create', { kind: 'annual_general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Civic Hall, Leeds', electronicMeans: 'Zoom' });
    return { v, ids, cls };
  }

  it('says in words when the notice is too short, refuses it without consents, and accepts short notice once 90% consent', async () => {
    const t = await open();
    const { v, ids } = await agm(t);
    expect(v.meeting.title).toBe('Annual general meeting 2026');
    expect(v.notice).toMatchObject({ requiredClearDays: 14, source: 'CA 2006 s307 and your articles', verdict: null, shortNotice: null, proxiesAllowed: true, family: 'company' });
    expect(v.notice!.latestSend!.latestDay).toBe('2026-10-01');
    expect(v.notice!.proxyDeadline).toBe('2026-10-16T18:00');

    const before = events(t);
    const message = refused(await t.core.dispatch('meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-08T10:00', method: 'hand' }), 'VALIDATION', 'sentAt');
    expect(message).toMatch(/^14 clear days required by CA 2006 s307 and your articles; 11 given\. .*CA 2006 s307\(4\)-\(6\)/);
    expect(events(t)).toBe(before);

    let view = await once(t, 'meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-08T10:00', method: 'hand', shortNotice: true });
    expect(view.meeting).toMatchObject({ status: 'notice_given', shortNotice: true });
    expect(view.notice!.verdict).toMatchObject({ ok: false, message: '14 clear days required by CA 2006 s307 and your articles; 11 given.' });
    expect(view.notice!.shortNotice).toMatchObject({ consents: 0, verdict: { ok: false } });
    expect(view.warnings[0]).toMatch(/^Notice is too short/);

    for (const id of ids.slice(0, 8)) view = await once(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: id, consentedOn: '2026-10-09' });
    expect(view.notice!.shortNotice).toMatchObject({ consents: 8, verdict: { ok: false } });
    expect(view.notice!.shortNotice!.verdict.message).toMatch(/at least 90% of the total voting rights \(CA 2006 s307\(4\)-\(6\)\); 8 of 10 members agreed, holding 80%/);
    view = await once(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: ids[8]!, consentedOn: '2026-10-09' });
    expect(view.notice!.shortNotice).toMatchObject({ consents: 9, verdict: { ok: true } });
    expect(view.warnings[0]).toMatch(/enough members consented/);
    refused(await t.core.dispatch('meetings.recordConsent', { id: v.meeting.id, memberId: ids[8]!, consentedOn: '2026-10-09' }), 'VALIDATION', 'memberId');
    view = await once(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: ids[8]!, consentedOn: '2026-10-09', withdraw: true });
    expect(view.notice!.shortNotice!.consents).toBe(8);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('for a society, says its registered rules decide short notice and applies company law only as a named safe check', async () => {
    const t = await open({}, 'cooperative_society');
    const cls = await makeClass(t.core, 'Members', { withdrawable: true });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await admit(t.core, cls, person(`Member${i}`, `Surname${i}`))).id);
    const v = await ok(t, 'meetings.create', { kind: 'annual_general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Civic Hall, Leeds' });
    const message = refused(await t.core.dispatch('meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-08T10:00', method: 'hand' }), 'VALIDATION', 'sentAt');
    expect(message).toMatch(/^14 clear days required by your registered rules; 11 given\. Your registered rules decide whether it can be held on shorter notice \(the CCBS Act 2014 is silent\)/);
    expect(message).not.toMatch(/CA 2006/);
    await once(t, 'meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-08T10:00', method: 'hand', shortNotice: true });
    const view = await once(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: ids[0]!, consentedOn: '2026-10-09' });
    // A society's default rules give no proxies (the Act is silent), so the screens offer none.
    expect(view.notice).toMatchObject({ proxiesAllowed: false, family: 'society', proxyDeadline: null });
    expect(view.notice!.shortNotice!.verdict.message).toBe(
      'Your registered rules decide whether a meeting may be held at shorter notice (the CCBS Act 2014 is silent). As a safe check the app asks what company law asks (CA 2006 s307(4)-(6)): a majority in number of the members entitled to vote, together holding at least 90% of the votes; 1 of 4 members agreed, holding 25%.',
    );
  });

  it('refuses notice sent after the meeting, and changes to resolutions once notice is given', async () => {
    const t = await open();
    const { v } = await agm(t, 3);
    expect(refused(await t.core.dispatch('meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-21T09:00', method: 'post' }), 'VALIDATION', 'sentAt')).toBe(
      'Notice sent on 21 October 2026 is after the meeting on 20 October 2026.',
    );
    let view = await once(t, 'meetings.addResolution', { meetingId: v.meeting.id, kind: 'special', text: 'That the articles be amended as set out.' });
    const res = view.resolutions[0]!;
    view = await once(t, 'meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-09-01T10:00', method: 'post' });
    expect(view.notice!.verdict).toMatchObject({ ok: true });
    expect(view.meeting.shortNotice).toBe(false);
    expect(refused(await t.core.dispatch('meetings.updateResolution', { id: res.id, kind: 'ordinary', text: res.text }), 'CONFLICT')).toMatch(/would change what members were told/);
    refused(await t.core.dispatch('meetings.removeResolution', { id: res.id }), 'CONFLICT');
    refused(await t.core.dispatch('meetings.addResolution', { meetingId: v.meeting.id, kind: 'ordinary', text: 'Another' }), 'CONFLICT');
  });

  it('records proxies, counts them as qualifying persons, and links a proxy attending to the appointment', async () => {
    const t = await open();
    const { v, ids, cls } = await agm(t, 3);
    const council = await admit(t.core, cls, organisation('Leeds City Council', 'local_authority'));
    const id = v.meeting.id;
    let view = await once(t, 'meetings.recordProxy', { meetingId: id, memberId: ids[0]!, proxyName: 'Chair of the meeting', receivedAt: '2026-10-15T09:00' });
    expect(view.proxies[0]!.inTime).toMatchObject({ ok: true });
    view = await once(t, 'meetings.recordProxy', { meetingId: id, memberId: ids[1]!, proxyName: 'Ann Lowe', receivedAt: '2026-10-19T09:00' });
    expect(view.proxies[1]!.inTime.ok).toBe(false);
    refused(await t.core.dispatch('meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Someone Else' }), 'VALIDATION', 'name');
    view = await once(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'chair of the meeting' });
    expect(view.attendance.find((a) => a.role === 'proxy')!.represents.map((r) => r.memberId)).toEqual([ids[0]]);
    refused(await t.core.dispatch('meetings.addAttendee', { meetingId: id, role: 'corporate_representative', name: 'Cllr Smith', memberId: ids[2]! }), 'VALIDATION', 'memberId');
    refused(await t.core.dispatch('meetings.setAttendance', { meetingId: id, memberId: council.id, status: 'present' }), 'VALIDATION', 'memberId');
    view = await once(t, 'meetings.addAttendee', { meetingId: id, role: 'corporate_representative', name: 'Cllr Smith', memberId: council.id });
    expect(view.quorum).toMatchObject({ quorate: true, counted: 2, required: 2 });
    view = await once(t, 'meetings.setAttendance', { meetingId: id, memberId: ids[2]!, status: 'present' });
    expect(view.quorum!.counted).toBe(3);
    const proxyId = view.proxies[0]!.id;
    refused(await t.core.dispatch('meetings.revokeProxy', { id: proxyId, revokedAt: '2026-10-16T09:00' }), 'CONFLICT');
    // A second proxy of the same member adds no qualifying person (CA 2006 s318(2)(b)).
    await once(t, 'meetings.recordProxy', { meetingId: id, memberId: ids[0]!, proxyName: 'Dan Brown', receivedAt: '2026-10-15T10:00' });
    view = await once(t, 'meetings.addAttendee', { meetingId: id, role: 'proxy', name: 'Dan Brown' });
    expect(view.quorum!.counted).toBe(3);
    expect(view.quorum!.message).toMatch(/^Quorate: 3 qualifying persons present, 2 needed \(CA 2006 s318\(2\): two qualifying persons unless the articles say otherwise\); Dan Brown is a proxy of a member another proxy present already represents, so does not count again \(CA 2006 s318\(2\)\(b\)\)\.$/);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });
});

describe('sealed meetings', () => {
  it('refuses every change once the minutes are signed, before the trigger does', async () => {
    const t = await open();
    const d = await director(t, 'Amir', 'Khan');
    const v = await ok(t, 'meetings.create', board);
    t.core.raw
      .prepare(
        `insert into minutes (id, meeting_id, status, body, signed_on, signed_by, sealed_sha256, sealed_record, created_at, updated_at)
         values ('0190a000-0000-7000-8000-000000000001', ?, 'signed', '{}', '2026-04-01', 'Amir Khan', ?, '{}', '2026-04-01T10:00:00Z', '2026-04-01T10:00:00Z')`,
      )
      .run(v.meeting.id, 'a'.repeat(64));
    const before = events(t);
    for (const [method, input] of [
      ['meetings.addItem', { meetingId: v.meeting.id, title: 'Late item', purpose: 'information' }],
      ['meetings.updateItem', { id: v.items[0]!.id, title: 'Changed', purpose: 'information' }],
      ['meetings.removeItem', { id: v.items[0]!.id }],
      ['meetings.setAttendance', { meetingId: v.meeting.id, officerId: d.id, status: 'present' }],
      ['meetings.setStatus', { id: v.meeting.id, status: 'cancelled', reason: 'x' }],
      ['meetings.update', { id: v.meeting.id, ...board, place: 'Elsewhere' }],
    ] as const) {
      expect(refused(await t.core.dispatch(method, input), 'CONFLICT')).toMatch(/^The minutes of the Board meeting on 10 March 2026 are signed and sealed/);
    }
    expect(events(t)).toBe(before);
    const view = await ok(t, 'meetings.get', { id: v.meeting.id });
    expect(view).toMatchObject({ sealed: true, meeting: { minutesStatus: 'signed' } });
  });
});

describe('committees', () => {
  it('forms a committee from directors in office, adds and removes members, and dissolves it', async () => {
    const t = await open();
    const a = await director(t, 'Amir', 'Khan');
    const b = await director(t, 'Beth', 'Jones');
    const gone = await director(t, 'Carl', 'Old', '2020-01-01');
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: gone.appointments[0]!.id, ceasedOn: '2024-12-31', reason: 'Resigned' }));
    expect(refused(await t.core.dispatch('committees.create', { name: 'Audit committee', formedOn: '2025-06-01', officerIds: [a.id, gone.id] }), 'VALIDATION', 'officerIds.1')).toMatch(/C\. Old left office on 31 December 2024/);
    let c = expectOk(await t.core.dispatch('committees.create', { name: 'Audit committee', terms: 'The quorum is two members.', formedOn: '2025-06-01', officerIds: [a.id] })) as Committee;
    refused(await t.core.dispatch('committees.create', { name: 'audit committee', formedOn: '2025-06-01', officerIds: [a.id] }), 'VALIDATION', 'name');
    c = expectOk(await t.core.dispatch('committees.addMember', { id: c.id, officerId: b.id, joinedOn: '2025-07-01' })) as Committee;
    expect(c.members.map((m) => m.name)).toEqual(['Beth Jones', 'Amir Khan']);
    refused(await t.core.dispatch('committees.addMember', { id: c.id, officerId: b.id, joinedOn: '2025-08-01' }), 'VALIDATION', 'officerId');
    const meeting = await ok(t, 'meetings.create', { kind: 'committee', committeeId: c.id, heldOn: '2025-09-01', startsAt: '10:00', place: 'Room 1' });
    expect(meeting.quorum).toMatchObject({ required: 2 });
    c = expectOk(await t.core.dispatch('committees.removeMember', { id: c.id, officerId: b.id, leftOn: '2025-10-01' })) as Committee;
    expect(c.members.find((m) => m.officerId === b.id)!.leftOn).toBe('2025-10-01');
    refused(await t.core.dispatch('committees.dissolve', { id: c.id, dissolvedOn: '2025-08-01' }), 'VALIDATION', 'dissolvedOn');
    c = expectOk(await t.core.dispatch('committees.dissolve', { id: c.id, dissolvedOn: '2025-12-31' })) as Committee;
    expect(c.dissolvedOn).toBe('2025-12-31');
    expect(c.members.every((m) => m.leftOn !== null)).toBe(true);
    expect(lastSummary(t)).toBe('Audit committee dissolved on 31 December 2025');
    refused(await t.core.dispatch('meetings.create', { kind: 'committee', committeeId: c.id, heldOn: '2026-02-01', startsAt: '10:00', place: 'Room 1' }), 'VALIDATION', 'committeeId');
    const list = expectOk(await t.core.dispatch('committees.list', {})) as Committee[];
    expect(list).toHaveLength(1);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });
});

describe('lists and the home screen', () => {
  it('lists upcoming and past meetings with the notice deadline, and the dashboard shows the next one', async () => {
    const t = await open();
    await ok(t, 'meetings.create', board);
    const gm = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2027-01-20', startsAt: '18:00', place: 'Civic Hall' });
    const upcoming = expectOk(await t.core.dispatch('meetings.list', { when: 'upcoming' })) as { id: string; noticeDeadline: string | null }[];
    expect(upcoming.map((m) => m.id)).toEqual([gm.meeting.id]);
    expect(upcoming[0]!.noticeDeadline).toBe(gm.notice!.latestSend!.latestDay);
    const past = expectOk(await t.core.dispatch('meetings.list', { when: 'past' })) as { title: string }[];
    expect(past.map((m) => m.title)).toEqual(['Board meeting']);
    const dash = expectOk(await t.core.dispatch('meetings.dashboard', {})) as { next: { id: string } | null; minutesAwaiting: unknown[]; overdueActions: unknown[] };
    expect(dash.next!.id).toBe(gm.meeting.id);
    expect(dash.minutesAwaiting).toEqual([]);

    // Minutes awaiting approval and an overdue open action (written as the minutes and actions areas would).
    const pastId = (expectOk(await t.core.dispatch('meetings.list', { when: 'past' })) as { id: string }[])[0]!.id;
    const org = t.core.raw.prepare('select id from organisation').pluck().get();
    t.core.raw.prepare(`insert into minutes (id, meeting_id, status, body, created_at, updated_at) values ('0190a000-0000-7000-8000-0000000000e1', ?, 'circulated', '{}', 'x', 'x')`).run(pastId);
    const action = t.core.raw.prepare(
      `insert into action_item (id, organisation_id, meeting_id, description, owner_name, due_on, status, created_at, updated_at) values (?, ?, ?, ?, 'J. Patel', ?, 'open', 'x', 'x')`,
    );
    action.run('0190a000-0000-7000-8000-0000000000f1', org, pastId, 'Renew the lease', '2026-11-29');
    action.run('0190a000-0000-7000-8000-0000000000f2', org, pastId, 'Not yet due', '2026-11-30');
    const again = expectOk(await t.core.dispatch('meetings.dashboard', {})) as {
      minutesAwaiting: { meetingId: string; status: string }[];
      overdueActions: { description: string; meetingTitle: string }[];
    };
    expect(again.minutesAwaiting).toMatchObject([{ meetingId: pastId, status: 'circulated' }]);
    expect(again.overdueActions).toMatchObject([{ description: 'Renew the lease', meetingTitle: 'Board meeting' }]);
  });
});

describe('more of the agenda and the meeting', () => {
  it('keeps an item with a decision recorded, removes a paper and renumbers the rest', async () => {
    const t = await open();
    const v = await ok(t, 'meetings.create', { ...board, standardItems: false });
    expect(v.warnings).toEqual([]);
    await director(t, 'Amir', 'Khan');
    expect((await ok(t, 'meetings.get', { id: v.meeting.id })).warnings).toEqual([
      'Only 1 director is in office on 10 March 2026, fewer than the quorum of 2 (Model Articles art 11(2)): the meeting cannot be quorate.',
    ]);
    let view = await ok(t, 'meetings.addItem', { meetingId: v.meeting.id, title: 'Strategy', purpose: 'decision' });
    const item = view.items[0]!;
    const raw = t.core.raw;
    const org = raw.prepare('select id from organisation').pluck().get() as string;
    raw.prepare(
      `insert into decision (id, organisation_id, meeting_id, agenda_item_id, kind, text, method, votes_for, votes_against, votes_abstain, outcome, decided_on, created_at, updated_at)
       values ('0190a000-0000-7000-8000-0000000000d1', ?, ?, ?, 'board', 'Approved', 'board_vote', 3, 0, 0, 'carried', '2026-03-10', 'x', 'x')`,
    ).run(org, v.meeting.id, item.id);
    expect(refused(await t.core.dispatch('meetings.removeItem', { id: item.id }), 'CONFLICT')).toBe('Item 1 “Strategy” has 1 decision recorded; a decision is part of the meeting’s record, so the item stays.');

    raw.prepare(`insert into document values ('0190a000-0000-7000-8000-0000000000a1', ?, ?, 3, 'application/pdf', x'255044', 'x')`).run(org, 'b'.repeat(64));
    const paper = raw.prepare(`insert into paper values (?, ?, '0190a000-0000-7000-8000-0000000000a1', ?, ?, 'pdf', ?, 'x')`);
    paper.run('0190a000-0000-7000-8000-0000000000b1', item.id, 'Plan', 'plan.pdf', 0);
    paper.run('0190a000-0000-7000-8000-0000000000b2', item.id, 'Budget', 'budget.pdf', 1);
    view = await ok(t, 'meetings.get', { id: v.meeting.id });
    expect(view.items[0]!.papers.map((p) => [p.fileName, p.sizeBytes])).toEqual([['plan.pdf', 3], ['budget.pdf', 3]]);
    view = await once(t, 'meetings.removePaper', { id: '0190a000-0000-7000-8000-0000000000b1' });
    expect(view.items[0]!.papers.map((p) => [p.title, p.position])).toEqual([['Budget', 0]]);
  });

  it('changes a meeting’s details, and refuses a new date once notice is given', async () => {
    const t = await open();
    const v = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Civic Hall' });
    let view = await once(t, 'meetings.update', { id: v.meeting.id, kind: 'general', heldOn: '2026-10-21', startsAt: '18:30', place: 'Town Hall', title: 'Special general meeting' });
    expect(view.meeting).toMatchObject({ heldOn: '2026-10-21', startsAt: '18:30', place: 'Town Hall', title: 'Special general meeting' });
    refused(await t.core.dispatch('meetings.update', { id: v.meeting.id, kind: 'board', heldOn: '2026-10-21', startsAt: '18:30', place: 'Town Hall' }), 'VALIDATION', 'kind');
    view = await once(t, 'meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-09-01T09:00', method: 'electronic' });
    expect(view.meeting.status).toBe('notice_given');
    refused(await t.core.dispatch('meetings.update', { id: v.meeting.id, kind: 'general', heldOn: '2026-10-28', startsAt: '18:30', place: 'Town Hall' }), 'VALIDATION', 'heldOn');
    view = await once(t, 'meetings.setStatus', { id: v.meeting.id, status: 'held' });
    expect(view.meeting.status).toBe('held');
    view = await once(t, 'meetings.setStatus', { id: v.meeting.id, status: 'planned' });
    expect(view.meeting.status).toBe('notice_given');
  });

  it('checks a society’s confirming meeting falls 14 days to one month after the first (CCBS Act 2014 s111)', async () => {
    const t = await open({}, 'cooperative_society');
    const first = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-03-01', startsAt: '18:00', place: 'Hall' });
    const second = (heldOn: string) => ({ kind: 'general', heldOn, startsAt: '18:00', place: 'Hall', firstMeetingId: first.meeting.id, societyResolutionKind: 'amalgamation' });
    expect(refused(await t.core.dispatch('meetings.create', second('2026-03-10')), 'VALIDATION', 'heldOn')).toBe(
      'Amalgamation with another society: The second meeting on 10 March 2026 is 9 days after the first meeting on 1 March 2026; it must be at least 14 days after (CCBS Act 2014 s111(2)(e)), so 15 March 2026 at the earliest.',
    );
    expect(refused(await t.core.dispatch('meetings.create', second('2026-04-02')), 'VALIDATION', 'heldOn')).toMatch(/is more than one month after the first meeting on 1 March 2026 \(CCBS Act 2014 s111\(2\)\(e\)\); 1 April 2026 is the last day it may be held\.$/);
    const ok2 = await once(t, 'meetings.create', second('2026-04-01'));
    expect(ok2.meeting).toMatchObject({ firstMeetingId: first.meeting.id, societyResolutionKind: 'amalgamation' });
    expect(ok2.notice!.source).toBe('your registered rules');
  });

  it('refuses a declaration at a meeting that has not happened, and declarations at members’ meetings', async () => {
    const t = await open();
    const d = await director(t, 'Amir', 'Khan');
    const later = await ok(t, 'meetings.create', { ...board, heldOn: '2027-02-01' });
    refused(await t.core.dispatch('meetings.declareInterest', { meetingId: later.meeting.id, officerId: d.id, nature: 'x' }), 'VALIDATION', 'officerId');
    const gm = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Hall' });
    refused(await t.core.dispatch('meetings.declareInterest', { meetingId: gm.meeting.id, officerId: d.id, nature: 'x' }), 'VALIDATION');
    expect(Number(t.core.raw.prepare('select count(*) from interest').pluck().get())).toBe(0);
  });
});

describe('short notice on the voting rights of a company with shares', () => {
  it('counts votes per share held on the meeting date from the ledger, and needs a majority in number too', async () => {
    const t = await openTestCore({ now: () => NOW });
    cleanups.push(() => t.cleanup());
    await setUpOrganisation(t.core, { particulars: { legalForm: 'cic_limited_by_shares' } });
    const cls = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Ordinary shares',
        votingRights: 'per_share',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, redeemable: false, numbered: false },
      }),
    ) as Parameters<typeof admit>[1];
    const big = await admit(t.core, cls, person('Big', 'Holder'), { shares: 95 });
    const small = [];
    for (let i = 0; i < 4; i++) small.push(await admit(t.core, cls, person(`Small${i}`, 'Holder'), { shares: 1 }));
    // Shares allotted after the meeting do not count at it.
    expectOk(await t.core.dispatch('shares.allot', { memberId: small[0]!.id, date: '2026-11-01', shares: 500, amountPaidPence: 50000 }));
    const v = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-10-20', startsAt: '18:00', place: 'Hall' });
    await ok(t, 'meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-10-15T09:00', method: 'hand', shortNotice: true });
    await ok(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: big.id, consentedOn: '2026-10-15' });
    let view = await ok(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: small[1]!.id, consentedOn: '2026-10-15' });
    // 96 of 99 votes, but only 2 of 5 members: not a majority in number (s307(5)).
    expect(view.notice!.shortNotice).toMatchObject({ consents: 2, verdict: { ok: false } });
    expect(view.notice!.shortNotice!.verdict.message).toMatch(/2 of 5 members agreed, holding 96\.97%/);
    view = await ok(t, 'meetings.recordConsent', { id: v.meeting.id, memberId: small[2]!.id, consentedOn: '2026-10-15' });
    expect(view.notice!.shortNotice).toMatchObject({ consents: 3, verdict: { ok: true } });
  });
});

describe('class meetings and warnings', () => {
  it('plans a class meeting for the members of one class, and warns when the chair has since left office', async () => {
    const t = await open();
    const cls = await makeClass(t.core, 'Employee members', null);
    const other = await makeClass(t.core, 'Community members', null);
    const inClass = await admit(t.core, cls, person('Ann', 'Lowe'));
    const outside = await admit(t.core, other, person('Bob', 'Hill'));
    const v = await once(t, 'meetings.create', { kind: 'class', classId: cls.id, heldOn: '2026-10-20', startsAt: '18:00', place: 'Hall' });
    expect(v.meeting).toMatchObject({ title: 'Meeting of the Employee members class', className: 'Employee members' });
    await once(t, 'meetings.setAttendance', { meetingId: v.meeting.id, memberId: inClass.id, status: 'present' });
    expect(refused(await t.core.dispatch('meetings.setAttendance', { meetingId: v.meeting.id, memberId: outside.id, status: 'present' }), 'VALIDATION', 'memberId')).toBe(
      'Bob Hill is not a member of the class this meeting is for.',
    );

    const chair = await director(t, 'Amir', 'Khan', '2020-01-01');
    await director(t, 'Beth', 'Jones', '2020-01-01');
    await director(t, 'Carl', 'Ward', '2020-01-01');
    const b = await ok(t, 'meetings.create', { ...board, heldOn: '2026-06-01', chairOfficerId: chair.id });
    expect(b.meeting.chairName).toBe('Amir Khan');
    expect(b.warnings).toEqual([]);
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: chair.appointments[0]!.id, ceasedOn: '2026-05-01', reason: 'Resigned' }));
    const after = await ok(t, 'meetings.get', { id: b.meeting.id });
    expect(after.warnings).toEqual(['The chair is not a director in office on 1 June 2026.']);
    expect(after.expected.map((e) => e.name)).toEqual(['Beth Jones', 'Carl Ward']);
  });
});
