import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractDetail, ContractInput, ContractSummary, TimelineEntry } from '../../../shared/contract/contracts';
import type { Counterparty } from '../../../shared/contract/counterparties';
import { attempt, boardMeeting, director, events, NOW, once, open, ok, refused } from '../decisions/fixtures.test-helpers';
import { makeDocx } from '../meetings/print/fixtures.test-helpers';
import { pdfOf, uploadPaper } from '../meetings/papers.test-helpers';
import { expectOk, runJob, type TestCore } from '../testing';
import { checkContractDocument } from './documents';
import { commissioner, communityHealth } from './fixtures.test-helpers';

/** Today on the fixed clock: 30 November 2026. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A council's community services contract, live today, with two extension options. */
function communityServices(counterpartyId: string, over: Partial<ContractInput> = {}): ContractInput {
  return communityHealth(counterpartyId, {
    annualValuePence: 120_000_000,
    wholeLifeValuePence: 480_000_000,
    extensions: [
      { lengthMonths: 12, decisionBy: '2026-12-31', noticeBy: '2027-01-31' },
      { lengthMonths: 12, decisionBy: '2027-12-31', noticeBy: '2028-01-31' },
    ],
    ...over,
  });
}

async function create(t: TestCore, input: ContractInput): Promise<ContractDetail> {
  return once<ContractDetail>(t, 'contracts.create', input);
}

async function problems(t: TestCore): Promise<string[]> {
  const status = await runJob(t.core, 'audit.verify', {});
  expect(status?.state).toBe('succeeded');
  return (status!.result as { records: { problems: string[] } }).records.problems;
}

