import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { Decision } from '../../../shared/contract/decisions';
import type { MembershipClass } from '../../../shared/contract/classes';
import type { WrittenResolution } from '../../../shared/contract/written-resolutions';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { expectOk, runJob, type TestCore } from '../testing';
import { attempt, declare, director, events, ok, once, open, refused } from '../decisions/fixtures.test-helpers';

// Today is 30 November 2026 (fixtures NOW).
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const circulate = (t: TestCore, input: Record<string, unknown>) => once<WrittenResolution>(t, 'writtenResolutions.circulate', { text: 'That the company adopt the new policy.', ...input });
const agree = (t: TestCore, wr: WrittenResolution, name: string, agreedOn: string) =>
  t.core.dispatch('writtenResolutions.recordAgreement', { id: wr.id, signatoryId: wr.signatories.find((s) => s.name === name)!.id, agreedOn });

async function members(t: TestCore, n: number, admittedOn = '2020-01-06', shares = false) {
  const cls = await makeClass(t.core, 'Member', shares ? { withdrawable: true } : null);
  const out = [];
  for (let i = 1; i <= n; i++) out.push(await admit(t.core, cls, person(`Member${String.fromCharCode(64 + i)}`, 'Jones'), { admittedOn }));
  return { cls, out };
}

/** A class of transferable ordinary shares of £1, one vote per share (CA 2006 s284). */
async function ordinaryShares(t: TestCore): Promise<MembershipClass> {
  return expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Ordinary',
      votingRights: 'per_share',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, redeemable: false, numbered: false },
    }),
  ) as MembershipClass;
}

