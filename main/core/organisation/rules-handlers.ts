import type { RuleChange } from '../../../shared/contract/organisation';
import { RULE_KEYS, RULE_LABEL, lawfulRuleProblems, type GoverningRules } from '../../../shared/rules/governing-rules';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { describeValue, requireOrganisation, rulesColumns, rulesView } from './handlers';

/** The governing document's rules the app computes with; every change is an audit event. */
export const rulesHandlers = defineHandlers('rules', {
  'rules.get': query(async (_input, ctx) => rulesView(ctx.db, await requireOrganisation(ctx.db))),

  'rules.update': mutation(async (input, tx) => {
    const org = await requireOrganisation(tx.db);
    const problems = lawfulRuleProblems(org.legal_form as LegalForm, input);
    const fieldErrors = Object.fromEntries(Object.entries(problems).filter(([, m]) => m)) as Record<string, string>;
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError('VALIDATION', Object.values(fieldErrors)[0]!, fieldErrors);
    }
    const current = await rulesView(tx.db, org);
    const changed = RULE_KEYS.filter((k) => current.values[k] !== input[k]);
    if (changed.length === 0) return current;
    await tx.db
      .updateTable('governing_rules')
      .set({ ...rulesColumns(input as GoverningRules), updated_at: tx.who.at })
      .where('organisation_id', '=', org.id)
      .execute();
    tx.audit({
      action: 'rules.updated',
      entityType: 'governing_rules',
      entityId: org.id,
      summary: changed.map((k) => `${RULE_LABEL[k]} ${describeValue(k, current.values[k])} → ${describeValue(k, input[k])}`).join('; '),
      before: Object.fromEntries(changed.map((k) => [k, current.values[k]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k]])),
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
  }),
});
