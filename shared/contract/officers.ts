import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, isoInstant, legalDate, optionalText, requiredText } from './fields';
import { memberAddressSchema } from './members';
import { normalisePersonalCode, PERSONAL_CODE_PROBLEM } from '../rules/companies-house';

/**
 * The board and officers: directors, chair, vice-chair, secretary and treasurer, with their
 * appointments. For a company this is the board and officers record: since 18 November 2025
 * (ECCTA 2023) a company keeps no statutory register of directors or secretaries and files the
 * information at Companies House instead (CA 2006 s167G, s279G), but the board drives quorum,
 * conflicts and reports. For a society it is the register of officers, part of the register of
 * members and officers (CCBS Act 2014 s30(1), (3)). A company director's residential address is
 * held apart from the service address, only to file it at Companies House (CA 2006 s240-241), and
 * leaves the core only through `officers.residentialAddress`.
 */
export const APPOINTMENT_ROLES = ['director', 'chair', 'vice_chair', 'secretary', 'treasurer'] as const;
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];
export const ROLE_LABEL: Record<AppointmentRole, string> = {
  director: 'Director',
  chair: 'Chair',
  vice_chair: 'Vice-chair',
  secretary: 'Secretary',
  treasurer: 'Treasurer',
};

export const DIRECTOR_KINDS = ['employee', 'independent', 'nominee', 'member'] as const;
export type DirectorKind = (typeof DIRECTOR_KINDS)[number];
export const DIRECTOR_KIND_LABEL: Record<DirectorKind, string> = {
  employee: 'Employee director',
  independent: 'Independent director',
  nominee: 'Nominee director',
  member: 'Member-elected director',
};

/**
 * How an appointment reads in the register: "Employee director", "Nominee director (Leeds City
 * Council)", "Chair".
 */
export function appointmentTitle(a: { role: AppointmentRole; directorKind: DirectorKind | null | undefined; nominatedBy?: string | null | undefined }): string {
  if (a.role !== 'director' || !a.directorKind) return ROLE_LABEL[a.role];
  const kind = DIRECTOR_KIND_LABEL[a.directorKind];
  return a.directorKind === 'nominee' && a.nominatedBy ? `${kind} (${a.nominatedBy})` : kind;
}

export const officerParticularsSchema = z.strictObject({
  givenNames: requiredText('the given names', 100),
  familyName: requiredText('the family name', 100),
  formerNames: optionalText('former names', 200),
  serviceAddress: memberAddressSchema,
  dateOfBirth: legalDate('the date of birth').optional().or(z.literal('').transform(() => undefined)),
  nationality: optionalText('the nationality', 80),
  occupation: optionalText('the occupation', 120),
  countryOfResidence: optionalText('the country of residence', 80),
  /** Link to the member register where the officer is also a member. */
  memberId: id.optional(),
});

export const appointmentInputSchema = z
  .strictObject({
    role: z.enum(APPOINTMENT_ROLES, { error: 'Choose the role.' }),
    directorKind: z.enum(DIRECTOR_KINDS).optional(),
    /** For nominee directors: the council or NHS body that nominated them. */
    nominatedBy: optionalText('the nominating body', 200),
    /** The nominating body from the list of organisations (issue 10); its name is recorded when nominatedBy is empty. */
    nominatingCounterpartyId: id.optional(),
    appointedOn: legalDate('the appointment date'),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'director' && !v.directorKind) ctx.addIssue({ code: 'custom', path: ['directorKind'], message: 'Choose the kind of director.' });
    if (v.directorKind === 'nominee' && !v.nominatedBy && !v.nominatingCounterpartyId) {
      ctx.addIssue({ code: 'custom', path: ['nominatedBy'], message: 'Name the body that nominated this director.' });
    }
  });

