import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { beforeIncorporationProblem, dateOfBirthProblem } from './guards';

// Today is 30 November 2026 in the UK.
const NOW = '2026-11-30T10:00:00Z';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A co-operative society registered on 1 April 2025 (or a company incorporated then), with one class. */
async function open(form: 'society' | 'company' = 'society') {
  const t = await openTestCore({ now: () => new Date(NOW) });
  cleanups.push(() => t.cleanup());
  const society = form === 'society';
  await setUpOrganisation(t.core, {
    particulars: society
      ? { name: 'Derwent Care Co-operative', legalForm: 'cooperative_society', registrationNumber: '31247R', incorporatedOn: '2025-04-01' }
      : { name: 'Riverside Care Mutual', incorporatedOn: '2025-04-01' },
  });
  const cls = expectOk(
    await t.core.dispatch('classes.create', {
      name: 'Community',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: false,
      eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
      shareTerms: society ? { nominalPence: 100, withdrawable: true, transferable: false, maxHolding: null } : null,
    }),
  ) as { id: string };
  const admitInput = (admittedOn: string, particulars: Record<string, unknown> = {}) => ({
    classId: cls.id,
    admittedOn,
    particulars: { givenNames: 'Sam', familyName: 'Okafor', address: { line1: '1 Road', town: 'Derby' }, employee: null, loansAndDepositsPence: null, ...particulars },
    initialShares: society ? { shares: 1, amountPaidPence: 100 } : null,
  });
  return { t, core: t.core, classId: cls.id, admitInput };
}

function count(t: TestCore, table: string): number {
  return Number(t.core.raw.prepare(`select count(*) from ${table}`).pluck().get());
}

/** Dispatches, expects a VALIDATION refusal on `field` with nothing written, and returns its message. */
async function refused(t: TestCore, method: string, input: unknown, field: string): Promise<string> {
  const events = count(t, 'audit_event');
  const result: Result<unknown> = await t.core.dispatch(method, input);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(count(t, 'audit_event')).toBe(events);
  if (result.ok) return '';
  expect(result.error.code).toBe('VALIDATION');
  expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
  return result.error.fieldErrors![field]!;
}

describe('nothing may predate the organisation', () => {
  it('refuses an admission in 1820 for a society registered in 2025, citing CCBS Act 2014 s3(3)', async () => {
    const { t, admitInput } = await open();
    expect(await refused(t, 'members.admit', admitInput('1820-01-01'), 'admittedOn')).toBe(
      'An admission cannot be dated before 1 April 2025, when Derwent Care Co-operative was registered: it exists from that day (CCBS Act 2014 s3(3)). 1 January 1820 was given.',
    );
    expect(count(t, 'member')).toBe(0);
    expectOk(await t.core.dispatch('members.admit', admitInput('2025-04-01')));
  });

  it('cites CA 2006 s16(2) for a company', async () => {
    const { t, admitInput } = await open('company');
    expect(await refused(t, 'members.admit', admitInput('2025-03-31'), 'admittedOn')).toMatch(/when Riverside Care Mutual was incorporated: it exists from that day \(CA 2006 s16\(2\)\)/);
  });

  it('refuses a cessation or share transaction dated before registration, even for an entry recorded earlier', async () => {
    const { t, core, admitInput } = await open();
    const m = expectOk(await core.dispatch('members.admit', admitInput('2025-04-01'))) as { id: string };
    // An entry an earlier version let through, admitted before the society existed.
    core.raw.prepare("update member set admitted_on = '2001-01-01' where id = ?").run(m.id);
    expect(await refused(t, 'members.cease', { memberId: m.id, ceasedOn: '2010-06-30', reason: 'resigned' }, 'ceasedOn')).toMatch(/^A cessation cannot be dated before 1 April 2025/);
    expect(await refused(t, 'shares.allot', { memberId: m.id, date: '2010-06-30', shares: 1, amountPaidPence: 100 }, 'date')).toMatch(/^An allotment cannot be dated before 1 April 2025/);
    expect(await refused(t, 'shares.withdraw', { memberId: m.id, noticeDate: '2010-06-01', date: '2010-06-30', shares: 1, amountRepaidPence: 100 }, 'date')).toMatch(
      /^A withdrawal cannot be dated before 1 April 2025/,
    );
  });

  it('refuses a declaration of interest and an inspection request dated before registration or incorporation', async () => {
    const { t, core } = await open();
    const officer = expectOk(
      await core.dispatch('officers.add', {
        particulars: { givenNames: 'Priya', familyName: 'Shah', serviceAddress: { line1: '1 High Street', town: 'Derby', postcode: 'DE1 1AA' } },
        residentialAddress: null,
        appointment: { role: 'director', directorKind: 'employee', appointedOn: '2025-04-01' },
      }),
    ) as { id: string };
    expect(
      await refused(t, 'interests.declare', { officerId: officer.id, category: 'contract', nature: 'Spouse runs a supplier', declaredOn: '2024-12-01' }, 'declaredOn'),
    ).toMatch(/^A declaration cannot be dated before 1 April 2025/);
    // Companies log inspection requests (CA 2006 s116-s117); societies do not.
    const company = await open('company');
    expect(
      await refused(company.t, 'inspections.log', { requesterName: 'Jo Bloggs', requesterAddress: '9 Park Row', purpose: 'AGM', willShare: false, receivedOn: '2025-03-31' }, 'receivedOn'),
    ).toMatch(/^An inspection request cannot be dated before 1 April 2025/);
  });

  it('says why in plain words, and lets the day of registration itself through', () => {
    const rc = { org: { incorporated_on: '2025-04-01', name: 'Derwent Care Co-operative' }, form: { family: 'society' } } as Parameters<typeof beforeIncorporationProblem>[0];
    expect(beforeIncorporationProblem(rc, '2025-04-01', 'An admission')).toBeNull();
    expect(beforeIncorporationProblem(rc, '2025-03-31', 'An admission')).toMatch(/31 March 2025 was given\.$/);
  });
});

