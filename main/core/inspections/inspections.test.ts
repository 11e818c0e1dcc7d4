import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionRequest } from '../../../shared/contract/inspections';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const REQUEST = {
  requesterName: 'Jo Bloggs',
  requesterAddress: '9 Park Row, Leeds LS1 5HD',
  purpose: 'To write to members about the annual general meeting',
  willShare: false,
};

async function open(clock: { now: Date }, country: 'england' | 'scotland' = 'england') {
  t = await openTestCore({ now: () => clock.now });
  await setUpOrganisation(t.core, {
    particulars: country === 'scotland'
      ? { registrationNumber: 'SC123456', registeredOffice: { line1: '1 George Street', town: 'Edinburgh', postcode: 'EH2 2PB', country: 'scotland' } }
      : {},
  });
  return t.core;
}

const log = async (core: TestCore['core'], receivedOn: string, extra: object = {}) =>
  expectOk(await core.dispatch('inspections.log', { ...REQUEST, receivedOn, ...extra })) as InspectionRequest;

describe('inspection requests', () => {
  it('are due five working days after receipt, skipping Christmas, Boxing Day and the weekend (England)', async () => {
    const core = await open({ now: new Date('2026-01-10T12:00:00Z') });
    // Thursday 18 December 2025: Fri 19, Mon 22, Tue 23, Wed 24, then 25-28 are not working days, Mon 29.
    const r = await log(core, '2025-12-18');
    expect(r.dueOn).toBe('2025-12-29');
    expect(r.dueSource).toBe('CA 2006 s117(1): within 5 working days (s1173)');
    // Wednesday 24 December 2025: 29, 30, 31, (1 January), 2, 5.
    expect((await log(core, '2025-12-24')).dueOn).toBe('2026-01-05');
  });

  it('count the bank holidays of the part of the UK where the registered office is', async () => {
    const core = await open({ now: new Date('2026-05-01T12:00:00Z') }, 'scotland');
    // Scotland also keeps 2 January: 29, 30, 31, 5, 6.
    expect((await log(core, '2025-12-24')).dueOn).toBe('2026-01-06');
    // Easter Monday is not a bank holiday in Scotland; Good Friday (3 April 2026) is.
    expect((await log(core, '2026-04-02')).dueOn).toBe('2026-04-10');
  });

  it('counts Good Friday and Easter Monday in England', async () => {
    const core = await open({ now: new Date('2026-05-01T12:00:00Z') });
    expect((await log(core, '2026-04-02')).dueOn).toBe('2026-04-13');
  });

  it('are overdue only after the due day has passed while still open', async () => {
    const clock = { now: new Date('2026-12-01T12:00:00Z') };
    const core = await open(clock);
    // Monday 30 November 2026: due Monday 7 December.
    const r = await log(core, '2026-11-30');
    expect(r).toMatchObject({ dueOn: '2026-12-07', overdue: false, outcome: 'open' });
    clock.now = new Date('2026-12-07T20:00:00Z');
    expect((expectOk(await core.dispatch('inspections.list', {})) as InspectionRequest[])[0]!.overdue).toBe(false);
    clock.now = new Date('2026-12-08T09:00:00Z');
    expect((expectOk(await core.dispatch('inspections.list', {})) as InspectionRequest[])[0]!.overdue).toBe(true);
    const closed = expectOk(await core.dispatch('inspections.close', { id: r.id, outcome: 'copy_provided', on: '2026-12-08' })) as InspectionRequest;
    expect(closed).toMatchObject({ outcome: 'copy_provided', fulfilledOn: '2026-12-08', overdue: false });
  });

  it('requires who it will be shared with when it will be shared (s116(4))', async () => {
    const core = await open({ now: new Date('2026-12-01T12:00:00Z') });
    const r = await core.dispatch('inspections.log', { ...REQUEST, willShare: true, receivedOn: '2026-11-30' });
    expect(r.ok ? null : r.error.fieldErrors).toEqual({ sharedWith: expect.stringContaining('s116(4)') });
    const ok = await log(core, '2026-11-30', { willShare: true, sharedWith: 'The residents’ association' });
    expect(ok.sharedWith).toBe('The residents’ association');
  });

  it('refuse a receipt date in the future and a closing date before receipt', async () => {
    const core = await open({ now: new Date('2026-12-01T12:00:00Z') });
    const future = await core.dispatch('inspections.log', { ...REQUEST, receivedOn: '2026-12-02' });
    expect(future.ok ? null : Object.keys(future.error.fieldErrors ?? {})).toEqual(['receivedOn']);
    const r = await log(core, '2026-11-30');
    const early = await core.dispatch('inspections.close', { id: r.id, outcome: 'inspected', on: '2026-11-29' });
    expect(early.ok ? null : Object.keys(early.error.fieldErrors ?? {})).toEqual(['on']);
  });

  it('need a reason to be declined, and close only once', async () => {
    const core = await open({ now: new Date('2026-12-01T12:00:00Z') });
    const r = await log(core, '2026-11-30');
    const bare = await core.dispatch('inspections.close', { id: r.id, outcome: 'declined', on: '2026-12-01' });
    expect(bare.ok ? null : Object.keys(bare.error.fieldErrors ?? {})).toEqual(['note']);
    const declined = expectOk(await core.dispatch('inspections.close', { id: r.id, outcome: 'declined', on: '2026-12-01', note: 'Court asked under s117(3): purpose not proper' })) as InspectionRequest;
    expect(declined.outcomeNote).toContain('s117(3)');
    const again = await core.dispatch('inspections.close', { id: r.id, outcome: 'inspected', on: '2026-12-01' });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
  });

  it('are logged and closed in the audit log, with the requester’s details only in the payload', async () => {
    const core = await open({ now: new Date('2026-12-01T12:00:00Z') });
    const r = await log(core, '2026-11-30');
    expectOk(await core.dispatch('inspections.close', { id: r.id, outcome: 'inspected', on: '2026-12-01' }));
    const events = core.raw
      .prepare("select e.action, e.entity_id, e.summary, p.body from audit_event e join audit_payload p on p.event_id = e.id where e.entity_type = 'inspection_request' order by e.seq")
      .all() as { action: string; entity_id: string; summary: string; body: string }[];
    expect(events.map((e) => e.action)).toEqual(['inspection.logged', 'inspection.closed']);
    expect(events.every((e) => e.entity_id === r.id)).toBe(true);
    expect(events[0]!.summary).toBe('Request to inspect or copy the register received 30 November 2026; due by 7 December 2026');
    expect(events[1]!.summary).toBe('Inspection request received 30 November 2026 closed on 1 December 2026: register inspected');
    for (const e of events) expect(e.summary).not.toContain('Bloggs');
    expect(JSON.parse(events[0]!.body).after).toMatchObject({ requesterName: 'Jo Bloggs', dueOn: '2026-12-07' });
  });

  it('list newest first', async () => {
    const core = await open({ now: new Date('2026-12-01T12:00:00Z') });
    await log(core, '2026-11-02');
    await log(core, '2026-11-30');
    await log(core, '2026-11-16');
    const list = expectOk(await core.dispatch('inspections.list', {})) as InspectionRequest[];
    expect(list.map((r) => r.receivedOn)).toEqual(['2026-11-30', '2026-11-16', '2026-11-02']);
    expect(list.map((r) => r.overdue)).toEqual([false, true, true]);
  });
});

describe('inspection of a society’s register (CCBS Act 2014 s103)', () => {
  it('keeps no request log: a request is refused with the s103 explanation', async () => {
    t = await openTestCore({ now: () => new Date('2026-12-01T12:00:00Z') });
    await setUpOrganisation(t.core, { particulars: { legalForm: 'cooperative_society', registrationNumber: '12345R' } });
    const r = await t.core.dispatch('inspections.log', { ...REQUEST, receivedOn: '2026-11-30' });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect(r.ok ? '' : r.error.message).toContain('CCBS Act 2014 s103');
    expect(r.ok ? '' : r.error.message).toContain('without stating a purpose');
    expect(expectOk(await t.core.dispatch('inspections.list', {}))).toEqual([]);
  });
});
