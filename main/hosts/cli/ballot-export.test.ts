import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptBallot, nobleGroup, prepare, type ElectionPublic, type VerificationFile } from '../../../shared/ballot';
import type { Ballot, RollEntry } from '../../../shared/contract/ballots';
import { useLightKdfForTests } from '../../core/ballots/kdf';
import { open } from '../../core/decisions/fixtures.test-helpers';
import { admit, makeClass, person } from '../../core/members/register.test-helpers';
import { expectOk, fileDigest, jobResult, runJob, type TestCore } from '../../core/testing';
import { main as verifyBallot, verifyParsed } from '../../verify-ballot/run';
import type { CliIO } from './command';
import { main } from './index';

/**
 * `npm run cli -- ballot-export` on a real file with a real ballot: decided ballots are written
 * with the core's own writer and pass the standalone verifier; a copy with one ballot changed
 * does not; every refusal is one line that says what to do.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
beforeAll(() => useLightKdfForTests());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const PASS = ['scrutineer passphrase one', 'chair passphrase number two'];

function capture(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'main/hosts/cli/index.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A file with one decided ballot (4 votes, a code and kiosk check-ins) and one still open. */
async function fileWithBallots(): Promise<TestCore & { decided: Ballot; open: Ballot }> {
  const t = await open(cleanups);
  const ok = async <T>(method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;
  const cls = await makeClass(t.core, 'Employee', null);
  for (let i = 1; i <= 5; i++) await admit(t.core, cls, person(`Voter${i}`, 'Smith'), { admittedOn: '2024-01-08' });
  const make = async (title: string) => {
    const b = await ok<Ballot>('ballots.create', {
      title,
      recordDate: '2026-11-01',
      base: 'votes_cast',
      questions: [
        { kind: 'resolution', text: 'That the new articles be adopted.', resolutionKind: 'special' },
        { kind: 'election', text: 'Election of directors', seats: 2, candidates: [{ name: 'Ann Lee' }, { name: 'Raj Patel' }, { name: 'Sam Jones' }] },
      ],
      trustees: [
        { name: 'Ann Scrutineer', role: 'Independent scrutineer' },
        { name: 'Raj Chair', role: 'Chair' },
      ],
    });
    for (const tr of b.trustees) await ok('ballots.makeTrusteeKey', { id: b.id, trustee: tr.position, passphrase: PASS[tr.position - 1] });
    return jobResult<Ballot>(t.core, 'ballots.open', { id: b.id });
  };
  const vote = async (b: Ballot, sel: number[][][]) => {
    const { election } = await ok<{ election: ElectionPublic }>('ballots.publicElection', { id: b.id });
    const p = prepare(nobleGroup, election);
    const { entries } = await ok<{ entries: RollEntry[] }>('ballots.roll', { id: b.id });
    for (const [i, s] of sel.entries()) {
      const { token } = await ok<{ token: string }>('ballots.checkIn', { id: b.id, rollId: entries[i]!.id });
      await ok('ballots.cast', { id: b.id, credential: { kind: 'checkin', token }, ballot: encryptBallot(p, s) });
    }
  };
  let decided = await make('AGM 2026 poll');
  await vote(decided, [
    [[1, 0, 0], [1, 1, 0]],
    [[1, 0, 0], [0, 1, 1]],
    [[0, 1, 0], [1, 0, 1]],
    [[1, 0, 0], [0, 0, 1]],
  ]);
  expect((await runJob(t.core, 'ballots.close', { id: decided.id })).state).toBe('succeeded');
  for (const [i] of PASS.entries()) decided = await ok<Ballot>('ballots.decrypt', { id: decided.id, trustee: i + 1, passphrase: PASS[i] });
  expect(decided.status).toBe('decided');
  const still = await make('Consultation still open');
  await vote(still, [[[0, 0, 1], [0, 0, 0]]]);
  await t.core.close();
  return { ...t, decided, open: still };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(['ballot-export', ...argv], io);
  return { code, ...io };
}

describe('ballot-export', () => {
  it('writes the verification file of a decided ballot that the verifier passes; a copy with one ballot changed fails', async () => {
    const t = await fileWithBallots();
    const before = fileDigest(t.dbPath);
    const out = join(t.dir, 'agm-2026.json');

    const r = await cli('ballot-export', '--db', t.dbPath, '--ballot', t.decided.id, '--out', out);

    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote the verification file of “AGM 2026 poll” \(result declared on 30 November 2026\): 4 encrypted ballots, [\d.]+ KB, to /);
    expect(r.stdout).toContain(`npm run verify-ballot -- "${resolve(out)}"`);
    // The database was only read.
    expect(fileDigest(t.dbPath)).toBe(before);

    // The standalone verifier's own entry point: exit 0 and "verified".
    const said: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (said.push(s), true)) as typeof process.stdout.write;
    let good: number;
    let bad: number;
    const file = JSON.parse(readFileSync(out, 'utf8')) as VerificationFile;
    const changed = JSON.parse(JSON.stringify(file)) as VerificationFile;
    const ch = changed.ballots[1]!.ballot.answers[0]!.choices;
    [ch[0]!.alpha, ch[1]!.alpha] = [ch[1]!.alpha, ch[0]!.alpha];
    const copy = join(t.dir, 'agm-2026-changed.json');
    writeFileSync(copy, JSON.stringify(changed));
    try {
      good = await verifyBallot([out]);
      bad = await verifyBallot([copy]);
    } finally {
      process.stdout.write = write;
    }
    expect(good).toBe(0);
    expect(said[0]).toMatch(/^verified: 4 ballots, election /);
    expect(said[0]).toMatch(/For: 3\n {2}Against: 1\n {2}Abstain: 0\n/);
    expect(bad).toBe(1);
    expect(said[1]).toMatch(/^NOT VERIFIED: Ballot 2 \(tracker [0-9a-f]{64}\): its tracker does not match its contents/);
    // No voter's name is in the file.
    expect(readFileSync(out, 'utf8')).not.toMatch(/Smith/);
  }, 60_000);

  it('--latest takes the ballot whose result was declared most recently, not the newer open one', async () => {
    const t = await fileWithBallots();
    const out = join(t.dir, 'latest.json');
    const r = await run('--db', t.dbPath, '--latest', '--out', out);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as VerificationFile;
    expect(file.election.id).toBe(t.decided.id);
    expect((await verifyParsed(file)).code).toBe(0);
  }, 60_000);

  it('refuses a ballot not decided yet, one that does not exist, both or neither of --ballot and --latest, and a file it cannot write, writing nothing', async () => {
    const t = await fileWithBallots();
    const out = join(t.dir, 'out.json');

    const openOne = await run('--db', t.dbPath, '--ballot', t.open.id, '--out', out);
    expect(openOne.code).toBe(1);
    expect(openOne.stderr).toEqual(['The result has not been declared: the trustees must decrypt first (“Consultation still open”: the ballot is still open for voting; it must be closed).']);

    const missing = await run('--db', t.dbPath, '--ballot', '01234567-89ab-7def-8123-456789abcdef', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toBe(
      `There is no ballot 01234567-89ab-7def-8123-456789abcdef in ${t.dbPath}. Its ballots, newest first: ${t.open.id} “Consultation still open” (open for voting); ${t.decided.id} “AGM 2026 poll” (result declared).`,
    );

    const both = await run('--db', t.dbPath, '--ballot', t.decided.id, '--latest', '--out', out);
    expect(both.stderr[0]).toMatch(/^Give either --ballot ID .* or --latest .*, not both\.$/);
    const neither = await run('--db', t.dbPath, '--out', out);
    expect(neither.code).toBe(1);

    // The "folder" is the database file itself: no user can write there.
    const unwritable = join(t.dbPath, 'out.json');
    const cannot = await run('--db', t.dbPath, '--ballot', t.decided.id, '--out', unwritable);
    expect(cannot.code).toBe(1);
    expect(cannot.stderr).toEqual([`Cannot write ${unwritable}: part of the path is a file, not a folder.`]);
    const noFolder = join(t.dir, 'no-such-folder', 'out.json');
    expect((await run('--db', t.dbPath, '--ballot', t.decided.id, '--out', noFolder)).stderr).toEqual([`Cannot write ${noFolder}: the folder ${join(t.dir, 'no-such-folder')} does not exist.`]);

    // An existing file is never overwritten.
    copyFileSync(t.dbPath, out);
    const exists = await run('--db', t.dbPath, '--ballot', t.decided.id, '--out', out);
    expect(exists.stderr).toEqual([`${out} already exists; choose a new name (an export never overwrites a file).`]);
    expect(fileDigest(out)).toBe(fileDigest(t.dbPath));
    expect(existsSync(`${out}.part`)).toBe(false);
  }, 60_000);
});

// The argument parser's switch (a flag with no value), used by --latest.
describe('ballot-export usage', () => {
  it('lists --latest as a switch and refuses a value for it', async () => {
    const help = capture();
    expect(await main(['help', 'ballot-export'], help)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/Usage: npm run cli -- ballot-export --db FILE \[--ballot ID\] \[--latest\] --out FILE/);
    const r = await run('--db', 'x.sqlite', '--latest=yes', '--out', 'y.json');
    expect(r.stderr[0]).toBe('--latest takes no value.');
  });
});
