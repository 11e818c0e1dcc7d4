import type { ReadDb } from '../context';
import type { Officer } from '../../../shared/contract/officers';
import { sortKey } from '../../../shared/rules/fold';
import { AppError } from '../errors';
import { toOfficer, type AppointmentRow, type OfficerRow, type ResidentialRow } from './columns';

/** Reading the register of directors and officers. None of these touch the residential address except `residentialOf`. */

export async function requireOfficer(db: ReadDb, organisationId: string, id: string): Promise<OfficerRow> {
  const row = await db.selectFrom('officer').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That director or officer is not in the register.');
  return row;
}

export async function appointmentsOf(db: ReadDb, officerId: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointment').selectAll().where('officer_id', '=', officerId).execute();
}

export async function officerById(db: ReadDb, organisationId: string, id: string): Promise<Officer> {
  const row = await requireOfficer(db, organisationId, id);
  return toOfficer(row, await appointmentsOf(db, row.id));
}

/** CA 2006 s165: only the edit form and the full statutory register read this. */
export async function residentialOf(db: ReadDb, officerId: string): Promise<ResidentialRow | null> {
  return (await db.selectFrom('officer_residential_address').selectAll().where('officer_id', '=', officerId).executeTakeFirst()) ?? null;
}

/** Every officer with their appointments, sorted by family name then given names. */
export async function listOfficers(db: ReadDb, organisationId: string, status: 'current' | 'former' | 'all'): Promise<Officer[]> {
  const officers = await db.selectFrom('officer').selectAll().where('organisation_id', '=', organisationId).execute();
  const appointments = await db.selectFrom('appointment').selectAll().where('organisation_id', '=', organisationId).execute();
  const byOfficer = new Map<string, AppointmentRow[]>();
  for (const a of appointments) byOfficer.set(a.officer_id, [...(byOfficer.get(a.officer_id) ?? []), a]);
  return officers
    .map((o) => ({ key: sortKey(o.family_name, o.given_names), officer: toOfficer(o, byOfficer.get(o.id) ?? []) }))
    .filter(({ officer }) => status === 'all' || (status === 'current') === officer.current)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.officer.id < b.officer.id ? -1 : 1))
    .map(({ officer }) => officer);
}

export function fullName(o: Pick<OfficerRow, 'given_names' | 'family_name'>): string {
  return `${o.given_names} ${o.family_name}`;
}
