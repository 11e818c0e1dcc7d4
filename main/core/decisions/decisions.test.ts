import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/contract/decisions';
import type { VerifyReport } from '../../../shared/contract/audit';
import { uuidv7 } from '../db/ids';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, runJob, type TestCore } from '../testing';
import { addDays } from '../../../shared/rules/legal-date';
import { attempt, boardMeeting, declare, director, ok, once, open, refused } from './fixtures.test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const record = (t: TestCore, input: Record<string, unknown>) => once<Decision>(t, 'decisions.record', { kind: 'board', text: 'To renew the contract for two years.', ...input });

async function sixDirectors(t: TestCore) {
  const names = [
    ['Amir', 'Khan'],
    ['Jaspreet', 'Patel'],
    ['Sarah', 'Lee'],
    ['Tom', 'Ward'],
    ['Ruth', 'Evans'],
    ['Owen', 'Price'],
  ] as const;
  const out = [];
  for (const [g, f] of names) out.push(await director(t, g, f));
  return out;
}

/** Signs a meeting's minutes in the file directly (the minutes area's own tests sign them through the core). */
function sealMinutes(t: TestCore, meetingId: string) {
  t.core.raw
    .prepare(
      `insert into minutes (id, meeting_id, status, body, signed_on, signed_by, sealed_sha256, sealed_record, created_at, updated_at)
       values (?, ?, 'signed', '{}', '2026-11-20', 'Amir Khan', ?, '{}', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
    )
    .run(uuidv7(), meetingId, 'a'.repeat(64));
}

describe('board decisions', () => {
  it('derives counts from named votes and carries a majority; each decision is one audit event vouching for its votes', async () => {
    const t = await open(cleanups);
    const [khan, patel, lee] = await sixDirectors(t);
    const { itemId, meetingId } = await boardMeeting(t, { chair: khan!.id, present: [khan!.id, patel!.id, lee!.id] });
    const d = await record(t, {
      agendaItemId: itemId,
      proposer: 'A. Khan',
      votes: [
        { officerId: khan!.id, vote: 'for' },
        { officerId: patel!.id, vote: 'for' },
        { officerId: lee!.id, vote: 'against' },
      ],
    });
    expect(d).toMatchObject({ meetingId, itemNumber: '1', kind: 'board', method: 'board_vote', votesFor: 2, votesAgainst: 1, votesAbstain: 0, outcome: 'carried', decidedOn: '2026-11-10', sealed: false });
    expect(d.outcomeMessage).toBe('Carried: 2 for, 1 against (a majority of the directors voting, Model Articles art 7(1)).');
    expect(d.votes.map((v) => [v.name, v.vote])).toEqual([
      ['Amir Khan', 'for'],
      ['Sarah Lee', 'against'],
      ['Jaspreet Patel', 'for'],
    ]);
    // A director present without a vote is named.
    const missing = refused(await attempt(t, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'x', votes: [{ officerId: khan!.id, vote: 'for' }] }), 'VALIDATION', 'votes');
    expect(missing).toBe('Record a vote (for, against, abstain or recused) for each director present: J. Patel and S. Lee have none.');
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
    expect(report.records.checked).toBeGreaterThanOrEqual(4);
  });

  it("applies the chair's casting vote on a tie (carried or lost), asks for it when not given, and refuses it when there is no tie", async () => {
    const t = await open(cleanups);
    const ds = await sixDirectors(t);
    const { itemId } = await boardMeeting(t, { chair: ds[0]!.id, present: ds.map((d) => d.id) });
    const tied = { agendaItemId: itemId, votesFor: 3, votesAgainst: 3 };
    // The chair may decline to use the casting vote; the tie is then not carried.
    const unused = await record(t, tied);
    expect(unused.outcome).toBe('tied_no_casting_vote');
    expect(unused.outcomeMessage).toBe('Tied, so not carried: 3 for, 3 against; A. Khan, chairing, did not use the casting vote (Model Articles art 13(1)).');
    const carried = await record(t, { ...tied, castingVote: 'for' });
    expect(carried.outcome).toBe('carried_on_casting_vote');
    expect(carried.outcomeMessage).toBe('Carried on the casting vote of A. Khan, chairing: 3 for, 3 against (Model Articles art 13(1)).');
    const lost = await record(t, { ...tied, castingVote: 'against' });
    expect(lost.outcome).toBe('lost_on_casting_vote');
    expect(lost.outcomeMessage).toBe('Lost on the casting vote of A. Khan, chairing: 3 for, 3 against (Model Articles art 13(1)).');
    expect(refused(await attempt(t, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'x', votesFor: 4, votesAgainst: 2, castingVote: 'for' }), 'VALIDATION', 'castingVote')).toBe(
      'A casting vote is given only when the votes for and against are equal (Model Articles art 13(1)); 4 for, 2 against.',
    );
    // More votes than directors present is refused.
    expect(refused(await attempt(t, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'x', votesFor: 5, votesAgainst: 2 }), 'VALIDATION', 'votesFor')).toBe(
      '7 votes are recorded, but only 6 directors were present and entitled to vote on item 1.',
    );
  });

  it('where the rules give no casting vote, a tie is not carried', async () => {
    const t = await open(cleanups, { chairCastingVote: false });
    const ds = await sixDirectors(t);
    const { itemId } = await boardMeeting(t, { chair: ds[0]!.id, present: ds.slice(0, 4).map((d) => d.id) });
    const d = await record(t, { agendaItemId: itemId, votesFor: 2, votesAgainst: 2 });
    expect(d.outcome).toBe('tied_no_casting_vote');
    expect(d.outcomeMessage).toBe('Tied, so not carried: 2 for, 2 against; the chair has no casting vote under your articles.');
  });

  it('a conflicted chair has no casting vote, and a conflicted director may not vote (Model Articles art 13(2), 14)', async () => {
    const t = await open(cleanups);
    const ds = await sixDirectors(t);
    const [chair, patel, lee, ward, evans] = ds;
    await declare(t, chair!.id, 'Leeds City Council');
    const { itemId } = await boardMeeting(t, { chair: chair!.id, present: [chair!.id, patel!.id, lee!.id, ward!.id, evans!.id], relatedOrganisation: 'The Leeds City Council' });
    const voting = refused(
      await attempt(t, 'decisions.record', {
        agendaItemId: itemId,
        kind: 'board',
        text: 'x',
        votes: [
          { officerId: chair!.id, vote: 'for' },
          { officerId: patel!.id, vote: 'for' },
          { officerId: lee!.id, vote: 'against' },
          { officerId: ward!.id, vote: 'against' },
          { officerId: evans!.id, vote: 'for' },
        ],
      }),
      'VALIDATION',
      'votes.0.vote',
    );
    expect(voting).toBe('Amir Khan has declared an interest (Employed by Leeds City Council) in The Leeds City Council, so may not vote on item 1 (Model Articles art 14); record them as recused.');
    const named = [
      { officerId: patel!.id, vote: 'for' },
      { officerId: lee!.id, vote: 'for' },
      { officerId: ward!.id, vote: 'against' },
      { officerId: evans!.id, vote: 'against' },
    ];
    expect(refused(await attempt(t, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'x', votes: named, castingVote: 'for' }), 'VALIDATION', 'castingVote')).toBe(
      'A. Khan is conflicted on this matter, so has no casting vote (Model Articles art 13(2) and art 14).',
    );
    const d = await record(t, { agendaItemId: itemId, votes: named });
    expect(d.outcome).toBe('tied_no_casting_vote');
    expect(d.outcomeMessage).toBe('Tied, so not carried: 2 for, 2 against; A. Khan, chairing, is conflicted on this matter, so has no casting vote (Model Articles art 13(2) and art 14).');
    // The conflicted chair is recorded as recused, and the decision carries the item's organisation for the register.
    expect(d.votes.find((v) => v.officerId === chair!.id)?.vote).toBe('recused');
    expect(d.relatedOrganisation).toBe('The Leeds City Council');
  });

  it('is refused when the item is not quorate, and recorded (and shown) when the secretary says so', async () => {
    const t = await open(cleanups, { boardQuorum: 3 });
    const [khan, patel, lee] = await sixDirectors(t);
    await declare(t, lee!.id, 'Acme Catering Ltd');
    const { itemId } = await boardMeeting(t, { chair: khan!.id, present: [khan!.id, patel!.id, lee!.id], relatedOrganisation: 'Acme Catering' });
    const input = { agendaItemId: itemId, kind: 'board', text: 'To appoint Acme as caterer.', votesFor: 2, votesAgainst: 0 };
    const msg = refused(await attempt(t, 'decisions.record', input), 'VALIDATION', 'recordNotQuorate');
    expect(msg).toMatch(/^Not quorate for item 1: 2 of 3 needed; S\. Lee is conflicted.*\. A decision taken without a quorum is not valid \(Model Articles art 11\(1\)/);
    const d = await record(t, { ...input, recordNotQuorate: true });
    expect(d.recordedNotQuorate).toBe(true);
    expect(d.outcome).toBe('carried');
  });

  it('corrects and removes a decision until the minutes are signed; then the service refuses first, and the trigger too', async () => {
    const t = await open(cleanups);
    const [khan, patel] = await sixDirectors(t);
    const { itemId, meetingId } = await boardMeeting(t, { chair: khan!.id, present: [khan!.id, patel!.id] });
    const d = await record(t, { agendaItemId: itemId, votesFor: 2, votesAgainst: 0 });
    const fixed = await once<Decision>(t, 'decisions.update', {
      id: d.id,
      text: 'To renew the contract for three years.',
      votes: [
        { officerId: khan!.id, vote: 'for' },
        { officerId: patel!.id, vote: 'against' },
      ],
      castingVote: 'against',
    });
    expect(fixed).toMatchObject({ text: 'To renew the contract for three years.', outcome: 'lost_on_casting_vote', votesFor: 1, votesAgainst: 1 });
    const other = await record(t, { agendaItemId: itemId, votesFor: 1, votesAgainst: 0 });
    expect(await once(t, 'decisions.remove', { id: other.id })).toEqual({ removed: true });
    expect(Number(t.core.raw.prepare('select count(*) from decision').pluck().get())).toBe(1);

    sealMinutes(t, meetingId);
    const sealed = refused(await attempt(t, 'decisions.update', { id: d.id, text: 'Changed.', votesFor: 2, votesAgainst: 0 }), 'CONFLICT');
    expect(sealed).toBe('The minutes of the Board meeting on 10 November 2026 are signed and sealed, so its decisions cannot be changed (CA 2006 s248, s355, s1138). Record a correction at a later meeting instead.');
    expect(refused(await attempt(t, 'decisions.remove', { id: d.id }), 'CONFLICT')).toBe(sealed);
    expect(refused(await attempt(t, 'decisions.record', { agendaItemId: itemId, kind: 'board', text: 'x', votesFor: 2, votesAgainst: 0 }), 'CONFLICT')).toBe(sealed);
    expect(() => t.core.raw.prepare('delete from decision where id = ?').run(d.id)).toThrow(/signed and sealed/);
    const reg = await ok<{ rows: Decision[] }>(t, 'decisions.register', { meetingId });
    expect(reg.rows[0]!.sealed).toBe(true);
  });
});

describe("members' resolutions", () => {
  async function generalMeeting(t: TestCore) {
    const cls = await makeClass(t.core, 'Member', null);
    const a = await admit(t.core, cls, person('Ann', 'Shaw'));
    const b = await admit(t.core, cls, person('Bea', 'Hall'));
    let v = await ok(t, 'meetings.create', { kind: 'general', heldOn: '2026-11-12', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false });
    const meetingId = v.meeting.id;
    v = await ok(t, 'meetings.addItem', { meetingId, title: 'Change of name', purpose: 'decision' });
    const itemId = v.items.at(-1)!.id;
    await ok(t, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'special', text: 'That the name of the company be changed to Riverside Care.' });
    v = await ok(t, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'ordinary', text: 'That the accounts be received.' });
    for (const m of [a, b]) v = await ok(t, 'meetings.setAttendance', { meetingId, memberId: m.id, status: 'present' });
    const special = v.resolutions.find((r) => r.kind === 'special')!.id;
    const ordinary = v.resolutions.find((r) => r.kind === 'ordinary')!.id;
    return { meetingId, itemId, special, ordinary };
  }

  it('a special resolution passes at 75% of the votes cast and fails at 74.9% (CA 2006 s283(5)); abstentions are not votes cast', async () => {
    const t = await open(cleanups);
    const g = await generalMeeting(t);
    const base = { agendaItemId: g.itemId, kind: 'special', method: 'poll', text: 'That the name be changed.' };
    const fails = await once<Decision>(t, 'decisions.record', { ...base, resolutionId: g.special, votesFor: 749, votesAgainst: 251, votesAbstain: 500 });
    expect(fails.outcome).toBe('not_passed');
    expect(fails.outcomeMessage).toBe(
      'Not passed as a special resolution on a poll: 749 for, 251 against, 500 abstaining (abstentions are not votes cast) (74.9% of the votes cast); not less than 75% of the votes cast is needed (CA 2006 s283(5)).',
    );
    const passes = await once<Decision>(t, 'decisions.update', { id: fails.id, text: 'That the name be changed.', votesFor: 750, votesAgainst: 250, votesAbstain: 500 });
    expect(passes.outcome).toBe('passed');
    expect(passes.outcomeMessage).toMatch(/^Passed as a special resolution on a poll: 750 for, 250 against.*\(75% of the votes cast\)/);
    // An ordinary resolution on a tie is lost.
    const tie = await once<Decision>(t, 'decisions.record', { agendaItemId: g.itemId, kind: 'ordinary', method: 'show_of_hands', resolutionId: g.ordinary, text: 'Accounts', votesFor: 10, votesAgainst: 10 });
    expect(tie.outcome).toBe('not_passed');
    expect(tie.outcomeMessage).toBe('Not passed as an ordinary resolution on a show of hands: 10 for, 10 against (50% of the votes cast); a simple majority of the votes cast is needed; a tie is not a majority (CA 2006 s282(3)).');
  });

  it('a special resolution not set out as special in the notice is refused (CA 2006 s283(6)), and one set out as special cannot pass as ordinary', async () => {
    const t = await open(cleanups);
    const g = await generalMeeting(t);
    const base = { agendaItemId: g.itemId, method: 'show_of_hands', text: 'x', votesFor: 30, votesAgainst: 1 };
    expect(refused(await attempt(t, 'decisions.record', { ...base, kind: 'special' }), 'VALIDATION', 'resolutionId')).toBe(
      'A resolution is a special resolution only if the notice of the meeting set out its text and said it was to be proposed as a special resolution (CA 2006 s283(6)(a)). Choose the resolution from the notice, set out there as special.',
    );
    expect(refused(await attempt(t, 'decisions.record', { ...base, kind: 'special', resolutionId: g.ordinary }), 'VALIDATION', 'resolutionId')).toMatch(/resolution 2 was set out as an ordinary resolution\.$/);
    expect(refused(await attempt(t, 'decisions.record', { ...base, kind: 'ordinary', resolutionId: g.special }), 'VALIDATION', 'kind')).toMatch(/CA 2006 s283\(6\)\(b\)/);
    expect(refused(await attempt(t, 'decisions.record', { ...base, kind: 'special', method: 'board_vote', resolutionId: g.special }), 'VALIDATION', 'method')).toBe('Choose whether the meeting voted on a show of hands or on a poll.');
  });
});

describe('the decisions register', () => {
  it('searches, filters by organisation, outcome and meeting kind, and pages newest first by keyset', async () => {
    const t = await open(cleanups);
    const [khan, patel] = await sixDirectors(t);
    const first = await boardMeeting(t, { heldOn: '2026-09-01', chair: khan!.id, present: [khan!.id, patel!.id], relatedOrganisation: 'Leeds City Council' });
    const second = await boardMeeting(t, { heldOn: '2026-10-01', chair: khan!.id, present: [khan!.id, patel!.id] });
    const made: Decision[] = [];
    made.push(await record(t, { agendaItemId: first.itemId, text: 'To renew the council contract.', votesFor: 2, votesAgainst: 0 }));
    made.push(await record(t, { agendaItemId: first.itemId, text: 'To review the 50% price rise.', votesFor: 0, votesAgainst: 2 }));
    made.push(await record(t, { agendaItemId: second.itemId, text: 'To approve the budget.', votesFor: 2, votesAgainst: 0 }));
    made.push(await record(t, { agendaItemId: second.itemId, text: 'To open a second site.', votesFor: 2, votesAgainst: 0 }));

    type Page = { rows: Decision[]; next: { decidedOn: string; id: string } | null };
    const all: Decision[] = [];
    let page = await ok<Page>(t, 'decisions.register', { limit: 3 });
    all.push(...page.rows);
    expect(page.next).not.toBeNull();
    page = await ok<Page>(t, 'decisions.register', { limit: 3, after: page.next });
    all.push(...page.rows);
    expect(page.next).toBeNull();
    expect(all.map((d) => d.text)).toEqual(['To open a second site.', 'To approve the budget.', 'To review the 50% price rise.', 'To renew the council contract.']);

    const texts = async (input: Record<string, unknown>) => (await ok<Page>(t, 'decisions.register', input)).rows.map((d) => d.text);
    expect(await texts({ search: 'RENEW' })).toEqual(['To renew the council contract.']);
    // The search reads the item's organisation too.
    expect(await texts({ search: 'leeds city' })).toEqual(['To review the 50% price rise.', 'To renew the council contract.']);
    expect(await texts({ search: '50%' })).toEqual(['To review the 50% price rise.']);
    // Words match from their start (FTS5 prefixes, migration 0009), accents folded; punctuation alone matches nothing.
    expect(await texts({ search: 'pri ris' })).toEqual(['To review the 50% price rise.']);
    expect(await texts({ search: '0%' })).toEqual([]);
    expect(await texts({ search: '%' })).toEqual([]);
    expect(await texts({ organisation: 'The Leeds City Council Ltd' })).toEqual(['To review the 50% price rise.', 'To renew the council contract.']);
    expect(await texts({ outcome: 'lost' })).toEqual(['To review the 50% price rise.']);
    expect(await texts({ from: '2026-09-15', to: '2026-10-31' })).toEqual(['To open a second site.', 'To approve the budget.']);
    expect(await texts({ meetingKind: 'general' })).toEqual([]);
    expect(await texts({ meetingKind: 'board', meetingId: first.meetingId, limit: 1 })).toEqual(['To review the 50% price rise.']);
  });
});

describe('the decisions register with a common word', () => {
  it('finds a word in hundreds of decisions newest first, pages by keyset, and finds a rare word among them', async () => {
    // Over 500 matches the search walks the register instead of sorting the matches (handlers.ts
    // COMMON_MATCHES); the answer must be the same as for a rare word: newest first, by keyset.
    const t = await open(cleanups);
    const [khan, patel] = await sixDirectors(t);
    const days = ['2026-06-01', '2026-07-01', '2026-08-01'];
    const meetings = [];
    for (const heldOn of days) meetings.push(await boardMeeting(t, { heldOn, chair: khan!.id, present: [khan!.id, patel!.id] }));
    for (let i = 0; i < 510; i++) {
      const m = meetings[i % 3]!;
      await record(t, { agendaItemId: m.itemId, text: `To note the safeguarding report number ${i}${i === 7 ? ' on the Hartley lease' : ''}.`, votesFor: 2, votesAgainst: 0 });
    }
    type Page = { rows: Decision[]; next: { decidedOn: string; id: string } | null };
    const seen: Decision[] = [];
    let page = await ok<Page>(t, 'decisions.register', { search: 'safeguard', limit: 200 });
    seen.push(...page.rows);
    while (page.next) {
      page = await ok<Page>(t, 'decisions.register', { search: 'safeguard', limit: 200, after: page.next });
      seen.push(...page.rows);
    }
    expect(seen).toHaveLength(510);
    expect(new Set(seen.map((d) => d.id)).size).toBe(510);
    const keys = seen.map((d) => `${d.decidedOn} ${d.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(seen[0]!.decidedOn).toBe('2026-08-01');
    const rare = await ok<Page>(t, 'decisions.register', { search: 'hartley' });
    expect(rare.rows.map((d) => d.text)).toEqual(['To note the safeguarding report number 7 on the Hartley lease.']);
    const both = await ok<Page>(t, 'decisions.register', { search: 'safeguarding hartley', from: '2026-07-01' });
    expect(both.rows.map((d) => d.text)).toEqual(['To note the safeguarding report number 7 on the Hartley lease.']);
  }, 60_000);
});

