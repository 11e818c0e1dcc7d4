import { ukDateOf } from '../../../../shared/rules/legal-date';
import { RULE_KEYS, type GoverningRules } from '../../../../shared/rules/governing-rules';
import { CLAUSE_KEYS, type GoverningClauses } from '../../../../shared/rules/governing-clauses';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import type { ReadDb } from '../../context';
import type { OrganisationRow } from '../../db/schema';
import { toClauses, toRules } from '../../organisation/handlers';

/**
 * The legal form, the governing rules and the clauses quoted for s33 as they stood at the end of a day (Procurement Act 2023
 * s33(6)(a)-(c) are judged on the organisation as it was then). The tables hold only today's;
 * every change since was an audit event carrying the value before it (organisation.updated,
 * rules.updated), so the state on the day is today's with each later change undone, the earliest
 * first. A change's day is its UK calendar day: the rules record when they were changed in the
 * app, not the date the members resolved the change, which the secretary states in the pack.
 */
export interface OrganisationOnDate {
  legalForm: LegalForm;
  rules: GoverningRules;
  /** The s33 clauses of the governing document as recorded on the day (null: not yet recorded then). */
  clauses: GoverningClauses;
  /** Changes made after the day that were undone to get there, in words ("Legal form changed on 3 May 2027"). */
  laterChanges: { on: string; what: string }[];
}

export async function organisationOnDate(db: ReadDb, org: OrganisationRow, on: string): Promise<OrganisationOnDate> {
  const rulesRow = await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
  let legalForm = org.legal_form as LegalForm;
  const rules: GoverningRules = { ...toRules(rulesRow, legalForm) };
  const clauses: GoverningClauses = toClauses(rulesRow);
  // Instants are UTC; the UK day ends at most an hour after UTC's, so look from the day's UTC start and judge each by its UK day.
  const events = await db
    .selectFrom('audit_event as e')
    .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.at', 'e.action', 'p.body'])
    // entity_type first, so the audit log's entity index (entity_type, entity_id, seq) finds them.
    .where('e.entity_type', 'in', ['organisation', 'governing_rules'])
    .where('e.entity_id', '=', org.id)
    .where('e.action', 'in', ['organisation.updated', 'rules.updated'])
    .where('e.at', '>=', `${on}T00:00:00`)
    .orderBy('e.seq', 'desc')
    .execute();
  const laterChanges: OrganisationOnDate['laterChanges'] = [];
  // Latest first, so the last "before" applied to each field is the earliest change's: the value on the day.
  for (const e of events) {
    const day = ukDateOf(new Date(e.at));
    if (day <= on || e.body === null) continue;
    const { before } = JSON.parse(e.body) as { before: Record<string, unknown> | null };
    if (!before) continue;
    if (e.action === 'organisation.updated') {
      if (typeof before['legalForm'] === 'string' && before['legalForm'] !== legalForm) {
        legalForm = before['legalForm'] as LegalForm;
        laterChanges.push({ on: day, what: 'legal form' });
      }
    } else {
      const keys = RULE_KEYS.filter((k) => k in before);
      for (const k of keys) (rules as unknown as Record<string, unknown>)[k] = before[k];
      // A clause recorded after the day was not recorded on it: its "before" is null.
      const clauseKeys = CLAUSE_KEYS.filter((k) => k in before);
      for (const k of clauseKeys) (clauses as unknown as Record<string, unknown>)[k] = before[k] ?? null;
      if (keys.length) laterChanges.push({ on: day, what: 'governing rules' });
      if (clauseKeys.length) laterChanges.push({ on: day, what: 'clauses of the governing document quoted for s33' });
    }
  }
  laterChanges.reverse();
  return { legalForm, rules, clauses, laterChanges };
}
