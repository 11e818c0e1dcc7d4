import type { ContractStatus, ProcurementRoute } from '../../../shared/contract/contracts';
import type { ReadDb } from '../context';
import type { ContractRow } from './tables';
import { currentEndOn, deriveStatus, maximumEndOn, type TermsContract } from './terms';

/**
 * The terms of many contracts read at once (their options, clauses, reviews, KPIs and
 * variations), as the rules of contract terms read them.
 */
export async function termsOf(db: ReadDb, rows: readonly ContractRow[]): Promise<Map<string, TermsContract>> {
  const out = new Map<string, TermsContract>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ids = chunk.map((r) => r.id);
    const [extensions, breaks, reviews, kpis, variations] = await Promise.all([
      db.selectFrom('contract_extension').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('position').execute(),
      db.selectFrom('contract_break').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
      db.selectFrom('contract_price_review').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('review_on').execute(),
      db.selectFrom('contract_kpi').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
      db.selectFrom('contract_variation').select(['contract_id', 'made_on', 'new_end_on', 'value_change_pence', 'id']).where('contract_id', 'in', ids).orderBy('contract_id').orderBy('made_on').orderBy('id').execute(),
    ]);
    for (const r of chunk) {
      out.set(r.id, {
        route: r.route as ProcurementRoute,
        awardedOn: r.award_on,
        startOn: r.start_on,
        endOn: r.end_on,
        terminatedOn: r.terminated_on,
        extensions: [],
        breaks: [],
        priceReviews: [],
        kpis: [],
        variations: [],
      });
    }
    const push = <T>(id: string, key: keyof Pick<TermsContract, 'extensions' | 'breaks' | 'priceReviews' | 'kpis' | 'variations'>, v: T) =>
      (out.get(id)![key] as T[]).push(v);
    for (const e of extensions) {
      push(e.contract_id, 'extensions', { id: e.id, position: e.position, lengthMonths: e.length_months, decisionBy: e.decision_by, noticeBy: e.notice_by, exercisedOn: e.exercised_on, declinedOn: e.declined_on });
    }
    for (const b of breaks) push(b.contract_id, 'breaks', { id: b.id, earliestOn: b.earliest_on, noticeDays: b.notice_days, description: b.description });
    for (const p of reviews) push(p.contract_id, 'priceReviews', { id: p.id, reviewOn: p.review_on, note: p.note });
    for (const k of kpis) push(k.contract_id, 'kpis', { id: k.id, name: k.name, frequency: k.frequency, firstDueOn: k.first_due_on });
    for (const v of variations) push(v.contract_id, 'variations', { id: v.id, madeOn: v.made_on, valueChangePence: v.value_change_pence, newEndOn: v.new_end_on });
  }
  return out;
}

export interface StatusOf {
  status: ContractStatus;
  currentEndOn: string | null;
  maximumEndOn: string | null;
}

export function statusFrom(t: TermsContract, today: string): StatusOf {
  return { status: deriveStatus(t, today), currentEndOn: currentEndOn(t), maximumEndOn: maximumEndOn(t) };
}

export async function contractStatusOf(db: ReadDb, row: ContractRow, today: string): Promise<StatusOf> {
  return statusFrom((await termsOf(db, [row])).get(row.id)!, today);
}