describe('contracts.create and get', () => {
  it('records a contract with its parts and dated duties in one audit event, its status and ends derived from its dates', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    expect(c).toMatchObject({
      reference: 'LCC/2025/014',
      counterpartyName: 'Leeds City Council',
      status: 'live',
      currentEndOn: '2027-03-31',
      maximumEndOn: '2029-03-31',
      maximumTerm: '4 years',
      annualValuePence: 120_000_000,
    });
    expect(c.services).toEqual([expect.objectContaining({ code: '85300000-2' })]);
    expect(c.extensions.map((x) => x.position)).toEqual([1, 2]);
    const keys = c.duties.map((d) => d.key);
    expect(keys).toContain(`ext-decision:${c.extensions[0]!.id}`);
    expect(keys).toContain(`ext-notice:${c.extensions[1]!.id}`);
    expect(keys).toContain(`break:${c.breaks[0]!.id}`);
    expect(keys).toContain(`price:${c.priceReviews[0]!.id}`);
    expect(keys).toContain(`kpi:${c.kpis[0]!.id}:1`);
    expect(keys).toContain('end');
    // Before today and not done: flagged.
    expect(c.duties.find((d) => d.key === `kpi:${c.kpis[0]!.id}:1`)).toMatchObject({ dueOn: '2025-10-15', overdue: true, done: null });
    expect(c.duties.find((d) => d.key === 'end')).toMatchObject({ dueOn: '2027-03-31', overdue: false });
    expect(c.nextDuty).toMatchObject({ dueOn: '2026-12-31', key: `ext-decision:${c.extensions[0]!.id}` });
    expect(c.overdueCount).toBe(4); // the KPI reports of October 2025 and 2026, the price review and the break notice
    const list = await ok<ContractSummary[]>(t, 'contracts.list', {});
    expect(list.map((x) => x.id)).toEqual([c.id]);
    expect((await ok<Counterparty[]>(t, 'counterparties.list', {}))[0]!.contractCount).toBe(1);
    expect(await problems(t)).toEqual([]);
  });

  it('normalises a CPV code typed without its check digit, refuses one that is not a CPV 2008 code, and keeps a code outside the light touch lists typed in full', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id, { services: ['85300000', '85300000-2'] }));
    expect(c.services.map((s) => s.code)).toEqual(['85300000-2']);
    const message = refused(await attempt(t, 'contracts.create', communityServices(cp.id, { reference: 'X', services: ['85300000-2', '85999999'] })), 'VALIDATION', 'services.1');
    expect(message).toMatch(/^85999999 is not a light touch service code the app holds\. Enter it in full with its check digit/);
    // Inside the health and social services range the lists name (held in full): a code not there does not exist.
    const inRange = refused(await attempt(t, 'contracts.create', communityServices(cp.id, { reference: 'Y', services: ['85312999-1'] })), 'VALIDATION', 'services.0');
    expect(inRange).toMatch(/^85312999 is not a CPV 2008 code: it falls within the codes the light touch lists name/);
    // Cleaning services: outside the lists, typed in full, kept as neither light touch nor reservable.
    const cleaning = await create(t, { ...communityServices(cp.id, { reference: 'Z', services: ['90910000-9'] }), route: 'pa23_open' });
    expect(cleaning.services).toEqual([{ code: '90910000-9', description: 'A service outside the light touch lists (the app does not hold its description)', lightTouch: false, reservable: false }]);
  });

  it('refuses a duplicate reference for the same commissioner, naming the existing contract, and allows it for another', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t);
    const bradford = await commissioner(t, 'Bradford Council');
    await create(t, communityServices(leeds.id));
    const message = refused(await attempt(t, 'contracts.create', communityServices(leeds.id, { reference: 'lcc/2025/014 ', title: 'Another' })), 'VALIDATION', 'reference');
    expect(message).toBe('Leeds City Council already has a contract with the reference LCC/2025/014 (“Community health services”); each of a commissioner’s contracts has its own reference.');
    await create(t, communityServices(bradford.id));
  });

  it('refuses an end before the start, against the end date', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const message = refused(await attempt(t, 'contracts.create', communityServices(cp.id, { endOn: '2025-03-01', extensions: [] })), 'VALIDATION', 'endOn');
    expect(message).toBe('The end date (1 March 2025) is before the start date (1 April 2025).');
  });

  it('refuses a s33 reservation that could last over five years, against the last extension option, citing s33(1)(b)', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const r = await attempt(
      t,
      'contracts.create',
      communityServices(cp.id, { route: 'pa23_reserved_mutual', endOn: '2028-06-30', extensions: [{ lengthMonths: 12 }, { lengthMonths: 12 }] }),
    );
    const message = refused(r, 'VALIDATION', 'extensions.1.lengthMonths');
    expect(message).toContain('s33(1)(b)');
    // Services that may not be reserved are refused too, citing s33(1)(a).
    const services = refused(
      await attempt(t, 'contracts.create', communityServices(cp.id, { route: 'pa23_reserved_mutual', services: ['55100000-1'], endOn: '2028-03-31', extensions: [] })),
      'VALIDATION',
      'services.0',
    );
    expect(services).toContain('s33(1)(a)');
    // Five years exactly is allowed.
    await create(t, communityServices(cp.id, { route: 'pa23_reserved_mutual', endOn: '2028-03-31', extensions: [{ lengthMonths: 12 }, { lengthMonths: 12 }] }));
  });

  it('refuses a commissioner not on the list, a manager not in the officers record and a negative value', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const unknown = '0190f000-0000-7000-8000-000000000001';
    refused(await attempt(t, 'contracts.create', communityServices(unknown)), 'VALIDATION', 'counterpartyId');
    refused(await attempt(t, 'contracts.create', communityServices(cp.id, { managerOfficerId: unknown })), 'VALIDATION', 'managerOfficerId');
    refused(await attempt(t, 'contracts.create', communityServices(cp.id, { annualValuePence: -1 })), 'VALIDATION', 'annualValuePence');
    // Awarded before the organisation was incorporated (1 April 2015): not its contract.
    refused(await attempt(t, 'contracts.create', communityServices(cp.id, { route: 'other', awardOn: '2014-01-01', startOn: '2014-04-01', endOn: '2016-03-31', extensions: [] })), 'VALIDATION', 'awardOn');
    const ada = await director(t, 'Ada', 'Lovelace');
    const c = await create(t, communityServices(cp.id, { managerOfficerId: ada.id }));
    expect(c.managerName).toBe('Ada Lovelace');
  });
});

