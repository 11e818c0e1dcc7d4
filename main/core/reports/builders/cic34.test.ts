import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../../../../shared/ballot';
import type { Ballot, RollEntry } from '../../../../shared/contract/ballots';
import type { Officer } from '../../../../shared/contract/officers';
import type { ReportDoc } from '../../../../shared/contract/reports';
import { useLightKdfForTests } from '../../ballots/kdf';
import { admit, makeClass, person } from '../../members/register.test-helpers';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, validSetUpInput, type TestCore } from '../../testing';
import { buildCic34 } from './cic34';
import { build, figure, listTrace, section, table, traced } from './regulator.test-helpers';

beforeAll(() => useLightKdfForTests());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const YEAR = { from: '2025-04-01', to: '2026-03-31' };
const REQUEST = { kind: 'cic34' as const, asAt: YEAR.to, from: YEAR.from };
const ok = async <T>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;

async function director(t: TestCore, givenNames: string, familyName: string, appointedOn: string): Promise<Officer> {
  return ok<Officer>(t, 'officers.add', {
    particulars: { givenNames, familyName, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
    residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
    appointment: { role: 'director', directorKind: 'employee', appointedOn },
  });
}

/**
 * A CIC limited by shares: three shareholders (18 shares, £16.50 paid) and one community investor
 * (2 shares), an AGM on 20 September 2025 with two of the four present, a class meeting of the
 * investors on 15 November 2025, and directors Ann Lee (throughout) and Bo Grey (June to
 * December 2025); Cy Fox was a director until March 2025, before the year.
 */
async function cic(legalForm: 'cic_limited_by_shares' | 'cic_limited_by_guarantee' = 'cic_limited_by_shares') {
  const t = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z') });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: { name: 'Riverside Health CIC', legalForm, registrationNumber: '01234567', incorporatedOn: '2015-04-01' } });
  const shares = legalForm === 'cic_limited_by_shares';
  const cls = await makeClass(t.core, 'Shareholders', shares ? { transferable: true, nominalPence: 100 } : null);
  const ann = await admit(t.core, cls, person('Ann', 'Lee'), { admittedOn: '2020-01-06', shares: 10 });
  const ben = await admit(t.core, cls, person('Ben', 'Hall'), { admittedOn: '2024-06-01', shares: 5 });
  const cat = await admit(t.core, cls, person('Cat', 'Ray'), { admittedOn: '2025-05-01', shares: 3, paidPence: 150 });
  const investors = await makeClass(t.core, 'Community investors', shares ? { transferable: true, nominalPence: 100 } : null);
  const dan = await admit(t.core, investors, person('Dan', 'Cole'), { admittedOn: '2021-01-01', shares: 2 });
  await director(t, 'Ann', 'Lee', '2024-04-01');
  const bo = await director(t, 'Bo', 'Grey', '2025-06-01');
  await ok(t, 'officers.endAppointment', { appointmentId: bo.appointments[0]!.id, ceasedOn: '2025-12-31' });
  const cy = await director(t, 'Cy', 'Fox', '2019-04-01');
  await ok(t, 'officers.endAppointment', { appointmentId: cy.appointments[0]!.id, ceasedOn: '2025-03-31' });
  const agm = await ok<{ meeting: { id: string } }>(t, 'meetings.create', { kind: 'annual_general', heldOn: '2025-09-20', startsAt: '18:00', place: 'Civic Hall, Leeds' });
  for (const m of [ann, ben]) await ok(t, 'meetings.setAttendance', { meetingId: agm.meeting.id, memberId: m.id, status: 'present' });
  await ok(t, 'meetings.setAttendance', { meetingId: agm.meeting.id, memberId: cat.id, status: 'apologies' });
  await ok(t, 'meetings.setStatus', { id: agm.meeting.id, status: 'held' });
  const classMeeting = await ok<{ meeting: { id: string } }>(t, 'meetings.create', { kind: 'class', classId: investors.id, heldOn: '2025-11-15', startsAt: '18:00', place: 'Civic Hall, Leeds' });
  await ok(t, 'meetings.setAttendance', { meetingId: classMeeting.meeting.id, memberId: dan.id, status: 'present' });
  await ok(t, 'meetings.setStatus', { id: classMeeting.meeting.id, status: 'held' });
  // A planned meeting in the year that was never held does not count.
  await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-02-10', startsAt: '18:00', place: 'Civic Hall, Leeds' });
  return { t, cls, ann, ben, cat };
}

describe('CIC34: the community interest company report', () => {
  it('pre-fills the members’ meetings, the directors and the share capital of the year', async () => {
    const { t } = await cic();
    const r = await build(t, buildCic34, REQUEST, YEAR);
    expect(r.sections.map((s) => s.id)).toEqual(['company', 'activities', 'consultation', 'remuneration', 'transfers', 'dividends']);

    expect(figure(r, 'general-meetings').value).toBe(2);
    expect(figure(r, 'ballots').value).toBe(0);
    const meetings = table(r, 'cic-general-meetings');
    expect(meetings.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.display])))).toEqual([
      { meeting: 'Annual general meeting 2025 (Annual general meeting)', held: '20 September 2025', present: '2', entitled: '4', turnout: '2 of 4 (50%)' },
      { meeting: expect.stringMatching(/\(Class meeting\)$/), held: '15 November 2025', present: '1', entitled: '1', turnout: '1 of 1 (100%)' },
    ]);
    expect(table(r, 'cic-ballots').rows).toEqual([]);

    expect(figure(r, 'directors-in-year').value).toBe(2);
    expect(table(r, 'cic-directors').rows.map((row) => [row['name']!.display, row['appointed']!.display, row['ceased']!.display])).toEqual([
      ['Bo Grey', '1 June 2025', '31 December 2025'],
      ['Ann Lee', '1 April 2024', ''],
    ]);

    const capital = table(r, 'cic-share-capital');
    expect(capital.rows.map((row) => [row['class']!.display, row['holders']!.value, row['shares']!.value, row['paid']!.display])).toEqual([
      ['Community investors', 1, 2, '£2.00'],
      ['Shareholders', 3, 18, '£16.50'],
    ]);
    expect(capital.total!['paid']).toEqual({ display: '£18.50', value: 1850 });
    expect(capital.total!['shares']!.value).toBe(20);
  });

  it('lists in missing exactly the parts it could not fill, each with its part, and leaves each to write', async () => {
    const { t } = await cic();
    const r = await build(t, buildCic34, REQUEST, YEAR);
    expect(r.missing.map((m) => m.section)).toEqual([
      'Part 1: General description of the company’s activities and impact',
      'Part 2: Consultation with stakeholders',
      'Part 3: Directors’ remuneration',
      'Part 4: Transfers of assets other than for full consideration',
      'Dividends and the dividend cap (companies limited by shares)',
      'Dividends and the dividend cap (companies limited by shares)',
    ]);
    const toWrite = r.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'toWrite'));
    expect(toWrite).toHaveLength(6);
    // The law is stated in each part.
    for (const id of ['activities', 'consultation', 'remuneration', 'transfers', 'dividends']) {
      expect(section(r, id).blocks.some((b) => b.type === 'text' && b.tone === 'law' && /regs? (26|17)/.test(b.text))).toBe(true);
    }
  });

  it('for a CIC limited by guarantee has no dividends part', async () => {
    const { t } = await cic('cic_limited_by_guarantee');
    const r = await build(t, buildCic34, REQUEST, YEAR);
    expect(r.sections.map((s) => s.id)).not.toContain('dividends');
    expect(r.missing).toHaveLength(4);
    expect(figure(r, 'general-meetings').value).toBe(2);
  });

  it('can still be produced for a year the company was a CIC after it converted, judged on its form on the date', async () => {
    const { t } = await cic('cic_limited_by_guarantee');
    await ok(t, 'organisation.update', { ...validSetUpInput().particulars, name: 'Riverside Health Ltd', legalForm: 'company_limited_by_guarantee' });
    const doc = await jobResult<ReportDoc>(t.core, 'reports.build', REQUEST);
    expect(doc.sections.map((s) => s.id)).toEqual(['company', 'activities', 'consultation', 'remuneration', 'transfers']);
    // Today it is not a CIC: a CIC34 as at today is refused, saying what it is.
    expect(await t.core.dispatch('reports.build', { kind: 'cic34', asAt: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { kind: expect.stringContaining('This organisation is a company limited by guarantee.') } },
    });
  });

  it('reads the same for the same year after members come and go and directors are appointed', async () => {
    const { t, cls, cat } = await cic();
    const first = await build(t, buildCic34, REQUEST, YEAR);
    await admit(t.core, cls, person('Dee', 'New'), { admittedOn: '2026-06-01', shares: 4 });
    await ok(t, 'shares.transfer', { fromMemberId: cat.id, toMemberId: (await admit(t.core, cls, person('Eli', 'Next'), { admittedOn: '2026-06-02', shares: 1 })).id, date: '2026-07-01', shares: 3 });
    await ok(t, 'members.cease', { memberId: cat.id, ceasedOn: '2026-07-02', reason: 'resigned' });
    await director(t, 'Di', 'Late', '2026-05-01');
    // A class created after the year, with no shares then: not part of that year's share capital.
    await makeClass(t.core, 'Later investors', { transferable: true, nominalPence: 100 });
    const again = await build(t, buildCic34, REQUEST, YEAR);
    expect(again.sections).toEqual(first.sections);
    expect(again.missing).toEqual(first.missing);
  });

  it('counts a ballot closed in the period with its roll and those who voted', async () => {
    const { t } = await cic();
    let b = await ok<Ballot>(t, 'ballots.create', {
      title: 'Consultation on opening hours',
      recordDate: '2026-11-01',
      questions: [{ kind: 'consultation', text: 'Should the clinic open on Saturdays?', options: ['Yes', 'No'] }],
      trustees: [
        { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
        { name: 'Raj Chair', role: 'Chair' },
      ],
    });
    await ok(t, 'ballots.makeTrusteeKey', { id: b.id, trustee: 1, passphrase: 'scrutineer passphrase one' });
    await ok(t, 'ballots.makeTrusteeKey', { id: b.id, trustee: 2, passphrase: 'chair passphrase number two' });
    b = await jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
    const roll = (await ok<{ entries: RollEntry[] }>(t, 'ballots.roll', { id: b.id, limit: 100 })).entries;
    const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id });
    const { token } = await ok<{ token: string }>(t, 'ballots.checkIn', { id: b.id, rollId: roll[0]!.id });
    await ok(t, 'ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: encryptBallot(prepare(nobleGroup, pub.election), [[1, 0]]) });
    expect((await runJob(t.core, 'ballots.close', { id: b.id }))?.state).toBe('succeeded');

    const period = { from: '2026-04-01', to: '2026-11-30' };
    const r = await build(t, buildCic34, { kind: 'cic34', asAt: period.to, from: period.from }, period);
    expect(figure(r, 'ballots').value).toBe(1);
    expect(table(r, 'cic-ballots').rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.display])))).toEqual([
      { ballot: 'Consultation on opening hours', closed: '30 November 2026', questions: 'consultation questions', voted: '1', roll: '4', turnout: '1 of 4 (25%)' },
    ]);
    // Not in the year before.
    expect(figure(await build(t, buildCic34, REQUEST, YEAR), 'ballots').value).toBe(0);
    const list = await listTrace(t, figure(r, 'ballots'));
    expect(list.rows.map((row) => row.label)).toEqual(['Consultation on opening hours']);
  });

  it('counts a director re-appointed in the year once, and shows no cessation dated after the year', async () => {
    const { t } = await cic();
    const list = await ok<Officer[]>(t, 'officers.list', { status: 'all' });
    const grey = list.find((o) => o.familyName === 'Grey')!;
    const lee = list.find((o) => o.familyName === 'Lee')!;
    // Bo Grey appointed again within the year; Ann Lee's appointment ended after it.
    await ok(t, 'officers.appoint', { officerId: grey.id, appointment: { role: 'director', directorKind: 'employee', appointedOn: '2026-02-01' } });
    await ok(t, 'officers.endAppointment', { appointmentId: lee.appointments.find((a) => a.role === 'director')!.id, ceasedOn: '2026-05-01' });
    const r = await build(t, buildCic34, REQUEST, YEAR);
    expect(figure(r, 'directors-in-year').value).toBe(2);
    expect(table(r, 'cic-directors').rows.map((row) => [row['name']!.display, row['appointed']!.display, row['ceased']!.display])).toEqual([
      ['Bo Grey', '1 June 2025; 1 February 2026', '31 December 2025'],
      ['Ann Lee', '1 April 2024', ''],
    ]);
    expect((await listTrace(t, figure(r, 'directors-in-year'))).rows.map((row) => [row.label, row.detail])).toEqual([
      ['Bo Grey', 'Appointed 1 June 2025; ceased 31 December 2025; appointed 1 February 2026'],
      ['Ann Lee', 'Appointed 1 April 2024'],
    ]);
  });

  it('each trace lists exactly the records its figure counts', async () => {
    const { t } = await cic();
    const r = await build(t, buildCic34, REQUEST, YEAR);
    const values = traced(r);
    expect(new Set(values.map((v) => v.trace!.set))).toEqual(new Set(['regulator.generalMeetings', 'regulator.ballots', 'regulator.directorsInPeriod', 'regulator.members', 'regulator.holders']));
    for (const v of values) {
      const list = await listTrace(t, v);
      expect(list.total, `${v.trace!.set} ${JSON.stringify(v.trace!.params)}`).toBe(v.value);
      expect(list.rows).toHaveLength(v.value!);
    }
    expect((await listTrace(t, figure(r, 'directors-in-year'))).rows.map((row) => row.label)).toEqual(['Bo Grey', 'Ann Lee']);
  });
});
