import { afterEach, describe, expect, it } from 'vitest';
import type { Counterparty } from '../../../shared/contract/counterparties';
import type { Decision } from '../../../shared/contract/decisions';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { TestCore } from '../testing';
import { attempt, director, ok, once, open, refused } from './fixtures.test-helpers';

/**
 * The decisions register filtered to an organisation on the list (issue 10): the decisions linked
 * to it whatever words they carry, and those whose words name it (case and spacing ignored), as
 * the organisation's page finds them; not another organisation's, nor a longer name containing it.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

type Page = { rows: Decision[]; next: { decidedOn: string; id: string } | null };

async function setUp() {
  const t = await open(cleanups);
  const leeds = await ok<Counterparty>(t, 'counterparties.create', { name: 'Leeds City Council', kind: 'council' });
  const bradford = await ok<Counterparty>(t, 'counterparties.create', { name: 'Bradford Council', kind: 'council' });
  const ada = await director(t, 'Ada', 'Lovelace');
  const bob = await director(t, 'Bob', 'Brown');
  /** A board meeting on the day with one item tagged as given; returns the item. */
  const item = async (heldOn: string, tags: Record<string, string>) => {
    let v = await ok<MeetingView>(t, 'meetings.create', { kind: 'board', heldOn, startsAt: '18:30', place: 'Civic Hall', chairOfficerId: ada.id, standardItems: false });
    const meetingId = v.meeting.id;
    v = await ok<MeetingView>(t, 'meetings.addItem', { meetingId, title: 'Commissioning', purpose: 'decision', ...tags });
    for (const officerId of [ada.id, bob.id]) await ok(t, 'meetings.setAttendance', { meetingId, officerId, status: 'present' });
    return v.items.at(-1)!.id;
  };
  const decide = (agendaItemId: string, text: string) => once<Decision>(t, 'decisions.record', { agendaItemId, kind: 'board', text, votesFor: 2, votesAgainst: 0, votesAbstain: 0 });
  return { t, leeds, bradford, item, decide };
}

const texts = async (t: TestCore, input: Record<string, unknown>) => (await ok<Page>(t, 'decisions.register', input)).rows.map((d) => d.text);

describe('the decisions register filtered to an organisation on the list', () => {
  it('finds decisions linked to it under other words and those naming it unlinked, not another organisation’s nor a longer name', async () => {
    const { t, leeds, bradford, item, decide } = await setUp();
    // Linked, under words that do not name it: the words filter cannot find this one.
    const linked = await decide(await item('2026-06-01', { counterpartyId: leeds.id, relatedOrganisation: 'LCC adult social care commissioning' }), 'Bid for the adult social care tender');
    expect(linked).toMatchObject({ counterpartyId: leeds.id, relatedOrganisation: 'LCC adult social care commissioning' });
    // Words alone, typed differently: not linked, but naming it.
    const named = await decide(await item('2026-07-01', { relatedOrganisation: '  leeds   CITY council ' }), 'Accept the price uplift');
    expect(named.counterpartyId).toBeNull();
    // A longer name containing its words, another organisation, and no organisation at all.
    await decide(await item('2026-08-01', { relatedOrganisation: 'Leeds City Council Trading Ltd' }), 'Lease the depot');
    await decide(await item('2026-09-01', { counterpartyId: bradford.id }), 'Renew the Bradford contract');
    await decide(await item('2026-10-01', {}), 'Approve the budget');

    expect(await texts(t, { counterpartyId: leeds.id })).toEqual(['Accept the price uplift', 'Bid for the adult social care tender']);
    expect(await texts(t, { organisation: 'Leeds City Council' })).not.toContain('Bid for the adult social care tender');
    expect(await texts(t, { counterpartyId: bradford.id })).toEqual(['Renew the Bradford contract']);
    // With the other filters.
    expect(await texts(t, { counterpartyId: leeds.id, from: '2026-06-15' })).toEqual(['Accept the price uplift']);
    expect(await texts(t, { counterpartyId: leeds.id, search: 'tender' })).toEqual(['Bid for the adult social care tender']);

    // A page at a time: the longer name between the pages is passed over, and the keyset carries on.
    let page = await ok<Page>(t, 'decisions.register', { counterpartyId: leeds.id, limit: 1 });
    expect(page.rows.map((d) => d.text)).toEqual(['Accept the price uplift']);
    expect(page.next).not.toBeNull();
    page = await ok<Page>(t, 'decisions.register', { counterpartyId: leeds.id, limit: 1, after: page.next });
    expect(page.rows.map((d) => d.text)).toEqual(['Bid for the adult social care tender']);
    expect(page.next).toBeNull();

    // A decision linked to the organisation by decisions.record, on an untagged item, is found too.
    await once<Decision>(t, 'decisions.record', { agendaItemId: await item('2026-11-01', {}), kind: 'board', text: 'Sign the grant agreement', counterpartyId: leeds.id, votesFor: 2, votesAgainst: 0, votesAbstain: 0 });
    expect(await texts(t, { counterpartyId: leeds.id, limit: 2 })).toEqual(['Sign the grant agreement', 'Accept the price uplift']);
  });

  it('refuses an organisation not on the list', async () => {
    const { t } = await setUp();
    expect(refused(await attempt(t, 'decisions.register', { counterpartyId: '0190f000-0000-7000-8000-000000000001' }), 'VALIDATION', 'counterpartyId')).toBe(
      'That organisation is not on the list of organisations.',
    );
  });

  it('walks the register for an organisation in hundreds of decisions, newest first, every one once', async () => {
    // Over 500 links and matches the filter walks the register (handlers.ts COMMON_MATCHES): the
    // answer must be the same as for a rare organisation.
    const { t, leeds, item, decide } = await setUp();
    const items = [
      await item('2026-06-01', { counterpartyId: leeds.id }),
      await item('2026-07-01', { relatedOrganisation: 'LEEDS CITY COUNCIL' }),
      await item('2026-08-01', { relatedOrganisation: 'Leeds City Council Trading Ltd' }),
    ];
    for (let i = 0; i < 540; i++) await decide(items[i % 3]!, `To note report ${i}`);
    const seen: Decision[] = [];
    let page = await ok<Page>(t, 'decisions.register', { counterpartyId: leeds.id, limit: 200 });
    seen.push(...page.rows);
    while (page.next) {
      page = await ok<Page>(t, 'decisions.register', { counterpartyId: leeds.id, limit: 200, after: page.next });
      seen.push(...page.rows);
    }
    expect(seen).toHaveLength(360);
    expect(new Set(seen.map((d) => d.id)).size).toBe(360);
    expect(seen.every((d) => d.counterpartyId === leeds.id || d.relatedOrganisation === 'LEEDS CITY COUNCIL')).toBe(true);
    const keys = seen.map((d) => `${d.decidedOn} ${d.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(seen[0]!.decidedOn).toBe('2026-07-01');
  }, 120_000);
});