describe('contracts.list', () => {
  it('filters by commissioner and by words in the reference, title or commissioner’s name', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t);
    const bradford = await commissioner(t, 'Bradford Council');
    await create(t, communityServices(leeds.id));
    await create(t, communityServices(bradford.id, { reference: 'BMDC/7', title: 'Reablement' }));
    const refs = async (filter: object) => (await ok<ContractSummary[]>(t, 'contracts.list', filter)).map((c) => c.reference);
    expect(await refs({ counterpartyId: bradford.id })).toEqual(['BMDC/7']);
    expect(await refs({ search: 'REABLE' })).toEqual(['BMDC/7']);
    expect(await refs({ search: 'lcc/2025' })).toEqual(['LCC/2025/014']);
    expect(await refs({ search: 'bradford' })).toEqual(['BMDC/7']);
    expect(await refs({ status: 'live' })).toEqual(['BMDC/7', 'LCC/2025/014']);
  });
});

describe('status, derived from the dates (today 30 November 2026)', () => {
  it('is pipeline, awarded, live, in an extension, expired or terminated', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const base = { extensions: [], breaks: [], priceReviews: [], kpis: [] };
    const bid = await create(t, communityServices(cp.id, { ...base, reference: 'BID', awardOn: undefined, bidDueOn: '2026-12-15', startOn: '2027-04-01', endOn: '2030-03-31' }));
    expect(bid.status).toBe('pipeline');
    const awarded = await create(t, communityServices(cp.id, { ...base, reference: 'AWD', awardOn: '2026-11-01', startOn: '2027-04-01', endOn: '2030-03-31' }));
    expect(awarded.status).toBe('awarded');
    const expired = await create(t, communityServices(cp.id, { ...base, reference: 'OLD', route: 'pcr15', awardOn: '2022-01-01', startOn: '2022-04-01', endOn: '2025-03-31' }));
    expect(expired.status).toBe('expired');
    // Its end has passed: a date, not a task, so never overdue and nothing to record as done.
    expect(expired.duties.find((d) => d.key === 'end')).toMatchObject({ dueOn: '2025-03-31', overdue: false, done: null });
    expect(expired.overdueCount).toBe(0);
    const extended = await create(t, communityServices(cp.id, { reference: 'EXT', route: 'pcr15', awardOn: '2023-01-01', startOn: '2023-04-01', endOn: '2026-03-31', extensions: [{ lengthMonths: 12, decisionBy: '2025-12-31' }] }));
    expect(extended.status).toBe('expired');
    const decided = await once<ContractDetail>(t, 'contracts.decideExtension', { contractId: extended.id, extensionId: extended.extensions[0]!.id, decision: 'exercised', on: '2025-11-15' });
    expect(decided).toMatchObject({ status: 'in_extension', currentEndOn: '2027-03-31' });
    // The decision's duty is still listed (done state is recorded separately); the end moved.
    expect(decided.duties.find((d) => d.key === 'end')?.dueOn).toBe('2027-03-31');
    const live = await create(t, communityServices(cp.id, { reference: 'LIVE' }));
    const ended = await once<ContractDetail>(t, 'contracts.terminate', { id: live.id, terminatedOn: '2026-10-31', reason: 'Ended by agreement' });
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026-10-31', terminationReason: 'Ended by agreement' });
    refused(await attempt(t, 'contracts.terminate', { id: live.id, terminatedOn: '2026-11-01', reason: 'Again' }), 'CONFLICT');
    const byStatus = await ok<ContractSummary[]>(t, 'contracts.list', { status: 'expired' });
    expect(byStatus.map((c) => c.reference)).toEqual(['OLD']);
  });

  it('refuses a second decision on the same option and an option of another contract', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const a = await create(t, communityServices(cp.id));
    const b = await create(t, communityServices(cp.id, { reference: 'B' }));
    refused(await attempt(t, 'contracts.decideExtension', { contractId: a.id, extensionId: b.extensions[0]!.id, decision: 'declined', on: '2026-11-01' }), 'VALIDATION', 'extensionId');
    await once(t, 'contracts.decideExtension', { contractId: a.id, extensionId: a.extensions[0]!.id, decision: 'exercised', on: '2026-11-01' });
    refused(await attempt(t, 'contracts.decideExtension', { contractId: a.id, extensionId: a.extensions[0]!.id, decision: 'declined', on: '2026-11-02' }), 'CONFLICT');
    refused(await attempt(t, 'contracts.decideExtension', { contractId: a.id, extensionId: a.extensions[1]!.id, decision: 'exercised', on: '2026-12-01' }), 'VALIDATION', 'on');
  });

  it('declines the later options with an earlier one, since each follows the one before', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const d = await once<ContractDetail>(t, 'contracts.decideExtension', { contractId: c.id, extensionId: c.extensions[0]!.id, decision: 'declined', on: '2026-11-20' });
    expect(d.extensions.map((x) => x.declinedOn)).toEqual(['2026-11-20', '2026-11-20']);
    expect(d).toMatchObject({ maximumEndOn: '2027-03-31', currentEndOn: '2027-03-31' });
    expect(d.duties.some((x) => x.kind === 'extension_decision' || x.kind === 'extension_notice')).toBe(false);
    const summary = t.core.raw.prepare("select summary from audit_event where action = 'contract.extension_decided'").pluck().get();
    expect(summary).toBe('Extension option 1 (12 months) of contract LCC/2025/014 “Community health services” declined on 20 November 2026; option 2, which follows it, is declined with it');
  });
});

