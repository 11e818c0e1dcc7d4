import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, proofShares, tallyToJson, verifyFile, type BallotJson, type ElectionPublic, type VerificationFile } from '../../../shared/ballot';
import { sodiumGroup } from '../../../shared/ballot/group-sodium';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Ballot, RollEntry } from '../../../shared/contract/ballots';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, jobResult, runJob, type TestCore } from '../testing';
import { attempt, open, refused } from '../decisions/fixtures.test-helpers';
import { scrubLogNow } from './cast';
import { answerRequest } from './decrypt';
import { useLightKdfForTests } from './kdf';
import { boxEntries, EMPTY_TRACKER as EMPTY } from './slots';
import { sumInWorkers, sumWorkerScript } from './sum-thread';
import { checkCounts, checkWorkerScript, stopCheckWorker } from './check-pool';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// Today is 30 November 2026 (fixtures NOW). Trustees' keys are sealed with a light argon2id here
// (the keystore's own tests cover the real parameters).
beforeAll(() => useLightKdfForTests());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const PASS = ['scrutineer passphrase one', 'chair passphrase number two', 'third trustee passphrase'];
const ok = async <T>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;

async function withMembers(n: number) {
  const t = await open(cleanups);
  const cls = await makeClass(t.core, 'Employee', null);
  for (let i = 1; i <= n; i++) await admit(t.core, cls, person(`Voter${i}`, 'Smith'), { admittedOn: '2024-01-08' });
  return t;
}