export const appointmentSchema = z.object({
  id,
  role: z.enum(APPOINTMENT_ROLES),
  directorKind: z.enum(DIRECTOR_KINDS).nullable(),
  nominatedBy: z.string().nullable(),
  /** The nominating body on the list of organisations, where linked. */
  nominatingCounterpartyId: id.nullable(),
  appointedOn: z.string(),
  ceasedOn: z.string().nullable(),
  cessationReason: z.string().nullable(),
});

const addressOut = z.object({ line1: z.string(), line2: z.string().optional(), town: z.string(), postcode: z.string().optional(), country: z.string().optional() });

export const officerSchema = z.object({
  id,
  givenNames: z.string(),
  familyName: z.string(),
  formerNames: z.string().nullable(),
  serviceAddress: addressOut,
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  occupation: z.string().nullable(),
  countryOfResidence: z.string().nullable(),
  memberId: id.nullable(),
  /**
   * Identity verification with Companies House (company directors; CA 2006 s167M, s1110A): the
   * date it was verified and the personal code, or null while not recorded.
   */
  identity: z.object({ verifiedOn: z.string(), personalCode: z.string() }).nullable(),
  appointments: z.array(appointmentSchema),
  current: z.boolean(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Officer = z.output<typeof officerSchema>;

export const officerMethods = defineMethods('officers', {
  'officers.list': method({
    kind: 'query',
    summary: 'Directors and officers with their appointments.',
    input: z.strictObject({ status: z.enum(['current', 'former', 'all']).optional() }),
    output: z.array(officerSchema),
  }),
  'officers.get': method({
    kind: 'query',
    summary: 'One officer, without the residential address.',
    input: z.strictObject({ id }),
    output: officerSchema,
  }),
  'officers.residentialAddress': method({
    kind: 'query',
    summary: "An officer's residential address, for the edit form and the confidential internal copy only (CA 2006 s240-241).",
    input: z.strictObject({ id }),
    output: addressOut.nullable(),
  }),
  'officers.add': method({
    kind: 'mutation',
    summary: 'Add a director or officer with their first appointment.',
    input: z.strictObject({
      particulars: officerParticularsSchema,
      residentialAddress: memberAddressSchema.nullable(),
      appointment: appointmentInputSchema,
    }),
    output: officerSchema,
  }),
  'officers.update': method({
    kind: 'mutation',
    summary: "Change an officer's particulars (and residential address).",
    input: z.strictObject({
      id,
      particulars: officerParticularsSchema,
      residentialAddress: memberAddressSchema.nullable(),
      /** The day the change took effect, for the notice to Companies House (CA 2006 s167H, s279H); today when left out. */
      changedOn: legalDate('the date the change took effect').optional().or(z.literal('').transform(() => undefined)),
    }),
    output: officerSchema,
  }),
  'officers.appoint': method({
    kind: 'mutation',
    summary: 'Give an existing officer a further appointment (e.g. a director becomes chair).',
    input: z.strictObject({ officerId: id, appointment: appointmentInputSchema }),
    output: officerSchema,
  }),
  'officers.recordIdentity': method({
    kind: 'mutation',
    summary: "Record that a company director's identity is verified with Companies House, with their personal code (or that it is not).",
    input: z.strictObject({
      id,
      identity: z
        .strictObject({
          verifiedOn: legalDate('the date the identity was verified'),
          personalCode: z
            .string({ error: PERSONAL_CODE_PROBLEM })
            .transform((v, ctx) => {
              const code = normalisePersonalCode(v);
              if (code === null) {
                ctx.addIssue({ code: 'custom', message: PERSONAL_CODE_PROBLEM });
                return z.NEVER;
              }
              return code;
            }),
        })
        .nullable(),
    }),
    output: officerSchema,
  }),
  'officers.endAppointment': method({
    kind: 'mutation',
    summary: 'Record the end of an appointment.',
    input: z.strictObject({ appointmentId: id, ceasedOn: legalDate('the date the appointment ended'), reason: optionalText('the reason', 200) }),
    output: officerSchema,
  }),
});
