import type { organisationMethods, Organisation, Particulars, RulesView, RuleChange } from '../../../shared/contract/organisation';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import {
  RULE_KEYS,
  RULE_LABEL,
  defaultRules,
  lawfulRuleProblems,
  type GoverningRules,
  type RuleKey,
  type VotingBasis,
} from '../../../shared/rules/governing-rules';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { checkRegistrationNumber } from '../../../shared/rules/registration-number';
import { appendAudit } from '../audit/log';
import { transact, type Handlers, type ServiceContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { DB, GoverningRulesRow, OrganisationRow } from '../db/schema';
import { AppError } from '../errors';
import type { Kysely } from 'kysely';

type Methods = keyof typeof organisationMethods;

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

function toRules(row: GoverningRulesRow): GoverningRules {
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
  };
}

function rulesColumns(r: GoverningRules) {
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
  };
}

/** The one organisation this file keeps (group structures will add more). */
export async function currentOrganisation(db: Kysely<DB>): Promise<OrganisationRow | undefined> {
  // Ids are UUIDv7, so primary-key order is creation order, read from the index without a sort.
  return db.selectFrom('organisation').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

export async function requireOrganisation(db: Kysely<DB>): Promise<OrganisationRow> {
  const org = await currentOrganisation(db);
  if (!org) throw new AppError('NOT_FOUND', 'Set up the organisation first.');
  return org;
}

function assertNotFuture(ctx: ServiceContext, date: string, path: string): void {
  const today = ukDateOf(ctx.now());
  if (date > today) {
    throw AppError.field(path, `The date of incorporation or registration cannot be after today (${formatLegalDate(today)}).`);
  }
}

async function rulesView(db: Kysely<DB>, org: OrganisationRow): Promise<RulesView> {
  const row = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
  const defaults = defaultRules(org.legal_form as LegalForm);
  return {
    values: toRules(row),
    sources: Object.fromEntries(RULE_KEYS.map((k) => [k, defaults[k].source])) as RulesView['sources'],
    defaults: Object.fromEntries(RULE_KEYS.map((k) => [k, defaults[k].value])) as unknown as GoverningRules,
    updatedAt: row.updated_at,
  };
}

function describeValue(key: RuleKey, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'votingBasis') return v === 'one_vote_per_share' ? 'one vote per share' : 'one member, one vote';
  if (key === 'specialResolutionPct') return `${String(v)}%`;
  return String(v);
}

