import { APPOINTMENT_ROLES, DIRECTOR_KIND_LABEL, ROLE_LABEL, type AppointmentRole, type DirectorKind } from '../../../shared/contract/officers';
import type { PrintPage } from '../../../shared/contract/exports';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import { recordHead } from '../audit/anchors';
import type { WriteContext } from '../context';
import { headOf } from './register-export';

/**
 * The board and officers for printing: current appointments, with service addresses.
 * Companies: the board and officers record. Since 18 November 2025 (ECCTA 2023 Sch 2) a company
 * keeps no register of directors, directors' residential addresses or secretaries; Companies
 * House holds the public record, so this copy is not titled or offered as a statutory register.
 * With `statutory` (the flag's name is kept for the contract), the secretary's confidential
 * internal copy: also residential addresses and the full date of birth. Residential addresses
 * are protected information, used only to file at Companies House (CA 2006 s240-241); this is the
 * only output of the app that contains them. Otherwise the day of birth is left out (as on the
 * public register, s1087A), so the copy can go in a board pack. Personal codes are never shown.
 * Societies: the register of officers, part of the register of members and officers (CCBS Act
 * 2014 s30(1), (3)).
 */
const ROLE_ORDER = new Map<string, number>(APPOINTMENT_ROLES.map((r, i) => [r, i]));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function joinAddress(parts: (string | null)[]): string {
  return parts.filter((p) => p !== null && p !== '').join(', ');
}