describe('the decisions register filtered by a rare meeting kind', () => {
  it('finds the decisions of a kind under 1% of meetings through its own meetings, and a common kind by walking the register', async () => {
    // Over 100 board meetings and one committee meeting: the committee is under 1% of meetings, so
    // its decisions are found through decision_meeting (handlers.ts); the board by walking newest first.
    const t = await open(cleanups);
    const [khan, patel] = await sixDirectors(t);
    const committee = expectOk(await t.core.dispatch('committees.create', { name: 'Audit committee', formedOn: '2025-01-01', officerIds: [khan!.id, patel!.id] })) as { id: string };
    for (let i = 0; i < 101; i++) {
      await ok(t, 'meetings.create', { kind: 'board', heldOn: addDays('2025-06-01', i), startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: false });
    }
    const early = await boardMeeting(t, { heldOn: '2026-09-01', chair: khan!.id, present: [khan!.id, patel!.id] });
    const late = await boardMeeting(t, { heldOn: '2026-10-01', chair: khan!.id, present: [khan!.id, patel!.id] });
    const audit = await boardMeeting(t, { kind: 'committee', committeeId: committee.id, heldOn: '2026-09-15', chair: khan!.id, present: [khan!.id, patel!.id] });
    await record(t, { agendaItemId: early.itemId, text: 'To approve the budget.', votesFor: 2, votesAgainst: 0 });
    await record(t, { agendaItemId: audit.itemId, text: 'To appoint the internal auditor.', votesFor: 2, votesAgainst: 0 });
    await record(t, { agendaItemId: late.itemId, text: 'To open a second site.', votesFor: 2, votesAgainst: 0 });
    type Page = { rows: Decision[]; next: unknown };
    const texts = async (input: Record<string, unknown>) => (await ok<Page>(t, 'decisions.register', input)).rows.map((d) => d.text);
    expect(await texts({ meetingKind: 'committee' })).toEqual(['To appoint the internal auditor.']);
    expect(await texts({ meetingKind: 'committee', from: '2026-09-20' })).toEqual([]);
    expect(await texts({ meetingKind: 'board' })).toEqual(['To open a second site.', 'To approve the budget.']);
    expect(await texts({ meetingKind: 'annual_general' })).toEqual([]);
  }, 60_000);
});

