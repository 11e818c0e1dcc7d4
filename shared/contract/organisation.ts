import { z } from 'zod';
import { LEGAL_FORMS, LEGAL_FORM_INFO } from '../domain/legal-form';
import { checkRegistrationNumber } from '../rules/registration-number';
import { RULE_KEYS, VOTING_BASES, lawfulRuleProblems, type GoverningRules } from '../rules/governing-rules';
import { CLAUSE_KEYS, CLAUSE_MAX, PROFIT_BASES, clauseProblems, type GoverningClauses } from '../rules/governing-clauses';
import { daysInMonth } from '../rules/legal-date';
import { societyJurisdictionProblem } from '../rules/society-jurisdiction';
import { defineMethods, method } from './method';
import { hasAtMostTwoDecimals, isoInstant, legalDate, optionalText, postcode, requiredText, wholeNumber, id } from './fields';

export const JURISDICTIONS = ['england', 'wales', 'scotland', 'northern_ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

export const addressSchema = z.strictObject({
  line1: requiredText('the first line of the address'),
  line2: optionalText('the second line of the address'),
  town: requiredText('the town or city', 100),
  county: optionalText('the county', 100),
  postcode,
  country: z.enum(JURISDICTIONS, { error: 'Choose the country the registered office is in.' }),
});
export type Address = z.output<typeof addressSchema>;

/** Financial year end as 'MM-DD' (the accounting reference date; CA 2006 s391). */
export const financialYearEnd = z
  .string({ error: 'Choose the financial year end.' })
  .regex(/^\d{2}-\d{2}$/, 'Choose the day and month the financial year ends.')
  .refine((v) => {
    const m = Number(v.slice(0, 2));
    const d = Number(v.slice(3, 5));
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2024, m);
  }, 'That day does not exist in that month.');

export const particularsShape = {
  name: requiredText('the organisation’s name', 160),
  legalForm: z.enum(LEGAL_FORMS, { error: 'Choose the legal form.' }),
  registrationNumber: z.string({ error: 'Enter the registration number.' }).trim(),
  registeredOffice: addressSchema,
  incorporatedOn: legalDate('the date of incorporation or registration'),
  financialYearEnd,
};

/** A clause's article or rule number and words: several lines; empty or null is "not recorded". */
const clauseText = (what: string, max: number) =>
  optionalText(what, max, 'many')
    .nullable()
    .transform((v) => v ?? null)
    .optional();

