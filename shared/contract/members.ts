import { z } from 'zod';
import { defineMethods, method } from './method';
import { emailAddress, hasAtMostTwoDecimals, id, isoInstant, legalDate, optionalText, penceAmount, requiredText, wholeNumber } from './fields';
import { normalisePostcode } from './fields';
import { shareDisposalSchema } from './shares';

export const CESSATION_REASONS = ['left_employment', 'resigned', 'expelled', 'deceased', 'other'] as const;
export type CessationReason = (typeof CESSATION_REASONS)[number];
export const CESSATION_REASON_LABEL: Record<CessationReason, string> = {
  left_employment: 'Left employment',
  resigned: 'Resigned',
  expelled: 'Expelled',
  deceased: 'Deceased',
  other: 'Other',
};

/** A UK postcode is normalised; an address abroad may have none. */
const memberPostcode = z
  .string()
  .trim()
  .max(12)
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = normalisePostcode(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter a UK postcode, such as SW1A 1AA, or leave it empty for an address abroad.' });
      return z.NEVER;
    }
    return n;
  });

export const memberAddressSchema = z.strictObject({
  line1: requiredText('the first line of the address'),
  line2: optionalText('the second line of the address'),
  town: requiredText('the town or city', 100),
  postcode: memberPostcode,
  country: optionalText('the country', 100),
});

const email = emailAddress();

export const employeeDetailsSchema = z
  .strictObject({
    employeeNumber: requiredText('the employee number', 40),
    serviceArea: optionalText('the service area', 120),
    employmentStart: legalDate('the employment start date'),
    employmentEnd: legalDate('the employment end date').optional().or(z.literal('').transform(() => undefined)),
    weeklyHours: z
      .number({ error: 'Enter the contracted hours as a number.' })
      .min(0, 'Hours cannot be negative.')
      .max(168, 'There are only 168 hours in a week.')
      .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.')
      .nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.employmentEnd && v.employmentEnd < v.employmentStart) {
      ctx.addIssue({ code: 'custom', path: ['employmentEnd'], message: 'Employment cannot end before it started.' });
    }
  });

/**
 * Whether a member is a person or an organisation (a council, an NHS trust, an employee ownership
 * trust's trustee company, a registered society). The register records the name and address of
 * each member (CA 2006 s113(2); CCBS Act 2014 s30(2)(a)); an organisation has one name and its
 * corporate address, and acts through a person it names (for a company's members, a corporate
 * representative under CA 2006 s323).
 */