describe("members' written resolutions (CA 2006 s288-s300)", () => {
  it('lapses at the end of 28 days beginning with the circulation date: agreement the day after is refused (s297)', async () => {
    const t = await open(cleanups);
    await members(t, 3);
    const wr = await circulate(t, { body: 'members', kind: 'ordinary', circulatedOn: '2026-10-01' });
    expect(wr).toMatchObject({ lapsesAfter: '2026-10-28', eligible: 3, totalVotes: 3, votesAgreed: 0 });
    // Read today (30 November), it has lapsed, though nothing was written by the read.
    expect(wr.status).toBe('lapsed');
    expect(t.core.raw.prepare('select status from written_resolution where id = ?').pluck().get(wr.id)).toBe('circulating');
    expect(wr.message).toBe(
      'Lapsed at the end of 28 October 2026 without passing: 0 of the 3 votes of eligible members (0%) agreed in time; 2 were needed, a simple majority of the total voting rights of eligible members (CA 2006 s282(2)) (CA 2006 s297(1)).',
    );
    const late = refused(await attempt(t, 'writtenResolutions.recordAgreement', { id: wr.id, signatoryId: wr.signatories[0]!.id, agreedOn: '2026-10-29' }), 'VALIDATION', 'agreedOn');
    expect(late).toBe(
      'Agreement signified on 29 October 2026 is ineffective: the period for agreeing ended on 28 October 2026, the last of the 28 days beginning with the circulation date, and the resolution lapsed then (CA 2006 s297(1)-(2)).',
    );
    expect(refused(await attempt(t, 'writtenResolutions.withdraw', { id: wr.id }), 'CONFLICT')).toMatch(/lapsed at the end of 28 October 2026 \(CA 2006 s297\(1\)\); there is nothing to withdraw/);
    // An agreement received on the last day, entered late, counts; it does not make it pass, so the lapse is stored in that one event.
    const before = events(t);
    const after = expectOk(await agree(t, wr, 'MemberA Jones', '2026-10-28')) as WrittenResolution;
    expect(events(t) - before).toBe(1);
    expect(after).toMatchObject({ status: 'lapsed', votesAgreed: 1 });
    expect(t.core.raw.prepare('select status from written_resolution where id = ?').pluck().get(wr.id)).toBe('lapsed');
    const list = await ok<Omit<WrittenResolution, 'signatories'>[]>(t, 'writtenResolutions.list', { body: 'members' });
    expect(list.map((r) => r.status)).toEqual(['lapsed']);
  });

  it('passes on the total voting rights of eligible members, not on those who replied (s282(2), s296(4)), writing its decision in the same event', async () => {
    const t = await open(cleanups);
    await members(t, 10);
    const wr = await circulate(t, { body: 'members', kind: 'ordinary', circulatedOn: '2026-11-20' });
    expect(wr).toMatchObject({ status: 'circulating', lapsesAfter: '2026-12-17', eligible: 10, totalVotes: 10 });
    let v = wr;
    for (const n of ['A', 'B', 'C', 'D', 'E']) v = await once<WrittenResolution>(t, 'writtenResolutions.recordAgreement', { id: wr.id, signatoryId: wr.signatories.find((s) => s.name === `Member${n} Jones`)!.id, agreedOn: '2026-11-25' });
    // Five of five replies agree, but five of ten votes is not more than half of the total.
    expect(v).toMatchObject({ status: 'circulating', votesAgreed: 5, decisionId: null });
    expect(v.message).toBe(
      'Not yet passed: 5 of the 10 votes of eligible members (50%) have agreed; 6 are needed, a simple majority of the total voting rights of eligible members (CA 2006 s282(2)), by the end of 17 December 2026 (CA 2006 s297).',
    );
    expect(refused(await agree(t, wr, 'MemberA Jones', '2026-11-26'), 'CONFLICT')).toMatch(/recorded as received on 25 November 2026; once signified it cannot be revoked or given again \(CA 2006 s296\(3\)\)/);
    // The sixth agreement, received earlier than it is entered, passes it on its own date.
    const before = events(t);
    v = expectOk(await agree(t, wr, 'MemberF Jones', '2026-11-21')) as WrittenResolution;
    expect(events(t) - before).toBe(1);
    expect(v).toMatchObject({ status: 'passed', decidedOn: '2026-11-25', votesAgreed: 6 });
    expect(v.decisionId).not.toBeNull();
    const last = t.core.raw.prepare('select action, entity_type from audit_event order by seq desc limit 1').get();
    expect(last).toEqual({ action: 'written_resolution.passed', entity_type: 'written_resolution' });
    const reg = await ok<{ rows: Decision[] }>(t, 'decisions.register', {});
    expect(reg.rows[0]).toMatchObject({ id: v.decisionId, method: 'written', kind: 'ordinary', writtenResolutionId: wr.id, meetingId: null, outcome: 'passed', decidedOn: '2026-11-25', votesFor: 6 });
    expect(reg.rows[0]!.outcomeMessage).toBe(
      'Passed as a written ordinary resolution: 6 of 10 votes agreed (60% of the total voting rights of eligible members; more than half needed, CA 2006 s282(2), s296(4)).',
    );
    expect(refused(await agree(t, wr, 'MemberG Jones', '2026-11-26'), 'CONFLICT')).toBe('This written resolution passed on 25 November 2026.');
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
  });

  it('counts votes per share as held on the circulation date (s284, s289); a special resolution needs 75% of the total', async () => {
    const t = await open(cleanups, {}, { legalForm: 'cic_limited_by_shares' });
    const cls = await ordinaryShares(t);
    await admit(t.core, cls, person('Ann', 'Shaw'), { shares: 60 });
    await admit(t.core, cls, person('Bea', 'Hall'), { shares: 30 });
    await admit(t.core, cls, person('Cal', 'Ives'), { shares: 10 });
    await admit(t.core, cls, person('Dan', 'Late'), { shares: 500, admittedOn: '2026-11-25' });
    const wr = await circulate(t, { body: 'members', kind: 'special', circulatedOn: '2026-11-20' });
    expect(wr.signatories.map((s) => [s.name, s.votes])).toEqual([
      ['Ann Shaw', 60],
      ['Bea Hall', 30],
      ['Cal Ives', 10],
    ]);
    expectOk(await agree(t, wr, 'Ann Shaw', '2026-11-21'));
    let v = expectOk(await agree(t, wr, 'Cal Ives', '2026-11-21')) as WrittenResolution;
    expect(v).toMatchObject({ status: 'circulating', votesAgreed: 70 });
    expect(v.message).toMatch(/^Not yet passed: 70 of the 100 votes of eligible members \(70%\) have agreed; 75 are needed, not less than 75% of the total voting rights of eligible members \(CA 2006 s283\(2\)\)/);
    v = expectOk(await agree(t, wr, 'Bea Hall', '2026-11-22')) as WrittenResolution;
    expect(v).toMatchObject({ status: 'passed', decidedOn: '2026-11-22' });
  });

  it('counts each member’s shares as the ledger holds them at the end of the circulation date: a transfer out before it takes votes away, one after it changes nothing (s289)', async () => {
    const t = await open(cleanups, {}, { legalForm: 'cic_limited_by_shares' });
    const cls = await ordinaryShares(t);
    const ann = await admit(t.core, cls, person('Ann', 'Shaw'), { shares: 60 });
    const bea = await admit(t.core, cls, person('Bea', 'Hall'), { shares: 30 });
    // Before the circulation date Ann transfers 20 to Bea; after it, Bea transfers 45 back.
    expectOk(await t.core.dispatch('shares.transfer', { fromMemberId: ann.id, toMemberId: bea.id, date: '2026-11-10', shares: 20 }));
    expectOk(await t.core.dispatch('shares.transfer', { fromMemberId: bea.id, toMemberId: ann.id, date: '2026-11-25', shares: 45 }));
    const wr = await circulate(t, { body: 'members', kind: 'ordinary', circulatedOn: '2026-11-20' });
    expect(wr.signatories.map((s) => [s.name, s.votes])).toEqual([
      ['Ann Shaw', 40],
      ['Bea Hall', 50],
    ]);
    // The meetings area reads the same ledger the same way (one helper, meetings/people.ts).
    const { votingMembersOn } = await import('../meetings/people');
    const orgId = String(t.core.raw.prepare('select id from organisation').pluck().get());
    const voters = await votingMembersOn(t.core.db, orgId, '2026-11-20');
    expect(voters.map((v) => [v.name, v.votes]).sort()).toEqual([
      ['Ann Shaw', 40],
      ['Bea Hall', 50],
    ]);
  });

  it('keeps the organisation it relates to, and its decision is found by the register’s organisation filter', async () => {
    const t = await open(cleanups);
    await members(t, 1);
    let wr = await circulate(t, { body: 'members', kind: 'ordinary', text: 'That the contract with the trust be renewed.', circulatedOn: '2026-11-20', relatedOrganisation: 'Leeds Teaching Hospitals NHS Trust' });
    expect(wr.relatedOrganisation).toBe('Leeds Teaching Hospitals NHS Trust');
    wr = expectOk(await agree(t, wr, 'MemberA Jones', '2026-11-21')) as WrittenResolution;
    expect(wr.status).toBe('passed');
    const found = await ok<{ rows: Decision[] }>(t, 'decisions.register', { organisation: 'leeds teaching hospitals' });
    expect(found.rows.map((d) => [d.writtenResolutionId, d.relatedOrganisation])).toEqual([[wr.id, 'Leeds Teaching Hospitals NHS Trust']]);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
    // A resolution circulated with no organisation keeps none.
    const plain = await circulate(t, { body: 'members', kind: 'ordinary', circulatedOn: '2026-11-20' });
    expect(plain.relatedOrganisation).toBeNull();
    expect(t.core.raw.prepare('select related_organisation from written_resolution where id = ?').pluck().get(plain.id)).toBeNull();
  });

  it('is refused for removing a director or an auditor (s288(2))', async () => {
    const t = await open(cleanups);
    await members(t, 2);
    expect(refused(await attempt(t, 'writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That J. Patel be removed as a director.', circulatedOn: '2026-11-20', purpose: 'remove_director' }), 'VALIDATION', 'purpose')).toBe(
      'A resolution under CA 2006 s168 removing a director before the end of their period of office cannot be passed as a written resolution (s288(2)(a)); it needs a general meeting, with special notice (s168(2), s312).',
    );
    expect(refused(await attempt(t, 'writtenResolutions.circulate', { body: 'members', kind: 'ordinary', text: 'That the auditor be removed.', circulatedOn: '2026-11-20', purpose: 'remove_auditor' }), 'VALIDATION', 'purpose')).toMatch(
      /^A resolution under CA 2006 s510 removing an auditor .* cannot be passed as a written resolution \(s288\(2\)\(b\)\)/,
    );
    expect(refused(await attempt(t, 'writtenResolutions.circulate', { body: 'members', text: 'That x.', circulatedOn: '2026-11-20' }), 'VALIDATION', 'kind')).toMatch(/ordinary or a special/);
  });

  it("a society's members may resolve in writing only under its rules: allowed, and the base is labelled as the rules'", async () => {
    const t = await open(cleanups, {}, { legalForm: 'cooperative_society', registrationNumber: '12345R' });
    await members(t, 2, '2020-01-06', true);
    const wr = await circulate(t, { body: 'members', kind: 'ordinary', circulatedOn: '2026-11-20' });
    expect(wr.message).toMatch(/The CCBS Act 2014 has no written-resolution procedure; your registered rules let members decide in writing, on the terms the rules set\.$/);
  });
});

