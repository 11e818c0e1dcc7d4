import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/contract/audit';
import { ukDateOf } from '../../shared/rules/legal-date';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../core/testing';
import { buildSampleContracts } from './contracts';

/**
 * The sample's contracts go through the contracts core: six contracts across their lives, from a
 * bid to one ended early, each with its derived status and dated duties, in a file that verifies.
 */
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the sample’s contracts', () => {
  it('records commissioners and six contracts whose statuses come from their dates, and the file verifies', async () => {
    t = await openTestCore({ actor: 'sample' });
    await setUpOrganisation(t.core);
    const today = ukDateOf(t.core.now());
    const result = await buildSampleContracts(t.core, { today, log: () => {} });
    expect(result).toEqual({ counterparties: 5, contracts: 6 });

    const list = expectOk(await t.core.dispatch('contracts.list', {})) as { id: string; reference: string; status: string; nextDuty: unknown }[];
    const status = Object.fromEntries(list.map((c) => [c.reference, c.status]));
    expect(status).toEqual({
      'NCC/ASC/2025/017': 'live',
      'QZX-CN-0042': 'live',
      'NCC/DC/2019/004': 'expired',
      'RDC-GRANT-2026-11': 'live',
      'DVH-2027-OT': 'pipeline',
      'RDC/HS/2023/02': 'terminated',
    });
    const timeline = expectOk(await t.core.dispatch('contracts.timeline', { from: today, to: `${Number(today.slice(0, 4)) + 6}${today.slice(4)}`, includeOverdue: true })) as { entries: unknown[] };
    expect(timeline.entries.length).toBeGreaterThan(20);

    // The governing document's clauses are recorded, so the s33 check decides (6)(b) instead of 'cannot judge'.
    const community = list.find((c) => c.reference === 'NCC/ASC/2025/017')!;
    const s33 = expectOk(await t.core.dispatch('contractReports.s33Check', { contractId: community.id })) as { conditions: { ref: string; met: unknown }[] };
    expect(s33.conditions.find((c) => c.ref.startsWith('s33(6)(b)'))?.met).toBe(true);

    const verify = (await runJob(t.core, 'audit.verify', {})).result as VerifyReport;
    expect(verify.problem).toBeNull();
    expect(verify.ok).toBe(true);
  });
});
