import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/contract/audit';
import { expectOk, jobResult, openTestCore, runJob, setUpOrganisation, type TestCore } from '../core/testing';
import { addYears } from '../../shared/rules/legal-date';
import type { ReportDoc } from '../../shared/contract/reports';
import { addDays } from '../../shared/rules/legal-date';
import { BUILDERS } from '../core/reports/builders/index';
import { bulkLoadGroup, spread } from './reports-load';
import { compare, flattenDoc, periodOf, rawAgm, rawAnnual } from './reports-raw';

/**
 * The reports benchmark's loader writes a group the app reads as its own: organisations with
 * rules and classes, a register whose tallies, dates and share ledger agree, boards, meetings,
 * general meetings with signed minutes, closed ballots whose rolls are the class on the record
 * date, and contracts, each scoped to its organisation.
 */
let t: TestCore;
afterEach(async () => t?.cleanup());

const TODAY = '2026-12-01';

describe('the reports benchmark’s loader', () => {
  it('spreads the members 40/30/15/10/5 over five organisations, to the member', () => {
    expect(spread(1_000_000, 5)).toEqual([400_000, 300_000, 150_000, 100_000, 50_000]);
    expect(spread(20_001, 5).reduce((a, b) => a + b, 0)).toBe(20_001);
    expect(spread(1000, 1)).toEqual([1000]);
  });

  it('loads a group whose registers, meetings, ballots and contracts keep to each organisation', async () => {
    t = await openTestCore({ actor: 'bench', now: () => new Date(`${TODAY}T10:00:00Z`) });
    await setUpOrganisation(t.core, { particulars: { incorporatedOn: addYears(TODAY, -14) } });
    const raw = t.core.raw;
    const first = (raw.prepare('select id from organisation').get() as { id: string }).id;
    const loaded = await bulkLoadGroup(raw, { today: TODAY, firstOrganisationId: first, organisations: 3, members: 3000, contracts: 300, years: 10, seed: 3, actor: 'bench' });
    const one = <T = number>(sql: string, ...p: unknown[]) => raw.prepare(sql).pluck().get(...p) as T;

    expect(loaded.organisations.map((o) => o.id)[0]).toBe(first);
    expect(one('select count(*) from organisation')).toBe(3);
    expect(one('select count(*) from governing_rules')).toBe(3);
    expect(one('select count(*) from member')).toBe(3000);
    for (const o of loaded.organisations) {
      expect(one('select count(*) from member where organisation_id = ?', o.id)).toBe(o.members);
      // Members only in their organisation's classes; the tallies agree with the register.
      expect(one('select count(*) from member m join membership_class c on c.id = m.class_id where m.organisation_id = ? and c.organisation_id <> m.organisation_id', o.id)).toBe(0);
      const tally = raw.prepare('select sum(current) as cur, sum(former) as fmr from member_tally where organisation_id = ?').get(o.id) as { cur: number; fmr: number };
      expect(tally.cur).toBe(one('select count(*) from member where organisation_id = ? and ceased_on is null', o.id));
      expect(tally.fmr).toBe(one('select count(*) from member where organisation_id = ? and ceased_on is not null', o.id));
      // A history to report on: admissions in every one of the ten years, and about a quarter ceased, each with a reason.
      expect(one("select count(distinct substr(admitted_on, 1, 4)) from member where organisation_id = ? and admitted_on >= '2017-01-01'", o.id)).toBeGreaterThanOrEqual(9);
      const ceased = one<number>('select count(*) from member where organisation_id = ? and ceased_on is not null', o.id) / o.members;
      expect(ceased).toBeGreaterThan(0.12);
      expect(ceased).toBeLessThan(0.3);
      expect(one('select count(*) from member where organisation_id = ? and ceased_on is not null and (cessation_reason is null or ceased_on <= admitted_on)', o.id)).toBe(0);
      // Meetings, attendance and decisions of this organisation's own directors only.
      expect(one("select count(*) from meeting where organisation_id = ? and kind = 'annual_general'", o.id)).toBe(o.agms.length);
      expect(o.agms.length).toBe(10);
      expect(one('select count(*) from attendance a join meeting m on m.id = a.meeting_id join officer f on f.id = a.officer_id where m.organisation_id = ? and f.organisation_id <> m.organisation_id', o.id)).toBe(0);
      expect(one('select count(*) from attendance a join meeting m on m.id = a.meeting_id join member x on x.id = a.member_id where m.organisation_id = ? and x.organisation_id <> m.organisation_id', o.id)).toBe(0);
      expect(one("select count(*) from decision d join meeting m on m.id = d.meeting_id where d.organisation_id = ? and m.kind = 'annual_general' and d.resolution_id is null", o.id)).toBe(0);
      // Each ballot's roll is the community class as it stood on the record date, and its count and box agree.
      for (const b of raw.prepare('select id, record_date, roll_count, box_count from ballot where organisation_id = ?').all(o.id) as { id: string; record_date: string; roll_count: number; box_count: number }[]) {
        const community = o.classes[1]!.id;
        expect(one('select count(*) from ballot_roll where ballot_id = ?', b.id)).toBe(b.roll_count);
        expect(one('select count(*) from ballot_roll where ballot_id = ? and voted_by is not null', b.id)).toBe(b.box_count);
        expect(b.roll_count).toBe(one('select count(*) from member where class_id = ? and admitted_on <= ? and (ceased_on is null or ceased_on > ?)', community, b.record_date, b.record_date));
      }
      expect(one('select count(*) from contract where organisation_id = ?', o.id)).toBe(o.contracts);
      // A society's share ledger agrees with each member's holding: one share from admission, withdrawn on cessation.
      if (o.classes[0]!.shareNominalPence !== null) {
        expect(one('select count(*) from member m where organisation_id = ? and shares_held <> (select coalesce(sum(shares), 0) from share_transaction s where s.member_id = m.id)', o.id)).toBe(0);
        expect(one("select count(*) from share_transaction s join member m on m.id = s.member_id where s.organisation_id = ? and s.kind = 'withdrawal' and s.date <> m.ceased_on", o.id)).toBe(0);
      }
    }
    expect(one('select sum(contracts) from (select count(*) as contracts from contract group by organisation_id)')).toBe(300);
    // The register and its audit log are the app's: the first organisation's members open and its log verifies.
    const page = expectOk(await t.core.dispatch('members.list', { sort: 'name', status: 'all', limit: 10 })) as { rows: unknown[] };
    expect(page.rows.length).toBe(10);
    // The chain holds. The organisations, boards, meetings and contracts are bulk-loaded history the audit rule was not
    // applied to (as meetings-load.ts and contracts-load.ts say), so verify names them as added outside the app; the
    // members' own events are checked on their own below.
    const verified = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(verified.brokenSeq).toBeNull();
    expect(verified.integrity).toBe('ok');
  }, 180_000);

  it('enters dated admissions, cessations and shares with the events the app writes, so the register verifies', async () => {
    t = await openTestCore({ actor: 'bench', now: () => new Date(`${TODAY}T10:00:00Z`) });
    await setUpOrganisation(t.core, { particulars: { name: 'Test Society Ltd', legalForm: 'community_benefit_society', registrationNumber: 'RS001234', incorporatedOn: '2010-01-01' } });
    const cls = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Community',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: 16, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: 1 },
      }),
    ) as { id: string };
    const org = t.core.raw.prepare('select id from organisation').get() as { id: string };
    const { bulkLoadMembers } = await import('./bulk-load');
    bulkLoadMembers(t.core.raw, {
      organisationId: org.id,
      classId: cls.id,
      className: 'Community',
      count: 200,
      seed: 5,
      actor: 'bench',
      shareNominalPence: 100,
      dates: (_p, r) => ({ admittedOn: '2015-06-01', ceased: r() < 0.3 ? { on: '2020-02-03', reason: 'resigned' } : null }),
    });
    const one = (sql: string) => t.core.raw.prepare(sql).pluck().get() as number;
    expect(one("select count(*) from member where ceased_on = '2020-02-03'")).toBeGreaterThan(30);
    expect(one("select count(*) from audit_event where action = 'member.ceased'")).toBe(one('select count(*) from member where ceased_on is not null'));
    expect(one("select count(*) from audit_event where action = 'shares.allotted'")).toBe(200);
    const member = expectOk(await t.core.dispatch('members.get', { id: t.core.raw.prepare('select id from member where ceased_on is not null limit 1').pluck().get() })) as { status: string; ceasedOn: string };
    expect(member).toMatchObject({ status: 'former', ceasedOn: '2020-02-03' });
    const verified = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(verified.problem, verified.records.problems.slice(0, 3).join('; ')).toBeNull();
    expect(verified.ok).toBe(true);
  }, 120_000);

  // The test that keeps the benchmark honest: the raw side's hand-written SQL gives every number the app's report gives.
  it('computes raw the same figures as the app’s annual report and AGM pack, for each organisation of a small group', async () => {
    t = await openTestCore({ actor: 'bench', now: () => new Date(`${TODAY}T10:00:00Z`) });
    await setUpOrganisation(t.core, { particulars: { incorporatedOn: addYears(TODAY, -14) } });
    const raw = t.core.raw;
    const first = (raw.prepare('select id from organisation').get() as { id: string }).id;
    const loaded = await bulkLoadGroup(raw, { today: TODAY, firstOrganisationId: first, organisations: 2, members: 2500, contracts: 300, years: 10, seed: 7, actor: 'bench' });
    const asAt = addYears(TODAY, -3);
    const from = addDays(addYears(asAt, -1), 1);
    for (const o of loaded.organisations) {
      expectOk(await t.core.dispatch('group.switch', { organisationId: o.id }));
      const row = raw.prepare('select * from organisation where id = ?').get(o.id) as { id: string; legal_form: string; financial_year_end: string };
      const annual = await jobResult<ReportDoc>(t.core, 'reports.build', { kind: 'annual', asAt, from });
      expect(annual.organisation.id).toBe(o.id);
      const a = compare(flattenDoc(annual.sections), rawAnnual(raw, row, periodOf(asAt, from)));
      expect(a.differences, o.name).toEqual([]);
      expect(a.notChecked, o.name).toEqual([]);
      // Every section's numbers: the board, interests, meetings, general meetings, ballots, membership, contracts, control.
      expect(a.checked).toBeGreaterThan(150);
      const values = flattenDoc(annual.sections);
      expect(values.get('figure:ballots-closed')).toBe(1);
      expect(values.get('figure:members-admitted')).toBeGreaterThan(0);
      expect(values.get('figure:members-ceased')).toBeGreaterThan(0);
      expect(values.get('figure:contracts-live')).toBeGreaterThan(0);
      if (BUILDERS.agm) {
        const agm = o.agms.find((x) => x.noticeOn > asAt)!;
        const pack = await jobResult<ReportDoc>(t.core, 'reports.build', { kind: 'agm', asAt: agm.noticeOn, meetingId: agm.meetingId });
        const c = compare(flattenDoc(pack.sections), rawAgm(raw, row, agm.meetingId, agm.noticeOn));
        expect(c.differences, o.name).toEqual([]);
        expect(c.notChecked, o.name).toEqual([]);
        expect(flattenDoc(pack.sections).get('figure:entitled')).toBeGreaterThan(0);
      }
    }
    // A difference is found: the raw side's figures moved by one are reported, not passed.
    const row = raw.prepare('select * from organisation where id = ?').get(first) as { id: string; legal_form: string; financial_year_end: string };
    expectOk(await t.core.dispatch('group.switch', { organisationId: first }));
    const doc = await jobResult<ReportDoc>(t.core, 'reports.build', { kind: 'annual', asAt, from });
    const wrong = rawAnnual(raw, row, periodOf(asAt, from));
    wrong.values.set('figure:members-at-end', wrong.values.get('figure:members-at-end')! + 1);
    wrong.values.delete('membership-by-class|<total>|atEnd');
    expect(compare(flattenDoc(doc.sections), wrong).differences.map((d) => d.key).sort()).toEqual(['figure:members-at-end', 'membership-by-class|<total>|atEnd']);
  }, 240_000);
});
