import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import { Core } from '../core';
import { recordMigrationEvents } from './migration-events';
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

/**
 * A file whose class was changed, with a migration_event row naming it, as a migration leaves;
 * `asMigrationRunNow` records it as the start that ran the migration does.
 */
async function changedByMigration(withEvent: boolean, asMigrationRunNow = withEvent): Promise<VerifyReport> {
  t = await openTestCore();
  await setUpOrganisation(t.core);
  const cls = expectOk(await t.core.dispatch('classes.create', classInput)) as { id: string };
  t.core.raw.prepare("update membership_class set description = 'Converted' where id = ?").run(cls.id);
  if (withEvent) {
    t.core.raw
      .prepare("insert into migration_event (migration, action, summary, after, records) values ('9999_test', 'data.migrated', 'A test conversion', '{}', ?)")
      .run(JSON.stringify([{ type: 'membership_class', id: cls.id }]));
  }
  if (asMigrationRunNow) await recordMigrationEvents(t.core.db, ['9999_test'], (fn) => t!.core.mutate('upgrade', fn));
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

  it('a row added to the file later (no migration ran) vouches for nothing: the change is reported', async () => {
    const report = await changedByMigration(true, false);
    expect(report.ok).toBe(false);
    expect(report.records.problems).toEqual(['the class Community was changed outside the app (it differs from its last audit event)']);
    expect(reopened!.raw.prepare("select count(*) from audit_event where action = 'data.migrated'").pluck().get()).toBe(0);
  });

  it('without the event, the same change is reported as made outside the app', async () => {
    const report = await changedByMigration(false);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report.records)).toContain('changed');
  });
});