describe('contracts.update and the dated duties', () => {
  it('keeps parts by id and a duty’s done state across an update that moves its date', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const kpiKey = `kpi:${c.kpis[0]!.id}:1`;
    const done = await once<ContractDetail>(t, 'contracts.recordDutyDone', { contractId: c.id, key: kpiKey, doneOn: '2025-10-20', note: 'Sent to the council' });
    expect(done.duties.find((d) => d.key === kpiKey)).toMatchObject({
      overdue: false,
      done: { doneOn: '2025-10-20', recordedBy: 'test secretary', recordedAt: NOW.toISOString(), note: 'Sent to the council' },
    });
    // Move the KPI's first report and the first option's deadline; drop the break clause; add a review.
    const input = communityServices(cp.id, {
      extensions: [
        { id: c.extensions[0]!.id, lengthMonths: 12, decisionBy: '2027-01-15', noticeBy: '2027-01-31' },
        { id: c.extensions[1]!.id, lengthMonths: 12, decisionBy: '2027-12-31', noticeBy: '2028-01-31' },
      ],
      breaks: [],
      priceReviews: [{ id: c.priceReviews[0]!.id, reviewOn: '2026-04-01' }, { reviewOn: '2027-04-01' }],
      kpis: [{ id: c.kpis[0]!.id, name: 'Visits within 48 hours', frequency: 'annual', firstDueOn: '2025-10-31' }],
    });
    const u = await once<ContractDetail>(t, 'contracts.update', { id: c.id, ...input });
    expect(u.extensions.map((x) => x.id)).toEqual(c.extensions.map((x) => x.id));
    expect(u.kpis[0]!.id).toBe(c.kpis[0]!.id);
    expect(u.priceReviews).toHaveLength(2);
    expect(u.breaks).toEqual([]);
    expect(u.duties.find((d) => d.key === kpiKey)).toMatchObject({ dueOn: '2025-10-31', done: { doneOn: '2025-10-20' }, overdue: false });
    expect(u.duties.find((d) => d.key === `ext-decision:${c.extensions[0]!.id}`)?.dueOn).toBe('2027-01-15');
    expect(u.duties.some((d) => d.key.startsWith('break:'))).toBe(false);
    expect(await problems(t)).toEqual([]);
  });

  it('refuses a part id that is not the contract’s, and removing an option already decided', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const a = await create(t, communityServices(cp.id));
    const b = await create(t, communityServices(cp.id, { reference: 'B' }));
    refused(await attempt(t, 'contracts.update', { id: a.id, ...communityServices(cp.id, { kpis: [{ id: b.kpis[0]!.id, name: 'X', frequency: 'annual', firstDueOn: '2025-10-15' }] }) }), 'VALIDATION', 'kpis.0.id');
    await once(t, 'contracts.decideExtension', { contractId: a.id, extensionId: a.extensions[0]!.id, decision: 'exercised', on: '2026-11-01' });
    const message = refused(await attempt(t, 'contracts.update', { id: a.id, ...communityServices(cp.id, { extensions: [] }) }), 'VALIDATION', 'extensions');
    expect(message).toContain('Extension option 1 was exercised');
  });

  it('records and reopens a duty, with who and when, refusing a duty that is not the contract’s and one already done', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    refused(await attempt(t, 'contracts.recordDutyDone', { contractId: c.id, key: 'kpi:nope:1', doneOn: '2026-11-01' }), 'VALIDATION', 'key');
    refused(await attempt(t, 'contracts.recordDutyDone', { contractId: c.id, key: 'end', doneOn: '2026-12-01' }), 'VALIDATION', 'doneOn');
    await once(t, 'contracts.recordDutyDone', { contractId: c.id, key: 'end', doneOn: '2026-11-01' });
    const again = refused(await attempt(t, 'contracts.recordDutyDone', { contractId: c.id, key: 'end', doneOn: '2026-11-01' }), 'CONFLICT');
    expect(again).toBe('“Contract ends” was already recorded as done on 1 November 2026 by test secretary.');
    const reopened = await once<ContractDetail>(t, 'contracts.reopenDuty', { contractId: c.id, key: 'end' });
    expect(reopened.duties.find((d) => d.key === 'end')?.done).toBeNull();
    refused(await attempt(t, 'contracts.reopenDuty', { contractId: c.id, key: 'end' }), 'VALIDATION', 'key');
    const summaries = t.core.raw.prepare("select summary from audit_event where action in ('contract.duty_done', 'contract.duty_reopened') order by seq").pluck().all();
    expect(summaries).toEqual([
      '“Contract ends” (due 31 March 2027) on contract LCC/2025/014 “Community health services” recorded as done on 1 November 2026 by test secretary',
      '“Contract ends” on contract LCC/2025/014 “Community health services” reopened (it had been recorded as done on 1 November 2026 by test secretary) by test secretary',
    ]);
  });
});

