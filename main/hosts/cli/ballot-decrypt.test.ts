import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic } from '../../../shared/ballot';
import type { Ballot, RollEntry } from '../../../shared/contract/ballots';
import { useLightKdfForTests } from '../../core/ballots/kdf';
import { open } from '../../core/decisions/fixtures.test-helpers';
import { admit, makeClass, person } from '../../core/members/register.test-helpers';
import { expectOk, jobResult, runJob } from '../../core/testing';
import type { CliIO } from './command';
import { main } from './index';

/**
 * `npm run cli -- ballot-decrypt`: a trustee decrypts their part on their own computer from the
 * request file and their key backup; the answer is accepted by the app; a wrong passphrase, the
 * wrong backup or a file that is not a request is one line saying so, and nothing is written.
 */
beforeAll(() => useLightKdfForTests());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];

function io(secret: string | null): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), ...(secret === null ? {} : { readSecret: async () => secret }) };
}

describe('ballot-decrypt', () => {
  it('answers a request with the trustee’s backup and passphrase; the app accepts the answer and declares the result', async () => {
    const t = await open(cleanups);
    const ok = async <T>(method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;
    const cls = await makeClass(t.core, 'Employee', null);
    for (let i = 1; i <= 2; i++) await admit(t.core, cls, person(`Voter${i}`, 'Smith'), { admittedOn: '2024-01-08' });
    let b = await ok<Ballot>('ballots.create', {
      title: 'AGM 2026 poll',
      recordDate: '2026-11-01',
      base: 'votes_cast',
      questions: [{ kind: 'resolution', text: 'That the accounts be received.', resolutionKind: 'ordinary' }],
      trustees: [{ name: 'Ann Scrutineer' }, { name: 'Raj Chair' }],
    });
    const backups: string[] = [];
    for (const tr of b.trustees) backups.push((await ok<{ backup: string }>('ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] })).backup);
    b = await jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
    const { election } = await ok<{ election: ElectionPublic }>('ballots.publicElection', { id: b.id });
    const { entries } = await ok<{ entries: RollEntry[] }>('ballots.roll', { id: b.id });
    const { token } = await ok<{ token: string }>('ballots.checkIn', { id: b.id, rollId: entries[0]!.id });
    await ok('ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: encryptBallot(prepare(nobleGroup, election), [[1, 0, 0]]) });
    await runJob(t.core, 'ballots.close', { id: b.id });
    await ok('ballots.decrypt', { id: b.id, trustee: 1, passphrase: PASS[0] });

    const request = join(t.dir, 'request.json');
    writeFileSync(request, (await ok<{ file: string }>('ballots.decryptionRequest', { id: b.id, trustee: 2 })).file);
    const key1 = join(t.dir, 'key-1.json');
    const key2 = join(t.dir, 'key-2.json');
    writeFileSync(key1, backups[0]!);
    writeFileSync(key2, backups[1]!);
    const out = join(t.dir, 'answer.json');

    const wrong = io('not my passphrase');
    expect(await main(['ballot-decrypt', '--request', request, '--key', key2, '--out', out], wrong)).toBe(1);
    expect(wrong.stderr).toEqual(['The passphrase is wrong or the key file is damaged.']);
    expect(existsSync(out)).toBe(false);
    const other = io(PASS[0]!);
    expect(await main(['ballot-decrypt', '--request', request, '--key', key1, '--out', out], other)).toBe(1);
    expect(other.stderr[0]).toMatch(/This key backup is trustee 1's/);
    const notRequest = io(PASS[1]!);
    expect(await main(['ballot-decrypt', '--request', key2, '--key', key2, '--out', out], notRequest)).toBe(1);
    expect(notRequest.stderr[0]).toMatch(/not a decryption request/);

    const good = io(PASS[1]!);
    expect(await main(['ballot-decrypt', '--request', request, '--key', key2, '--out', out], good)).toBe(0);
    expect(good.stdout[0]).toBe('Trustee 2 of “AGM 2026 poll”.');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const done = await ok<Ballot>('ballots.importDecryption', { id: b.id, file: readFileSync(out, 'utf8') });
    expect(done.status).toBe('decided');
    expect(done.result!.questions[0]!.choices.map((c) => c.total)).toEqual([1, 0, 0]);
  }, 60_000);
});
