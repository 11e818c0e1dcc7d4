import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type BallotJson, type ElectionPublic } from '../../../shared/ballot';
import type { Ballot, RollEntry } from '../../../shared/contract/ballots';
import type { MembershipClass } from '../../../shared/contract/classes';
import { admit, person, registerOf } from '../members/register.test-helpers';
import { expectOk, jobResult, runJob, type TestCore } from '../testing';
import { useLightKdfForTests } from './kdf';

// A co-operative society with employee members and supporter members whose rules cap the
// supporters at 10% of the votes (Co-operatives UK Multi-stakeholder Co-operative Model Rules;
// Community Shares Handbook §2.2.7.3). Today is 30 November 2026; trustees' keys use a light KDF.
beforeAll(() => useLightKdfForTests());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];
const ok = async <T>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;
const FOR = [1, 0, 0];
const AGAINST = [0, 1, 0];

async function societyClass(t: TestCore, name: string, voteCap: { pct: number; source: string } | null): Promise<MembershipClass> {
  return ok<MembershipClass>(t, 'classes.create', {
    name,
    votingRights: 'per_member',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
    voteCap,
  });
}

/** 4 employee members and 3 supporter members (capped at 10% by rule 14(b)), all admitted before the record date. */
async function society(): Promise<{ t: TestCore; supporters: MembershipClass }> {
  const t = await registerOf('cooperative_society');
  cleanups.push(() => t.cleanup());
  const employees = await societyClass(t, 'Employee members', null);
  const supporters = await societyClass(t, 'Supporter members', { pct: 10, source: 'rule 14(b) of the society’s registered rules' });
  for (let i = 1; i <= 4; i++) await admit(t.core, employees, person(`Employee${i}`, 'Khan'), { admittedOn: '2024-01-08' });
  for (let i = 1; i <= 3; i++) await admit(t.core, supporters, person(`Supporter${i}`, 'Ross'), { admittedOn: '2024-01-08' });
  return { t, supporters };
}

async function setUp(t: TestCore): Promise<Ballot> {
  return ok<Ballot>(t, 'ballots.create', {
    title: 'AGM 2026 poll',
    recordDate: '2026-11-01',
    base: 'votes_cast',
    questions: [{ kind: 'resolution', text: 'That the new community hall be built.', resolutionKind: 'ordinary' }],
    trustees: [{ name: 'Ann Scrutineer', role: 'Independent scrutineer' }, { name: 'Raj Chair', role: 'Chair' }],
  });
}

async function keysAndOpen(t: TestCore, b: Ballot): Promise<Ballot> {
  for (const tr of b.trustees) await ok(t, 'ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
  return jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
}

async function kioskVote(t: TestCore, id: string, rollId: string, ballot: BallotJson) {
  const { token } = await ok<{ token: string }>(t, 'ballots.checkIn', { id, rollId });
  return expectOk(await t.core.dispatch('ballots.cast', { id, credential: { kind: 'checkin', token }, ballot }));
}

describe('a ballot’s roll with a class capped by the rules', () => {
  it('weights the supporters to exactly 10% of the votes in the preview, the frozen roll and the decrypted result', async () => {
    const { t } = await society();
    const draft = await setUp(t);

    // 4 employees and 3 supporters: unweighted the supporters would hold 3 of 7 votes (42.9%).
    // Weighted: each employee 27 (9,000 × 3 / 1,000), each supporter 4 (1,000 × 4 × 3 / 3 / 1,000): 108 and 12 of 120.
    const preview = await ok<{ count: number; totalWeight: number; classes: { name: string; voters: number; votes: number; weight: number }[]; words: string }>(t, 'ballots.previewRoll', { id: draft.id });
    expect(preview).toMatchObject({
      count: 7,
      totalWeight: 120,
      classes: [
        { name: 'Employee members', voters: 4, votes: 4, weight: 108 },
        { name: 'Supporter members', voters: 3, votes: 3, weight: 12 },
      ],
    });
    expect(preview.words).toContain('7 voters with 120 votes: Employee members, 4 with 108; Supporter members, 3 with 12.');
    expect(preview.words).toContain(
      'Supporter members hold 3 of 7 votes (42.9%), more than their 10% cap, so their votes are weighted to exactly 10% of the votes (rule 14(b) of the society’s registered rules).',
    );
    expect(preview.words).toMatch(/Weighted votes on the roll: Employee members 108 \(90(\.0)?%\), Supporter members 12 \(10(\.0)?%\), 120 in all\./);

    const b = await keysAndOpen(t, draft);
    expect(b).toMatchObject({ status: 'open', roll: { count: 7, totalWeight: 120 } });
    const opened = t.core.raw.prepare("select p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'ballot.opened'").pluck().get() as string;
    expect(opened).toContain('weighted to exactly 10% of the votes (rule 14(b)');
    const entries = (await ok<{ entries: RollEntry[] }>(t, 'ballots.roll', { id: b.id, limit: 100 })).entries;
    expect(entries.map((e) => [e.className, e.votes])).toEqual([...Array(4).fill(['Employee members', 27]), ...Array(3).fill(['Supporter members', 4])]);

    // Every supporter for, two employees against, one employee for: by head 4 to 2 for, but by the
    // weighted roll 39 for (3 × 4 + 27) and 54 against (2 × 27), so the resolution is lost.
    const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id });
    const vote = (sel: number[]) => encryptBallot(prepare(nobleGroup, pub.election), [sel]);
    const supporterRows = entries.filter((e) => e.className === 'Supporter members');
    const employeeRows = entries.filter((e) => e.className === 'Employee members');
    for (const e of supporterRows) await kioskVote(t, b.id, e.id, vote(FOR));
    await kioskVote(t, b.id, employeeRows[0]!.id, vote(FOR));
    await kioskVote(t, b.id, employeeRows[1]!.id, vote(AGAINST));
    await kioskVote(t, b.id, employeeRows[2]!.id, vote(AGAINST));

    expect((await runJob(t.core, 'ballots.close', { id: b.id })).state).toBe('succeeded');
    await ok(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    const done = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 2, passphrase: PASS[1] });
    expect(done.status).toBe('decided');
    const [q] = done.result!.questions;
    expect(q!.choices.map((c) => c.total)).toEqual([39, 54, 0]);
    expect(q!.outcome).toBe('failed');
    // The counts are votes, not voters, and the turnout says so.
    expect(done.result!.turnout.words).toMatch(/members on the roll voted \([\d.]+%\), holding 93 of the 120 votes on the roll \(the counts below are votes, not voters\)/);
  }, 60_000);

  it('leaves the votes as they are when the capped class is within its cap, and says so', async () => {
    const { t, supporters } = await society();
    // A 50% cap does not bind on 3 of 7 votes.
    await ok(t, 'classes.update', {
      id: supporters.id,
      changes: {
        name: 'Supporter members',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
        voteCap: { pct: 50, source: 'rule 14(b)' },
      },
    });
    const draft = await setUp(t);
    const preview = await ok<{ totalWeight: number; classes: { weight: number }[]; words: string }>(t, 'ballots.previewRoll', { id: draft.id });
    expect(preview.totalWeight).toBe(7);
    expect(preview.classes.map((c) => c.weight)).toEqual([4, 3]);
    expect(preview.words).toContain('Supporter members hold 3 of 7 votes (42.9%), within their 50% cap (rule 14(b)).');
    expect(preview.words).toContain("No cap binds, so each member's votes count as they are: 7 in all.");
  });
});
