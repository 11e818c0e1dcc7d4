import type { FieldErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { MethodInput } from '../../../../shared/contract/index';
import { memberAddressSchema } from '../../../../shared/contract/members';
import { appointmentInputSchema, officerParticularsSchema, type Officer } from '../../../../shared/contract/officers';
import { listParticulars, missingDirectorParticulars } from '../../../../shared/rules/director-particulars';

/**
 * What the officer forms hold: text as typed, under the same dotted paths as the contract, so
 * the schema's and the core's field errors land on the right control. The member link is typed
 * as a member number and turned into the entry's id on submit.
 */
export interface AddressValues {
  line1: string;
  line2: string;
  town: string;
  postcode: string;
  country: string;
}

export interface ParticularsValues {
  givenNames: string;
  familyName: string;
  formerNames: string;
  serviceAddress: AddressValues;
  dateOfBirth: string;
  nationality: string;
  occupation: string;
  countryOfResidence: string;
  memberNumber: string;
}

export interface AppointmentValues {
  role: string;
  directorKind: string;
  nominatedBy: string;
  /** The nominating body chosen from the organisations list (issue 10), or '' for words alone. */
  nominatingCounterpartyId: string;
  appointedOn: string;
}

export interface OfficerValues {
  particulars: ParticularsValues;
  /** The residential address is the service address (a common case for employee directors). */
  residentialSame: boolean;
  residentialAddress: AddressValues;
}

export interface AddOfficerValues extends OfficerValues {
  appointment: AppointmentValues;
}

export const EMPTY_ADDRESS: AddressValues = { line1: '', line2: '', town: '', postcode: '', country: '' };

export const EMPTY_PARTICULARS: ParticularsValues = {
  givenNames: '',
  familyName: '',
  formerNames: '',
  serviceAddress: EMPTY_ADDRESS,
  dateOfBirth: '',
  nationality: '',
  occupation: '',
  countryOfResidence: '',
  memberNumber: '',
};

export const EMPTY_APPOINTMENT: AppointmentValues = { role: '', directorKind: '', nominatedBy: '', nominatingCounterpartyId: '', appointedOn: '' };

export function isBlankAddress(a: AddressValues): boolean {
  return Object.values(a).every((v) => v.trim() === '');
}

export function toAddress(a: AddressValues) {
  return { line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode, country: a.country };
}

/** Kind and nominating body go only with the roles they belong to, whatever the hidden fields still hold. */
export function toAppointmentInput(v: AppointmentValues): MethodInput<'officers.appoint'>['appointment'] {
  const director = v.role === 'director';
  const nominee = director && v.directorKind === 'nominee';
  return {
    role: (v.role || undefined) as never,
    ...(director && v.directorKind ? { directorKind: v.directorKind as never } : {}),
    ...(nominee ? { nominatedBy: v.nominatedBy } : {}),
    ...(nominee && v.nominatingCounterpartyId && v.nominatedBy.trim() !== '' ? { nominatingCounterpartyId: v.nominatingCounterpartyId } : {}),
    appointedOn: v.appointedOn,
  };
}

export function toParticularsInput(v: ParticularsValues, memberId: string | undefined): MethodInput<'officers.add'>['particulars'] {
  return {
    givenNames: v.givenNames,
    familyName: v.familyName,
    formerNames: v.formerNames,
    serviceAddress: toAddress(v.serviceAddress),
    dateOfBirth: v.dateOfBirth,
    nationality: v.nationality,
    occupation: v.occupation,
    countryOfResidence: v.countryOfResidence,
    ...(memberId ? { memberId } : {}),
  };
}

/** Blank means "not recorded"; "same as the service address" copies it. */
export function toResidentialInput(v: OfficerValues): MethodInput<'officers.add'>['residentialAddress'] {
  if (v.residentialSame) return toAddress(v.particulars.serviceAddress);
  return isBlankAddress(v.residentialAddress) ? null : toAddress(v.residentialAddress);
}

export function officerToValues(o: Officer, residential: { line1: string; line2?: string; town: string; postcode?: string; country?: string } | null, memberNumber: number | null): OfficerValues {
  const address = (a: { line1: string; line2?: string | undefined; town: string; postcode?: string | undefined; country?: string | undefined }): AddressValues => ({
    line1: a.line1,
    line2: a.line2 ?? '',
    town: a.town,
    postcode: a.postcode ?? '',
    country: a.country ?? '',
  });
  return {
    particulars: {
      givenNames: o.givenNames,
      familyName: o.familyName,
      formerNames: o.formerNames ?? '',
      serviceAddress: address(o.serviceAddress),
      dateOfBirth: o.dateOfBirth ?? '',
      nationality: o.nationality ?? '',
      occupation: o.occupation ?? '',
      countryOfResidence: o.countryOfResidence ?? '',
      memberNumber: memberNumber === null ? '' : String(memberNumber),
    },
    residentialSame: false,
    residentialAddress: residential ? address(residential) : EMPTY_ADDRESS,
  };
}

const addressValues = z.object({ line1: z.string(), line2: z.string(), town: z.string(), postcode: z.string(), country: z.string() });

const particularsValues = officerParticularsSchema.omit({ memberId: true }).extend({
  memberNumber: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'Enter the member number in digits, or leave it empty.'),
});