export const rulesSchema = z.strictObject({
  gmNoticeClearDays: wholeNumber('the notice period', 0, 365),
  gmQuorum: wholeNumber('the general meeting quorum', 1, 100000),
  boardQuorum: wholeNumber('the board quorum', 1, 100),
  specialResolutionPct: z
    .number({ error: 'Enter the special resolution threshold as a number.' })
    .min(50, 'The threshold must be at least 50%.')
    .max(100, 'The threshold cannot be more than 100%.')
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.'),
  writtenResolutionLapseDays: wholeNumber('the lapse period', 1, 365),
  votingBasis: z.enum(VOTING_BASES, { error: 'Choose the voting basis.' }),
  chairCastingVote: z.boolean({ error: 'Say whether the chair has a casting vote.' }),
  proxiesAllowed: z.boolean({ error: 'Say whether proxies are allowed.' }),
  proxyDeadlineHours: wholeNumber('the proxy deadline', 0, 168),
  // Added with meetings (migration 0007). Optional on input so that callers written before them
  // keep working; the default is the Model Articles' rule (a society's rules may differ).
  conflictedExcludedFromQuorum: z.boolean({ error: 'Say whether interested directors are left out of the quorum.' }).default(true),
  boardWrittenResolutions: z.boolean({ error: 'Say whether the board may decide in writing.' }).default(true),
  shortNoticePct: wholeNumber('the short notice percentage', 50, 100).default(90),
  // Added for the s33 check (migration 0017): clauses of the governing document, each null until
  // recorded. Left out, a clause stays as it is; null (or empty words) removes it.
  objectsPublicServices: z.boolean({ error: 'Say whether the objects include delivering public services.' }).nullable().optional(),
  objectsClause: clauseText('the objects clause', CLAUSE_MAX.objectsClause),
  profitBasis: z.enum(PROFIT_BASES, { error: 'Choose how the governing document deals with profits.' }).nullable().optional(),
  profitClause: clauseText('the profit clause', CLAUSE_MAX.profitClause),
  employeeControlClause: clauseText('the clause securing employee control', CLAUSE_MAX.employeeControlClause),
})
  .superRefine((v, ctx) => {
    // Only when every clause is given (the Settings form sends them all); the core checks the clauses as they will be stored.
    if (CLAUSE_KEYS.some((k) => v[k] === undefined)) return;
    const problems = clauseProblems(v as GoverningClauses);
    for (const key of CLAUSE_KEYS) {
      const message = problems[key];
      if (message) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  }) satisfies z.ZodType<GoverningRules>;

type Ctx = z.core.$RefinementCtx;

function refineRegistration(v: { legalForm: (typeof LEGAL_FORMS)[number]; registrationNumber: string }, ctx: Ctx, path: (string | number)[]) {
  const check = checkRegistrationNumber(v.legalForm, v.registrationNumber);
  if (!check.ok) ctx.addIssue({ code: 'custom', path: [...path, 'registrationNumber'], message: check.message });
}

function refineJurisdiction(
  v: { legalForm: (typeof LEGAL_FORMS)[number]; registrationNumber: string; registeredOffice: { country: Jurisdiction } },
  ctx: Ctx,
  path: (string | number)[],
) {
  // CA 2006 s9(2)(b), s87: a company's registered office stays in the part of the UK it was registered in.
  if (LEGAL_FORM_INFO[v.legalForm].registrar !== 'Companies House') return;
  const n = v.registrationNumber.replace(/\s+/g, '').toUpperCase();
  const country = v.registeredOffice.country;
  const expected: Jurisdiction[] = n.startsWith('SC')
    ? ['scotland']
    : n.startsWith('NI') || n.startsWith('R0')
      ? ['northern_ireland']
      : ['england', 'wales'];
  if (/^(\d{1,8}|(SC|NI|R0)\d{6})$/.test(n) && !expected.includes(country)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'registeredOffice', 'country'],
      message: `A company registered as ${n} has its registered office in ${expected.map((e) => JURISDICTION_LABEL[e]).join(' or ')} (CA 2006 s9(2)(b)).`,
    });
  }
}

/**
 * A society with its registered office in Northern Ireland is registered under the Co-operative
 * and Community Benefit Societies Act (Northern Ireland) 1969, not the 2014 Act whose registers
 * the app keeps (CCBS Act 2014 s2(2)(d)); see shared/rules/society-jurisdiction.ts.
 */
function refineSocietyJurisdiction(v: { legalForm: (typeof LEGAL_FORMS)[number]; registeredOffice: { country: Jurisdiction } }, ctx: Ctx, path: (string | number)[]) {
  const problem = societyJurisdictionProblem(v.legalForm, v.registeredOffice.country);
  if (problem) ctx.addIssue({ code: 'custom', path: [...path, 'registeredOffice', 'country'], message: problem });
}

function refineRules(legalForm: (typeof LEGAL_FORMS)[number], rules: GoverningRules, ctx: Ctx, path: (string | number)[]) {
  const problems = lawfulRuleProblems(legalForm, rules);
  for (const key of RULE_KEYS) {
    const message = problems[key];
    if (message) ctx.addIssue({ code: 'custom', path: [...path, key], message });
  }
}

export const particularsSchema = z.strictObject(particularsShape).superRefine((v, ctx) => {
  refineRegistration(v, ctx, []);
  refineJurisdiction(v, ctx, []);
  refineSocietyJurisdiction(v, ctx, []);
});
export type Particulars = z.output<typeof particularsSchema>;

export const setUpSchema = z
  .strictObject({ particulars: z.strictObject(particularsShape), rules: rulesSchema })
  .superRefine((v, ctx) => {
    refineRegistration(v.particulars, ctx, ['particulars']);
    refineJurisdiction(v.particulars, ctx, ['particulars']);
    refineSocietyJurisdiction(v.particulars, ctx, ['particulars']);
    refineRules(v.particulars.legalForm, v.rules, ctx, ['rules']);
  });