async function setUp(t: TestCore, extra: Record<string, unknown> = {}): Promise<Ballot> {
  return ok<Ballot>(t, 'ballots.create', {
    title: 'AGM 2026 poll',
    recordDate: '2026-11-01',
    questions: [
      { kind: 'resolution', text: 'That the new articles be adopted.', resolutionKind: 'special' },
      { kind: 'election', text: 'Election of directors', seats: 2, candidates: [{ name: 'Ann Lee', statement: 'Care worker for 12 years.' }, { name: 'Raj Patel' }, { name: 'Sam Jones' }] },
    ],
    trustees: [
      { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
      { name: 'Raj Chair', role: 'Chair' },
    ],
    ...extra,
  });
}

async function keysAndOpen(t: TestCore, b: Ballot): Promise<Ballot> {
  for (const tr of b.trustees) await ok(t, 'ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
  if (b.threshold < b.trusteeCount) {
    for (const tr of b.trustees) await ok(t, 'ballots.dealShares', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    for (const tr of b.trustees) await ok(t, 'ballots.acceptShares', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
  }
  return jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
}

/** The voting device: encrypts with noble, as the kiosk page does. */
async function device(t: TestCore, id: string) {
  const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id });
  return (selections: number[][]): BallotJson => encryptBallot(prepare(nobleGroup, pub.election), selections);
}

async function roll(t: TestCore, id: string): Promise<RollEntry[]> {
  return (await ok<{ entries: RollEntry[] }>(t, 'ballots.roll', { id, limit: 5000 })).entries;
}

async function kioskVote(t: TestCore, id: string, rollId: string, ballot: BallotJson) {
  const { token } = await ok<{ token: string }>(t, 'ballots.checkIn', { id, rollId });
  return t.core.dispatch('ballots.cast', { id, credential: { kind: 'checkin', token }, ballot });
}

const FOR = [1, 0, 0];
const AGAINST = [0, 1, 0];

describe('ballots: set-up, casting, closing, decryption and the result', () => {
  it('runs a poll to its result: kiosk and code votes, a paper batch, 2 trustees decrypt only the sum; the file verifies', async () => {
    const t = await withMembers(6);
    let b = await setUp(t, { base: 'votes_cast' });
    expect(b.status).toBe('draft');
    expect(b.warnings[0]).toMatch(/Every one of the 2 trustees must enter their passphrase/);
    expect(b.nextStep).toBe('Trustee 1, Ann Scrutineer, has not made their key yet.');
    // Voting before opening is refused.
    b = await keysAndOpen(t, b);
    expect(b).toMatchObject({ status: 'open', roll: { count: 6, totalWeight: 6 } });
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);

    // Three at the kiosk, one with a code; one given a paper.
    for (const [i, sel] of [[FOR, [1, 1, 0]], [FOR, [1, 0, 1]], [AGAINST, [0, 1, 1]]].entries()) {
      const r = expectOk(await kioskVote(t, b.id, entries[i]!.id, vote(sel as number[][]))) as { tracker: string };
      expect(r.tracker).toMatch(/^[0-9a-f]{64}$/);
    }
    const { codes } = await ok<{ codes: { rollId: string; code: string }[] }>(t, 'ballots.issueCodes', { id: b.id });
    expect(codes).toHaveLength(3);
    const code = codes.find((c) => c.rollId === entries[3]!.id)!.code;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Only the hash is kept.
    expect(t.core.raw.prepare('select count(*) from ballot_roll where code_hash = ?').pluck().get(code)).toBe(0);
    expectOk(await t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'code', code: code.toLowerCase().replace(/-/g, ' ') }, ballot: vote([FOR, [0, 0, 1]]) }));
    // A used code says so, without saying how it was used.
    const used = await t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'code', code }, ballot: vote([FOR, [0, 0, 1]]) });
    expect(refused(used, 'VALIDATION', 'credential.code')).toBe('This voting code has already been used.');
    // With a stable reason, for a host that says it in another language (the voting station).
    expect(!used.ok && used.error.reason).toBe('code_used');
    expectOk(await t.core.dispatch('ballots.issuePaper', { id: b.id, rollId: entries[4]!.id, serial: 'P-0001' }));
    // The roll knows that member voted, and how; the box knows nothing of who.
    const after = await roll(t, b.id);
    expect(after.map((e) => e.votedBy)).toEqual(['kiosk', 'kiosk', 'kiosk', 'code', 'paper', null]);
    const cols = (table: string) => (t.core.raw.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('ballot_slot')).toEqual(['ballot_id', 'slot', 'tracker', 'weight']);
    expect(cols('ballot_slot_ballot')).toEqual(['slot', 'ballot']);
    // The audit events of the casts name the roll entry, never a tracker.
    const trackers = (t.core.raw.prepare(`select tracker from ballot_slot where tracker <> '${EMPTY}'`).pluck().all() as string[]);
    expect(trackers).toHaveLength(4);
    const log = (t.core.raw.prepare("select coalesce(p.body, '') || e.summary from audit_event e left join audit_payload p on p.event_id = e.id").pluck().all() as string[]).join('\n');
    for (const tr of trackers) expect(log).not.toContain(tr);
    // Nothing shows a running result.
    b = await ok<Ballot>(t, 'ballots.get', { id: b.id });
    expect(b.result).toBeNull();
    expect(b.roll!.voted).toEqual({ kiosk: 3, code: 1, phone: 0, paper: 1, proxy: 0 });

    // Tellers: the same batch twice; a discrepancy is flagged, then corrected.
    const first = await ok<{ batches: { agreed: boolean; discrepancies: string[] }[] }>(t, 'ballots.enterPaperBatch', { id: b.id, label: 'A', teller: 'Jo Teller', counts: [[1, 0, 0], [0, 1, 1]], spoilt: 0 });
    expect(first.batches[0]!.agreed).toBe(false);
    const second = await ok<{ batches: { agreed: boolean; discrepancies: string[] }[] }>(t, 'ballots.enterPaperBatch', { id: b.id, label: 'A', teller: 'Sam Teller', counts: [[0, 1, 0], [0, 1, 1]], spoilt: 0 });
    expect(second.batches[0]!.discrepancies).toEqual(['Question 1, For: Jo Teller counted 1, Sam Teller 0.', 'Question 1, Against: Jo Teller counted 0, Sam Teller 1.']);
    const fixed = await ok<{ batches: { agreed: boolean }[] }>(t, 'ballots.enterPaperBatch', { id: b.id, label: 'A', teller: 'Sam Teller', counts: [[1, 0, 0], [0, 1, 1]], spoilt: 0 });
    expect(fixed.batches[0]!.agreed).toBe(true);
    // The agreed counts are not shown while voting is open (a running result), only after.
    expect(fixed.batches[0]).toMatchObject({ counts: null, spoilt: null });
    // The papers given out, for the tellers: serial and votes.
    const papers = await ok<{ entries: RollEntry[]; total: number }>(t, 'ballots.roll', { id: b.id, votedBy: 'paper' });
    expect(papers.entries.map((e) => [e.paperSerial, e.votes])).toEqual([['P-0001', 1]]);

    // Close (a job), then voting is refused.
    const job = await runJob(t.core, 'ballots.close', { id: b.id });
    expect(job.state).toBe('succeeded');
    expect((await ok<{ batches: unknown[] }>(t, 'ballots.paperBatches', { id: b.id })).batches[0]).toMatchObject({ counts: [[1, 0, 0], [0, 1, 1]], spoilt: 0 });
    expect(refused(await t.core.dispatch('ballots.checkIn', { id: b.id, rollId: entries[5]!.id }), 'CONFLICT')).toBe('Voting closed on 30 November 2026; no more votes can be cast.');
    b = await ok<Ballot>(t, 'ballots.get', { id: b.id });
    expect(b).toMatchObject({ status: 'closed', boxCount: 4 });
    expect(b.sealedBoxHash).toMatch(/^[0-9a-f]{64}$/);

    // A wrong passphrase reveals nothing and changes nothing.
    const before = Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
    expect(refused(await t.core.dispatch('ballots.decrypt', { id: b.id, trustee: 1, passphrase: 'not the passphrase' }), 'VALIDATION', 'passphrase')).toBe('The passphrase is wrong or the key file is damaged.');
    expect(Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get())).toBe(before);
    b = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    expect(b.result).toBeNull();
    expect(b.nextStep).toMatch(/Trustees who have decrypted their part of the total: 1 of the 2 needed; waiting for trustee 2, Raj Chair\./);
    expect(b.summed).toBe(true);
    b = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 2, passphrase: PASS[1] });
    expect(b.status).toBe('decided');
    const [special, election] = b.result!.questions;
    // 4 for (3 electronic + 1 paper), 1 against: 80% of the 5 votes cast.
    expect(special!.choices.map((c) => [c.electronic, c.paper, c.total])).toEqual([[3, 1, 4], [1, 0, 1], [0, 0, 0]]);
    expect(special!.outcome).toBe('passed');
    expect(special!.words).toMatch(/^Special resolution 1 passed: 4 for, 1 against \(80\.0% of the 5 votes cast; not less than 75% required by CA 2006 s283\(5\)\)/);
    // Ann 2, Raj 2+1, Sam 3+1: Sam and Raj elected.
    expect(election!.choices.map((c) => c.total)).toEqual([2, 3, 4]);
    expect(election!.elected.sort()).toEqual([election!.choices[1]!.id, election!.choices[2]!.id].sort());
    expect(b.result!.turnout.words).toBe('5 of the 6 members on the roll voted (83.3%): 3 at the kiosk, 1 with a voting code, 1 on paper.');
    // No tie, so no lot: no seed is kept.
    expect(b.result!.lotSeed).toBeNull();

    // The verification file checks with the standalone verifier's own function.
    const exported = await runJob(t.core, 'ballots.exportVerification', { id: b.id });
    expect(exported.state).toBe('succeeded');
    const { fileId } = exported.result as { fileId: string };
    const chunks: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const c: { base64: string; nextOffset: number | null } = await ok(t, 'exports.readFile', { fileId, offset });
      chunks.push(Buffer.from(c.base64, 'base64').toString('utf8'));
      offset = c.nextOffset;
    }
    const file = JSON.parse(chunks.join('')) as VerificationFile;
    const G = await sodiumGroup();
    expect(verifyFile(G, file)).toMatchObject({ ok: true, result: [[3, 1, 0], [2, 2, 3]], ballots: 4 });
    expect(JSON.stringify(file)).not.toMatch(/Voter\d Smith/);

    // The audit chain and the registers still agree.
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.ok).toBe(true);
  }, 60_000);

  it('refuses a ballot with a bad proof, a copied ballot, a second vote at the same moment, another ballot’s code and voting before opening', async () => {
    const t = await withMembers(3);
    const draft = await setUp(t);
    const early = await attempt(t, 'ballots.cast', { id: draft.id, credential: { kind: 'code', code: 'ABCD-EFGH-JKMN-PQRS' }, ballot: {} });
    expect(refused(early, 'CONFLICT')).toBe('Voting has not opened yet: the ballot is still being set up.');
    const b = await keysAndOpen(t, draft);
    const other = await keysAndOpen(t, await setUp(t, { title: 'Another ballot' }));
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);

    // A choice of 2 (forged by hand: the device refuses to make one) fails its proof.
    const good = vote([FOR, [1, 0, 0]]);
    const forged = JSON.parse(JSON.stringify(good)) as BallotJson;
    forged.answers[0]!.choices[0]!.beta = good.answers[0]!.choices[1]!.beta;
    expect(refused(await kioskVote(t, b.id, entries[0]!.id, forged), 'VALIDATION', 'ballot')).toMatch(/^The ballot was refused: /);
    // Too many choices: three of two seats.
    expect(() => vote([FOR, [1, 1, 1]])).toThrow();

    // Two casts for one voter at the same moment: exactly one is stored.
    const a = await ok<{ token: string }>(t, 'ballots.checkIn', { id: b.id, rollId: entries[0]!.id });
    const codes = await ok<{ codes: { rollId: string; code: string }[] }>(t, 'ballots.issueCodes', { id: b.id, rollIds: [entries[0]!.id] });
    const results = await Promise.all([
      t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'checkin', token: a.token }, ballot: good }),
      t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'code', code: codes.codes[0]!.code }, ballot: vote([AGAINST, [0, 1, 0]]) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(t.core.raw.prepare(`select count(*) from ballot_slot where ballot_id = ? and tracker <> '${EMPTY}'`).pluck().get(b.id)).toBe(1);

    // The same ballot again for another voter: a copy.
    expect(refused(await kioskVote(t, b.id, entries[1]!.id, good), 'VALIDATION', 'ballot')).toMatch(/copied ballot/);
    // A code of another ballot.
    const otherCodes = await ok<{ codes: { code: string }[] }>(t, 'ballots.issueCodes', { id: other.id });
    expect(refused(await t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'code', code: otherCodes.codes[0]!.code }, ballot: vote([FOR, [0, 0, 0]]) }), 'VALIDATION', 'credential.code')).toBe(
      'This voting code is not valid for this ballot. Check it against your ballot letter.',
    );
    // A ballot made for the other election does not pass here (its proofs bind the other fingerprint).
    const otherVote = (await device(t, other.id))([FOR, [0, 0, 0]]);
    expect(refused(await kioskVote(t, b.id, entries[2]!.id, otherVote), 'VALIDATION', 'ballot')).toMatch(/refused/);
  }, 60_000);

  it('detects a ballot row edited, deleted or added in SQL, and refuses to close over it', async () => {
    const t = await withMembers(3);
    const b = await keysAndOpen(t, await setUp(t));
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);
    for (const e of entries.slice(0, 2)) expectOk(await kioskVote(t, b.id, e.id, vote([FOR, [1, 0, 0]])));
    // Edit one ballot's content: it no longer hashes to its tracker.
    const row = t.core.raw.prepare(`select s.slot, s.tracker, x.ballot from ballot_slot s join ballot_slot_ballot x on x.slot = s.slot where s.tracker <> '${EMPTY}' limit 1`).get() as { slot: number; tracker: string; ballot: string };
    const edited = JSON.parse(row.ballot) as BallotJson;
    edited.answers[1]!.choices[0]!.alpha = edited.answers[1]!.choices[1]!.alpha;
    t.core.raw.prepare('update ballot_slot_ballot set ballot = ? where slot = ?').run(JSON.stringify(edited), row.slot);
    let report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/no longer matches its tracker/);
    t.core.raw.prepare('update ballot_slot_ballot set ballot = ? where slot = ?').run(row.ballot, row.slot);
    // Delete one: the box no longer matches the roll's count.
    t.core.raw.prepare('delete from ballot_slot where slot = ?').run(row.slot);
    report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(JSON.stringify(report)).toMatch(/holds 1 ballot but the roll records 2 electronic votes/);
    const closing = await runJob(t.core, 'ballots.close', { id: b.id });
    expect(closing.state).toBe('failed');
    expect(closing.error?.message).toMatch(/changed outside the app/);
  }, 60_000);

  it('with any 2 of 3 trustees, decrypts without the third; n-of-n warns before opening', async () => {
    const t = await withMembers(2);
    const b0 = await setUp(t, { trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }, { name: 'Sue Secretary', role: 'Company secretary' }], threshold: 2 });
    expect(b0.warnings[0]).toMatch(/Any 2 of the 3 trustees can decrypt/);
    const b = await keysAndOpen(t, b0);
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);
    expectOk(await kioskVote(t, b.id, entries[0]!.id, vote([AGAINST, [0, 1, 1]])));
    expect((await runJob(t.core, 'ballots.close', { id: b.id })).state).toBe('succeeded');
    await ok(t, 'ballots.decrypt', { id: b.id, trustee: 3, passphrase: PASS[2] });
    const done = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    expect(done.status).toBe('decided');
    expect(done.result!.questions[0]!.outcome).toBe('failed');
    expect(done.result!.questions[0]!.words).toMatch(/not passed: 0 for, 1 against/);
  }, 60_000);

  it('refuses a trustee list with one person twice, a threshold of one, and more seats than candidates', async () => {
    const t = await withMembers(1);
    const dup = await attempt(t, 'ballots.create', { title: 'X', recordDate: '2026-11-01', questions: [{ kind: 'resolution', text: 'That X.', resolutionKind: 'ordinary' }], trustees: [{ name: 'Ann Lee' }, { name: 'ann  lee' }] });
    expect(refused(dup, 'VALIDATION', 'trustees.1.name')).toMatch(/already a trustee/);
    const one = await attempt(t, 'ballots.create', { title: 'X', recordDate: '2026-11-01', questions: [{ kind: 'resolution', text: 'That X.', resolutionKind: 'ordinary' }], trustees: [{ name: 'A' }, { name: 'B' }], threshold: 1 });
    expect(refused(one, 'VALIDATION', 'threshold')).toMatch(/no one person can/);
    const seats = await attempt(t, 'ballots.create', { title: 'X', recordDate: '2026-11-01', questions: [{ kind: 'election', text: 'Directors', seats: 3, candidates: [{ name: 'A' }, { name: 'B' }] }], trustees: [{ name: 'A' }, { name: 'B' }] });
    expect(refused(seats, 'VALIDATION', 'questions.0.seats')).toMatch(/2 candidates for 3 seats/);
  });
});

