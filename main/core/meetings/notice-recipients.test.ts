import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { ElectronicComms } from '../../../shared/contract/members';
import { exportsDirFor } from '../exports/file-store';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { docxText } from './print/fixtures.test-helpers';

/**
 * Who a notice goes to and how, from the register on the day it was sent: by e-mail only to a
 * member with an address and an agreement given on or before that day and not revoked on or
 * before it (CA 2006 s1144(2), Sch 5 Part 3 paras 6-7), by post to the registered address
 * otherwise; directors by name, with no invented channel.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
let t: TestCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function noticeText(core: TestCore['core'], dbPath: string, meetingId: string): Promise<string> {
  const status = await runJob(core, 'meetings.notice', { id: meetingId, format: 'docx' });
  expect(status.state).toBe('succeeded');
  const { fileId } = status.result as { fileId: string };
  return docxText(readFileSync(join(exportsDirFor(dbPath), fileId)));
}

describe('the distribution of a general meeting notice', () => {
  it('sends by e-mail only where an agreement stood on the day of sending, and by post to the registered address otherwise', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    const cls = await makeClass(t.core, 'Community members', null, false);
    const member = (given: string, comms: ElectronicComms | null, email = `${given.toLowerCase()}@example.org`) =>
      admit(t!.core, cls, person(given, 'Jones', { email, electronicComms: comms }), { admittedOn: '2020-01-01' });
    await member('Ada', { agreedOn: '2024-01-01' }); // agreed long before: e-mail
    await member('Bea', { agreedOn: '2026-11-15' }); // agreed after the notice went: post
    await member('Cal', { agreedOn: '2024-01-01', revokedOn: '2026-11-01' }); // revoked before: post
    await member('Dee', { agreedOn: '2024-01-01', revokedOn: '2026-11-20' }); // revoked after: e-mail
    await member('Eve', null); // an address but no agreement on record: post
    await member('Fay', { agreedOn: '2026-11-10' }); // agreed on the day: e-mail
    await member('Gus', { agreedOn: '2024-01-01', revokedOn: '2026-11-10' }); // revoked on the day: post

    let v = expectOk(await t.core.dispatch('meetings.create', { kind: 'general', heldOn: '2026-12-18', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false })) as MeetingView;
    v = expectOk(await t.core.dispatch('meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-11-10T10:00', method: 'post' })) as MeetingView;
    const text = await noticeText(t.core, t.dbPath, v.meeting.id);

    expect(text).toContain('This notice was sent to the members on the register of members on 10 November 2026: 7 in all (3 by e-mail, 4 by post).');
    const post = '\\s*Post\\s*3 Mill Lane, Leeds, LS2 7AB';
    for (const given of ['Ada', 'Dee', 'Fay']) expect(text).toMatch(new RegExp(`${given} Jones\\s*E-mail\\s*${given.toLowerCase()}@example\\.org`));
    for (const given of ['Bea', 'Cal', 'Eve', 'Gus']) expect(text).toMatch(new RegExp(`${given} Jones${post}`));
  });
});

describe('the distribution of a board notice', () => {
  it('names each director on the day, with no method or placeholder address', async () => {
    t = await openTestCore({ now: () => NOW });
    await setUpOrganisation(t.core);
    for (const [givenNames, familyName] of [['Siân', 'Ó Briain'], ['Jaspreet', 'Patel']] as const) {
      expectOk(
        await t.core.dispatch('officers.add', {
          particulars: { givenNames, familyName, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
          residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
          appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-04-01' },
        }),
      );
    }
    const v = expectOk(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: true })) as MeetingView;
    const text = await noticeText(t.core, t.dbPath, v.meeting.id);
    expect(text).toContain('Given to');
    expect(text).toContain('to each of the 2 directors named below, in the way the articles allow');
    expect(text).toContain('article 9(3)');
    expect(text).toMatch(/Jaspreet Patel\s*Siân Ó Briain/);
    expect(text).not.toMatch(/as held by the secretary|Address used|E-mail/);
  });
});
