import type { ReadDb } from '../context';
import { appointmentTitle, ROLE_LABEL, type AppointmentRole, type DirectorKind } from '../../../shared/contract/officers';
import { directorAgeProblem, listParticulars, missingDirectorParticulars } from '../../../shared/rules/director-particulars';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { AppError } from '../errors';
import type { RegisterCtx } from '../context';
import { assertNotFuture } from '../organisation/guards';
import type { OfficerRow } from './columns';
import { fullName } from './store';

/**
 * The checks every new appointment passes, whether it comes with a new officer or is given to
 * an existing one. `field` prefixes the form's field paths ('appointment.').
 */
export interface AppointmentInput {
  role: AppointmentRole;
  directorKind?: DirectorKind | undefined;
  nominatedBy?: string | undefined;
  nominatingCounterpartyId?: string | undefined;
  appointedOn: string;
}

/** Roles the organisation has at most one holder of at a time. */
export const SINGLE_HOLDER_ROLES: readonly AppointmentRole[] = ['chair', 'secretary'];

/** Two holdings overlap unless the earlier one ended on or before the day the new one begins. */
function overlaps(existing: { ceased_on: string | null }, startsOn: string): boolean {
  return existing.ceased_on === null || existing.ceased_on > startsOn;
}

export function checkAppointmentShape(rc: RegisterCtx, a: AppointmentInput, field: string): void {
  assertNotFuture(rc, a.appointedOn, `${field}appointedOn`, 'An appointment');
  if (a.appointedOn < rc.org.incorporated_on) {
    throw AppError.field(
      `${field}appointedOn`,
      `The organisation was incorporated or registered on ${formatLegalDate(rc.org.incorporated_on)}; an appointment cannot begin before that.`,
    );
  }
  if (a.role !== 'director' && a.directorKind) {
    throw AppError.field(`${field}directorKind`, `Only a director has a kind; leave it empty for a ${ROLE_LABEL[a.role].toLowerCase()}.`);
  }
  if (a.directorKind !== 'nominee' && a.nominatedBy) {
    throw AppError.field(`${field}nominatedBy`, 'Only a nominee director has a nominating body; leave it empty.');
  }
  if (a.directorKind !== 'nominee' && a.nominatingCounterpartyId) {
    throw AppError.field(`${field}nominatingCounterpartyId`, 'Only a nominee director has a nominating body; leave it empty.');
  }
}

/**
 * A nominee's nominating body chosen from the list of organisations (issue 10): it must be on
 * this organisation's list, and its name is recorded as the nominating body when none was typed.
 */
export async function withNomination(db: ReadDb, rc: RegisterCtx, a: AppointmentInput, field: string): Promise<AppointmentInput> {
  if (!a.nominatingCounterpartyId) return a;
  const cp = await db.selectFrom('counterparty').select(['name']).where('id', '=', a.nominatingCounterpartyId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!cp) throw AppError.field(`${field}nominatingCounterpartyId`, 'That organisation is not on the list of organisations.');
  return { ...a, nominatedBy: a.nominatedBy ?? cp.name };
}

/**
 * What the company must give Companies House about a new director (CA 2006 s167G(3)(a), the
 * required information that replaced the particulars of the abolished register of directors),
 * including the usual residential address, which stays off the public record (s240-241); and a
 * director must be 16 or over (s157). Companies only: a society's register of officers asks for
 * name and address (CCBS Act 2014 s30(3)).
 */
