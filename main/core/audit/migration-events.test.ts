import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import { Core } from '../core';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | undefined;
let reopened: Core | undefined;
afterEach(async () => {
  await reopened?.close();
  reopened = undefined;
  await t?.cleanup();
  t = undefined;
});

const classInput = {
  name: 'Community',
  votingRights: 'per_member',
  votesPerMember: 1,
  isEmployeeClass: false,
  eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
  shareTerms: null,
} as const;

/** A file whose class a "migration" changed: the change, and whether a migration_event row vouches for it. */
async function changedByMigration(withEvent: boolean): Promise<VerifyReport> {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const cls = expectOk(await t.core.dispatch('classes.create', classInput)) as { id: string };
  t.core.raw.prepare("update membership_class set description = 'Converted' where id = ?").run(cls.id);
  if (withEvent) {
    t.core.raw
      .prepare("insert into migration_event (migration, action, summary, after, records) values ('9999_test', 'data.migrated', 'A test conversion', '{}', ?)")
      .run(JSON.stringify([{ type: 'membership_class', id: cls.id }]));
  }
  await t.core.close();
  reopened = await Core.open({ dbPath: t.dbPath, host: 'cli' });
  return (await runJob(reopened, 'audit.verify', {})).result as VerifyReport;
}

describe('records a migration converted', () => {
  it('are vouched for by an event recorded at the next start, so verify finds nothing changed outside the app', async () => {
    const report = await changedByMigration(true);
    expect(report).toMatchObject({ ok: true, records: { problems: [] } });
    const event = reopened!.raw.prepare("select summary from audit_event where action = 'data.migrated'").get();
    expect(event).toEqual({ summary: 'A test conversion' });
    expect(reopened!.raw.prepare('select count(*) from migration_event').pluck().get()).toBe(0);
  });

  it('without the event, the same change is reported as made outside the app', async () => {
    const report = await changedByMigration(false);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report.records)).toContain('changed');
  });
});