describe('variations', () => {
  it('records a variation that moves the end, and refuses one on a bid', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id, { extensions: [] }));
    const v = await once<ContractDetail>(t, 'contracts.recordVariation', { contractId: c.id, madeOn: '2026-06-01', description: 'Night service added', valueChangePence: 1_500_000, newEndOn: '2027-09-30' });
    expect(v.variations).toEqual([expect.objectContaining({ madeOn: '2026-06-01', valueChangePence: 1_500_000, newEndOn: '2027-09-30' })]);
    expect(v.currentEndOn).toBe('2027-09-30');
    expect(v.duties.find((d) => d.key === 'end')?.dueOn).toBe('2027-09-30');
    const bid = await create(t, communityServices(cp.id, { reference: 'BID', awardOn: undefined, extensions: [] }));
    refused(await attempt(t, 'contracts.recordVariation', { contractId: bid.id, madeOn: '2026-06-01', description: 'x', valueChangePence: 0 }), 'VALIDATION', 'madeOn');
  });
});

describe('the timeline across contracts', () => {
  it('reads the duties due in a range, with those overdue before it, across every contract', async () => {
    const t = await open(cleanups);
    const leeds = await commissioner(t);
    const bradford = await commissioner(t, 'Bradford Council');
    const a = await create(t, communityServices(leeds.id));
    const b = await create(t, communityServices(bradford.id, { reference: 'BMDC/7', extensions: [{ lengthMonths: 6, decisionBy: '2027-01-10' }] }));
    const r = await ok<{ entries: TimelineEntry[]; overdueCount: number; truncated: boolean }>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true });
    const upcoming = r.entries.filter((e) => !e.overdue).map((e) => [e.dueOn, e.contractReference, e.kind]);
    expect(upcoming).toEqual([
      ['2026-12-31', 'LCC/2025/014', 'extension_decision'],
      ['2027-01-10', 'BMDC/7', 'extension_decision'],
      ['2027-01-31', 'LCC/2025/014', 'extension_notice'],
    ]);
    const overdue = r.entries.filter((e) => e.overdue);
    expect(overdue.every((e) => e.dueOn < '2026-11-30' && e.done === null)).toBe(true);
    // Each has its KPI reports of October 2025 and 2026, the price review and the break notice.
    expect(r.overdueCount).toBe(8);
    expect(overdue).toHaveLength(8);
    expect(r.entries[0]).toMatchObject({ counterpartyName: expect.any(String), contractTitle: 'Community health services' });
    // Recorded as done: no longer overdue, and gone from the overdue list.
    await once(t, 'contracts.recordDutyDone', { contractId: a.id, key: `price:${a.priceReviews[0]!.id}`, doneOn: '2026-04-02' });
    const after = await ok<{ entries: TimelineEntry[]; overdueCount: number }>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: true });
    expect(after.overdueCount).toBe(7);
    expect(after.entries.filter((e) => e.overdue)).toHaveLength(7);
    const without = await ok<{ entries: TimelineEntry[]; truncated: boolean }>(t, 'contracts.timeline', { from: '2026-11-30', to: '2027-02-28', includeOverdue: false, limit: 2 });
    expect(without.entries).toHaveLength(2);
    expect(without.truncated).toBe(true);
    // A range in the past: the duty recorded as done carries its record (read apart, for the duties flagged done), the others none.
    const past = await ok<{ entries: TimelineEntry[] }>(t, 'contracts.timeline', { from: '2020-01-01', to: '2026-11-29', includeOverdue: false });
    expect(past.entries.find((e) => e.key === `price:${a.priceReviews[0]!.id}` && e.contractId === a.id)).toMatchObject({ done: { doneOn: '2026-04-02', recordedBy: expect.any(String), recordedAt: expect.any(String) }, overdue: false });
    expect(past.entries.filter((e) => e.done !== null)).toHaveLength(1);
    expect(past.entries.filter((e) => e.overdue)).toHaveLength(7);
    expect(b.id).toBeTruthy();
  });
});

