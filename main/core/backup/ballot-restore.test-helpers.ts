import { expect } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../../../shared/ballot';
import type { Ballot, RollEntry } from '../../../shared/contract/ballots';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';

// A ballot with votes before and after a backup, for the restore tests of the app and the command
// line. The callers set the light KDF (ballots/kdf.ts) and clean up the cores they are given.
export const cleanups: (() => Promise<void>)[] = [];

export const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];
export const ok = async <T>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;

/** A clock the test moves on, so that two backups taken in one test get names of their own. */
export async function withMembers(n: number) {
  let now = new Date('2026-11-30T12:00:00Z');
  const t = await openTestCore({ now: () => now });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  const cls = await makeClass(t.core, 'Employee', null);
  for (let i = 1; i <= n; i++) await admit(t.core, cls, person(`Voter${i}`, 'Smith'), { admittedOn: '2024-01-08' });
  return { t, later: () => (now = new Date(now.getTime() + 60_000)) };
}

export async function openBallot(t: TestCore, title: string): Promise<Ballot> {
  const b = await ok<Ballot>(t, 'ballots.create', {
    title,
    recordDate: '2026-11-01',
    base: 'votes_cast',
    questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary' }],
    trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
  });
  for (const tr of b.trustees) await ok(t, 'ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
  return jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
}

export async function vote(t: TestCore, b: Ballot, entry: RollEntry) {
  const pub = await ok<{ election: ElectionPublic }>(t, 'ballots.publicElection', { id: b.id });
  const { token } = await ok<{ token: string }>(t, 'ballots.checkIn', { id: b.id, rollId: entry.id });
  return expectOk(await t.core.dispatch('ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: encryptBallot(prepare(nobleGroup, pub.election), [[1, 0, 0]]) }));
}

export const roll = async (t: TestCore, id: string) => (await ok<{ entries: RollEntry[] }>(t, 'ballots.roll', { id, limit: 100 })).entries;

export async function backup(t: TestCore): Promise<string> {
  const status = await runJob(t.core, 'data.backup', {});
  expect(status.state, status.error?.message).toBe('succeeded');
  return (status.result as { name: string }).name;
}

export const MID_BALLOT =
  'This backup was taken while the ballot “AGM 2026 poll” was open: 2 votes recorded since then would be lost, and those voters’ receipts would not be in the box. Members who voted after it was taken could vote again.';

