import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import type { Core } from '../core';
import { memberHandlers } from '../members/handlers';
import { contentDigest, expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { CONFLICT_MESSAGE } from './apply';
import { emptyMapping } from './mapping';
import { apply, finishedJob, hrCsv, planCsv, type HrRow } from './testing';

const TODAY = '2026-05-01';
let t: TestCore;
afterEach(async () => t?.cleanup());

async function mutual() {
  t = await openTestCore({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  await setUpOrganisation(t.core);
  const cls = expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Employee',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: null,
    }),
  ) as { id: string };
  return { core: t.core, classId: cls.id };
}

function admitInput(classId: string, no: string) {
  return {
    classId,
    admittedOn: '2025-01-06',
    particulars: {
      givenNames: 'Alex',
      familyName: `Worker${no}`,
      address: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP' },
      email: `${no.toLowerCase()}@example.org`,
      dateOfBirth: '1985-07-14',
      employee: { employeeNumber: no, serviceArea: 'Adult social care', employmentStart: '2019-04-01', weeklyHours: 37.5 },
      loansAndDepositsPence: null,
    },
    initialShares: null,
  };
}

function newStarters(n: number, from = 1000): HrRow[] {
  return Array.from({ length: n }, (_, i) => ({ no: `N${from + i}`, given: i % 3 === 0 ? 'Mary Anne' : 'Sam', family: `Starter${i}` }));
}

const countMembers = (core: Core) => Number(core.raw.prepare('select count(*) from member').pluck().get());

describe('applying an HR import plan', () => {
  it('writes nothing at all when the apply fails part-way, and the same plan applies once the fault is gone', async () => {
    const { core, classId } = await mutual();
    expectOk(await core.dispatch('members.admit', admitInput(classId, 'E1')));
    expectOk(await core.dispatch('members.admit', admitInput(classId, 'E3')));
    const { plan } = await planCsv(core, hrCsv([...newStarters(900), { no: 'E1', line1: '9 New Road' }, { no: 'E3', end: '31/03/2026' }]), { classId, asOf: TODAY });
    expect(plan.counts).toMatchObject({ admit: 900, update: 1, cease: 1 });
    // Cessations are written last, after every admission and change: a fault there must undo them all.
    core.raw.exec(`create trigger import_fault before update of ceased_on on member when new.ceased_on is not null
      begin select raise(abort, 'simulated disk fault'); end`);
    const before = contentDigest(core.raw);

    const failed = await finishedJob(core, await core.dispatch('hrImport.apply', { planId: plan.planId }));
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('INTERNAL');
    expect(contentDigest(core.raw)).toBe(before);
    expect(countMembers(core)).toBe(2);
    expect(core.jobs.exclusive).toBeNull();

    core.raw.exec('drop trigger import_fault');
    const result = await apply(core, plan.planId);
    expect(result).toMatchObject({ admitted: 900, ceased: 1, updated: 1, firstMemberNumber: 3, lastMemberNumber: 902 });
    expect(countMembers(core)).toBe(902);
    expect(await verifyAuditChain(core.raw)).toMatchObject({ ok: true });
  });

  it('refuses a plan made before the register changed, whether the change came before the apply started or while it was starting', async () => {
    const { core, classId } = await mutual();
    const first = await planCsv(core, hrCsv(newStarters(5)), { classId, asOf: TODAY });
    expectOk(await core.dispatch('members.admit', admitInput(classId, 'E1')));
    expect(await core.dispatch('hrImport.apply', { planId: first.plan.planId })).toEqual({ ok: false, error: { code: 'CONFLICT', message: CONFLICT_MESSAGE } });

    // Another writer (the command line, say) gets in after the apply was accepted but before its transaction.
    const second = await planCsv(core, hrCsv(newStarters(5)), { classId, asOf: TODAY });
    const started = await core.dispatch('hrImport.apply', { planId: second.plan.planId });
    await core.mutate('admission by another writer', (tx) => memberHandlers['members.admit'].run(admitInput(classId, 'E2') as never, tx));
    const status = await finishedJob(core, started);
    expect(status.error).toEqual({ code: 'CONFLICT', message: CONFLICT_MESSAGE });
    expect(countMembers(core)).toBe(2);
  });

  it('yields to the event loop while it writes 20,000 members: reads are answered, changes are refused (LOCKED), then it commits', async () => {
    const { core, classId } = await mutual();
    const { plan } = await planCsv(core, hrCsv(newStarters(20_000)), { classId, asOf: TODAY });
    expect(plan.counts.admit).toBe(20_000);

    const { jobId } = expectOk(await core.dispatch('hrImport.apply', { planId: plan.planId })) as { jobId: string };
    let status = core.jobs.get(jobId);
    while (status.state === 'running' && status.done === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      status = core.jobs.get(jobId);
    }
    // We are here because the job gave the loop back part-way through.
    expect(status.state).toBe('running');

    const appStatus = await core.dispatch('app.status', {});
    const count = await core.dispatch('members.count', { status: 'all' });
    const change = await core.dispatch('classes.create', {
      name: 'Associate',
      votingRights: 'none',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: null,
    });
    const planAgain = await core.dispatch('hrImport.plan', { importId: '0'.repeat(32), mapping: emptyMapping(), dateFormat: 'dmy', defaultClassId: classId, asOf: TODAY });
    const during = core.jobs.get(jobId);

    expect(appStatus).toMatchObject({ ok: true, value: { busy: { jobId, label: 'The HR import' } } });
    // The app's own connection still reads the register as it was before the import (WAL).
    expect(count).toEqual({ ok: true, value: { count: 0, atLeast: false } });
    expect(change).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/^The HR import is in progress/) } });
    expect(planAgain).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(during.state).toBe('running');
    expect(during.done).toBeGreaterThan(0);
    expect(during.done).toBeLessThan(during.total);

    await core.jobs.idle();
    expect(core.jobs.get(jobId)).toMatchObject({ state: 'succeeded', done: 20_000, total: 20_000 });
    expect(await core.dispatch('members.count', { status: 'all' })).toEqual({ ok: true, value: { count: 20_000, atLeast: false } });
    expect(core.raw.prepare("select count(*) from audit_event where action = 'member.admitted'").pluck().get()).toBe(20_000);
    expect(core.raw.prepare('select count(*) from member_name_token').pluck().get()).toBe(Math.ceil(20_000 / 3));
    expect(await verifyAuditChain(core.raw)).toMatchObject({ ok: true });
  });
});