async function readExport(t: TestCore, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk = expectOk(await t.core.dispatch('exports.readFile', { fileId, offset })) as { base64: string; nextOffset: number | null };
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  return Buffer.concat(parts);
}

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toString(), isDate: e.startDate.isDate, sequence: e.sequence };
  });
}

describe('the calendar export', () => {
  it('writes one all-day event per duty with stable UIDs, so a re-import after a date change updates them', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const file = expectOk(await t.core.dispatch('contracts.exportCalendar', { contractId: c.id })) as { fileId: string; fileName: string; mimeType: string; events: number };
    expect(file.mimeType).toBe('text/calendar');
    expect(file.fileName).toMatch(/\.ics$/);
    const first = parseIcs((await readExport(t, file.fileId)).toString('utf8'));
    expect(first).toHaveLength(c.duties.length);
    expect(file.events).toBe(c.duties.length);
    expect(new Set(first.map((e) => e.uid))).toEqual(new Set(c.duties.map((d) => `${c.id}.${d.key}@mutual-governance`)));
    const decisionUid = `${c.id}.ext-decision:${c.extensions[0]!.id}@mutual-governance`;
    const decision = first.find((e) => e.uid === decisionUid)!;
    expect(decision).toMatchObject({ start: '2026-12-31', isDate: true });
    expect(decision.summary).toBe('Decide whether to take extension option 1 (12 months) — LCC/2025/014 Leeds City Council');
    expect(decision.description).toContain('Contract LCC/2025/014: Community health services');

    await once(t, 'contracts.update', {
      id: c.id,
      ...communityServices(cp.id, {
        extensions: [
          { id: c.extensions[0]!.id, lengthMonths: 12, decisionBy: '2027-01-20', noticeBy: '2027-01-31' },
          { id: c.extensions[1]!.id, lengthMonths: 12, decisionBy: '2027-12-31', noticeBy: '2028-01-31' },
        ],
        breaks: [{ id: c.breaks[0]!.id, earliestOn: '2026-04-01', noticeDays: 90, description: 'Either party' }],
        priceReviews: [{ id: c.priceReviews[0]!.id, reviewOn: '2026-04-01' }],
        kpis: [{ id: c.kpis[0]!.id, name: 'Visits within 48 hours', frequency: 'annual', firstDueOn: '2025-10-15' }],
      }),
    });
    const again = expectOk(await t.core.dispatch('contracts.exportCalendar', {})) as { fileId: string };
    const second = parseIcs((await readExport(t, again.fileId)).toString('utf8'));
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(second.find((e) => e.uid === decisionUid)?.start).toBe('2027-01-20');
  });
});