describe('ballots at a meeting', () => {
  it("records a declared poll result as the meeting's decision, through the meeting's own checks", async () => {
    const t = await withMembers(3);
    const v = await ok<{ meeting: { id: string }; items: { id: string }[]; resolutions: { id: string }[] }>(t, 'meetings.create', {
      kind: 'annual_general',
      heldOn: '2026-11-20',
      startsAt: '18:00',
      place: 'Civic Hall, Leeds',
    });
    const withRes = await ok<{ resolutions: { id: string }[]; items: { id: string }[] }>(t, 'meetings.addResolution', { meetingId: v.meeting.id, kind: 'ordinary', text: 'That the accounts be received.' });
    const b0 = await ok<Ballot>(t, 'ballots.create', {
      title: 'AGM 2026 poll',
      meetingId: v.meeting.id,
      recordDate: '2026-11-01',
      questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary', resolutionId: withRes.resolutions[0]!.id }],
      trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
    });
    expect(b0.base).toBe('votes_cast');
    const b = await keysAndOpen(t, b0);
    const entries = await roll(t, b.id);
    const vote = async (sel: number[][]) => encryptBallot(prepare(nobleGroup, (await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id })).election), sel);
    expectOk(await kioskVote(t, b.id, entries[0]!.id, await vote([FOR])));
    expectOk(await kioskVote(t, b.id, entries[1]!.id, await vote([FOR])));
    expectOk(await kioskVote(t, b.id, entries[2]!.id, await vote([AGAINST])));
    await runJob(t.core, 'ballots.close', { id: b.id });
    await ok(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    const done = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 2, passphrase: PASS[1] });
    expect(done.result!.questions[0]!.outcome).toBe('passed');
    const memberIds = t.core.raw.prepare('select id from member order by member_number limit 2').pluck().all() as string[];
    for (const memberId of memberIds) await ok(t, 'meetings.setAttendance', { meetingId: v.meeting.id, memberId, status: 'present', arrivedAt: '18:00' });
    // The resolution is on no agenda item: the secretary names the item.
    expect(refused(await t.core.dispatch('ballots.recordInMinutes', { id: b.id, questionId: done.questionList[0]!.id }), 'VALIDATION', 'agendaItemId')).toMatch(/Choose the agenda item/);
    const rec = await ok<{ decisionId: string; words: string }>(t, 'ballots.recordInMinutes', { id: b.id, questionId: done.questionList[0]!.id, agendaItemId: withRes.items[0]!.id });
    const d = t.core.raw.prepare('select method, votes_for, votes_against, outcome, resolution_id from decision where id = ?').get(rec.decisionId) as Record<string, unknown>;
    expect(d).toMatchObject({ method: 'poll', votes_for: 2, votes_against: 1, resolution_id: withRes.resolutions[0]!.id });
  }, 60_000);
});