describe("a society's two-meeting special resolution (CCBS Act 2014 s111)", () => {
  it('says the first meeting passed it, then which step failed at the confirming meeting', async () => {
    const t = await open(cleanups, {}, { legalForm: 'cooperative_society', registrationNumber: '12345R' });
    const cls = await makeClass(t.core, 'Member', { withdrawable: true });
    const ms: { id: string }[] = [];
    for (const n of ['Ann', 'Bea', 'Cal', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo']) ms.push(await admit(t.core, cls, person(n, 'Shaw')));
    async function meeting(heldOn: string, firstMeetingId?: string) {
      let v = await ok(t, 'meetings.create', { kind: 'general', heldOn, startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false, ...(firstMeetingId ? { firstMeetingId, societyResolutionKind: 'amalgamation' } : {}) });
      const meetingId = v.meeting.id;
      v = await ok(t, 'meetings.addItem', { meetingId, title: 'Amalgamation', purpose: 'decision' });
      const itemId = v.items.at(-1)!.id;
      v = await ok(t, 'meetings.addResolution', { meetingId, agendaItemId: itemId, kind: 'special', societyKind: 'amalgamation', text: 'That the society amalgamate with Riverside Co-operative.' });
      for (const m of ms.slice(0, 3)) v = await ok(t, 'meetings.setAttendance', { meetingId, memberId: m.id, status: 'present' });
      return { meetingId, itemId, resolutionId: v.resolutions[0]!.id };
    }
    const first = await meeting('2026-10-01');
    const d1 = await once<Decision>(t, 'decisions.record', { agendaItemId: first.itemId, kind: 'special', method: 'show_of_hands', resolutionId: first.resolutionId, text: 'Amalgamation', votesFor: 7, votesAgainst: 3 });
    expect(d1.outcome).toBe('passed');
    expect(d1.outcomeMessage).toMatch(/^Passed at the first meeting; it must now be confirmed by over half/);
    const second = await meeting('2026-10-20', first.meetingId);
    const d2 = await once<Decision>(t, 'decisions.record', { agendaItemId: second.itemId, kind: 'special', method: 'show_of_hands', resolutionId: second.resolutionId, text: 'Amalgamation confirmed', votesFor: 2, votesAgainst: 3 });
    expect(d2.outcome).toBe('not_passed');
    expect(d2.outcomeMessage).toMatch(/^Not passed: it failed at the confirmation at the second meeting\. Second meeting: 2 of the 5 eligible members who voted confirmed it/);
  });
});