export type SetUpInput = z.input<typeof setUpSchema>;

export const organisationSchema = z.object({
  id,
  name: z.string(),
  legalForm: z.enum(LEGAL_FORMS),
  registrationNumber: z.string(),
  registeredOffice: z.object({
    line1: z.string(),
    line2: z.string().optional(),
    town: z.string(),
    county: z.string().optional(),
    postcode: z.string(),
    country: z.enum(JURISDICTIONS),
  }),
  incorporatedOn: z.string(),
  financialYearEnd: z.string(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Organisation = z.output<typeof organisationSchema>;

const ruleSourceSchema = z.object(
  Object.fromEntries(RULE_KEYS.map((k) => [k, z.string()])) as Record<(typeof RULE_KEYS)[number], z.ZodString>,
);

export const rulesViewSchema = z.object({
  values: rulesSchema,
  /** Where each rule's default comes from, for the form this organisation has. */
  sources: ruleSourceSchema,
  defaults: rulesSchema,
  updatedAt: isoInstant,
});
export type RulesView = z.output<typeof rulesViewSchema>;

export const ruleChangeSchema = z.object({
  seq: z.number().int(),
  at: isoInstant,
  actor: z.string(),
  rule: z.enum([...RULE_KEYS, ...CLAUSE_KEYS] as unknown as [string, ...string[]]),
  /** The values recorded at set-up, rather than a change (a clause first recorded later also changes from null). */
  setUp: z.boolean(),
  from: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  to: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type RuleChange = z.output<typeof ruleChangeSchema>;

/** The app's default target for minutes when the secretary has set none (issue 11, report 6). */
export const DEFAULT_MINUTES_TARGET_DAYS = 28;
export const MINUTES_TARGET_MAX_DAYS = 365;

/**
 * The secretary's target for minutes: approved and signed within this many days of the meeting
 * (one target for both; the board effectiveness pack judges each against it). No statute sets a
 * time, so it is the secretary's own, kept per organisation and audited.
 */
export const minutesTargetInputSchema = z.strictObject({
  days: wholeNumber('the number of days', 1, MINUTES_TARGET_MAX_DAYS),
});
export type MinutesTargetInput = z.output<typeof minutesTargetInputSchema>;

export const minutesTargetViewSchema = z.object({
  /** The target in force: the secretary's, or the app's default. */
  days: z.number().int(),
  /** Whether it is the app's default (no target has been set). */
  isDefault: z.boolean(),
  defaultDays: z.number().int(),
  /** When it was last set (UK date and instant), null for the default. */
  setOn: z.string().nullable(),
  setAt: isoInstant.nullable(),
});
export type MinutesTargetView = z.output<typeof minutesTargetViewSchema>;

export const organisationMethods = defineMethods('organisation', {
  'organisation.get': method({
    kind: 'query',
    summary: 'The organisation kept in this file, or null before set-up.',
    input: z.strictObject({}),
    output: organisationSchema.nullable(),
  }),
  'organisation.setUp': method({
    kind: 'mutation',
    summary: 'First run: record the organisation and its governing-document rules.',
    input: setUpSchema,
    output: organisationSchema,
  }),
  'organisation.update': method({
    kind: 'mutation',
    summary: 'Change the organisation’s particulars.',
    input: particularsSchema,
    output: organisationSchema,
  }),
  'organisation.minutesTarget': method({
    kind: 'query',
    summary: 'The secretary’s target for approving and signing minutes, in days from the meeting, or the app’s default.',
    input: z.strictObject({}),
    output: minutesTargetViewSchema,
  }),
  'organisation.setMinutesTarget': method({
    kind: 'mutation',
    summary: 'Set the secretary’s target for minutes (1 to 365 days from the meeting to approval and to signing); audited, so reports use the target as it stood on their date.',
    input: minutesTargetInputSchema,
    output: minutesTargetViewSchema,
  }),
});
