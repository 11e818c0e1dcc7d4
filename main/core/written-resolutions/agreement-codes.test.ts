import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Decision } from '../../../shared/contract/decisions';
import type { AgreedWithCode, IssuedAgreementCode, WrittenResolution } from '../../../shared/contract/written-resolutions';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { attempt, director, events, ok, once, refused } from '../decisions/fixtures.test-helpers';
import { agreementCodeHash } from './codes';
import { codeHash as ballotCodeHash, normaliseCode } from '../ballots/cast';

/**
 * Members' written resolutions agreed with one-time codes at the meeting laptop or from a phone
 * (issue 9; CA 2006 s296, s297, s1146(3)), through the real core on a real file, on a clock the
 * test moves.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface Clocked extends TestCore {
  /** Moves the core's clock to this instant (ISO 8601, UTC). */
  at(iso: string): void;
}

async function open(particulars: Record<string, unknown> = {}, start = '2026-11-30T10:00:00.000Z'): Promise<Clocked> {
  let now = new Date(start);
  const t = await openTestCore({ now: () => now });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: particulars as never });
  return Object.assign(t, { at: (iso: string) => void (now = new Date(iso)) });
}

async function members(t: TestCore, n: number, shares = false) {
  const cls = await makeClass(t.core, 'Member', shares ? { withdrawable: true } : null);
  for (let i = 1; i <= n; i++) await admit(t.core, cls, person(`Member${String.fromCharCode(64 + i)}`, 'Jones'), { admittedOn: '2020-01-06' });
}

const circulate = (t: TestCore, circulatedOn = '2026-11-20') =>
  once<WrittenResolution>(t, 'writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That the company adopt the new rota policy.', circulatedOn });

async function issue(t: TestCore, wr: WrittenResolution, input: Record<string, unknown> = {}) {
  return once<{ codes: IssuedAgreementCode[]; resolution: WrittenResolution }>(t, 'writtenResolutions.issueCodes', { id: wr.id, ...input });
}

const codeOf = (codes: readonly IssuedAgreementCode[], name: string) => codes.find((c) => c.name === name)!.code;

/** Every row of every audit table, as text. */
function auditText(t: TestCore): string {
  const tables = t.core.raw.prepare("select name from sqlite_master where type = 'table' and name like 'audit%'").pluck().all() as string[];
  expect(tables).toContain('audit_event');
  return tables.map((name) => JSON.stringify(t.core.raw.prepare(`select * from "${name}"`).all())).join('\n');
}