const appointmentValues = z
  .object({ role: z.string(), directorKind: z.string(), nominatedBy: z.string(), nominatingCounterpartyId: z.string().default(''), appointedOn: z.string() })
  .transform((v) => toAppointmentInput(v))
  .pipe(appointmentInputSchema);

export const officerFormSchema = z.object({ particulars: particularsValues, residentialSame: z.boolean(), residentialAddress: addressValues });

/** The edit form adds the day a change took effect, for the notice to Companies House (checked by the core). */
export const editOfficerFormSchema = officerFormSchema.extend({ changedOn: z.string() });

export const addOfficerFormSchema = z.object({ appointment: appointmentValues, particulars: particularsValues, residentialSame: z.boolean(), residentialAddress: addressValues });

export const appointmentFormSchema = z.object({ appointment: appointmentValues });

/**
 * The core names the member link `particulars.memberId`; the form shows it on the member number.
 * The nominating body's link to the organisations list shows on the box that names it.
 */
export function formPath(path: string): string {
  if (path === 'particulars.memberId') return 'particulars.memberNumber';
  if (path === 'appointment.nominatingCounterpartyId') return 'appointment.nominatedBy';
  return path;
}

export const PARTICULAR_PATHS = [
  'particulars.givenNames',
  'particulars.familyName',
  'particulars.formerNames',
  ...['line1', 'line2', 'town', 'postcode', 'country'].map((k) => `particulars.serviceAddress.${k}`),
  'particulars.dateOfBirth',
  'particulars.nationality',
  'particulars.occupation',
  'particulars.countryOfResidence',
  'particulars.memberNumber',
  ...['line1', 'line2', 'town', 'postcode', 'country'].map((k) => `residentialAddress.${k}`),
];

export const APPOINTMENT_PATHS = ['appointment.role', 'appointment.directorKind', 'appointment.nominatedBy', 'appointment.appointedOn'];

/**
 * Checks that need the whole form, as field errors by dotted path: the residential address is
 * checked like any address unless it is blank or the service address, and a company director's
 * entry must hold what Companies House needs, residential address included (s167G(3)). Run beside the schema,
 * so every problem shows after the first submit.
 */
export function wholeFormProblems(v: OfficerValues, companyDirector: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.residentialSame && !isBlankAddress(v.residentialAddress)) {
    const parsed = memberAddressSchema.safeParse(v.residentialAddress);
    if (!parsed.success) for (const issue of parsed.error.issues) out[['residentialAddress', ...issue.path.map(String)].join('.')] ??= issue.message;
  }
  if (companyDirector) {
    const p = v.particulars;
    const missing = missingDirectorParticulars({ dateOfBirth: p.dateOfBirth.trim(), nationality: p.nationality.trim(), countryOfResidence: p.countryOfResidence.trim() });
    for (const k of missing) out[`particulars.${k}`] = `Enter the ${listParticulars([k])}: a company must give it to Companies House for each director (CA 2006 s167G(3)).`;
    if (!v.residentialSame && isBlankAddress(v.residentialAddress)) {
      out['residentialAddress.line1'] = "Enter the residential address: a company must give Companies House each director's usual residential address (CA 2006 s167G(3); kept off the public record, s240-241).";
    }
  }
  return out;
}

/** A resolver that adds `wholeFormProblems` to the schema's own errors (the schema's win on the same field). */
export function withWholeFormChecks<V extends OfficerValues>(base: Resolver<V>, companyDirector: (v: V) => boolean): Resolver<V> {
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const extra = wholeFormProblems(values, companyDirector(values));
    if (Object.keys(extra).length === 0) return result;
    // Copied along each path, never mutated: the schema's errors hold references to the fields.
    const errors: Record<string, unknown> = { ...(result.errors ?? {}) };
    for (const [path, message] of Object.entries(extra)) {
      const parts = path.split('.');
      let node = errors;
      for (const part of parts.slice(0, -1)) {
        const child = { ...((node[part] as Record<string, unknown> | undefined) ?? {}) };
        node[part] = child;
        node = child;
      }
      node[parts.at(-1)!] ??= { type: 'custom', message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
