import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../shared/contract/audit';
import type { MembershipClass } from '../../../shared/contract/classes';
import { refused } from '../decisions/fixtures.test-helpers';
import { registerOf } from '../members/register.test-helpers';
import { expectOk, runJob, type TestCore } from '../testing';

// A co-operative society whose rules cap its supporter and investor members' share of the votes
// (Co-operatives UK Multi-stakeholder Co-operative Model Rules; Community Shares Handbook §2.2.7.3).
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function society(): Promise<TestCore> {
  const t = await registerOf('cooperative_society');
  cleanups.push(() => t.cleanup());
  return t;
}

const classInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  votingRights: 'per_member',
  votesPerMember: 1,
  isEmployeeClass: false,
  eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
  shareTerms: { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null, redeemable: false, numbered: false },
  ...extra,
});

const row = (t: TestCore, id: string) => t.core.raw.prepare('select vote_cap_bp, vote_cap_source from membership_class where id = ?').get(id);

describe('a cap on a class’s share of the votes in a ballot', () => {
  it('is stored in basis points with its rule, shown on the class and in the audit event, and can be taken off', async () => {
    const t = await society();
    const made = expectOk(await t.core.dispatch('classes.create', classInput('Supporter', { voteCap: { pct: 12.34, source: 'Rule 14(b)' } }))) as MembershipClass;
    expect(made.voteCap).toEqual({ pct: 12.34, source: 'Rule 14(b)' });
    expect(row(t, made.id)).toEqual({ vote_cap_bp: 1234, vote_cap_source: 'Rule 14(b)' });
    const listed = expectOk(await t.core.dispatch('classes.list', {})) as MembershipClass[];
    expect(listed.find((c) => c.id === made.id)!.voteCap).toEqual({ pct: 12.34, source: 'Rule 14(b)' });
    const created = t.core.raw.prepare("select p.body from audit_event e join audit_payload p on p.event_id = e.id where e.action = 'class.created'").pluck().get() as string;
    expect(created).toContain('"voteCap":{"pct":12.34,"source":"Rule 14(b)"}');

    // A class made without one (the field left out) has none.
    const plain = expectOk(await t.core.dispatch('classes.create', classInput('Employee'))) as MembershipClass;
    expect(plain.voteCap).toBeNull();
    expect(row(t, plain.id)).toEqual({ vote_cap_bp: null, vote_cap_source: null });

    const off = expectOk(await t.core.dispatch('classes.update', { id: made.id, changes: classInput('Supporter', { voteCap: null }) })) as MembershipClass;
    expect(off.voteCap).toBeNull();
    expect(row(t, made.id)).toEqual({ vote_cap_bp: null, vote_cap_source: null });
    // The audit log vouches for the classes as they now stand.
    expect(((await runJob(t.core, 'audit.verify', {})).result as VerifyReport).ok).toBe(true);
  });

  it('is refused on a class with no voting rights, out of range, to more than two decimals, or without its rule', async () => {
    const t = await society();
    const noVote = await t.core.dispatch('classes.create', classInput('Associate', { votingRights: 'none', voteCap: { pct: 10, source: 'Rule 14(b)' } }));
    expect(refused(noVote, 'VALIDATION', 'voteCap.pct')).toBe('A class with no voting rights has no votes to cap. Choose how its members vote, or take off the cap.');
    expect(refused(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 100, source: 'Rule 9' } })), 'VALIDATION', 'voteCap.pct')).toMatch(/less than 100%/);
    expect(refused(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 0, source: 'Rule 9' } })), 'VALIDATION', 'voteCap.pct')).toMatch(/more than 0%/);
    expect(refused(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 9.999, source: 'Rule 9' } })), 'VALIDATION', 'voteCap.pct')).toMatch(/two decimal places/);
    expect(refused(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 10, source: ' ' } })), 'VALIDATION', 'voteCap.source')).toBe('Enter the rule that sets the cap.');
    // A capped class changed to have no vote keeps no cap it cannot use.
    const capped = expectOk(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 10, source: 'Rule 9' } }))) as MembershipClass;
    const toNone = await t.core.dispatch('classes.update', { id: capped.id, changes: classInput('Investor', { votingRights: 'none', voteCap: { pct: 10, source: 'Rule 9' } }) });
    expect(refused(toNone, 'VALIDATION', 'changes.voteCap.pct')).toMatch(/no voting rights has no votes to cap/);
    expect(row(t, capped.id)).toEqual({ vote_cap_bp: 1000, vote_cap_source: 'Rule 9' });
  });

  it('is refused where the caps of all the classes would leave no votes uncapped', async () => {
    const t = await society();
    const investor = expectOk(await t.core.dispatch('classes.create', classInput('Investor', { voteCap: { pct: 60, source: 'Rule 9' } }))) as MembershipClass;
    const over = await t.core.dispatch('classes.create', classInput('Supporter', { voteCap: { pct: 40, source: 'Rule 10' } }));
    expect(refused(over, 'VALIDATION', 'voteCap.pct')).toBe(
      "The caps on the classes' shares of the votes would add up to 100% (Investor 60%, Supporter 40%). Together they must stay below 100%, so that some of the votes are left to the members whose votes are not capped.",
    );
    expectOk(await t.core.dispatch('classes.create', classInput('Supporter', { voteCap: { pct: 39.98, source: 'Rule 10' } })));
    // Changing a class's own cap does not count its old cap against it.
    expectOk(await t.core.dispatch('classes.update', { id: investor.id, changes: classInput('Investor', { voteCap: { pct: 60.01, source: 'Rule 9' } }) }));
    const worse = await t.core.dispatch('classes.update', { id: investor.id, changes: classInput('Investor', { voteCap: { pct: 60.02, source: 'Rule 9' } }) });
    expect(refused(worse, 'VALIDATION', 'voteCap.pct')).toMatch(/would add up to 100% \(Supporter 39\.98%, Investor 60\.02%\)/);
  });
});
