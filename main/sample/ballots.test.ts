import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationFile } from '../../shared/ballot';
import type { VerifyReport } from '../../shared/contract/audit';
import type { Ballot, RollEntry } from '../../shared/contract/ballots';
import { useLightKdfForTests } from '../core/ballots/kdf';
import { expectOk, openTestCore, runJob, type TestCore } from '../core/testing';
import { writeVerificationFile } from '../core/ballots/export';
import { verifyParsed } from '../verify-ballot/run';
import { ballotLines, samplePassphrase } from './ballots';
import { buildSample } from './build';

/**
 * The sample's ballots: the AGM poll taken to its declared result through every channel, and a
 * second ballot left open, so a secretary sees one of each; the declared one's verification file
 * passes the standalone verifier.
 */
// The trustees' keys are sealed with a light argon2id here (the keystore's own tests cover the real one).
beforeAll(() => useLightKdfForTests());
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the sample’s ballots', () => {
  it('declares the AGM poll with kiosk, code and paper votes, leaves a second ballot open, and the export verifies', async () => {
    t = await openTestCore({ actor: 'sample' });
    const lines: string[] = [];
    const { ballots } = await buildSample(t.core, { members: 40, form: 'company_limited_by_guarantee', seed: 5, log: (s) => lines.push(s) });
    const get = async (id: string) => expectOk(await t.core.dispatch('ballots.get', { id })) as Ballot;

    const agm = await get(ballots.decided.id);
    expect(agm.title).toBe('Annual general meeting 2026: poll');
    expect(agm.status).toBe('decided');
    expect(agm.questionList.map((q) => [q.kind, q.resolutionKind, q.max, q.choices.length])).toEqual([
      ['resolution', 'special', 1, 3],
      ['resolution', 'ordinary', 1, 3],
      ['election', null, 3, 5],
    ]);
    const by = agm.result!.turnout.byChannel;
    expect(by.kiosk).toBeGreaterThan(0);
    expect(by.code).toBeGreaterThan(0);
    expect(by.paper).toBe(3);
    expect(by.kiosk + by.code).toBeLessThanOrEqual(60);
    expect(agm.result!.turnout.words).toMatch(/1 spoilt paper\.$/);
    // The paper votes are in the result beside the electronic ones, and every question has an outcome.
    expect(agm.result!.questions[0]!.choices.reduce((s, c) => s + c.paper, 0)).toBe(2);
    expect(agm.result!.questions[0]!.words).toMatch(/^Special resolution 1 (passed|not passed)/);
    expect(agm.result!.questions[2]!.elected).toHaveLength(3);
    expect(lines.join('\n')).toContain(agm.result!.turnout.words);

    const open = await get(ballots.open.id);
    expect(open.status).toBe('open');
    expect(open.trustees.every((x) => x.keyMade)).toBe(true);
    const roll = (expectOk(await t.core.dispatch('ballots.roll', { id: open.id, limit: 5000 })) as { entries: RollEntry[] }).entries;
    expect(roll.filter((e) => e.votedBy !== null)).toHaveLength(5);
    expect(open.result).toBeNull();

    // What the sample prints: each trustee with their passphrase, and how to export and verify.
    const printed = ballotLines(t.dbPath, ballots).join('\n');
    expect(printed).toContain(`Trustee 1 (Independent scrutineer) passphrase: ${ballots.decided.trustees[0]!.passphrase}`);
    expect(printed).toContain(`Trustee 2 (Chair) passphrase: ${ballots.open.trustees[1]!.passphrase}`);
    expect(printed).toContain(`npm run cli -- ballot-export --db "${t.dbPath}" --ballot ${agm.id} --out agm-2026-poll.json`);

    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.problem).toBeNull();

    // The declared ballot's verification file (what `ballot-export` writes) passes the standalone verifier.
    const out = join(t.dir, 'agm-2026-poll.json');
    const row = await t.core.db.selectFrom('ballot').selectAll().where('id', '=', agm.id).executeTakeFirstOrThrow();
    await writeVerificationFile(t.core.db, row, out);
    const file = JSON.parse(readFileSync(out, 'utf8')) as VerificationFile;
    expect(file.election.id).toBe(agm.id);
    const verdict = await verifyParsed(file);
    expect(verdict.code).toBe(0);
    expect(verdict.lines[0]).toMatch(new RegExp(`^verified: ${by.kiosk + by.code} ballots`));
  }, 180_000);

  it('makes passphrases of six words', () => {
    expect(samplePassphrase()).toMatch(/^[a-z]+( [a-z]+){5}$/);
  });
});
