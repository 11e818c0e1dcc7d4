import type { Organisation, Particulars, RulesView, setUpSchema } from '../../../shared/contract/organisation';
import type { z } from 'zod';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import {
  RULE_KEYS,
  defaultRules,
  lawfulRuleProblems,
  type GoverningRules,
  type RuleKey,
  type VotingBasis,
} from '../../../shared/rules/governing-rules';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { CLAUSE_KEYS, NO_CLAUSES, PROFIT_BASIS_SHORT, clauseProblems, type ClauseKey, type GoverningClauses, type ProfitBasis } from '../../../shared/rules/governing-clauses';
import { checkRegistrationNumber } from '../../../shared/rules/registration-number';
import { sql } from 'kysely';
import type { ReadDb, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { GoverningRulesRow, OrganisationRow } from '../db/schema';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { earliestRecord } from './earliest-record';
import { currentMinutesTarget, setMinutesTarget, toMinutesTargetView } from './minutes-target';
import { legalFormChangeProblem } from '../members/form-change';

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    legalForm: row.legal_form as LegalForm,
    registrationNumber: row.registration_number,
    registeredOffice: {
      line1: row.office_line1,
      ...(row.office_line2 ? { line2: row.office_line2 } : {}),
      town: row.office_town,
      ...(row.office_county ? { county: row.office_county } : {}),
      postcode: row.office_postcode,
      country: row.office_country as Organisation['registeredOffice']['country'],
    },
    incorporatedOn: row.incorporated_on,
    financialYearEnd: row.financial_year_end,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function particularsColumns(p: Particulars) {
  const check = checkRegistrationNumber(p.legalForm, p.registrationNumber);
  return {
    name: p.name,
    legal_form: p.legalForm,
    registration_number: check.ok ? check.value : p.registrationNumber,
    office_line1: p.registeredOffice.line1,
    office_line2: p.registeredOffice.line2 ?? null,
    office_town: p.registeredOffice.town,
    office_county: p.registeredOffice.county ?? null,
    office_postcode: p.registeredOffice.postcode,
    office_country: p.registeredOffice.country,
    incorporated_on: p.incorporatedOn,
    financial_year_end: p.financialYearEnd,
  };
}

export function toRules(row: GoverningRulesRow, form: LegalForm): GoverningRules {
  const d = defaultRules(form);
  return {
    gmNoticeClearDays: row.gm_notice_clear_days,
    gmQuorum: row.gm_quorum,
    boardQuorum: row.board_quorum,
    specialResolutionPct: row.special_resolution_bp / 100,
    writtenResolutionLapseDays: row.written_resolution_lapse_days,
    votingBasis: row.voting_basis as VotingBasis,
    chairCastingVote: row.chair_casting_vote === 1,
    proxiesAllowed: row.proxies_allowed === 1,
    proxyDeadlineHours: row.proxy_deadline_hours,
    // Null until the rule is first saved (migration 0007): the legal form's default.
    conflictedExcludedFromQuorum: row.conflicted_excluded_from_quorum === null ? d.conflictedExcludedFromQuorum.value : row.conflicted_excluded_from_quorum === 1,
    boardWrittenResolutions: row.board_written_resolutions === null ? d.boardWrittenResolutions.value : row.board_written_resolutions === 1,
    shortNoticePct: row.short_notice_pct ?? d.shortNoticePct.value,
  };
}

export function rulesColumns(r: GoverningRules) {
  return {
    gm_notice_clear_days: r.gmNoticeClearDays,
    gm_quorum: r.gmQuorum,
    board_quorum: r.boardQuorum,
    special_resolution_bp: Math.round(r.specialResolutionPct * 100),
    written_resolution_lapse_days: r.writtenResolutionLapseDays,
    voting_basis: r.votingBasis,
    chair_casting_vote: r.chairCastingVote ? 1 : 0,
    proxies_allowed: r.proxiesAllowed ? 1 : 0,
    proxy_deadline_hours: r.proxyDeadlineHours,
    conflicted_excluded_from_quorum: r.conflictedExcludedFromQuorum ? 1 : 0,
    board_written_resolutions: r.boardWrittenResolutions ? 1 : 0,
    short_notice_pct: r.shortNoticePct,
  };
}

/** The s33 clauses as recorded (migration 0017); null where not recorded, never a default. */
export function toClauses(row: GoverningRulesRow): GoverningClauses {
  return {
    objectsPublicServices: row.objects_public_services === null ? null : row.objects_public_services === 1,
    objectsClause: row.objects_clause,
    profitBasis: row.profit_basis as ProfitBasis | null,
    profitClause: row.profit_clause,
    employeeControlClause: row.employee_control_clause,
  };
}

export function clauseColumns(c: GoverningClauses) {
  return {
    objects_public_services: c.objectsPublicServices === null ? null : c.objectsPublicServices ? 1 : 0,
    objects_clause: c.objectsClause,
    profit_basis: c.profitBasis,
    profit_clause: c.profitClause,
    employee_control_clause: c.employeeControlClause,
  };
}

/** The clauses an input gives, over those recorded: a clause left out of the input stays as it is. */
export function mergeClauses(current: GoverningClauses, input: Partial<Record<ClauseKey, unknown>>): GoverningClauses {
  const next = {} as Record<ClauseKey, unknown>;
  for (const k of CLAUSE_KEYS) next[k] = input[k] !== undefined ? input[k] : current[k];
  return next as unknown as GoverningClauses;
}

/** Where the current organisation's id is kept (app_meta): a preference of the window, not a record. */
export const CURRENT_ORGANISATION_KEY = 'current_organisation';

/**
 * The current organisation: the one chosen with group.switch (kept in app_meta), or, until one is
 * chosen or if the chosen one is not in the file, the first set up. Every register operation works
 * on it alone (records are keyed by organisation; main/core/group).
 */
export async function currentOrganisation(db: ReadDb): Promise<OrganisationRow | undefined> {
  // One statement: the chosen id if it names an organisation here, else the first by id (ids are
  // UUIDv7, so primary-key order is creation order, read from the index without a sort).
  return db
    .selectFrom('organisation')
    .selectAll()
    .where(
      'id',
      '=',
      sql<string>`coalesce((select o.id from app_meta m join organisation o on o.id = m.value where m.key = ${CURRENT_ORGANISATION_KEY}), (select min(id) from organisation))`,
    )
    .executeTakeFirst();
}

export async function requireOrganisation(db: ReadDb): Promise<OrganisationRow> {
  const org = await currentOrganisation(db);
  if (!org) throw new AppError('NOT_FOUND', 'Set up the organisation first.');
  return org;
}

function assertNotFuture(today: string, date: string, path: string): void {
  if (date > today) {
    throw AppError.field(path, `The date of incorporation or registration cannot be after today (${formatLegalDate(today)}).`);
  }
}

/**
 * Moving the date of incorporation or registration later must not leave records before it: a
 * company exists from incorporation (CA 2006 s16(2)), a society from registration (CCBS Act 2014
 * s3(3)), so the earliest record names what to check.
 */
async function assertNoRecordBefore(db: ReadDb, organisationId: string, incorporatedOn: string, legalForm: LegalForm): Promise<void> {
  const earliest = await earliestRecord(db, organisationId);
  if (!earliest || earliest.date >= incorporatedOn) return;
  const why =
    LEGAL_FORM_INFO[legalForm].family === 'society'
      ? 'A society cannot have records from before it was registered (CCBS Act 2014 s3(3))'
      : 'A company cannot have records from before it was incorporated (CA 2006 s16(2))';
  throw AppError.field(
    'incorporatedOn',
    `The register has records dated before ${formatLegalDate(incorporatedOn)}: the earliest is ${earliest.what} on ${formatLegalDate(earliest.date)}. ${why}; check the date, or the records.`,
  );
}

export async function rulesView(db: ReadDb, org: OrganisationRow): Promise<RulesView> {
  const row = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
  const defaults = defaultRules(org.legal_form as LegalForm);
  return {
    values: { ...toRules(row, org.legal_form as LegalForm), ...toClauses(row) },
    sources: Object.fromEntries(RULE_KEYS.map((k) => [k, defaults[k].source])) as RulesView['sources'],
    defaults: Object.fromEntries(RULE_KEYS.map((k) => [k, defaults[k].value])) as unknown as GoverningRules,
    updatedAt: row.updated_at,
  };
}

export function describeValue(key: RuleKey | ClauseKey, v: unknown): string {
  if (v === null || v === undefined) return 'not recorded';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'profitBasis') return PROFIT_BASIS_SHORT[v as ProfitBasis] ?? String(v);
  if (typeof v === 'string' && (key === 'objectsClause' || key === 'profitClause' || key === 'employeeControlClause')) {
    const line = v.replace(/\s+/g, ' ');
    return `“${line.length > 60 ? `${line.slice(0, 59)}…` : line}”`;
  }
  if (key === 'votingBasis') return v === 'one_vote_per_share' ? 'one vote per share' : 'one member, one vote';
  if (key === 'specialResolutionPct') return `${String(v)}%`;
  return String(v);
}

