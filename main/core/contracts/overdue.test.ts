import { afterEach, describe, expect, it } from 'vitest';
import type { ContractDetail, ContractInput, ContractSummary, TimelineEntry } from '../../../shared/contract/contracts';
import { attempt, once, open, ok, refused } from '../decisions/fixtures.test-helpers';
import { commissioner, communityHealth as contract } from './fixtures.test-helpers';
import { runJob, type TestCore } from '../testing';

/**
 * The overdue duties read from the open-duties index (migration 0018: contract_duty.done kept in
 * step with contract_duty_done), and the award date's field. Today on the fixed clock: 30
 * November 2026.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Timeline = { entries: TimelineEntry[]; overdueCount: number; truncated: boolean };

/** The overdue duties as the rule states them, counted from the audited record (contract_duty_done) rather than the flag. */
function recount(t: TestCore): number {
  return Number(
    t.core.raw
      .prepare(
        `select count(*) from contract_duty d where d.due_on < '2026-11-30' and d.key <> 'end'
           and not exists (select 1 from contract_duty_done x where x.contract_id = d.contract_id and x.key = d.key)`,
      )
      .pluck()
      .get(),
  );
}

async function problems(t: TestCore): Promise<string[]> {
  const status = await runJob(t.core, 'audit.verify', {});
  expect(status?.state).toBe('succeeded');
  return (status!.result as { records: { problems: string[] } }).records.problems;
}

const overdueKeys = (r: Timeline) => r.entries.filter((e) => e.overdue).map((e) => `${e.contractReference} ${e.key}`);

