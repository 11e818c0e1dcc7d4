import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Ballot } from '../../../shared/contract/ballots';
import type { CheckedBackup, RestoreResult } from '../../../shared/contract/data';
import { useLightKdfForTests } from '../ballots/kdf';
import { REGISTRY } from '../registry';
import { runJob, type TestCore } from '../testing';
import { ballotLosses, type BallotFacts } from './ballot-losses';
import { backup, cleanups, MID_BALLOT, ok, openBallot, PASS, roll, vote, withMembers } from './ballot-restore.test-helpers';
import { inspectCandidate } from './candidate';

// Issue 8, "Bad input and attacks": restoring a backup taken during a ballot. The backup is real,
// taken through data.backup while the ballot is open; the check must name what the restore would
// lose before the secretary confirms, and the restore (not refused) must record it.
beforeAll(() => useLightKdfForTests());
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function check(t: TestCore, name: string): Promise<CheckedBackup> {
  const status = await runJob(t.core, 'data.checkBackup', { source: { kind: 'backup', name } });
  expect(status.state, status.error?.message).toBe('succeeded');
  return status.result as CheckedBackup;
}

describe('restoring a backup taken during a ballot', () => {
  it('names the votes recorded since the backup before the secretary confirms, restores when confirmed, and records the loss', async () => {
    const { t, later } = await withMembers(4);
    const b = await openBallot(t, 'AGM 2026 poll');
    const entries = await roll(t, b.id);
    await vote(t, b, entries[0]!);
    later();
    const taken = await backup(t);

    // The backup's own facts: read from the file, nothing about how anyone voted.
    const report = await inspectCandidate(join(t.core.backupsDir, taken), REGISTRY.readers);
    expect(report).toMatchObject({ ok: true, ballots: [{ id: b.id, title: 'AGM 2026 poll', status: 'open', voted: 1 }] });

    await vote(t, b, entries[1]!);
    await vote(t, b, entries[2]!);
    const checked = await check(t, taken);
    expect(checked.ballotWarnings).toEqual([MID_BALLOT]);

    // Not refused: the secretary may need the backup. The restore says what it set back, in its
    // result and in the restored file's own audit log.
    later();
    const done = await runJob(t.core, 'data.restore', { candidateId: checked.candidateId, confirm: true });
    expect(done.state, done.error?.message).toBe('succeeded');
    expect((done.result as RestoreResult).ballotWarnings).toEqual([MID_BALLOT]);
    const logged = t.core.raw.prepare("select p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'data.restored'").pluck().get() as string;
    expect(JSON.parse(logged)).toMatchObject({ after: { ballotWarnings: [MID_BALLOT] } });
    expect(t.core.raw.prepare("select summary from audit_event where action = 'data.restored'").pluck().get()).toMatch(/it set back 1 ballot, as the details say$/);

    // The warning was true: the box holds the one ballot cast before the backup, the roll has
    // forgotten the two who voted after it, and one of them can vote again.
    const after = await roll(t, b.id);
    expect(after.map((e) => e.votedBy)).toEqual(['kiosk', null, null, null]);
    expect(t.core.raw.prepare("select count(*) from ballot_slot where ballot_id = ? and tracker not like '-%'").pluck().get(b.id)).toBe(1);
    await vote(t, b, after[1]!);
    expect(((await runJob(t.core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  }, 60_000);

  it('names a ballot closed and declared since, and one set up since; a backup taken now names nothing', async () => {
    const { t, later } = await withMembers(3);
    const agm = await openBallot(t, 'AGM 2026 poll');
    await vote(t, agm, (await roll(t, agm.id))[0]!);
    later();
    const taken = await backup(t);

    const board = await openBallot(t, 'Board election 2026');
    expect((await runJob(t.core, 'ballots.close', { id: agm.id })).state).toBe('succeeded');
    const closedSince = 'This backup was taken while the ballot “AGM 2026 poll” was open: voting, which has since closed, would be open again and the ballot would need closing again.';
    const boardSince = 'This backup was taken before the ballot “Board election 2026” was set up: restoring it would remove the ballot while it is open for voting (no votes have been recorded yet).';
    expect((await check(t, taken)).ballotWarnings).toEqual([closedSince, boardSince]);

    await ok(t, 'ballots.decrypt', { id: agm.id, trustee: 1, passphrase: PASS[0] });
    expect((await ok<Ballot>(t, 'ballots.decrypt', { id: agm.id, trustee: 2, passphrase: PASS[1] })).status).toBe('decided');
    await vote(t, board, (await roll(t, board.id))[2]!);
    expect((await check(t, taken)).ballotWarnings).toEqual([
      'This backup was taken while the ballot “AGM 2026 poll” was open: voting, which has since closed, would be open again and the ballot would need closing again; its declared result and the trustees’ decryptions would be lost, so the trustees would need to decrypt again.',
      'This backup was taken before the ballot “Board election 2026” was set up: restoring it would remove the ballot while it is open for voting, with the 1 vote recorded on its roll; those voters’ receipts would not be in any box, and they could vote again in a new ballot.',
    ]);

    later();
    const now = await backup(t);
    expect((await check(t, now)).ballotWarnings).toEqual([]);
  }, 60_000);
});

describe('ballotLosses', () => {
  const ballot = (status: BallotFacts['status'], voted: number): BallotFacts => ({ id: '0190f000-0000-7000-8000-000000000001', title: 'AGM 2026 poll', status, voted });

  it('says nothing where the backup holds the ballot as the live file does, or further on', () => {
    expect(ballotLosses([ballot('open', 5)], [ballot('open', 5)])).toEqual([]);
    expect(ballotLosses([ballot('open', 5)], [ballot('closed', 6)])).toEqual([]);
    expect(ballotLosses([], [ballot('open', 5)])).toEqual([]);
  });

  it('names a ballot the backup holds before it opened, one cancelled since, one declared since its close, and a draft set up since', () => {
    expect(ballotLosses([ballot('open', 37)], [ballot('draft', 0)])).toEqual([
      'This backup was taken before the ballot “AGM 2026 poll” opened: 37 votes recorded since then would be lost, and those voters’ receipts would not be in the box; the ballot would be back to being set up, without its frozen roll. Members who voted after it was taken could vote again.',
    ]);
    expect(ballotLosses([ballot('cancelled', 3)], [ballot('open', 3)])).toEqual([
      'This backup was taken while the ballot “AGM 2026 poll” was open: the ballot, cancelled since, would be open for voting again.',
    ]);
    expect(ballotLosses([ballot('decided', 9)], [ballot('closed', 9)])).toEqual([
      'This backup was taken after the ballot “AGM 2026 poll” closed, before its result was declared: its declared result and the trustees’ decryptions would be lost, so the trustees would need to decrypt again.',
    ]);
    expect(ballotLosses([ballot('draft', 0)], [])).toEqual([
      'This backup was taken before the ballot “AGM 2026 poll” was set up: its set-up, with any trustees’ keys made for it, would be lost.',
    ]);
  });
});