/**
 * Records an organisation and its governing rules, with the 'organisation.set_up' event: the
 * first-run set-up and group.addOrganisation (another organisation in the same file) alike, so
 * rules.history and the reports' roll-back read both the same way.
 */
export async function createOrganisation(input: z.output<typeof setUpSchema>, tx: WriteContext): Promise<Organisation> {
  assertNotFuture(tx.today(), input.particulars.incorporatedOn, 'particulars.incorporatedOn');
  const row: OrganisationRow = {
    id: uuidv7(),
    ...particularsColumns(input.particulars),
    created_at: tx.who.at,
    updated_at: tx.who.at,
  };
  const clauses = mergeClauses(NO_CLAUSES, input.rules);
  const clauseProblem = Object.entries(clauseProblems(clauses)).find(([, m]) => m);
  if (clauseProblem) throw AppError.field(`rules.${clauseProblem[0]}`, clauseProblem[1]!);
  await tx.db.insertInto('organisation').values(row).execute();
  await tx.db
    .insertInto('governing_rules')
    .values({ organisation_id: row.id, ...rulesColumns(input.rules), ...clauseColumns(clauses), updated_at: tx.who.at })
    .execute();
  const organisation = toOrganisation(row);
  tx.audit({
    action: 'organisation.set_up',
    entityType: 'organisation',
    entityId: row.id,
    summary: `${LEGAL_FORM_INFO[input.particulars.legalForm].label}, ${LEGAL_FORM_INFO[input.particulars.legalForm].registrar} ${organisation.registrationNumber}`,
    before: null,
    after: { organisation, rules: input.rules },
    records: [
      { type: 'organisation', id: row.id },
      { type: 'governing_rules', id: row.id },
    ],
  });
  return organisation;
}