describe("members' written resolutions agreed with a code (CA 2006 s296)", () => {
  it('passes the moment agreements by code reach a majority of the total voting rights of eligible members, not before, and says who agreed, when and how', async () => {
    const t = await open();
    await members(t, 5);
    const wr = await circulate(t);
    expect(wr).toMatchObject({ status: 'circulating', eligible: 5, totalVotes: 5, codesIssued: 0 });
    expect(wr.signatories.every((s) => !s.hasCode && s.agreedVia === null && s.agreedAt === null)).toBe(true);

    const issued = await issue(t, wr);
    expect(issued.codes.map((c) => c.name)).toEqual(['MemberA Jones', 'MemberB Jones', 'MemberC Jones', 'MemberD Jones', 'MemberE Jones']);
    expect(issued.codes.every((c) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c.code) && typeof c.memberNumber === 'number')).toBe(true);
    expect(new Set(issued.codes.map((c) => c.code)).size).toBe(5);
    expect(issued.resolution.codesIssued).toBe(5);
    const stored = t.core.raw.prepare('select code_hash from written_resolution_signatory where written_resolution_id = ? order by name').pluck().all(wr.id) as string[];
    // Only the hash is kept, in a domain of its own: not a ballot voting code's hash.
    expect(stored).toEqual(issued.codes.map((c) => agreementCodeHash(c.code)));
    expect(stored).not.toContain(ballotCodeHash(issued.codes[0]!.code));
    // Issuing again leaves those with a code alone.
    expect((await ok<{ codes: IssuedAgreementCode[] }>(t, 'writtenResolutions.issueCodes', { id: wr.id })).codes).toEqual([]);

    // MemberA at the laptop (typed in small letters with spaces), MemberB from a phone: 2 of 5 votes, 3 needed.
    const a = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(issued.codes, 'MemberA Jones').toLowerCase().replace(/-/g, ' '), via: 'kiosk' });
    expect(a).toMatchObject({ name: 'MemberA Jones', agreedAt: '2026-11-30T10:00:00.000Z', passed: false });
    expect(a.resolution).toMatchObject({ status: 'circulating', votesAgreed: 1, decisionId: null });
    t.at('2026-11-30T10:05:00.000Z');
    const b = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(issued.codes, 'MemberB Jones'), via: 'phone' });
    expect(b).toMatchObject({ name: 'MemberB Jones', passed: false });
    expect(b.resolution).toMatchObject({ status: 'circulating', votesAgreed: 2, decisionId: null });
    expect(b.resolution.message).toMatch(/^Not yet passed: 2 of the 5 votes of eligible members \(40%\) have agreed; 3 are needed/);
    expect(t.core.raw.prepare('select count(*) from decision where written_resolution_id = ?').pluck().get(wr.id)).toBe(0);

    // The third passes it at once, with its decision, in one event.
    t.at('2026-11-30T10:07:30.000Z');
    const c = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(issued.codes, 'MemberC Jones'), via: 'kiosk' });
    expect(c).toMatchObject({ name: 'MemberC Jones', agreedAt: '2026-11-30T10:07:30.000Z', passed: true });
    expect(c.resolution).toMatchObject({ status: 'passed', decidedOn: '2026-11-30', votesAgreed: 3 });
    expect(c.resolution.decisionId).not.toBeNull();
    const last = t.core.raw.prepare('select action, summary from audit_event order by seq desc limit 1').get() as { action: string; summary: string };
    expect(last).toEqual({
      action: 'written_resolution.passed',
      summary: 'Written resolution circulated on 20 November 2026 passed on 30 November 2026 when MemberC Jones agreed at the meeting laptop with their agreement code at 10:07 on 30 November 2026, reaching the required majority (CA 2006 s296(4))',
    });
    const earlier = t.core.raw.prepare("select summary from audit_event where action = 'written_resolution.agreed' order by seq").pluck().all();
    expect(earlier).toEqual([
      'MemberA Jones agreed to the written resolution circulated on 20 November 2026 at the meeting laptop, with their agreement code, at 10:00 on 30 November 2026',
      'MemberB Jones agreed to the written resolution circulated on 20 November 2026 from a phone, with their agreement code, at 10:05 on 30 November 2026',
    ]);
    const reg = await ok<{ rows: Decision[] }>(t, 'decisions.register', {});
    expect(reg.rows[0]).toMatchObject({ id: c.resolution.decisionId, method: 'written', writtenResolutionId: wr.id, outcome: 'passed', decidedOn: '2026-11-30', votesFor: 3 });

    // Who agreed, when and how, for anyone to see: agreement is not secret.
    const got = await ok<WrittenResolution>(t, 'writtenResolutions.get', { id: wr.id });
    expect(got.signatories.map((s) => [s.name, s.agreedVia, s.agreedAt, s.agreedOn])).toEqual([
      ['MemberA Jones', 'kiosk', '2026-11-30T10:00:00.000Z', '2026-11-30'],
      ['MemberB Jones', 'phone', '2026-11-30T10:05:00.000Z', '2026-11-30'],
      ['MemberC Jones', 'kiosk', '2026-11-30T10:07:30.000Z', '2026-11-30'],
      ['MemberD Jones', null, null, null],
      ['MemberE Jones', null, null, null],
    ]);

    // Once passed, further agreement is refused, naming the day it passed; no codes either.
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(issued.codes, 'MemberD Jones'), via: 'phone' }), 'CONFLICT')).toBe(
      'This written resolution has already passed, on 30 November 2026: members holding the required majority had agreed (CA 2006 s296(4)). No further agreement is needed.',
    );
    expect(refused(await attempt(t, 'writtenResolutions.issueCodes', { id: wr.id, reissue: true }), 'CONFLICT')).toMatch(/already passed/);

    // No code, in any form, nor its hash, is anywhere in the audit log.
    const log = auditText(t);
    for (const x of issued.codes) {
      for (const form of [x.code, normaliseCode(x.code), x.code.toLowerCase(), agreementCodeHash(x.code)]) expect(log).not.toContain(form);
    }
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it("counts the secretary's recorded agreements with the codes, and keeps how each was given", async () => {
    const t = await open();
    await members(t, 3);
    const wr = await circulate(t);
    const { codes } = await issue(t, wr);
    const mid = await once<WrittenResolution>(t, 'writtenResolutions.recordAgreement', { id: wr.id, signatoryId: wr.signatories.find((s) => s.name === 'MemberB Jones')!.id, agreedOn: '2026-11-25' });
    expect(mid.signatories.find((s) => s.name === 'MemberB Jones')).toMatchObject({ agreedVia: 'secretary', agreedAt: null, agreedOn: '2026-11-25', hasCode: true });
    // Her code cannot now be used: said without anything else.
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberB Jones'), via: 'phone' }), 'VALIDATION', 'code')).toBe('This agreement code has already been used.');
    const done = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberC Jones'), via: 'phone' });
    // Two of three votes: passed on the day the agreement reaching the majority was received.
    expect(done).toMatchObject({ passed: true, resolution: { status: 'passed', decidedOn: '2026-11-30', votesAgreed: 2 } });
  });

  it('refuses a used code, a mistyped one, a reissued one and another resolution’s, saying no more than it must', async () => {
    const t = await open();
    await members(t, 4);
    const wr = await circulate(t);
    const other = await circulate(t, '2026-11-21');
    const { codes } = await issue(t, wr);
    const theirs = await issue(t, other);
    const aCode = codeOf(codes, 'MemberA Jones');
    await once(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: aCode, via: 'kiosk' });
    const used = refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: aCode, via: 'phone' }), 'VALIDATION', 'code');
    expect(used).toBe('This agreement code has already been used.');
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: 'ABCD-EFGH', via: 'kiosk' }), 'VALIDATION', 'code')).toMatch(/^An agreement code has 16 letters and numbers, in four groups of four/);
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: '', via: 'kiosk' }), 'VALIDATION', 'code')).toBe('Enter the agreement code from your letter.');
    const notValid = 'This agreement code is not valid for this resolution. Check it against your letter.';
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: '0000-0000-0000-0000', via: 'kiosk' }), 'VALIDATION', 'code')).toBe(notValid);
    // Another resolution's code for the same member is not valid for this one.
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(theirs.codes, 'MemberB Jones'), via: 'kiosk' }), 'VALIDATION', 'code')).toBe(notValid);

    // One member: a second code needs a reissue, which cancels the first at once.
    const b = wr.signatories.find((s) => s.name === 'MemberB Jones')!;
    expect(refused(await attempt(t, 'writtenResolutions.issueCodes', { id: wr.id, signatoryIds: [b.id] }), 'VALIDATION', 'signatoryIds')).toBe('MemberB Jones already has a code. Reissue it to cancel the old one.');
    const a = wr.signatories.find((s) => s.name === 'MemberA Jones')!;
    expect(refused(await attempt(t, 'writtenResolutions.issueCodes', { id: wr.id, signatoryIds: [a.id], reissue: true }), 'VALIDATION', 'signatoryIds')).toMatch(/^MemberA Jones has already agreed \(on 30 November 2026\); a code would be no use/);
    const again = await issue(t, wr, { signatoryIds: [b.id], reissue: true });
    expect(again.codes.map((c) => c.name)).toEqual(['MemberB Jones']);
    expect(t.core.raw.prepare("select summary from audit_event where action = 'written_resolution.codes_issued' order by seq desc limit 1").pluck().get()).toBe(
      'Agreement codes for the written resolution circulated on 20 November 2026 issued to 1 eligible member (1 reissued, the old code cancelled)',
    );
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberB Jones'), via: 'phone' }), 'VALIDATION', 'code')).toBe(notValid);
    const ok3 = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: again.codes[0]!.code, via: 'phone' });
    expect(ok3).toMatchObject({ name: 'MemberB Jones', passed: false });
  });

  it('counts a code used late on the last day, and refuses one the next day: the resolution lapsed (s297)', async () => {
    const t = await open();
    await members(t, 3);
    const wr = await circulate(t);
    expect(wr.lapsesAfter).toBe('2026-12-17');
    const { codes } = await issue(t, wr);
    // 23:30 UTC on 17 December is 23:30 in the UK (GMT): still the last day.
    t.at('2026-12-17T23:30:00.000Z');
    const a = await once<AgreedWithCode>(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberA Jones'), via: 'phone' });
    expect(a).toMatchObject({ passed: false, resolution: { status: 'circulating', votesAgreed: 1 } });
    t.at('2026-12-18T00:00:01.000Z');
    const before = events(t);
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberB Jones'), via: 'phone' }), 'CONFLICT')).toBe(
      'This written resolution lapsed at the end of 17 December 2026, the last day of the period for agreeing to it; agreement signified after that is ineffective (CA 2006 s297(1)-(2)).',
    );
    expect(refused(await attempt(t, 'writtenResolutions.issueCodes', { id: wr.id }), 'CONFLICT')).toMatch(/lapsed at the end of 17 December 2026/);
    expect(events(t)).toBe(before);
    expect(t.core.raw.prepare('select agreed_on from written_resolution_signatory where name = ? and written_resolution_id = ?').pluck().get('MemberB Jones', wr.id)).toBeNull();
  });

  it('refuses a withdrawn resolution', async () => {
    const t = await open();
    await members(t, 2);
    const wr = await circulate(t);
    const { codes } = await issue(t, wr);
    await once(t, 'writtenResolutions.withdraw', { id: wr.id });
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: wr.id, code: codeOf(codes, 'MemberA Jones'), via: 'kiosk' }), 'CONFLICT')).toBe(
      'This written resolution was withdrawn, so it can no longer be agreed to.',
    );
  });

  it("refuses codes for a board resolution, and for a society, whose rules decide how its members agree in writing", async () => {
    const t = await open();
    await director(t, 'Amir', 'Khan');
    await director(t, 'Sarah', 'Lee');
    const board = await once<WrittenResolution>(t, 'writtenResolutions.circulate', { body: 'board', text: 'That the bank mandate be renewed.', circulatedOn: '2026-11-20' });
    expect(board.codesIssued).toBe(0);
    const boardWhy = "Agreement codes are for members' written resolutions. A board written resolution is agreed by each eligible director in writing, which the secretary records (Model Articles art 8).";
    expect(refused(await attempt(t, 'writtenResolutions.issueCodes', { id: board.id }), 'CONFLICT')).toBe(boardWhy);
    expect(refused(await attempt(t, 'writtenResolutions.agreeWithCode', { id: board.id, code: '0000-0000-0000-0000', via: 'phone' }), 'CONFLICT')).toBe(boardWhy);

    const s = await open({ legalForm: 'cooperative_society', registrationNumber: '12345R' });
    await members(s, 2, true);
    const wr = await circulate(s);
    const societyWhy = refused(await attempt(s, 'writtenResolutions.issueCodes', { id: wr.id }), 'CONFLICT');
    expect(societyWhy).toMatch(/^Agreement codes follow the Companies Act procedure for a private company's members \(CA 2006 s288-s300, s296\)\. The CCBS Act 2014 has no written-resolution procedure: your registered rules decide/);
    expect(refused(await attempt(s, 'writtenResolutions.agreeWithCode', { id: wr.id, code: '0000-0000-0000-0000', via: 'kiosk' }), 'CONFLICT')).toBe(societyWhy);
    // The secretary still records agreements received under the rules.
    const v = await once<WrittenResolution>(s, 'writtenResolutions.recordAgreement', { id: wr.id, signatoryId: wr.signatories[0]!.id, agreedOn: '2026-11-22' });
    expect(v.signatories[0]).toMatchObject({ agreedVia: 'secretary', agreedAt: null });
    expect(expectOk(await s.core.dispatch('writtenResolutions.get', { id: wr.id }))).toMatchObject({ codesIssued: 0 });
  });
});