export const organisationHandlers: Handlers<Methods> = {
  'organisation.get': async (_input, ctx) => {
    const row = await currentOrganisation(ctx.db);
    return row ? toOrganisation(row) : null;
  },

  'organisation.setUp': async (input, ctx) => {
    assertNotFuture(ctx, input.particulars.incorporatedOn, 'particulars.incorporatedOn');
    return transact(ctx, async (trx) => {
      const existing = await currentOrganisation(trx);
      if (existing) {
        throw new AppError('CONFLICT', `This file already keeps the records of ${existing.name}. Change its details in Settings.`);
      }
      const who = ctx.who();
      const row: OrganisationRow = {
        id: uuidv7(),
        ...particularsColumns(input.particulars),
        created_at: who.at,
        updated_at: who.at,
      };
      await trx.insertInto('organisation').values(row).execute();
      await trx
        .insertInto('governing_rules')
        .values({ organisation_id: row.id, ...rulesColumns(input.rules), updated_at: who.at })
        .execute();
      const organisation = toOrganisation(row);
      await appendAudit(trx, who, [
        {
          action: 'organisation.set_up',
          entityType: 'organisation',
          entityId: row.id,
          summary: `${LEGAL_FORM_INFO[input.particulars.legalForm].label}, ${LEGAL_FORM_INFO[input.particulars.legalForm].registrar} ${organisation.registrationNumber}`,
          before: null,
          after: { organisation, rules: input.rules },
        },
      ]);
      return organisation;
    });
  },

  'organisation.update': async (input, ctx) => {
    assertNotFuture(ctx, input.incorporatedOn, 'incorporatedOn');
    return transact(ctx, async (trx) => {
      const before = await requireOrganisation(trx);
      const rules = toRules(
        await trx.selectFrom('governing_rules').selectAll().where('organisation_id', '=', before.id).executeTakeFirstOrThrow(),
      );
      if (input.legalForm !== before.legal_form) {
        const problems = lawfulRuleProblems(input.legalForm, rules);
        const first = RULE_KEYS.map((k) => problems[k]).find(Boolean);
        if (first) {
          throw AppError.field('legalForm', `The governing rules do not fit that legal form yet: ${first} Change the rules first.`);
        }
      }
      const who = ctx.who();
      const columns = particularsColumns(input);
      const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== before[k]);
      if (changed.length === 0) return toOrganisation(before);
      await trx.updateTable('organisation').set({ ...columns, updated_at: who.at }).where('id', '=', before.id).execute();
      const after = { ...before, ...columns, updated_at: who.at };
      await appendAudit(trx, who, [
        {
          action: 'organisation.updated',
          entityType: 'organisation',
          entityId: before.id,
          summary: `Changed: ${changed.map((c) => c.replace(/^office_/, 'registered office ').replaceAll('_', ' ')).join(', ')}`,
          before: toOrganisation(before),
          after: toOrganisation(after),
        },
      ]);
      return toOrganisation(after);
    });
  },

  'rules.get': async (_input, ctx) => rulesView(ctx.db, await requireOrganisation(ctx.db)),

  'rules.update': async (input, ctx) => {
    return transact(ctx, async (trx) => {
      const org = await requireOrganisation(trx);
      const problems = lawfulRuleProblems(org.legal_form as LegalForm, input);
      const fieldErrors = Object.fromEntries(Object.entries(problems).filter(([, m]) => m)) as Record<string, string>;
      if (Object.keys(fieldErrors).length > 0) {
        throw new AppError('VALIDATION', Object.values(fieldErrors)[0]!, fieldErrors);
      }
      const current = await rulesView(trx, org);
      const changed = RULE_KEYS.filter((k) => current.values[k] !== input[k]);
      if (changed.length === 0) return current;
      const who = ctx.who();
      await trx
        .updateTable('governing_rules')
        .set({ ...rulesColumns(input), updated_at: who.at })
        .where('organisation_id', '=', org.id)
        .execute();
      const before = Object.fromEntries(changed.map((k) => [k, current.values[k]]));
      const after = Object.fromEntries(changed.map((k) => [k, input[k]]));
      await appendAudit(trx, who, [
        {
          action: 'rules.updated',
          entityType: 'governing_rules',
          entityId: org.id,
          summary: changed
            .map((k) => `${RULE_LABEL[k]} ${describeValue(k, current.values[k])} → ${describeValue(k, input[k])}`)
            .join('; '),
          before,
          after,
        },
      ]);
      return rulesView(trx, org);
    });
  },

  'rules.history': async (_input, ctx) => {
    const org = await requireOrganisation(ctx.db);
    const events = await ctx.db
      .selectFrom('audit_event as e')
      .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
      .select(['e.seq', 'e.at', 'e.actor', 'e.action', 'p.body'])
      .where('e.entity_id', '=', org.id)
      .where('e.action', 'in', ['organisation.set_up', 'rules.updated'])
      .orderBy('e.seq', 'desc')
      .execute();
    const changes: RuleChange[] = [];
    for (const e of events) {
      if (e.body === null) continue;
      const { before, after } = JSON.parse(e.body) as { before: Record<string, unknown> | null; after: Record<string, unknown> };
      const afterRules = (e.action === 'organisation.set_up' ? after['rules'] : after) as Record<string, unknown>;
      for (const rule of RULE_KEYS) {
        if (!(rule in afterRules)) continue;
        changes.push({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          rule,
          from: e.action === 'organisation.set_up' ? null : ((before?.[rule] ?? null) as RuleChange['from']),
          to: afterRules[rule] as RuleChange['to'],
        });
      }
    }
    return changes;
  },
};