export function checkCompanyDirector(
  rc: RegisterCtx,
  person: { name: string; dateOfBirth: string | null; nationality: string | null; countryOfResidence: string | null; hasResidentialAddress: boolean },
  /** The day of the appointment, for the age check; null when only the entry's completeness matters. */
  appointedOn: string | null,
  fields: { particulars: string; residential: string; appointedOn: string } | null,
): void {
  if (rc.form.family !== 'company') return;
  const missing = missingDirectorParticulars(person);
  if (missing.length > 0) {
    const message = `A company must give Companies House each director's ${listParticulars(missing)} (CA 2006 s167G(3)).`;
    if (!fields) throw new AppError('VALIDATION', `${message} Add ${person.name}'s to their particulars before appointing them a director.`);
    throw new AppError('VALIDATION', message, Object.fromEntries(missing.map((k) => [`${fields.particulars}${k}`, `Enter the ${listParticulars([k])}: a company must give it to Companies House for each director (CA 2006 s167G(3)).`])));
  }
  if (!person.hasResidentialAddress) {
    const message = "A company must give Companies House each director's usual residential address (CA 2006 s167G(3); kept off the public record, s240-241).";
    if (!fields) throw new AppError('VALIDATION', `${message} Add ${person.name}'s to their particulars before appointing them a director.`);
    throw new AppError('VALIDATION', message, { [`${fields.residential}line1`]: `Enter the residential address: ${message.charAt(0).toLowerCase()}${message.slice(1)}` });
  }
  if (appointedOn === null) return;
  const age = directorAgeProblem(person.dateOfBirth!, appointedOn);
  if (age) throw new AppError('VALIDATION', age, fields ? { [fields.appointedOn]: age } : undefined);
}

/**
 * A person does not hold the same role twice at once, and the organisation has one chair and one
 * secretary at a time. The message names who holds the role now.
 */
export async function checkNoClash(trx: ReadDb, rc: RegisterCtx, officer: Pick<OfficerRow, 'id' | 'given_names' | 'family_name'> | null, a: AppointmentInput, field: string): Promise<void> {
  const roleField = `${field}role`;
  if (officer) {
    const same = await trx.selectFrom('appointment').selectAll().where('officer_id', '=', officer.id).where('role', '=', a.role).execute();
    const clash = same.find((s) => overlaps(s, a.appointedOn));
    if (clash) {
      const title = appointmentTitle({ role: clash.role as AppointmentRole, directorKind: clash.director_kind as DirectorKind | null, nominatedBy: clash.nominated_by }).toLowerCase();
      const message =
        clash.ceased_on === null
          ? `${fullName(officer)} is already ${withArticle(clash.role as AppointmentRole, title)} (since ${formatLegalDate(clash.appointed_on)}); a person cannot hold the same role twice at once.`
          : `${fullName(officer)} was ${withArticle(clash.role as AppointmentRole, title)} until ${formatLegalDate(clash.ceased_on)}; a new appointment to that role must begin on or after that date.`;
      throw new AppError('CONFLICT', message, { [roleField]: message });
    }
  }
  if (!SINGLE_HOLDER_ROLES.includes(a.role)) return;
  let q = trx
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', rc.org.id)
    .where('a.role', '=', a.role);
  if (officer) q = q.where('a.officer_id', '!=', officer.id);
  const holders = await q.orderBy('a.appointed_on', 'desc').execute();
  const holder = holders.find((h) => h.ceased_on === null) ?? holders.find((h) => overlaps(h, a.appointedOn));
  if (!holder) return;
  const role = ROLE_LABEL[a.role].toLowerCase();
  const message =
    holder.ceased_on === null
      ? `${fullName(holder)} is the ${role} (appointed ${formatLegalDate(holder.appointed_on)}). The organisation has one ${role} at a time: end that appointment first.`
      : `${fullName(holder)} was the ${role} until ${formatLegalDate(holder.ceased_on)}; a new ${role}'s appointment must begin on or after that date.`;
  throw new AppError('CONFLICT', message, { [roleField]: message });
}

/** "the chair" (there is one), "an employee director", "a treasurer". */
function withArticle(role: AppointmentRole, title: string): string {
  if (SINGLE_HOLDER_ROLES.includes(role)) return `the ${title}`;
  return /^[aeiou]/.test(title) ? `an ${title}` : `a ${title}`;
}
