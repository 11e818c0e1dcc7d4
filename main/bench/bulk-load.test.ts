import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/contract/audit';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../core/testing';
import { bulkLoadMembers } from './bulk-load';
import { rawEditor } from './register';

/**
 * The benchmark's raw set-up and raw edit write what the services write: a register they build
 * verifies exactly as one built through the app (chain, record states, everything).
 */
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the benchmark’s raw writers', () => {
  it('build a register, and edit it, so that verify finds nothing to report', async () => {
    t = await openTestCore();
    await setUpOrganisation(t.core);
    const cls = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Employee',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: true,
        eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
        shareTerms: null,
      }),
    ) as { id: string };
    const org = t.core.raw.prepare('select id from organisation').get() as { id: string };
    bulkLoadMembers(t.core.raw, { organisationId: org.id, classId: cls.id, className: 'Employee', count: 300, seed: 7, actor: 'bench' });
    const edit = rawEditor(t.core.raw);
    const ids = t.core.raw.prepare('select id from member order by member_number limit 3').pluck().all() as string[];
    for (const id of ids) edit(id);
    const report = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(report.problem).toBeNull();
    expect(report).toMatchObject({ ok: true, records: { checked: 303, problems: [] } });
  });
});