describe('board written resolutions (Model Articles art 8)', () => {
  it('passes when the last eligible director agrees; a director conflicted on the matter is not eligible', async () => {
    const t = await open(cleanups);
    const khan = await director(t, 'Amir', 'Khan');
    await director(t, 'Jaspreet', 'Patel');
    await director(t, 'Sarah', 'Lee');
    await director(t, 'Tom', 'Ward', '2026-11-25');
    await declare(t, khan.id, 'Leeds City Council');
    const wr = await circulate(t, { body: 'board', text: 'That the council contract be renewed.', circulatedOn: '2026-11-20', relatedOrganisation: 'Leeds City Council' });
    // Tom Ward was appointed after the circulation date; Amir Khan is conflicted.
    expect(wr.signatories.map((s) => s.name)).toEqual(['Jaspreet Patel', 'Sarah Lee']);
    expect(wr).toMatchObject({ body: 'board', kind: null, lapsesAfter: null, status: 'circulating' });
    let v = expectOk(await agree(t, wr, 'Sarah Lee', '2026-11-21')) as WrittenResolution;
    expect(v.message).toBe('Awaiting agreement from Jaspreet Patel: all 2 eligible directors must agree in writing (Model Articles art 8(1)-(2)).');
    v = expectOk(await agree(t, wr, 'Jaspreet Patel', '2026-11-23')) as WrittenResolution;
    expect(v).toMatchObject({ status: 'passed', decidedOn: '2026-11-23' });
    const d = (await ok<{ rows: Decision[] }>(t, 'decisions.register', {})).rows[0]!;
    expect(d).toMatchObject({ kind: 'board', method: 'written', writtenResolutionId: wr.id });
    expect(d.outcomeMessage).toBe('Passed as a written resolution of the board: all 2 eligible directors agreed (Model Articles art 8).');
  });

  it('is refused where the eligible directors would not form a quorum (art 8(4)) or the rules do not allow it', async () => {
    const t = await open(cleanups, { boardQuorum: 3 });
    const khan = await director(t, 'Amir', 'Khan');
    await director(t, 'Jaspreet', 'Patel');
    await director(t, 'Sarah', 'Lee');
    await declare(t, khan.id, 'Leeds City Council');
    expect(refused(await attempt(t, 'writtenResolutions.circulate', { body: 'board', text: 'That x.', circulatedOn: '2026-11-20', relatedOrganisation: 'The Leeds City Council' }), 'VALIDATION', 'relatedOrganisation')).toBe(
      'It cannot be taken in writing: only 2 directors are eligible to vote on it, fewer than the quorum of 3 (Model Articles art 8(4); Model Articles for private companies limited by guarantee (SI 2008/3229 Sch 2), art 11(2)). Amir Khan, conflicted, is not an eligible director, so their agreement is neither needed nor counted (Model Articles art 8(3)). Take it at a meeting.',
    );
    const wr = await circulate(t, { body: 'board', text: 'That y.', circulatedOn: '2026-11-20' });
    expect(wr.eligible).toBe(3);
    expect((await once<WrittenResolution>(t, 'writtenResolutions.withdraw', { id: wr.id })).status).toBe('withdrawn');

    const s = await open(cleanups, {}, { legalForm: 'cooperative_society', registrationNumber: '12345R' });
    await director(s, 'Amir', 'Khan');
    expect(refused(await attempt(s, 'writtenResolutions.circulate', { body: 'board', text: 'That x.', circulatedOn: '2026-11-20' }), 'VALIDATION', 'body')).toMatch(/^Your registered rules do not provide for the board to decide by written resolution/);
  });
});