describe('a trustee decrypting on their own computer', () => {
  it('takes a request file and the key backup, and the secretary imports the answer, checked by its proof', async () => {
    const t = await withMembers(2);
    const b0 = await setUp(t, { base: 'votes_cast' });
    const backups: string[] = [];
    for (const tr of b0.trustees) backups.push((await ok<{ backup: string }>(t, 'ballots.makeTrusteeKey', { id: b0.id, trustee: tr.position, passphrase: PASS[tr.position - 1] })).backup);
    const b = await jobResult<Ballot>(t.core, 'ballots.open', { id: b0.id });
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);
    expectOk(await kioskVote(t, b.id, entries[0]!.id, vote([FOR, [1, 0, 0]])));
    await runJob(t.core, 'ballots.close', { id: b.id });
    await ok(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    const { file } = await ok<{ file: string }>(t, 'ballots.decryptionRequest', { id: b.id, trustee: 2 });
    expect(file).not.toMatch(/"ballots"/);
    const request = JSON.parse(file);
    // The wrong backup (trustee 1's) is refused by name; a wrong passphrase says so.
    await expect(answerRequest(request, JSON.parse(backups[0]!), PASS[1]!)).rejects.toThrow(/trustee 1's of another ballot or another trustee/);
    await expect(answerRequest(request, JSON.parse(backups[1]!), 'wrong passphrase here')).rejects.toThrow('The passphrase is wrong or the key file is damaged.');
    const answer = await answerRequest(request, JSON.parse(backups[1]!), PASS[1]!);
    // A tampered answer fails its proof and changes nothing.
    const forged = JSON.parse(JSON.stringify(answer));
    forged.decryption.factors[0][0].d = answer.decryption.factors[0]![1]!.d;
    expect(refused(await t.core.dispatch('ballots.importDecryption', { id: b.id, file: JSON.stringify(forged) }), 'VALIDATION', 'file')).toMatch(/does not check against the sealed total/);
    const done = await ok<Ballot>(t, 'ballots.importDecryption', { id: b.id, file: JSON.stringify(answer) });
    expect(done.status).toBe('decided');
    expect(done.result!.questions[0]!.choices.map((c) => c.total)).toEqual([1, 0, 0]);
  }, 60_000);
});

/**
 * Moves the whole log into the file. The cast's own scrub (cast.ts) checkpoints on a worker
 * thread a moment after a cast, and while it runs this one is busy: wait for it rather than read
 * the file with pages still in the log.
 */
async function checkpointFully(raw: TestCore['core']['raw']): Promise<void> {
  for (let tries = 0; raw.pragma('wal_checkpoint(TRUNCATE)', { simple: true }) !== 0; tries++) {
    expect(tries).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the write-ahead log after a cast', () => {
  it('holds the new tracker until the log is scrubbed, and not after', async () => {
    const t = await withMembers(2);
    const b = await keysAndOpen(t, await setUp(t));
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);
    const { tracker } = expectOk(await kioskVote(t, b.id, entries[0]!.id, vote([FOR, [1, 0, 0]]))) as { tracker: string };
    const wal = `${t.dbPath}-wal`;
    expect(readFileSync(wal).includes(Buffer.from(tracker))).toBe(true);
    expect(await scrubLogNow(t.dbPath)).toBe(true);
    expect(existsSync(wal) ? readFileSync(wal).includes(Buffer.from(tracker)) : false).toBe(false);
  }, 60_000);

  it('keeps no cast order in the file: every slot is laid out at opening, filled in place, and chosen at random', async () => {
    const n = 40;
    const t = await withMembers(n);
    // A ballot the size of a real AGM's (a resolution and 5 seats from 12 candidates), so its
    // ballots (~9 KB) run onto overflow pages, the pages an appended row would allocate.
    const candidates = Array.from({ length: 12 }, (_, i) => ({ name: `Candidate ${i + 1}` }));
    const b = await keysAndOpen(t, await setUp(t, { questions: [{ kind: 'resolution', text: 'That the new articles be adopted.', resolutionKind: 'special' }, { kind: 'election', text: 'Election of directors', seats: 5, candidates }] }));
    const entries = await roll(t, b.id);
    const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id });
    const prepared = prepare(await sodiumGroup(), pub.election);
    const vote = (selections: number[][]) => encryptBallot(prepared, selections);
    const raw = t.core.raw;
    // The layout SQLite gives the box's two tables: every page (leaf, interior, overflow), its
    // cells and their sizes, and in each b-tree page the header and the cell pointer array (the
    // cells' positions inside the page, which an insertion would change).
    const layout = async () => {
      await checkpointFully(raw);
      const pages = raw.prepare("select name, path, pageno, pagetype, ncell, payload, unused from dbstat where name in ('ballot_slot', 'ballot_slot_ballot') order by name, path").all() as { pageno: number; pagetype: string; ncell: number }[];
      const file = readFileSync(t.dbPath);
      const size = raw.pragma('page_size', { simple: true }) as number;
      const pointers = pages
        .filter((p) => p.pagetype !== 'overflow')
        .map((p) => {
          const at = (p.pageno - 1) * size + (p.pageno === 1 ? 100 : 0);
          const header = p.pagetype === 'internal' ? 12 : 8;
          return file.subarray(at, at + header + 2 * p.ncell).toString('hex');
        });
      return { pages: JSON.stringify(pages), pointers };
    };
    const opened = await layout();
    expect(JSON.parse(opened.pages).filter((p: { name: string; pagetype: string }) => p.name === 'ballot_slot_ballot' && p.pagetype === 'overflow').length).toBeGreaterThan(0);
    expect(raw.prepare('select count(*) from ballot_slot where ballot_id = ?').pluck().get(b.id)).toBe(n);

    const trackers: string[] = [];
    for (const [i, e] of entries.slice(0, 30).entries()) {
      const { tracker } = expectOk(await kioskVote(t, b.id, e.id, vote([i % 3 === 0 ? FOR : AGAINST, candidates.map((_, c) => ((c + i) % 4 === 0 ? 1 : 0))]))) as { tracker: string };
      trackers.push(tracker);
    }
    const cast = await layout();
    // The box's tables kept every page, and every cell where it was: only the slots' bytes changed
    // (the file grew by the roll's and the audit log's pages, elsewhere).
    expect(cast).toEqual(opened);

    // The slots the ballots landed in, in the order they were cast, follow no order: not the
    // layout's (slot numbers rising or falling), nor close to it (rank correlation; for 30
    // random draws its standard deviation is 0.19, so 0.75 is four of them).
    const slotOf = new Map((raw.prepare(`select tracker, slot from ballot_slot where tracker <> '${EMPTY}'`).all() as { tracker: string; slot: number }[]).map((r) => [r.tracker, r.slot]));
    const slots = trackers.map((tr) => slotOf.get(tr)!);
    expect(slots.every((s) => typeof s === 'number')).toBe(true);
    const rising = slots.every((s, i) => i === 0 || s > slots[i - 1]!);
    const falling = slots.every((s, i) => i === 0 || s < slots[i - 1]!);
    expect(rising || falling).toBe(false);
    const rank = new Map([...slots].sort((x, y) => x - y).map((s, i) => [s, i]));
    const m = slots.length;
    const d2 = slots.reduce((sum, s, i) => sum + (rank.get(s)! - i) ** 2, 0);
    expect(Math.abs(1 - (6 * d2) / (m * (m * m - 1)))).toBeLessThan(0.75);

    // At the close the empty slots go, and the sealed box still verifies.
    const closed = await runJob(t.core, 'ballots.close', { id: b.id });
    expect(closed.state).toBe('succeeded');
    expect(raw.prepare('select count(*) from ballot_slot where ballot_id = ?').pluck().get(b.id)).toBe(30);
    expect(raw.prepare('select count(*) from ballot_slot_ballot').pluck().get()).toBe(30);
    expect(((await runJob(t.core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  }, 120_000);
});

describe('the roll', () => {
  it('is taken from the register on the record date and frozen at opening: later admissions and cessations do not change it', async () => {
    const t = await withMembers(3);
    const cls = (await ok<{ id: string }[]>(t, 'classes.list', {}))[0]!;
    // Admitted after the record date: not on the roll.
    await admit(t.core, cls as never, person('Late', 'Joiner'), { admittedOn: '2026-11-15' });
    const draft = await setUp(t);
    expect((await ok<{ count: number }>(t, 'ballots.previewRoll', { id: draft.id })).count).toBe(3);
    // Refused while the record date is still ahead.
    const future = await setUp(t, { title: 'Next year', recordDate: '2027-01-04' });
    for (const tr of future.trustees) await ok(t, 'ballots.makeTrusteeKey', { id: future.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    expect(refused(await t.core.dispatch('ballots.open', { id: future.id }), 'VALIDATION', 'recordDate')).toMatch(/^The record date is 4 January 2027/);
    const b = await keysAndOpen(t, draft);
    expect(b.roll).toMatchObject({ count: 3, totalWeight: 3 });
    const entries = await roll(t, b.id);
    // A voter who ceases after opening stays on the frozen roll and can still vote; the roll's hash is unchanged.
    const memberId = t.core.raw.prepare('select member_id from ballot_roll where id = ?').pluck().get(entries[0]!.id) as string;
    await ok(t, 'members.cease', { memberId, ceasedOn: '2026-11-29', reason: 'resigned' });
    await admit(t.core, cls as never, person('Later', 'Still'), { admittedOn: '2026-11-29' });
    const vote = await device(t, b.id);
    expectOk(await kioskVote(t, b.id, entries[0]!.id, vote([FOR, [1, 0, 0]])));
    const after = await ok<Ballot>(t, 'ballots.get', { id: b.id });
    expect(after.roll).toMatchObject({ count: 3, hash: b.roll!.hash });
    expect((await roll(t, b.id)).map((e) => e.name)).not.toContain('Later Still');
  }, 60_000);

  it('is frozen by a job that reports the roll and the box as it goes, and a second request to open while it runs is refused, not run twice', async () => {
    const t = await withMembers(7);
    const draft = await setUp(t);
    for (const tr of draft.trustees) await ok(t, 'ballots.makeTrusteeKey', { id: draft.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    const first = expectOk(await t.core.dispatch('ballots.open', { id: draft.id })) as { jobId: string };
    // The first job has not committed yet, so the second passes the check made before its job starts…
    const second = expectOk(await t.core.dispatch('ballots.open', { id: draft.id })) as { jobId: string };
    await t.core.jobs.idle();
    const one = t.core.jobs.get(first.jobId)!;
    expect(one).toMatchObject({ state: 'succeeded', done: 14, total: 14, message: 'Recording the opening in the audit log' });
    expect((one.result as Ballot).roll).toMatchObject({ count: 7 });
    // …and is refused by the check inside its transaction, once the first has opened the ballot.
    const two = t.core.jobs.get(second.jobId)!;
    expect(two.state).toBe('failed');
    expect(two.error?.message).toBe('A ballot can be opened only while the ballot is being set up; it is open for voting.');
    expect(t.core.raw.prepare('select count(*) from ballot_roll where ballot_id = ?').pluck().get(draft.id)).toBe(7);
    expect(t.core.raw.prepare('select count(*) from ballot_slot where ballot_id = ?').pluck().get(draft.id)).toBe(7);
    expect(t.core.raw.prepare("select count(*) from audit_event where action = 'ballot.opened'").pluck().get()).toBe(1);
  }, 60_000);
});

describe('proxies', () => {
  it('a proxy votes for two appointers; one appointer then votes in person and overrides it; a late appointment is refused (CA 2006 s327)', async () => {
    const t = await withMembers(4);
    const v = await ok<{ meeting: { id: string } }>(t, 'meetings.create', { kind: 'general', heldOn: '2026-11-27', startsAt: '18:00', place: 'Civic Hall, Leeds' });
    const members = t.core.raw.prepare('select id from member order by member_number').pluck().all() as string[];
    const proxies: string[] = [];
    for (const memberId of members.slice(0, 2)) {
      const view = await ok<{ proxies: { id: string; memberId: string }[] }>(t, 'meetings.recordProxy', { meetingId: v.meeting.id, memberId, proxyName: 'Pat Proxy', receivedAt: '2026-11-20T10:00', instructions: 'Discretionary' });
      proxies.push(view.proxies.find((p) => p.memberId === memberId)!.id);
    }
    // Received on the Wednesday before a Friday meeting at 18:00: after the 48 working hours (Wednesday 18:00).
    const late = await ok<{ proxies: { id: string; memberId: string }[] }>(t, 'meetings.recordProxy', { meetingId: v.meeting.id, memberId: members[2], proxyName: 'Pat Proxy', receivedAt: '2026-11-25T19:00' });
    const lateId = late.proxies.find((p) => p.memberId === members[2])!.id;
    const b = await keysAndOpen(t, await ok<Ballot>(t, 'ballots.create', {
      title: 'General meeting poll', meetingId: v.meeting.id, recordDate: '2026-11-01',
      questions: [{ kind: 'resolution', text: 'That the rules be amended.', resolutionKind: 'special' }],
      trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
    }));
    const vote = async (sel: number[][]) => encryptBallot(prepare(nobleGroup, (await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id })).election), sel);
    expect(refused(await t.core.dispatch('ballots.checkInProxy', { id: b.id, proxyAppointmentId: lateId }), 'VALIDATION', 'proxyAppointmentId')).toMatch(/^This appointment cannot be used: received at .*after the deadline of .*CA 2006 s327/);
    for (const p of proxies) {
      const { token, voter } = await ok<{ token: string; voter: string }>(t, 'ballots.checkInProxy', { id: b.id, proxyAppointmentId: p });
      expect(voter).toMatch(/^Pat Proxy, proxy for Voter\d Smith/);
      expectOk(await t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: await vote([FOR]) }));
    }
    // The proxy cannot vote twice for the same appointer.
    expect(refused(await t.core.dispatch('ballots.checkInProxy', { id: b.id, proxyAppointmentId: proxies[0] }), 'CONFLICT')).toMatch(/already voted by proxy/);
    // The first appointer comes in person: their vote overrides the proxy's, which is discarded unopened.
    const entries = await roll(t, b.id);
    const first = entries.find((e) => t.core.raw.prepare('select member_id from ballot_roll where id = ?').pluck().get(e.id) === members[0])!;
    expectOk(await kioskVote(t, b.id, first.id, await vote([AGAINST])));
    expect(t.core.raw.prepare('select count(*) from ballot_proxy_vote').pluck().get()).toBe(1);
    // The held vote's row names its appointer beside its tracker and ballot; once the vote joins
    // the box at the close, nothing of that row may stay readable in the file's free pages.
    const held = t.core.raw.prepare('select proxy_appointment_id, tracker from ballot_proxy_vote').get() as { proxy_appointment_id: string; tracker: string };
    await runJob(t.core, 'ballots.close', { id: b.id });
    await checkpointFully(t.core.raw);
    const file = readFileSync(t.dbPath);
    expect(file.includes(Buffer.from(held.tracker))).toBe(true);
    expect(file.includes(Buffer.from(held.proxy_appointment_id + held.tracker))).toBe(false);
    await ok(t, 'ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });
    const done = await ok<Ballot>(t, 'ballots.decrypt', { id: b.id, trustee: 2, passphrase: PASS[1] });
    expect(done.result!.questions[0]!.choices.map((c) => c.total)).toEqual([1, 1, 0]);
    expect(done.result!.turnout.words).toBe('2 of the 4 members on the roll voted (50.0%): 1 at the kiosk, 1 by proxy.');
  }, 60_000);
});

describe('the close’s sum and the cast’s proof checks on worker threads (sum-thread.ts, check-pool.ts)', () => {
  let out: string;
  beforeAll(() => {
    // The Electron bundle's prebuilt worker (tools/build-electron.mjs), inside the repository so its
    // external better-sqlite3 resolves from node_modules as it does from the app's own folder.
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    out = mkdtempSync(join(ROOT, 'build', 'sum-worker-test-'));
    execFileSync(process.execPath, [join(ROOT, 'tools', 'build-electron.mjs'), '--outdir', out], { cwd: ROOT });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('gives the sealed sum on one worker, on two, and from the bundle without tsx; a ballot changed in the file is refused', async () => {
    expect(sumWorkerScript(pathToFileURL(join(out, 'main.cjs')).href)).toBe(join(out, 'sum-worker.cjs'));
    expect(sumWorkerScript()).toBe(join(ROOT, 'main', 'core', 'ballots', 'sum-worker-entry.mjs'));
    const t = await withMembers(5);
    const b = await keysAndOpen(t, await setUp(t));
    const entries = await roll(t, b.id);
    const vote = await device(t, b.id);
    for (const [i, e] of entries.entries()) expectOk(await kioskVote(t, b.id, e.id, vote([i % 2 ? FOR : AGAINST, [1, 0, i % 2]])));
    expect((await runJob(t.core, 'ballots.close', { id: b.id })).state).toBe('succeeded');
    const sealed = JSON.parse(t.core.raw.prepare('select tally from ballot where id = ?').pluck().get(b.id) as string) as unknown;
    const G = await sodiumGroup();
    const box = await boxEntries(t.core.db, b.id);
    const shape = [3, 3];
    const sum = async (options: { workers?: number; script?: string }) =>
      tallyToJson(G, await sumInWorkers({ dbPath: t.dbPath, shape, entries: box, onProgress: () => {}, signal: new AbortController().signal, ...options }));
    expect(await sum({ workers: 1 })).toEqual(sealed);
    expect(await sum({ workers: 2 })).toEqual(sealed);
    expect(await sum({ workers: 2, script: join(out, 'sum-worker.cjs') })).toEqual(sealed);
    // One ballot's bytes changed in the file: it no longer hashes to its tracker.
    const slot = box[2]!.slot;
    const text = t.core.raw.prepare('select ballot from ballot_slot_ballot where slot = ?').pluck().get(slot) as string;
    // Its first α's first hex digit changed (to another digit: replacing it with 'f' did nothing one time in 16).
    const changed = text.replace(/"alpha":"([0-9a-f])/, (_m, d: string) => `"alpha":"${d === 'f' ? 'e' : 'f'}`);
    expect(changed).not.toBe(text);
    t.core.raw.prepare('update ballot_slot_ballot set ballot = ? where slot = ?').run(changed, slot);
    await expect(sum({ workers: 2 })).rejects.toThrow(`The ballot with tracker ${box[2]!.tracker.slice(0, 16)}… was changed outside the app`);
  }, 120_000);

  it('checks a cast ballot’s proofs on two threads: a bad proof in either thread’s share is refused, from the bundle too, and with no worker the host checks them all', async () => {
    expect(checkWorkerScript(pathToFileURL(join(out, 'main.cjs')).href)).toBe(join(out, 'check-worker.cjs'));
    const t = await withMembers(8);
    const b = await keysAndOpen(t, await setUp(t));
    const entries = await roll(t, b.id);
    const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id });
    const vote = await device(t, b.id);
    // Each proof in order (each question's choices, then its sum) and the share that checks it.
    const places = pub.election.setup.questions.flatMap((q, qi) => [...q.choices.map((_, c) => ({ qi, c })), { qi, c: -1 }]);
    const shares = proofShares(pub.election, 2);
    expect(shares).toHaveLength(places.length);
    expect(new Set(shares)).toEqual(new Set([0, 1]));
    // A valid ballot with one proof's response changed (still well-formed hex).
    const spoilt = (share: number): { ballot: BallotJson; message: string } => {
      const at = places[shares.indexOf(share)]!;
      const ballot = vote([FOR, [1, 0, 0]]);
      const proof = at.c < 0 ? ballot.answers[at.qi]!.sumProof[0]! : ballot.answers[at.qi]!.choices[at.c]!.proof[0]!;
      proof.s = (proof.s[0] === '0' ? '1' : '0') + proof.s.slice(1);
      return { ballot, message: at.c < 0 ? `Question ${at.qi + 1}: the proof that` : `Question ${at.qi + 1}, choice ${at.c + 1}: the proof that it is 0 or 1 does not verify.` };
    };
    let voter = 0;
    const refusedFor = async (share: number) => {
      const { ballot, message } = spoilt(share);
      const r = await kioskVote(t, b.id, entries[voter++]!.id, ballot);
      expect(refused(r, 'VALIDATION', 'ballot')).toContain(message);
    };
    try {
      for (const script of [null, join(out, 'check-worker.cjs')]) {
        await stopCheckWorker({ disable: false, script });
        const before = checkCounts();
        await refusedFor(0);
        await refusedFor(1);
        expectOk(await kioskVote(t, b.id, entries[voter++]!.id, vote([AGAINST, [0, 1, 0]])));
        // The worker answered for its share of the ballots whose first share passed.
        expect(checkCounts().worker - before.worker).toBe(2);
      }
      // No worker (one core, or it cannot start): the host checks every proof itself.
      await stopCheckWorker({ disable: true });
      const before = checkCounts();
      await refusedFor(1);
      expect(checkCounts().worker).toBe(before.worker);
    } finally {
      await stopCheckWorker({ disable: false, script: null });
    }
    expect(t.core.raw.prepare('select count(*) from ballot_roll where ballot_id = ? and voted_by is not null').pluck().get(b.id)).toBe(2);
  }, 120_000);
});