describe('decisions and conflicts', () => {
  it('links a decision of this organisation with one event, refuses an unknown one, and unlinks it', async () => {
    const t = await open(cleanups);
    const ada = await director(t, 'Ada', 'Lovelace');
    const bob = await director(t, 'Bob', 'Brown');
    const cy = await director(t, 'Cy', 'Clark');
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const m = await boardMeeting(t, { present: [ada.id, bob.id, cy.id], chair: ada.id });
    const d = expectOk(await t.core.dispatch('decisions.record', { agendaItemId: m.itemId, kind: 'board', text: 'Extend the community services contract', votesFor: 3, votesAgainst: 0, votesAbstain: 0 })) as { id: string };
    refused(await attempt(t, 'contracts.linkDecision', { contractId: c.id, decisionId: '0190f000-0000-7000-8000-000000000001', purpose: 'extend' }), 'VALIDATION', 'decisionId');
    const linked = await once<ContractDetail>(t, 'contracts.linkDecision', { contractId: c.id, decisionId: d.id, purpose: 'extend' });
    expect(linked.decisions).toEqual([expect.objectContaining({ decisionId: d.id, purpose: 'extend', text: 'Extend the community services contract', meetingId: m.meetingId })]);
    const unlinked = await once<ContractDetail>(t, 'contracts.unlinkDecision', { contractId: c.id, decisionId: d.id });
    expect(unlinked.decisions).toEqual([]);
    refused(await attempt(t, 'contracts.unlinkDecision', { contractId: c.id, decisionId: d.id }), 'VALIDATION', 'decisionId');
  });

  it('names directors in office with a current interest in the commissioner (by the same name) as conflicted', async () => {
    const t = await open(cleanups);
    const ada = await director(t, 'Ada', 'Lovelace');
    const bob = await director(t, 'Bob', 'Brown');
    const cp = await commissioner(t);
    expectOk(await t.core.dispatch('interests.declare', { officerId: ada.id, category: 'employment', nature: 'Spouse works in commissioning', relatedOrganisation: 'LEEDS  city council', declaredOn: '2025-01-01' }));
    const ended = expectOk(await t.core.dispatch('interests.declare', { officerId: bob.id, category: 'other', nature: 'Former governor', relatedOrganisation: 'Leeds City Council', declaredOn: '2025-01-01' })) as { id: string };
    expectOk(await t.core.dispatch('interests.end', { id: ended.id, endedOn: '2025-06-01' }));
    const c = await create(t, communityServices(cp.id));
    expect(c.conflicted).toEqual([expect.objectContaining({ officerId: ada.id, name: 'Ada Lovelace', nature: 'Spouse works in commissioning' })]);
  });
});

