import { afterEach, describe, expect, it } from 'vitest';
import type { Counterparty, CounterpartyDetail } from '../../../shared/contract/counterparties';
import type { Interest } from '../../../shared/contract/interests';
import type { MeetingView } from '../../../shared/contract/meetings';
import { attempt, director, ok, once, open, refused } from '../decisions/fixtures.test-helpers';

/**
 * A declaration of interest made at a meeting names its organisation from the list (issue 10),
 * by default the organisation the item is tagged with, so the organisation's contracts name the
 * director as conflicted however the words were typed.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const UNKNOWN = '0190f000-0000-7000-8000-000000000001';

async function setUp() {
  const t = await open(cleanups);
  const leeds = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
  const bradford = await ok<Counterparty>(t, 'counterparties.create', { name: 'Bradford Council', kind: 'council' });
  const ada = await director(t, 'Ada', 'Lovelace');
  let v = await ok<MeetingView>(t, 'meetings.create', { kind: 'board', heldOn: '2026-11-10', startsAt: '18:30', place: 'Civic Hall', chairOfficerId: ada.id, standardItems: false });
  const meetingId = v.meeting.id;
  v = await ok<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Extension of the council contract', purpose: 'decision', counterpartyId: leeds.id });
  const tagged = v.items.at(-1)!.id;
  v = await ok<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Any other business', purpose: 'discussion' });
  const untagged = v.items.at(-1)!.id;
  const interests = async () => (await ok<Interest[]>(t, 'interests.list', { officerId: ada.id })).map((i) => ({ relatedOrganisation: i.relatedOrganisation, counterpartyId: i.counterpartyId }));
  const declare = (input: Record<string, unknown>) => once<MeetingView>(t, 'meetings.declareInterest', { meetingId, officerId: ada.id, nature: 'Her husband works for the council', ...input });
  return { t, leeds, bradford, ada, meetingId, tagged, untagged, interests, declare };
}

describe('meetings.declareInterest and the organisations list', () => {
  it('links a declaration on a tagged item to the item’s organisation, and one made with it named in other case and spacing', async () => {
    const { t, leeds, ada, tagged, interests, declare } = await setUp();
    await declare({ agendaItemId: tagged });
    expect(await interests()).toEqual([{ relatedOrganisation: 'Leeds City Council', counterpartyId: leeds.id }]);
    await declare({ agendaItemId: tagged, relatedOrganisation: 'leeds  city COUNCIL' });
    expect((await interests()).map((i) => i.counterpartyId)).toEqual([leeds.id, leeds.id]);
    // The council's page lists both declarations as interests in it.
    const page = await ok<CounterpartyDetail>(t, 'counterparties.get', { id: leeds.id });
    expect(page.interests.map((i) => i.officerId)).toEqual([ada.id, ada.id]);
  });

  it('takes the organisation chosen over the item’s, and leaves other words on a tagged item unlinked', async () => {
    const { bradford, tagged, interests, declare } = await setUp();
    await declare({ agendaItemId: tagged, counterpartyId: bradford.id });
    expect(await interests()).toEqual([{ relatedOrganisation: 'Bradford Council', counterpartyId: bradford.id }]);
    await declare({ agendaItemId: tagged, relatedOrganisation: 'Acme Catering Ltd' });
    expect(await interests()).toContainEqual({ relatedOrganisation: 'Acme Catering Ltd', counterpartyId: null });
  });

  it('links a declaration on the meeting as a whole or an untagged item only to an organisation chosen, keeping the words typed', async () => {
    const { leeds, untagged, interests, declare } = await setUp();
    await declare({ relatedOrganisation: 'Acme Catering Ltd' });
    await declare({ agendaItemId: untagged });
    await declare({ agendaItemId: untagged, counterpartyId: leeds.id, relatedOrganisation: 'LCC adult social care' });
    await declare({ counterpartyId: leeds.id });
    const got = await interests();
    expect(got).toHaveLength(4);
    for (const i of [
      { relatedOrganisation: 'Acme Catering Ltd', counterpartyId: null },
      { relatedOrganisation: null, counterpartyId: null },
      { relatedOrganisation: 'LCC adult social care', counterpartyId: leeds.id },
      { relatedOrganisation: 'Leeds City Council', counterpartyId: leeds.id },
    ]) {
      expect(got).toContainEqual(i);
    }
  });

  it('refuses an organisation not on the list, on its field, recording nothing', async () => {
    const { t, meetingId, ada, tagged, interests } = await setUp();
    const r = await attempt(t, 'meetings.declareInterest', { meetingId, officerId: ada.id, agendaItemId: tagged, nature: 'Trustee', counterpartyId: UNKNOWN });
    expect(refused(r, 'VALIDATION', 'counterpartyId')).toBe('That organisation is not on the list of organisations.');
    expect(await interests()).toEqual([]);
    const v = await ok<MeetingView>(t, 'meetings.get', { id: meetingId });
    expect(v.declarations ?? []).toEqual([]);
  });
});