export const organisationHandlers = defineHandlers('organisation', {
  'organisation.get': query(async (_input, ctx) => {
    const row = await ctx.organisation();
    return row ? toOrganisation(row) : null;
  }),

  'organisation.setUp': mutation(async (input, tx) => {
    assertNotFuture(tx.today(), input.particulars.incorporatedOn, 'particulars.incorporatedOn');
    const existing = await currentOrganisation(tx.db);
    if (existing) {
      throw new AppError('CONFLICT', `This file already keeps the records of ${existing.name}. Change its details in Settings, or add another organisation in Settings › Group.`);
    }
    return createOrganisation(input, tx);
  }),

  'organisation.update': mutation(async (input, tx) => {
    assertNotFuture(tx.today(), input.incorporatedOn, 'incorporatedOn');
    const before = await requireOrganisation(tx.db);
    if (input.incorporatedOn > before.incorporated_on) await assertNoRecordBefore(tx.db, before.id, input.incorporatedOn, input.legalForm);
    const rules = toRules(await tx.db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', before.id).executeTakeFirstOrThrow(), before.legal_form as LegalForm);
    if (input.legalForm !== before.legal_form) {
      const problems = lawfulRuleProblems(input.legalForm, rules);
      const first = RULE_KEYS.map((k) => problems[k]).find(Boolean);
      if (first) {
        throw AppError.field('legalForm', `The governing rules do not fit that legal form yet: ${first} Change the rules first.`);
      }
      // The register must fit the new form too, or what it holds would vanish from every screen.
      const registerProblem = await legalFormChangeProblem(tx.db, before, input.legalForm);
      if (registerProblem) throw AppError.field('legalForm', registerProblem);
    }
    const columns = particularsColumns(input);
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== before[k]);
    if (changed.length === 0) return toOrganisation(before);
    await tx.db.updateTable('organisation').set({ ...columns, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    const after = { ...before, ...columns, updated_at: tx.who.at };
    tx.audit({
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: before.id,
      summary: `Changed: ${changed.map((c) => c.replace(/^office_/, 'registered office ').replaceAll('_', ' ')).join(', ')}`,
      before: toOrganisation(before),
      after: toOrganisation(after),
    });
    return toOrganisation(after);
  }),

  'organisation.minutesTarget': query(async (_input, ctx) => toMinutesTargetView(await currentMinutesTarget(ctx.db, (await ctx.register()).org.id))),

  'organisation.setMinutesTarget': mutation(async (input, tx) => setMinutesTarget(tx, (await tx.register()).org, input.days)),
});
