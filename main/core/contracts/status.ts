import type { ContractStatus, ProcurementRoute } from '../../../shared/contract/contracts';
import type { ReadDb } from '../context';
import type { ContractBreakRow, ContractExtensionRow, ContractKpiRow, ContractPriceReviewRow, ContractRow, ContractVariationRow } from './tables';
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
    const byContract = <T extends { contract_id: string }>(list: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of list) {
        let l = m.get(x.contract_id);
        if (!l) m.set(x.contract_id, (l = []));
        l.push(x);
      }
      return (id: string) => m.get(id) ?? [];
    };
    const [e, b, p, k, v] = [byContract(extensions), byContract(breaks), byContract(reviews), byContract(kpis), byContract(variations)];
    for (const r of chunk) out.set(r.id, termsFromRows(r, { extensions: e(r.id), breaks: b(r.id), reviews: p(r.id), kpis: k(r.id), variations: v(r.id) }));
  }
  return out;
}

/** The stored parts of one contract, each in the order its reader wants them. */
export interface TermRows {
  extensions: readonly Pick<ContractExtensionRow, 'id' | 'position' | 'length_months' | 'decision_by' | 'notice_by' | 'exercised_on' | 'declined_on'>[];
  breaks: readonly Pick<ContractBreakRow, 'id' | 'earliest_on' | 'notice_days' | 'description'>[];
  reviews: readonly Pick<ContractPriceReviewRow, 'id' | 'review_on' | 'note'>[];
  kpis: readonly Pick<ContractKpiRow, 'id' | 'name' | 'frequency' | 'first_due_on'>[];
  variations: readonly Pick<ContractVariationRow, 'id' | 'made_on' | 'value_change_pence' | 'new_end_on'>[];
}

/** One contract's terms from its row and its parts' rows (extensions by position, variations by date), as the rules read them. */
export function termsFromRows(r: ContractRow, parts: TermRows): TermsContract {
  return {
    route: r.route as ProcurementRoute,
    awardedOn: r.award_on,
    startOn: r.start_on,
    endOn: r.end_on,
    terminatedOn: r.terminated_on,
    extensions: parts.extensions.map((e) => ({ id: e.id, position: e.position, lengthMonths: e.length_months, decisionBy: e.decision_by, noticeBy: e.notice_by, exercisedOn: e.exercised_on, declinedOn: e.declined_on })),
    breaks: parts.breaks.map((b) => ({ id: b.id, earliestOn: b.earliest_on, noticeDays: b.notice_days, description: b.description })),
    priceReviews: parts.reviews.map((p) => ({ id: p.id, reviewOn: p.review_on, note: p.note })),
    kpis: parts.kpis.map((k) => ({ id: k.id, name: k.name, frequency: k.frequency, firstDueOn: k.first_due_on })),
    variations: parts.variations.map((v) => ({ id: v.id, madeOn: v.made_on, valueChangePence: v.value_change_pence, newEndOn: v.new_end_on })),
  };
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