describe('overdue duties across contracts', () => {
  it('lists and counts the open duties before today, in date order, after done, reopen and a rebuild, never a contract’s end', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t, 'Leeds City Council');
    const bradford = await commissioner(t, 'Bradford Council');
    const a = await create(t, contract(leeds.id));
    // Expired in March 2026: its end has passed, and is a date, not a task.
    const b = await create(t, contract(bradford.id, { reference: 'BMDC/7', route: 'grant', startOn: '2024-04-01', endOn: '2026-03-31', awardOn: '2024-03-01', breaks: [], priceReviews: [], kpis: [{ name: 'Annual report', frequency: 'annual', firstDueOn: '2024-10-15' }] }));
    const tl = () => ok<Timeline>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true });

    let r = await tl();
    // A: KPI reports of October 2025 and 2026, the break notice, the price review. B: its KPI report of October 2024 and 2025 (the contract ended before October 2026).
    const kpiA = (n: number) => `kpi:${a.kpis[0]!.id}:${n}`;
    const kpiB = (n: number) => `kpi:${b.kpis[0]!.id}:${n}`;
    expect(overdueKeys(r).sort()).toEqual(
      [`BMDC/7 ${kpiB(1)}`, `BMDC/7 ${kpiB(2)}`, `LCC/2025/014 ${kpiA(1)}`, `LCC/2025/014 ${kpiA(2)}`, `LCC/2025/014 break:${a.breaks[0]!.id}`, `LCC/2025/014 price:${a.priceReviews[0]!.id}`].sort(),
    );
    expect(r.entries.some((e) => e.key === 'end' && e.overdue)).toBe(false);
    const dates = r.entries.filter((e) => e.overdue).map((e) => e.dueOn);
    expect(dates).toEqual([...dates].sort());
    expect(r.overdueCount).toBe(6);
    expect(recount(t)).toBe(6);

    // Recorded as done on B and on A: gone from both, and from each contract's own count.
    await once(t, 'contracts.recordDutyDone', { contractId: b.id, key: kpiB(1), doneOn: '2024-10-20' });
    await once(t, 'contracts.recordDutyDone', { contractId: a.id, key: kpiA(1), doneOn: '2025-10-20' });
    r = await tl();
    expect(r.overdueCount).toBe(4);
    expect(overdueKeys(r)).not.toContain(`BMDC/7 ${kpiB(1)}`);
    expect(overdueKeys(r)).not.toContain(`LCC/2025/014 ${kpiA(1)}`);
    expect(recount(t)).toBe(4);
    const list = await ok<ContractSummary[]>(t, 'contracts.list', {});
    expect(Object.fromEntries(list.map((c) => [c.reference, c.overdueCount]))).toEqual({ 'BMDC/7': 1, 'LCC/2025/014': 3 });
    expect((await ok<ContractDetail>(t, 'contracts.get', { id: a.id })).overdueCount).toBe(3);

    // Reopened: overdue again.
    await once(t, 'contracts.reopenDuty', { contractId: b.id, key: kpiB(1) });
    r = await tl();
    expect(r.overdueCount).toBe(5);
    expect(overdueKeys(r)).toContain(`BMDC/7 ${kpiB(1)}`);

    // A rebuild (the KPI moved to December, the price review into the future): the done report
    // keeps its done state by key, the review is no longer overdue, and the October 2026 report
    // (now due 1 December) neither.
    const moved = await once<ContractDetail>(t, 'contracts.update', {
      id: a.id,
      ...contract(leeds.id, {
        breaks: [{ id: a.breaks[0]!.id, earliestOn: '2026-04-01', noticeDays: 90, description: 'Either party' }],
        priceReviews: [{ id: a.priceReviews[0]!.id, reviewOn: '2027-04-01' }],
        kpis: [{ id: a.kpis[0]!.id, name: 'Visits within 48 hours', frequency: 'annual', firstDueOn: '2025-12-01' }],
      }),
    });
    expect(moved.duties.find((d) => d.key === kpiA(1))).toMatchObject({ dueOn: '2025-12-01', done: { doneOn: '2025-10-20' }, overdue: false });
    expect(moved.overdueCount).toBe(1);
    r = await tl();
    expect(overdueKeys(r).sort()).toEqual([`BMDC/7 ${kpiB(1)}`, `BMDC/7 ${kpiB(2)}`, `LCC/2025/014 break:${a.breaks[0]!.id}`].sort());
    expect(r.overdueCount).toBe(3);
    expect(recount(t)).toBe(3);
    // The flags agree with the audited record, so Verify finds nothing.
    expect(await problems(t)).toEqual([]);

    // The list is capped by the limit and says so; the count is still the whole.
    const capped = await ok<Timeline>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true, limit: 2 });
    expect(capped.entries.map((e) => e.key)).toEqual([kpiB(1), kpiB(2)]);
    expect(capped.truncated).toBe(true);
    expect(capped.overdueCount).toBe(3);
    // The one duty in the range (the October 2026 report, now due 1 December) after the three
    // overdue: a limit of four holds them all, three is cut short by it.
    const four = await ok<Timeline>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true, limit: 4 });
    expect(four.entries.map((e) => e.key)).toEqual([kpiB(1), kpiB(2), `break:${a.breaks[0]!.id}`, kpiA(2)]);
    expect(four.truncated).toBe(false);
    const three = await ok<Timeline>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true, limit: 3 });
    expect(three.entries.map((e) => e.key)).toEqual([kpiB(1), kpiB(2), `break:${a.breaks[0]!.id}`]);
    expect(three.truncated).toBe(true);
  });

  it('reads the overdue duties and their count from the open-duties index', async () => {
    const t = await open(cleanups);
    const plan = (q: string) => (t.core.raw.prepare(`explain query plan ${q}`).all('org', '2026-11-30') as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan(`select count(*) from contract_duty d where d.organisation_id = ? and d.due_on < ? and d.done = 0 and d.key <> 'end'`)).toContain('contract_duty_named_open_day');
    expect(
      plan(
        `select d.key, d.contract_reference, d.contract_title, d.counterparty_name from contract_duty d where d.organisation_id = ? and d.due_on < ? and d.done = 0 and d.key <> 'end' order by d.due_on, d.contract_id, d.key limit 1001`,
      ),
    ).toMatch(/COVERING INDEX contract_duty_named_open_day(?![\s\S]*TEMP B-TREE)/);
  });

  it('finds a duty shown as done or open in the file without its record in contract_duty_done', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t, 'Leeds City Council');
    const c = await create(t, contract(cp.id));
    const key = `price:${c.priceReviews[0]!.id}`;
    expect(await problems(t)).toEqual([]);
    t.core.raw.prepare('update contract_duty set done = 1 where contract_id = ? and key = ?').run(c.id, key);
    // The timeline, reading the flag, would hide it: Verify names the contract.
    expect(await problems(t)).toEqual([
      'the contract LCC/2025/014 “Community health services” with Leeds City Council: its dated duties shown as done or open no longer match the duties recorded as done (they were changed outside the app)',
    ]);
    t.core.raw.prepare('update contract_duty set done = 0 where contract_id = ? and key = ?').run(c.id, key);
    expect(await problems(t)).toEqual([]);
    await once(t, 'contracts.recordDutyDone', { contractId: c.id, key, doneOn: '2026-04-02' });
    t.core.raw.prepare('update contract_duty set done = 0 where contract_id = ? and key = ?').run(c.id, key);
    expect(await problems(t)).toHaveLength(1);
  });
});

describe('the award date’s field', () => {
  it('shows a route not yet in force on the award date against awardOn, as the form names it', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t, 'Leeds City Council');
    const message = refused(await attempt(t, 'contracts.create', contract(cp.id, { route: 'pa23_reserved_mutual', awardOn: '2025-02-23' })), 'VALIDATION', 'awardOn');
    expect(message).toMatch(/was not in force on 23 February 2025/);
    const r = await attempt(t, 'contracts.create', contract(cp.id, { route: 'pa23_reserved_mutual', awardOn: '2025-02-23' }));
    expect(r.ok ? {} : r.error.fieldErrors).not.toHaveProperty('awardedOn');
  });
});

function create(t: TestCore, input: ContractInput): Promise<ContractDetail> {
  return once<ContractDetail>(t, 'contracts.create', input);
}
