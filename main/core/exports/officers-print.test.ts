import { afterEach, describe, expect, it } from 'vitest';
import type { PrintPage } from '../../../shared/contract/exports';
import { uuidv7 } from '../db/ids';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

/** Officers written straight into the tables: this test is about the printed register, not the officer service. */
function addOfficer(core: TestCore['core'], o: { given: string; family: string; role: string; kind?: string; nominatedBy?: string; ceased?: string; residential?: boolean }) {
  const orgId = core.raw.prepare('select id from organisation').pluck().get() as string;
  const id = uuidv7();
  const at = '2026-01-01T00:00:00.000Z';
  core.raw
    .prepare(
      `insert into officer (id, organisation_id, given_names, family_name, service_line1, service_town, service_postcode, date_of_birth, nationality, occupation, country_of_residence, created_at, updated_at)
       values (?, ?, ?, ?, '12 Wellington Street', 'Leeds', 'LS1 4AP', '1970-03-15', 'British', 'Nurse', 'United Kingdom', ?, ?)`,
    )
    .run(id, orgId, o.given, o.family, at, at);
  if (o.residential) {
    core.raw.prepare(`insert into officer_residential_address (officer_id, line1, town, postcode, updated_at) values (?, '7 Secret Close', 'Otley', 'LS21 1AA', ?)`).run(id, at);
  }
  core.raw
    .prepare(
      `insert into appointment (id, organisation_id, officer_id, role, director_kind, nominated_by, appointed_on, ceased_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, '2024-04-01', ?, ?, ?)`,
    )
    .run(uuidv7(), orgId, id, o.role, o.kind ?? null, o.nominatedBy ?? null, o.ceased ?? null, at, at);
}

describe('board and officers record for printing', () => {
  it('shows current appointments with service addresses, and residential addresses only in the confidential internal copy', async () => {
    t = await openTestCore({ now: () => new Date('2026-11-28T10:00:00Z') });
    await setUpOrganisation(t.core);
    addOfficer(t.core, { given: 'Nadia', family: 'Nominee', role: 'director', kind: 'nominee', nominatedBy: 'Leeds City Council', residential: true });
    addOfficer(t.core, { given: 'Ed', family: 'Employee', role: 'director', kind: 'employee', residential: true });
    addOfficer(t.core, { given: 'Sue', family: 'Secretary', role: 'secretary' });
    addOfficer(t.core, { given: 'Fred', family: 'Former', role: 'director', kind: 'independent', ceased: '2025-01-01' });

    const plain = expectOk(await t.core.dispatch('exports.officersPage', { statutory: false })) as PrintPage;
    // Since 18 November 2025 a company keeps no register of directors or secretaries (ECCTA 2023).
    expect(plain.title).toBe('Board and officers record');
    expect(plain.description).toMatch(/keeps no register of directors or secretaries/);
    expect(plain.rows.map((r) => r['name'])).toEqual(['Ed Employee', 'Nadia Nominee', 'Sue Secretary']);
    expect(plain.rows[1]).toMatchObject({ role: 'Nominee director (Leeds City Council)', appointedOn: '1 April 2024', serviceAddress: '12 Wellington Street, Leeds, LS1 4AP', dateOfBirth: 'March 1970' });
    expect(plain.columns.map((c) => c.key)).not.toContain('residentialAddress');
    expect(JSON.stringify(plain)).not.toMatch(/Secret Close|15 March/);

    const statutory = expectOk(await t.core.dispatch('exports.officersPage', { statutory: true })) as PrintPage;
    expect(statutory.title).toBe('Board and officers record: confidential internal copy');
    expect(statutory.columns.at(-1)).toEqual({ key: 'residentialAddress', label: 'Residential address (confidential)' });
    expect(statutory.rows[0]).toMatchObject({ residentialAddress: '7 Secret Close, Otley, LS21 1AA', dateOfBirth: '15 March 1970' });
    expect(statutory.rows[2]!['residentialAddress']).toBe('Not recorded');
    expect(statutory.description).toMatch(/For the secretary only, not for inspection.*CA 2006 s240-241/);

    const summaries = t.core.raw.prepare("select summary from audit_event where action = 'register.exported' order by seq").pluck().all() as string[];
    expect(summaries).toEqual([
      'Board and officers record prepared for printing, 3 appointments',
      'Board and officers record prepared for printing as a confidential internal copy with residential addresses (CA 2006 s240-241), 3 appointments',
    ]);
  });

  it('is the register of officers for a society (CCBS Act 2014 s30)', async () => {
    t = await openTestCore({ now: () => new Date('2026-11-28T10:00:00Z') });
    await setUpOrganisation(t.core, { particulars: { legalForm: 'community_benefit_society', registrationNumber: '31247R' } });
    addOfficer(t.core, { given: 'Sue', family: 'Secretary', role: 'secretary' });
    const plain = expectOk(await t.core.dispatch('exports.officersPage', { statutory: false })) as PrintPage;
    expect(plain.title).toBe('Register of officers');
    expect(plain.description).toMatch(/CCBS Act 2014 s30\(1\), \(3\)/);
  });
});