export const HOLDER_KINDS = ['individual', 'organisation'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const ORGANISATION_KINDS = ['local_authority', 'nhs_body', 'trustee_company', 'registered_society', 'company', 'charity', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  local_authority: 'A council or other local authority',
  nhs_body: 'An NHS trust or other NHS body',
  trustee_company: 'The trustee of an employee ownership trust',
  registered_society: 'A registered society (co-operative or community benefit society)',
  company: 'Another company',
  charity: 'A charity or charitable incorporated organisation',
  other: 'Another organisation',
};

/** At most this many joint holders besides the first-named, as most articles allow. */
export const MAX_JOINT_HOLDERS = 3;

export const jointHolderSchema = z.strictObject({
  givenNames: requiredText('the joint holder’s given names', 100),
  familyName: requiredText('the joint holder’s family name', 100),
});

export const memberOrganisationSchema = z.strictObject({
  organisationKind: z.enum(ORGANISATION_KINDS, { error: 'Say what kind of organisation it is.' }),
  /** Company or society number; required for a registered society (CCBS Act 2014 s24(2)). */
  registrationNumber: optionalText('its registration number', 40),
  /** The person it has named to act for it. */
  representative: optionalText('the name of its representative', 200),
});

/**
 * The member's agreement to receive notices and other documents by e-mail at the address the
 * register holds, as a dated fact. A company may send a document in electronic form only to a
 * person who has agreed (generally or specifically) and has not revoked that agreement (CA 2006
 * s1144(2), Sch 5 Part 3 para 6), at an address they specified for the purpose (para 7). A
 * society gives notice as its registered rules provide; these dates record the agreement where
 * its rules make notice by e-mail depend on one. The core checks the dates against each other and
 * today, with messages that cite the law for the legal form.
 */
export const electronicCommsSchema = z.strictObject({
  agreedOn: legalDate('the date the member agreed'),
  revokedOn: legalDate('the date the member withdrew the agreement').optional().or(z.literal('').transform(() => undefined)),
  /**
   * On a change of e-mail address while the agreement stands: the secretary confirms the member
   * gave the new address for notices (CA 2006 Sch 5 para 7). Checked, never stored.
   */
  confirmedForAddress: z.boolean().optional(),
});
export type ElectronicComms = z.output<typeof electronicCommsSchema>;

export const memberParticularsSchema = z
  .strictObject({
    kind: z.enum(HOLDER_KINDS).default('individual'),
    /** A person's given names; empty for an organisation. */
    givenNames: optionalText('the given names', 100).transform((v) => v ?? ''),
    /** A person's family name, or an organisation's name. */
    familyName: optionalText('the name', 160).transform((v) => v ?? ''),
    organisation: memberOrganisationSchema.nullable().default(null),
    /** Joint holders of shares after the first-named, in order (CA 2006 s113(5)). */
    jointHolders: z.array(jointHolderSchema).max(MAX_JOINT_HOLDERS, `Enter at most ${MAX_JOINT_HOLDERS} other joint holders.`).default([]),
    address: memberAddressSchema,
    email,
    /** Societies record what the member gave their e-mail address for (CCBS Act 2014 s30). */
    emailPurposes: optionalText('what the e-mail address may be used for', 300),
    /**
     * Agreement to notices by e-mail: null for none on record. Left out of a change, the entry's
     * recorded agreement stays as it is (an import that knows nothing of it cannot erase it).
     */
    electronicComms: electronicCommsSchema.nullable().optional(),
    dateOfBirth: legalDate('the date of birth').optional().or(z.literal('').transform(() => undefined)),
    /** Only for members of an employee class (data minimisation). */
    employee: employeeDetailsSchema.nullable(),
    /** Societies: loans and deposits the member holds in the society, in pence (CCBS Act 2014 s30). */
    loansAndDepositsPence: penceAmount('loans and deposits', 0, 1_000_000_000_00).nullable(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (v.kind === 'individual') {
      if (!v.givenNames) issue(['givenNames'], 'Enter the given names.');
      if (!v.familyName) issue(['familyName'], 'Enter the family name.');
      else if (v.familyName.length > 100) issue(['familyName'], 'Keep the family name to 100 characters or fewer.');
      if (v.organisation !== null) issue(['organisation'], 'Only an organisation has organisation details.');
      return;
    }
    if (!v.familyName) issue(['familyName'], 'Enter the organisation’s name.');
    if (v.givenNames) issue(['givenNames'], 'An organisation has one name: enter it as its name and leave the given names empty.');
    if (v.organisation === null) issue(['organisation', 'organisationKind'], 'Say what kind of organisation it is.');
    else if (v.organisation.organisationKind === 'registered_society' && !v.organisation.registrationNumber) {
      issue(
        ['organisation', 'registrationNumber'],
        'Enter its society number from the FCA Mutuals Public Register: a member that is a registered society is outside the £100,000 limit (CCBS Act 2014 s24(2)).',
      );
    }
    if (v.dateOfBirth) issue(['dateOfBirth'], 'An organisation has no date of birth.');
    if (v.employee !== null) issue(['employee', 'employeeNumber'], 'Employee details are for people; an organisation cannot be an employee member.');
    if (v.jointHolders.length > 0) issue(['jointHolders'], 'Joint holders are people holding shares together; enter an organisation on its own.');
  });
export type MemberParticulars = z.output<typeof memberParticularsSchema>;
export type MemberParticularsInput = z.input<typeof memberParticularsSchema>;

export const admitSchema = z
  .strictObject({
    classId: id,
    particulars: memberParticularsSchema,
    applicationDate: legalDate('the application date').optional().or(z.literal('').transform(() => undefined)),
    admittedOn: legalDate('the admission date'),
    boardReference: optionalText('the board decision reference', 200),
    /** Re-admitting a former member: their earlier entry, so both entries belong to one person. */
    previousEntryId: id.optional(),
    /** Where the legal form has shares: the allotment on admission. */
    initialShares: z
      .strictObject({ shares: wholeNumber('the number of shares', 1, 1_000_000_000), amountPaidPence: penceAmount('the amount paid', 0, 1e13) })
      .nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.applicationDate && v.applicationDate > v.admittedOn) {
      ctx.addIssue({ code: 'custom', path: ['applicationDate'], message: 'The application cannot be dated after the admission.' });
    }
  });
export type AdmitInput = z.input<typeof admitSchema>;

export const ceaseSchema = z
  .strictObject({
    memberId: id,
    ceasedOn: legalDate('the date membership ended'),
    reason: z.enum(CESSATION_REASONS, { error: 'Choose why membership ended.' }),
    note: optionalText('a note', 500),
    /**
     * Where the member still holds shares: what happens to them, recorded in the same step on the
     * day membership ends (a withdrawal, a redemption or purchase of own shares, a transfer, or a
     * cancellation under a society's rules).
     */
    shares: shareDisposalSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why membership ended.' });
  });
export type CeaseInput = z.input<typeof ceaseSchema>;

export const MEMBER_STATUSES = ['current', 'former', 'all'] as const;

export const memberRowSchema = z.object({
  id,
  memberNumber: z.number().int(),
  givenNames: z.string(),
  familyName: z.string(),
  classId: id,
  status: z.enum(['current', 'former']),
  admittedOn: z.string(),
  ceasedOn: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  /** Null where the legal form has no shares. */
  sharesHeld: z.number().int().nullable(),
  /** A person, or an organisation (whose name is `familyName`; `givenNames` is empty). */
  kind: z.enum(HOLDER_KINDS),
});
export type MemberRow = z.output<typeof memberRowSchema>;

/**
 * How an entry is named on screen and in copies: an organisation by its name, a person by given
 * and family names, and joint holders jointly with the first-named first (CA 2006 s113(5)).
 */
export function memberName(m: { kind?: HolderKind; givenNames: string; familyName: string }, jointHolders: readonly { givenNames: string; familyName: string }[] = []): string {
  const first = m.kind === 'organisation' || m.givenNames === '' ? m.familyName : `${m.givenNames} ${m.familyName}`;
  if (jointHolders.length === 0) return first;
  const all = [first, ...jointHolders.map((j) => `${j.givenNames} ${j.familyName}`)];
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

export const memberDetailSchema = memberRowSchema.extend({
  personId: id,
  particulars: z.object({
    kind: z.enum(HOLDER_KINDS),
    givenNames: z.string(),
    familyName: z.string(),
    organisation: z.object({ organisationKind: z.enum(ORGANISATION_KINDS), registrationNumber: z.string().optional(), representative: z.string().optional() }).nullable(),
    jointHolders: z.array(z.object({ givenNames: z.string(), familyName: z.string() })),
    address: z.object({ line1: z.string(), line2: z.string().optional(), town: z.string(), postcode: z.string().optional(), country: z.string().optional() }),
    email: z.string().optional(),
    emailPurposes: z.string().optional(),
    /** Agreement to notices by e-mail (CA 2006 Sch 5 para 6); null where none is on record. */
    electronicComms: z.object({ agreedOn: z.string(), revokedOn: z.string().optional() }).nullable(),
    dateOfBirth: z.string().optional(),
    employee: z
      .object({
        employeeNumber: z.string(),
        serviceArea: z.string().optional(),
        employmentStart: z.string(),
        employmentEnd: z.string().optional(),
        weeklyHours: z.number().nullable(),
      })
      .nullable(),
    loansAndDepositsPence: z.number().int().nullable(),
  }),
  applicationDate: z.string().nullable(),
  boardReference: z.string().nullable(),
  cessationReason: z.enum(CESSATION_REASONS).nullable(),
  cessationNote: z.string().nullable(),
  amountPaidPence: z.number().int().nullable(),
  /** Other register entries of the same person (earlier or later memberships). */
  otherEntries: z.array(z.object({ id, memberNumber: z.number().int(), admittedOn: z.string(), ceasedOn: z.string().nullable() })),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type MemberDetail = z.output<typeof memberDetailSchema>;

export const listFilterShape = {
  status: z.enum(MEMBER_STATUSES).optional(),
  classId: id.optional(),
  admittedFrom: legalDate('the earliest admission date').optional(),
  admittedTo: legalDate('the latest admission date').optional(),
};

/** Keyset cursor: the last row of the previous page. Never an offset. */
export const listCursorSchema = z.strictObject({ sortKey: z.string().max(400).optional(), memberNumber: z.number().int() });

export const listInputSchema = z.strictObject({
  ...listFilterShape,
  sort: z.enum(['name', 'number']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  after: listCursorSchema.optional(),
  /** Start the list at a name ("Sm") or member number ("4500") instead of the top. */
  startAt: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type ListInput = z.input<typeof listInputSchema>;

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: isoInstant,
  actor: z.string(),
  action: z.string(),
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  redacted: z.boolean(),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export const removableSchema = z.object({
  today: z.string(),
  /** Entries that ceased on or before this date may be removed. */
  ceasedOnOrBefore: z.string(),
  source: z.string(),
  /** Whole years after cessation; whether a statute sets them (CA 2006 s121) or the society's rules do. */
  years: z.number().int(),
  statutory: z.boolean(),
  rows: z.array(z.object({ id, memberNumber: z.number().int(), givenNames: z.string(), familyName: z.string(), ceasedOn: z.string(), removableFrom: z.string() })),
});
export type RemovableList = z.output<typeof removableSchema>;

/**
 * Everything held about the person of an entry (UK GDPR Art 15), with the lawful basis for
 * each kind of data (Art 6): what the law requires the register to hold rests on legal
 * obligation; the rest on the membership contract or legitimate interests.
 */
export const subjectAccessSchema = z.object({
  generatedAt: isoInstant,
  controller: z.object({ name: z.string(), registrationNumber: z.string() }),
  /** One sentence for the top of the export. */
  lawfulBasis: z.string(),
  /** What each kind of data is held for, and on which basis. */
  lawfulBases: z.array(z.object({ data: z.string(), basis: z.string() })),
  entries: z.array(
    z.object({
      entry: memberDetailSchema,
      className: z.string().nullable(),
      shareLedger: z.array(
        z.object({ kind: z.string(), date: z.string(), shares: z.number().int(), amountPence: z.number().int(), noticeDate: z.string().nullable(), paymentDate: z.string().nullable() }),
      ),
      history: z.array(timelineEntrySchema),
    }),
  ),
  officerRecords: z
    .array(
      z.object({
        officer: z.object({ givenNames: z.string(), familyName: z.string(), serviceAddress: z.string() }),
        appointments: z.array(z.object({ role: z.string(), director_kind: z.string().nullable(), appointed_on: z.string(), ceased_on: z.string().nullable() })),
        interests: z.array(
          z.object({ category: z.string(), nature: z.string(), related_organisation: z.string().nullable(), declared_on: z.string(), ended_on: z.string().nullable() }),
        ),
      }),
    )
    .optional(),
});
export type SubjectAccessRecord = z.output<typeof subjectAccessSchema>;

/** Settings of the register the law leaves to the organisation. */
export const registerSettingsSchema = z.strictObject({
  /** The register is itself kept in the form of an index of members' names (CA 2006 s115(1)). */
  registerIsIndex: z.boolean(),
  /** Societies: whole years after cessation from which the rules allow a former member's entry to be removed; null where they set none. */
  retentionYears: wholeNumber('the number of years', 0, 100).nullable(),
});
export type RegisterSettings = z.output<typeof registerSettingsSchema>;

export const PENDING_KINDS = ['cessation_due', 'import_plan'] as const;

/** What the register says about itself: the statements and rules a copy and the register page show. */
export const registerFactsSchema = z.object({
  family: z.enum(['company', 'society']),
  /** Current members, joint holders counting as one (CA 2006 s113(5)). */
  currentMembers: z.number().int(),
  /** CA 2006 s123 statements, oldest first, with the entry each goes with. */
  singleMember: z.array(
    z.object({ statement: z.string(), date: z.string().nullable(), on: z.string(), source: z.string(), against: z.string(), memberId: id, memberNumber: z.number().int(), name: z.string() }),
  ),
  /** The general meeting quorum the rules give for today's membership (CA 2006 s318 for companies). */
  quorum: z.object({ quorum: z.number().int().nullable(), source: z.string(), warning: z.string().optional() }),
  /** The index of members (CA 2006 s115). */
  index: z.object({ required: z.boolean(), statement: z.string(), source: z.string() }),
  /** When a former member's entry may be removed (CA 2006 s121; for societies, the rules). */
  retention: z.object({ years: z.number().int(), statutory: z.boolean(), source: z.string() }),
  settings: z.object({ registerIsIndex: z.boolean(), retentionYears: z.number().int().nullable() }),
  lastAmended: z.string().nullable(),
  /** The statement every copy carries: when last amended and whether alterations are pending (CA 2006 s120). */
  stateStatement: z.string(),
  /** Alterations to be made to the register that the app knows of (see main/core/exports/pending.ts). */
  pending: z.array(z.object({ kind: z.enum(PENDING_KINDS), count: z.number().int(), description: z.string() })),
  /** Who may inspect, and on what terms (CA 2006 s116-s117 or CCBS Act 2014 s103). */
  inspection: z.object({ requestLog: z.boolean(), source: z.string(), explanation: z.string() }),
});
export type RegisterFacts = z.output<typeof registerFactsSchema>;

export const memberMethods = defineMethods('members', {
  'members.list': method({
    kind: 'query',
    summary: 'A page of the register, sorted by name or number, filtered; keyset-paged.',
    input: listInputSchema,
    output: z.object({ rows: z.array(memberRowSchema), next: listCursorSchema.nullable() }),
  }),
  'members.search': method({
    kind: 'query',
    summary: 'As-you-type search by name fragment (accents folded), member number, e-mail or employee number.',
    input: z.strictObject({
      query: z.string().trim().min(1, 'Type something to search for.').max(100),
      status: z.enum(MEMBER_STATUSES).optional(),
      classId: id.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    output: z.object({ rows: z.array(memberRowSchema), more: z.boolean() }),
  }),
  'members.count': method({
    kind: 'query',
    summary: 'How many entries match the filters.',
    input: z.strictObject(listFilterShape),
    /** `atLeast`: the count stopped at a cap (a date-filtered count of a very large register). */
    output: z.object({ count: z.number().int(), atLeast: z.boolean() }),
  }),
  'members.get': method({
    kind: 'query',
    summary: 'One register entry with all its particulars.',
    input: z.strictObject({ id }),
    output: memberDetailSchema,
  }),
  'members.history': method({
    kind: 'query',
    summary: "The entry's history as a timeline, newest first, from the audit log.",
    input: z.strictObject({ id }),
    output: z.array(timelineEntrySchema),
  }),
  'members.admit': method({
    kind: 'mutation',
    summary: 'Enter a person in the register (CA 2006 s112: a member only once entered).',
    input: admitSchema,
    output: memberDetailSchema,
  }),
  'members.update': method({
    kind: 'mutation',
    summary: 'Change the particulars or class of a current entry.',
    input: z.strictObject({ id, classId: id, particulars: memberParticularsSchema }),
    output: memberDetailSchema,
  }),
  'members.cease': method({
    kind: 'mutation',
    summary: 'Record that a member ceased to be a member; the entry stays in the register.',
    input: ceaseSchema,
    output: memberDetailSchema,
  }),
  'members.subjectAccess': method({
    kind: 'mutation',
    summary: 'Everything held about the person of an entry (UK GDPR Art 15), for export.',
    input: z.strictObject({ id }),
    output: subjectAccessSchema,
  }),
  'members.removable': method({
    kind: 'query',
    summary: 'Former members whose entries may now be removed (companies: CA 2006 s121, 10 years after ceasing; societies: as the rules provide).',
    input: z.strictObject({}),
    output: removableSchema,
  }),
  'members.registerFacts': method({
    kind: 'command',
    summary: 'The register’s own statements: s123 single-member statements, quorum (s318), index (s115), removal rule, last amended and pending alterations (s120), inspection terms.',
    input: z.strictObject({}),
    output: registerFactsSchema,
  }),
  'members.updateRegisterSettings': method({
    kind: 'mutation',
    summary: 'Whether the register is itself an index (CA 2006 s115), and a society’s period for removing former members’ entries.',
    input: registerSettingsSchema,
    output: registerFactsSchema.shape.settings,
  }),
  'members.remove': method({
    kind: 'mutation',
    summary: 'Remove long-former entries and erase their personal data from the audit payloads.',
    input: z.strictObject({ ids: z.array(id).min(1).max(5000), confirm: z.literal(true, { error: 'Confirm the removal.' }) }),
    output: z.object({ removed: z.number().int() }),
  }),
});

/** Labels for the fields a member's history talks about (flattened particulars). */
export const MEMBER_FIELD_LABEL: Record<string, string> = {
  kind: 'Person or organisation',
  'organisation.organisationKind': 'Kind of organisation',
  'organisation.registrationNumber': 'Registration number',
  'organisation.representative': 'Representative',
  jointHolders: 'Joint holders',
  givenNames: 'Given names',
  familyName: 'Family name',
  'address.line1': 'Address line 1',
  'address.line2': 'Address line 2',
  'address.town': 'Town or city',
  'address.postcode': 'Postcode',
  'address.country': 'Country',
  email: 'E-mail',
  emailPurposes: 'E-mail may be used for',
  'electronicComms.agreedOn': 'Agreed to notices by e-mail on',
  'electronicComms.revokedOn': 'Withdrew agreement to notices by e-mail on',
  dateOfBirth: 'Date of birth',
  'employee.employeeNumber': 'Employee number',
  'employee.serviceArea': 'Service area',
  'employee.employmentStart': 'Employment start',
  'employee.employmentEnd': 'Employment end',
  'employee.weeklyHours': 'Contracted weekly hours',
  loansAndDepositsPence: 'Loans and deposits (pence)',
  className: 'Class',
  ceasedOn: 'Ceased on',
  cessationReason: 'Reason',
  cessationNote: 'Note',
  sharesHeld: 'Shares held',
};
