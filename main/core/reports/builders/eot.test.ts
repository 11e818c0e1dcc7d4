import { afterEach, describe, expect, it } from 'vitest';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { admit, organisation, person } from '../../members/register.test-helpers';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../../testing';
import { buildEot } from './eot';
import { build, figure, listTrace, statements, table, traced } from './regulator.test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const ON = '2026-03-31';
const at = (on: string) => ({ request: { kind: 'eot' as const, asAt: on }, period: { from: null, to: on } });
const ok = async <T>(t: TestCore, method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as T;

async function cls(t: TestCore, name: string, extra: Record<string, unknown>): Promise<MembershipClass> {
  return ok<MembershipClass>(t, 'classes.create', {
    name,
    votingRights: 'per_share',
    votesPerMember: 1,
    isEmployeeClass: false,
    eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
    shareTerms: { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, redeemable: false, numbered: false },
    ...extra,
  });
}

/**
 * A company owned through an employee ownership trust: the trustee company holds 60 of the 100
 * ordinary shares (one vote each) since 6 January 2020, the founder 30 and a manager 10; the PSC
 * record names the trustee at 50-75% of shares and votes; the staff class asks for 24 months' service.
 */
async function eotCompany() {
  const t = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z') });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: { name: 'Riverside Engineering Ltd', legalForm: 'eot_company', registrationNumber: '01234567', incorporatedOn: '2015-04-01' } });
  const ordinary = await cls(t, 'Ordinary shares', {});
  await cls(t, 'Staff members', { votingRights: 'none', isEmployeeClass: true, eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: 24 } });
  const founder = await admit(t.core, ordinary, person('Fay', 'Old'), { admittedOn: '2015-04-01', shares: 30 });
  const manager = await admit(t.core, ordinary, person('Gus', 'Mann'), { admittedOn: '2018-04-01', shares: 10 });
  const trustee = await admit(t.core, ordinary, organisation('Riverside EOT Trustee Ltd', 'trustee_company', { registrationNumber: '11223344' }), { admittedOn: '2020-01-06', shares: 60 });
  await ok(t, 'psc.add', {
    kind: 'legal_entity',
    name: 'Riverside EOT Trustee Ltd',
    serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
    legalForm: 'Private company limited by shares',
    governingLaw: 'England and Wales',
    registrationNumber: '11223344',
    natures: ['shares_50_to_75', 'votes_50_to_75'],
    becameRegistrableOn: '2020-01-06',
  });
  return { t, ordinary, founder, manager, trustee };
}

