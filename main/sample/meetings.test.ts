import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/contract/audit';
import { expectOk, openTestCore, runJob, type TestCore } from '../core/testing';
import { useLightKdfForTests } from '../core/ballots/kdf';
import { buildSample } from './build';

/**
 * The sample builds two years of meetings through the core: board, committee and general
 * meetings, decisions (one on the chair's casting vote, special resolutions at the AGM), actions
 * (some overdue) and minutes signed and sealed for all but the most recent meeting, in a file
 * that verifies.
 */
// The sample also runs its ballots: their trustees' keys are sealed with a light argon2id here.
beforeAll(() => useLightKdfForTests());
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the sample’s meetings', () => {
  it('holds two years of meetings with decisions, actions and signed minutes, and the file verifies', async () => {
    t = await openTestCore({ actor: 'sample' });
    const lines: string[] = [];
    await buildSample(t.core, { members: 20, form: 'company_limited_by_guarantee', seed: 3, log: (s) => lines.push(s) });
    const raw = t.core.raw;
    const count = (sql: string) => raw.prepare(sql).pluck().get() as number;

    const meetings = expectOk(await t.core.dispatch('meetings.list', { when: 'past' })) as { kind: string; heldOn: string; minutesStatus: string | null }[];
    expect(meetings.filter((m) => m.kind === 'board').length).toBeGreaterThanOrEqual(11);
    expect(meetings.filter((m) => m.kind === 'committee').length).toBeGreaterThanOrEqual(7);
    expect(meetings.filter((m) => m.kind === 'annual_general')).toHaveLength(2);

    expect(count('select count(*) from decision')).toBeGreaterThan(50);
    expect(count("select count(*) from decision where outcome = 'carried_on_casting_vote'")).toBe(1);
    expect(count("select count(*) from decision where kind = 'special'")).toBe(2);
    expect(count("select count(*) from attendance where status = 'apologies'")).toBeGreaterThan(0);
    const overdue = expectOk(await t.core.dispatch('actions.list', { status: 'overdue' })) as unknown[];
    expect(overdue.length).toBeGreaterThan(0);
    expect(count("select count(*) from action_item where status = 'done'")).toBeGreaterThan(0);

    // Every meeting's minutes are signed but the most recent one's, which stay a draft.
    const newest = [...meetings].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0]!;
    expect(newest.minutesStatus).toBe('draft');
    expect(meetings.filter((m) => m.minutesStatus === 'signed')).toHaveLength(meetings.length - 1);
    const signed = raw.prepare("select id, sealed_sha256 from minutes where status = 'signed' limit 1").get() as { id: string; sealed_sha256: string };
    expect(signed.sealed_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(expectOk(await t.core.dispatch('minutes.verify', { id: signed.id }))).toMatchObject({ ok: true });

    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(true);
  }, 120_000);

  it('builds for a community benefit society (the default form), whose rules leave board written resolutions out', async () => {
    // `npm run sample` makes a society unless told otherwise; its default rules do not let the board
    // decide in writing (CCBS Act 2014 is silent), so the sample must not try to.
    t = await openTestCore({ actor: 'sample' });
    await buildSample(t.core, { members: 12, form: 'community_benefit_society', seed: 3, log: () => {} });
    const count = (sql: string) => t.core.raw.prepare(sql).pluck().get() as number;
    expect(count("select count(*) from meeting where kind = 'board'")).toBeGreaterThanOrEqual(11);
    expect(count("select count(*) from written_resolution where body = 'board'")).toBe(0);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.ok).toBe(true);
  }, 120_000);
});
