import { afterEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/contract/organisation';
import { expectOk, openTestCore, setUpOrganisation, validSetUpInput, type TestCore } from '../../core/testing';
import { dispatchForOrganisation, ORGANISATION_SWITCHED } from './organisation-guard';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function twoOrganisations(): Promise<{ t: TestCore; a: Organisation; b: Organisation }> {
  const t = await openTestCore({ now: () => new Date('2026-06-01T10:00:00Z') });
  cleanups.push(() => t.cleanup());
  const a = (await setUpOrganisation(t.core)) as Organisation;
  const b = expectOk(await t.core.dispatch('group.addOrganisation', validSetUpInput({ particulars: { name: 'Riverside Care Services', registrationNumber: '07654321' } }))) as Organisation;
  return { t, a, b };
}

describe('a call made for the organisation a window shows', () => {
  it('is dispatched while that organisation is current, and refused once another window switched the file', async () => {
    const { t, a, b } = await twoOrganisations();
    const dispatch = (m: string, i: unknown) => t.core.dispatch(m, i);
    expect(expectOk(await dispatchForOrganisation(dispatch, 'organisation.get', {}, a.id))).toMatchObject({ id: a.id });
    // Tab 2 switches the file to B; tab 1 still shows A.
    expectOk(await dispatchForOrganisation(dispatch, 'group.switch', { organisationId: b.id }, a.id));
    const refused = await dispatchForOrganisation(dispatch, 'organisation.get', {}, a.id);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CONFLICT', reason: ORGANISATION_SWITCHED, message: 'Another window switched this file to Riverside Care Services. Reload to see Riverside Care Services’s records.' },
    });
    // Nothing of B's is written under A's name: the change is refused before it reaches the core.
    const events = t.core.raw.prepare('select count(*) from audit_event').pluck().get();
    const write = await dispatchForOrganisation(dispatch, 'organisation.setMinutesTarget', { days: 30 }, a.id);
    expect(write).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: ORGANISATION_SWITCHED } });
    expect(t.core.raw.prepare('select count(*) from audit_event').pluck().get()).toBe(events);
    // The window showing B, and a caller that names no organisation (the command line, tests), carry on.
    expect(expectOk(await dispatchForOrganisation(dispatch, 'organisation.get', {}, b.id))).toMatchObject({ id: b.id });
    expect(expectOk(await dispatchForOrganisation(dispatch, 'organisation.get', {}, undefined))).toMatchObject({ id: b.id });
  });

  it('always answers what a window needs to find its footing (the status, the list of organisations, a switch) and the following of a job', async () => {
    const { t, a, b } = await twoOrganisations();
    const dispatch = (m: string, i: unknown) => t.core.dispatch(m, i);
    expectOk(await t.core.dispatch('group.switch', { organisationId: b.id }));
    expect(expectOk(await dispatchForOrganisation(dispatch, 'app.status', {}, a.id))).toMatchObject({ organisationId: b.id });
    expectOk(await dispatchForOrganisation(dispatch, 'group.organisations', {}, a.id));
    // A job started for A is followed to its end (by its id), whatever is current now.
    const job = await dispatchForOrganisation(dispatch, 'jobs.get', { id: '0'.repeat(32) }, a.id);
    expect(job).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(expectOk(await dispatchForOrganisation(dispatch, 'group.switch', { organisationId: a.id }, a.id))).toMatchObject({ id: a.id });
  });
});