describe('employee ownership trust checks', () => {
  it('finds the trust’s controlling interest in shares and votes from the ledger, and the PSC record agreeing', async () => {
    const { t } = await eotCompany();
    const r = await build(t, buildEot, at(ON).request, at(ON).period);
    expect(figure(r, 'trustees').value).toBe(1);
    expect(figure(r, 'trust-shares')).toMatchObject({ value: 60 });
    expect(figure(r, 'all-shares').value).toBe(100);
    expect(figure(r, 'trust-votes').value).toBe(60);
    expect(figure(r, 'all-votes').value).toBe(100);
    expect(table(r, 'eot-holdings').rows.map((row) => [row['member']!.display, row['shares']!.value, row['share']!.display])).toEqual([
      ['3. Riverside EOT Trustee Ltd (trustee of the trust)', 60, '60%'],
      ['1. Fay Old', 30, '30%'],
      ['2. Gus Mann', 10, '10%'],
    ]);

    const s = statements(r);
    expect(s.map((x) => [x.citation, x.status])).toEqual([
      ['TCGA 1992 s236M(1)(a)', 'met'],
      ['TCGA 1992 s236M(1)(b) and (c)', 'cannotJudge'],
      ['TCGA 1992 s236M(1)(d)', 'cannotJudge'],
      ['CA 2006 Part 21A and Sch 1A', 'met'],
      ['TCGA 1992 s236J; TCGA 1992 s236J(1)(a) and (2), s236K', 'cannotJudge'],
      ['TCGA 1992 s236N', 'cannotJudge'],
      [expect.stringMatching(/^TCGA 1992 s236LA .*30 October 2024.*s236H\(4\)\(za\)/), 'cannotJudge'],
    ]);
    expect(s[0]!.evidence[0]).toBe('Shares: Riverside EOT Trustee Ltd (member 3) held 60 shares of the 100 shares in issue (60%), from the share ledger.');
    expect(s[0]!.evidence[1]).toMatch(/^Votes: 60 votes of the 100 votes of all members \(60%\)/);
    expect(s[1]!.evidence[1]).toBe('If every share in issue carries equal rights to dividends and to capital, the trustee’s entitlement would be 60%: more than half.');
    expect(s[3]!.evidence).toEqual([
      'Riverside EOT Trustee Ltd: shares recorded as more than 50% but less than 75%; the ledger gives 60%.',
      'Riverside EOT Trustee Ltd: voting rights recorded as more than 50% but less than 75%; the register gives 60%.',
    ]);
    // What bears on the equality requirement: the 24-month service condition, and the other holders as excluded participators.
    expect(s[4]!.evidence[0]).toMatch(/^Employee classes in the company’s register ask for more than 12 months’ service: Staff members \(24 months\)\. .*s236K\(1\)\(b\)/);
    expect(s[4]!.evidence[1]).toMatch(/Fay Old \(30%\); Gus Mann \(10%\)\.$/);
    expect(s[5]!.evidence[0]).toBe('Holders of 5% or more of the shares on 31 March 2026 other than the trustee: Fay Old (30%); Gus Mann (10%).');
  });

  it('names exactly what it cannot judge in missing', async () => {
    const { t } = await eotCompany();
    const r = await build(t, buildEot, at(ON).request, at(ON).period);
    expect(r.missing.map((m) => m.section)).toEqual([
      'The controlling interest',
      'The controlling interest',
      'All-employee benefit and equality',
      'All-employee benefit and equality',
      'All-employee benefit and equality',
    ]);
    expect(r.missing.map((m) => m.what)).toEqual([
      expect.stringMatching(/^Each class’s rights to profits available for distribution and to assets on a winding up/),
      expect.stringMatching(/^Any agreement or instrument/),
      expect.stringMatching(/^The trust deed’s terms and the trustees’ distributions/),
      expect.stringMatching(/^The number of employees and the persons connected with participators/),
      expect.stringMatching(/^Who the trustees .* their residence/),
    ]);
  });

  it('before the trust held shares it cannot judge the holding and says which member to record', async () => {
    const { t } = await eotCompany();
    const r = await build(t, buildEot, at('2019-12-31').request, at('2019-12-31').period);
    expect(figure(r, 'trustees').value).toBe(0);
    expect(figure(r, 'all-shares').value).toBe(40);
    const s = statements(r);
    expect(s[0]).toMatchObject({ status: 'cannotJudge', citation: 'TCGA 1992 s236M(1)(a)' });
    expect(s[0]!.text).toMatch(/names no member as the trustee/);
    expect(s.some((x) => x.citation === 'CA 2006 Part 21A and Sch 1A')).toBe(false);
    expect(r.missing[0]).toEqual({ section: 'The controlling interest', what: 'Which member is the trustee of the employee ownership trust: none is recorded as such on the date.' });
  });

  it('after the trustee sells down to 45% finds the requirement not met and the PSC band out of date; the earlier date still reads as before', async () => {
    const { t, trustee, founder, ordinary } = await eotCompany();
    const before = await build(t, buildEot, at(ON).request, at(ON).period);
    await ok(t, 'shares.transfer', { fromMemberId: trustee.id, toMemberId: founder.id, date: '2026-06-01', shares: 15 });
    const after = await build(t, buildEot, at('2026-07-01').request, at('2026-07-01').period);
    const s = statements(after);
    expect(s[0]).toMatchObject({ status: 'notMet' });
    expect(s[0]!.text).toBe('On 1 July 2026 the trustee held neither more than half the shares nor a majority of the votes: on the records, the first limb of the controlling interest requirement was not met.');
    expect(s[3]).toMatchObject({ status: 'notMet' });
    expect(s[3]!.evidence[0]).toBe('Riverside EOT Trustee Ltd: shares recorded as more than 50% but less than 75%; the ledger gives 45%, outside that band.');
    expect(s[1]!.evidence[1]).toMatch(/would be 45%: not more than half\.$/);

    // One vote a member since (the articles changed): the earlier date still counts a vote a share.
    await t.core.dispatch('classes.update', {
      id: ordinary.id,
      changes: {
        name: 'Ordinary shares',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: false, transferable: true, maxHolding: null, redeemable: false, numbered: false },
      },
    }).then(expectOk);
    const perMember = await build(t, buildEot, at('2026-11-30').request, at('2026-11-30').period);
    expect([figure(perMember, 'trust-votes').value, figure(perMember, 'all-votes').value]).toEqual([1, 3]);
    // The trustee company renamed since: the report for the earlier date keeps the name it had.
    await t.core.dispatch('members.update', { id: trustee.id, classId: trustee.classId, particulars: { ...organisation('Riverside Employee Trustee Ltd', 'trustee_company', { registrationNumber: '11223344' }) } }).then(expectOk);
    const again = await build(t, buildEot, at(ON).request, at(ON).period);
    expect(statements(await build(t, buildEot, at('2026-11-30').request, at('2026-11-30').period))[0]!.evidence[0]).toMatch(/^Shares: Riverside Employee Trustee Ltd \(member 3\) held 45 shares/);
    expect(again.sections).toEqual(before.sections);
    expect(again.missing).toEqual(before.missing);
  });

  it('each trace lists exactly the records its figure counts', async () => {
    const { t } = await eotCompany();
    const r = await build(t, buildEot, at(ON).request, at(ON).period);
    const values = traced(r);
    expect(new Set(values.map((v) => v.trace!.set))).toEqual(new Set(['regulator.trustees', 'regulator.holders']));
    for (const v of values) {
      const list = await listTrace(t, v);
      expect(list.total).toBe(v.value);
      expect(list.rows).toHaveLength(v.value!);
    }
    expect((await listTrace(t, figure(r, 'trustees'))).rows.map((row) => row.label)).toEqual(['3. Riverside EOT Trustee Ltd']);
  });
});