describe('dates of birth', () => {
  it('refuse a date of birth in the future or an age over 120 on a member, an officer and a PSC', async () => {
    const { t, admitInput } = await open();
    expect(await refused(t, 'members.admit', admitInput('2026-01-05', { dateOfBirth: '2027-01-01' }), 'particulars.dateOfBirth')).toBe(
      'A date of birth cannot be in the future (today is 30 November 2026).',
    );
    expect(await refused(t, 'members.admit', admitInput('2026-01-05', { dateOfBirth: '1800-01-01' }), 'particulars.dateOfBirth')).toBe(
      'A date of birth of 1 January 1800 would make them 226 today; ages over 120 are not accepted, so check the year.',
    );
    const m = expectOk(await t.core.dispatch('members.admit', admitInput('2026-01-05', { dateOfBirth: '1960-02-29' }))) as { id: string; classId: string; particulars: Record<string, unknown> };
    expect(
      await refused(t, 'members.update', { id: m.id, classId: m.classId, particulars: { ...m.particulars, dateOfBirth: '1890-05-01' } }, 'particulars.dateOfBirth'),
    ).toMatch(/would make them 136 today/);

    const company = await open('company');
    const officer = {
      particulars: {
        givenNames: 'Priya', familyName: 'Shah', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
        dateOfBirth: '1850-09-02', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England',
      },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn: '2025-04-01' },
    };
    expect(await refused(company.t, 'officers.add', officer, 'particulars.dateOfBirth')).toMatch(/would make them 176 today/);
    const psc = {
      kind: 'individual', name: 'Grace Hopper', serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1850-12-09',
      nationality: 'American', countryOfResidence: 'United States', natures: ['votes_25_to_50'], becameRegistrableOn: '2025-04-01',
    };
    expect(await refused(company.t, 'psc.add', psc, 'dateOfBirth')).toMatch(/would make them 175 today/);
  });

  it('accepts someone 120 today and refuses someone 121', () => {
    expect(dateOfBirthProblem('2026-11-30', '1906-11-30')).toBeNull();
    expect(dateOfBirthProblem('2026-11-30', '1905-11-30')).toMatch(/would make them 121 today/);
    expect(dateOfBirthProblem('2026-11-30', '2026-11-30')).toBeNull();
  });
});

describe('moving the date of incorporation or registration in Settings', () => {
  it('is refused when records would then predate it, naming the earliest', async () => {
    const { t, core, admitInput } = await open();
    expectOk(await core.dispatch('members.admit', admitInput('2025-06-02')));
    const org = expectOk(await core.dispatch('organisation.get', {})) as Record<string, unknown>;
    const { id: _id, createdAt: _c, updatedAt: _u, ...particulars } = org;
    expect(await refused(t, 'organisation.update', { ...particulars, incorporatedOn: '2025-07-01' }, 'incorporatedOn')).toBe(
      'The register has records dated before 1 July 2025: the earliest is an admission on 2 June 2025. A society cannot have records from before it was registered (CCBS Act 2014 s3(3)); check the date, or the records.',
    );
    expectOk(await core.dispatch('organisation.update', { ...particulars, incorporatedOn: '2025-06-02' }));
  });
});