export async function officersPrintPage(tx: WriteContext, statutory: boolean): Promise<PrintPage> {
  const ctx = tx;
  const rc = await tx.register();
  const head = await headOf(tx.db);
  const company = rc.form.family === 'company';
  const rows = await ctx.db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select([
      'o.id as officerId',
      'o.given_names',
      'o.family_name',
      'o.former_names',
      'o.service_line1',
      'o.service_line2',
      'o.service_town',
      'o.service_postcode',
      'o.service_country',
      'o.date_of_birth',
      'o.nationality',
      'o.occupation',
      'o.country_of_residence',
      'a.role',
      'a.director_kind',
      'a.nominated_by',
      'a.appointed_on',
    ])
    .where('a.organisation_id', '=', rc.org.id)
    .where('a.ceased_on', 'is', null)
    .execute();
  // Residential addresses are read only for the statutory copy, and only here (CA 2006 s165).
  const residential = new Map<string, string>();
  if (statutory && rows.length > 0) {
    const addresses = await ctx.db
      .selectFrom('officer_residential_address')
      .select(['officer_id', 'line1', 'line2', 'town', 'postcode', 'country'])
      .where('officer_id', 'in', [...new Set(rows.map((r) => r.officerId))])
      .execute();
    for (const a of addresses) residential.set(a.officer_id, joinAddress([a.line1, a.line2, a.town, a.postcode, a.country]));
  }
  rows.sort(
    (a, b) =>
      (ROLE_ORDER.get(a.role) ?? 99) - (ROLE_ORDER.get(b.role) ?? 99) ||
      a.family_name.localeCompare(b.family_name, 'en-GB') ||
      a.given_names.localeCompare(b.given_names, 'en-GB'),
  );
  const columns = [
    { key: 'name', label: 'Name' },
    { key: 'formerNames', label: 'Former names' },
    { key: 'role', label: 'Appointment' },
    { key: 'appointedOn', label: 'Appointed' },
    { key: 'serviceAddress', label: 'Service address' },
    ...(company
      ? [
          { key: 'countryOfResidence', label: 'Country of residence' },
          { key: 'nationality', label: 'Nationality' },
          { key: 'occupation', label: 'Occupation' },
          { key: 'dateOfBirth', label: statutory ? 'Date of birth' : 'Born (month and year)' },
        ]
      : []),
    ...(statutory ? [{ key: 'residentialAddress', label: 'Residential address (confidential)' }] : []),
  ];
  const out = rows.map((r) => {
    const kind = r.director_kind ? DIRECTOR_KIND_LABEL[r.director_kind as DirectorKind] : null;
    const role = r.role === 'director' && kind ? (r.director_kind === 'nominee' && r.nominated_by ? `${kind} (${r.nominated_by})` : kind) : (ROLE_LABEL[r.role as AppointmentRole] ?? r.role);
    const dob = r.date_of_birth ? (statutory ? formatLegalDate(r.date_of_birth) : `${MONTHS[Number(r.date_of_birth.slice(5, 7)) - 1]} ${r.date_of_birth.slice(0, 4)}`) : '';
    const row: Record<string, string> = {
      name: `${r.given_names} ${r.family_name}`,
      formerNames: r.former_names ?? '',
      role,
      appointedOn: formatLegalDate(r.appointed_on),
      serviceAddress: joinAddress([r.service_line1, r.service_line2, r.service_town, r.service_postcode, r.service_country]),
    };
    if (company) {
      row['countryOfResidence'] = r.country_of_residence ?? '';
      row['nationality'] = r.nationality ?? '';
      row['occupation'] = r.occupation ?? '';
      row['dateOfBirth'] = dob;
    }
    if (statutory) row['residentialAddress'] = residential.get(r.officerId) ?? 'Not recorded';
    return row;
  });
  const lastAmended = await officersLastAmended(ctx, rc.org.id);
  tx.audit({
    action: 'register.exported',
    entityType: 'register',
    entityId: null,
    summary: statutory
      ? `${company ? 'Board and officers record' : 'Register of officers'} prepared for printing as a confidential internal copy with residential addresses${company ? ' (CA 2006 s240-241)' : ''}, ${out.length} appointments`
      : `${company ? 'Board and officers record' : 'Register of officers'} prepared for printing, ${out.length} appointments`,
    before: null,
    after: { register: 'officers', format: 'print', residentialAddresses: statutory, rows: out.length, fingerprint: head.fingerprint },
  });
  recordHead(tx.files.dbPath, { seq: head.seq, hash: head.hash, at: tx.who.at, what: 'print' });
  const title = company ? 'Board and officers record' : 'Register of officers';
  const description = company
    ? statutory
      ? 'For the secretary only, not for inspection. Current appointments with the particulars filed at Companies House, the full date of birth and residential addresses. Residential addresses are protected information, held only to file them at Companies House (CA 2006 s240-241).'
      : 'Current appointments with service addresses. Since 18 November 2025 a company keeps no register of directors or secretaries: the public record is at Companies House (Economic Crime and Corporate Transparency Act 2023). The day of birth and residential addresses are left out.'
    : statutory
      ? 'Current officers of the society with their addresses, including residential addresses. For the secretary only: keep this copy confidential.'
      : 'Current officers of the society with their service addresses, from its register of members and officers (CCBS Act 2014 s30(1), (3)).';
  return {
    organisationName: rc.org.name,
    title: statutory ? `${title}: confidential internal copy` : title,
    description,
    lastAmended,
    fingerprint: head.fingerprint,
    generatedAt: ctx.now().toISOString(),
    columns,
    rows: out,
    next: null,
    total: out.length,
  };
}

const OFFICER_ACTIONS = ['officer.added', 'officer.updated', 'officer.appointed', 'officer.appointment_ended'] as const;

/** This organisation's last change to its officers (another's in the same file is not its register's). */
async function officersLastAmended(ctx: WriteContext, organisationId: string): Promise<string | null> {
  let latest: string | null = null;
  for (const action of OFFICER_ACTIONS) {
    const row = await ctx.db
      .selectFrom('audit_event')
      .select('at')
      .where('action', '=', action)
      .where('organisation_id', '=', organisationId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row && (latest === null || row.at > latest)) latest = row.at;
  }
  return latest === null ? null : ukDateOf(new Date(latest));
}