describe('documents', () => {
  it('keeps a PDF with its SHA-256 and reads it back, checking the hash', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const pdf = await pdfOf(1, 'Signed contract');
    const uploadId = await uploadPaper(t.core, 'Signed contract.pdf', pdf);
    const before = events(t);
    const v = expectOk(await t.core.dispatch('contracts.attachDocument', { contractId: c.id, uploadId, title: 'Signed contract', kind: 'contract' })) as ContractDetail;
    expect(events(t) - before).toBe(1);
    const { createHash } = await import('node:crypto');
    expect(v.documents).toEqual([expect.objectContaining({ title: 'Signed contract', fileName: 'Signed contract.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') })]);
    const file = expectOk(await t.core.dispatch('contracts.readDocument', { contractId: c.id, documentId: v.documents[0]!.id })) as { fileId: string };
    expect(Buffer.compare(await readExport(t, file.fileId), Buffer.from(pdf))).toBe(0);
    expect(await problems(t)).toEqual([]);
    // Bytes swapped in the file: refused on reading, and named by verify.
    const stored = Buffer.from(t.core.raw.prepare('select bytes from document').pluck().get() as Uint8Array);
    stored[stored.length - 2] = stored[stored.length - 2]! ^ 0xff;
    t.core.raw.prepare('update document set bytes = ?').run(stored);
    refused(await t.core.dispatch('contracts.readDocument', { contractId: c.id, documentId: v.documents[0]!.id }), 'CONFLICT');
    const removed = await once<ContractDetail>(t, 'contracts.removeDocument', { contractId: c.id, documentId: v.documents[0]!.id });
    expect(removed.documents).toEqual([]);
  });

  it('refuses a file whose contents are not what its extension says, and one over 50 MB', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    const docx = await makeDocx('Letter');
    const uploadId = await uploadPaper(t.core, 'Letter.pdf', docx);
    const message = refused(await attempt(t, 'contracts.attachDocument', { contractId: c.id, uploadId, title: 'Letter', kind: 'letter' }), 'VALIDATION', 'uploadId');
    expect(message).toBe('“Letter.pdf” is not a PDF: its contents are a Word document. Save it in the right format, or name it for what it is.');
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkContractDocument('Tender.pdf', big)).toEqual({ ok: false, message: '“Tender.pdf” is 50.1 MB; a contract document can be at most 50 MB. Reduce it (for example, save the PDF at a lower image quality) and attach it again.' });
    refused(await t.core.dispatch('uploads.begin', { purpose: 'paper', fileName: 'Tender.pdf', sizeBytes: big.length }), 'VALIDATION', 'sizeBytes');
    expect((await ok<ContractDetail>(t, 'contracts.get', { id: c.id })).documents).toEqual([]);
  });
});

describe('tampering', () => {
  it('finds a contract part or a dated duty changed in the file', async () => {
    const t = await open(cleanups);
    const cp = await commissioner(t);
    const c = await create(t, communityServices(cp.id));
    expect(await problems(t)).toEqual([]);
    t.core.raw.prepare('update contract_kpi set name = ? where id = ?').run('Visits within 72 hours', c.kpis[0]!.id);
    expect(await problems(t)).toEqual(['the contract LCC/2025/014 “Community health services” with Leeds City Council was changed outside the app (it differs from its last audit event)']);
    t.core.raw.prepare('update contract_kpi set name = ? where id = ?').run('Visits within 48 hours', c.kpis[0]!.id);
    expect(await problems(t)).toEqual([]);
    // A duty's done state, and a decision link, are part of the contract's state too.
    await once(t, 'contracts.recordDutyDone', { contractId: c.id, key: 'end', doneOn: '2026-11-01' });
    t.core.raw.prepare("update contract_duty_done set done_on = '2026-10-01' where contract_id = ?").run(c.id);
    expect(await problems(t)).toHaveLength(1);
    t.core.raw.prepare("update contract_duty_done set done_on = '2026-11-01' where contract_id = ?").run(c.id);
    t.core.raw.prepare("update contract_duty set due_on = '2027-06-30' where contract_id = ? and key = 'end'").run(c.id);
    expect(await problems(t)).toEqual(['the contract LCC/2025/014 “Community health services” with Leeds City Council: its dated duties no longer match its dates (they were changed outside the app)']);
  });
});

describe('contracts.cpvSearch', () => {
  it('finds codes by words, light touch first', async () => {
    const t = await open(cleanups);
    const found = await ok<{ code: string; lightTouch: boolean }[]>(t, 'contracts.cpvSearch', { text: 'social work', limit: 5 });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.lightTouch).toBe(true);
  });
});
