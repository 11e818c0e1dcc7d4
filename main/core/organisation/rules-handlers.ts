import type { RuleChange } from '../../../shared/contract/organisation';
import { RULE_KEYS, RULE_LABEL, lawfulRuleProblems, type GoverningRules } from '../../../shared/rules/governing-rules';
import { CLAUSE_KEYS, CLAUSE_LABEL, clauseProblems, type GoverningClauses } from '../../../shared/rules/governing-clauses';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { clauseColumns, describeValue, mergeClauses, requireOrganisation, rulesColumns, rulesView } from './handlers';

/** The governing document's rules the app computes with; every change is an audit event. */
export const rulesHandlers = defineHandlers('rules', {
  'rules.get': query(async (_input, ctx) => rulesView(ctx.db, await requireOrganisation(ctx.db))),

  'rules.update': mutation(async (input, tx) => {
    const org = await requireOrganisation(tx.db);
    const current = await rulesView(tx.db, org);
    // A clause left out of the input stays as recorded; the pair (answer and words) is checked as it will be stored.
    const clauses = mergeClauses(current.values as GoverningClauses, input);
    const problems = { ...lawfulRuleProblems(org.legal_form as LegalForm, input), ...clauseProblems(clauses) };
    const fieldErrors = Object.fromEntries(Object.entries(problems).filter(([, m]) => m)) as Record<string, string>;
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError('VALIDATION', Object.values(fieldErrors)[0]!, fieldErrors);
    }
    const next: Record<string, unknown> = { ...input, ...clauses };
    const was = current.values as Record<string, unknown>;
    const changed = [...RULE_KEYS, ...CLAUSE_KEYS].filter((k) => (was[k] ?? null) !== next[k]);
    if (changed.length === 0) return current;
    await tx.db
      .updateTable('governing_rules')
      .set({ ...rulesColumns(input as GoverningRules), ...clauseColumns(clauses), updated_at: tx.who.at })
      .where('organisation_id', '=', org.id)
      .execute();
    const label = (k: (typeof changed)[number]) => (k in RULE_LABEL ? RULE_LABEL[k as keyof typeof RULE_LABEL] : CLAUSE_LABEL[k as keyof typeof CLAUSE_LABEL]);
    tx.audit({
      action: 'rules.updated',
      entityType: 'governing_rules',
      entityId: org.id,
      summary: changed.map((k) => `${label(k)} ${describeValue(k, was[k])} → ${describeValue(k, next[k])}`).join('; '),
      // Null for a clause not recorded, so the rules as at a date roll back to "not recorded".
      before: Object.fromEntries(changed.map((k) => [k, was[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return rulesView(tx.db, org);
  }),

  'rules.history': query(async (_input, ctx) => {
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
      for (const rule of [...RULE_KEYS, ...CLAUSE_KEYS]) {
        if (!(rule in afterRules)) continue;
        changes.push({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          rule,
          setUp: e.action === 'organisation.set_up',
          from: e.action === 'organisation.set_up' ? null : ((before?.[rule] ?? null) as RuleChange['from']),
          to: afterRules[rule] as RuleChange['to'],
        });
      }
    }
    return changes;
  }),
});
