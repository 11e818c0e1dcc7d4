import { CompiledQuery, sql } from 'kysely';
import type { ContractDetail, ContractStatus, ContractSummary, Duty, ProcurementRoute } from '../../../shared/contract/contracts';
import { lookupCpv } from '../../../shared/rules/procurement/cpv';
import type { ReadDb, RegisterCtx } from '../context';
import { nameKey } from '../counterparties/names';
import { compiledOnce } from '../db/compiled';
import { AppError } from '../errors';
import { statusFrom, termsFromRows, termsOf } from './status';
import type { ContractBreakRow, ContractDecisionPurpose, ContractDocumentKind, ContractExtensionRow, ContractKpiRow, ContractPriceReviewRow, ContractRow, ContractVariationRow } from './tables';
import { maximumTermWords, type TermsContract } from './terms';

/** How the contracts area shows a contract: its summary in lists, and its page. */

type DutyRow = { contract_id: string; key: string; kind: Duty['kind']; due_on: string; title: string; done_on: string | null; recorded_by: string | null; recorded_at: string | null; note: string | null };

export function toDuty(r: DutyRow, today: string): Duty {
  return {
    contractId: r.contract_id,
    key: r.key,
    kind: r.kind,
    dueOn: r.due_on,
    title: r.title,
    done: r.done_on !== null ? { doneOn: r.done_on, recordedBy: r.recorded_by!, recordedAt: r.recorded_at!, note: r.note } : null,
    // The end of a contract is a date, not a task: it passes without anyone doing anything, so it is never overdue.
    overdue: r.done_on === null && r.due_on < today && r.key !== 'end',
  };
}

async function summaries(db: ReadDb, rc: RegisterCtx, rows: readonly ContractRow[]): Promise<ContractSummary[]> {
  if (rows.length === 0) return [];
  const terms = await termsOf(db, rows);
  const names = new Map<string, string>();
  const next = new Map<string, { key: string; dueOn: string; title: string }>();
  const overdue = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const cps = await db.selectFrom('counterparty').select(['id', 'name']).where('id', 'in', [...new Set(rows.slice(i, i + 500).map((r) => r.counterparty_id))]).execute();
    for (const c of cps) names.set(c.id, c.name);
    // Per contract, counted and picked inside SQLite from its own few duties (the primary key's
    // range) by their done flag (migration 0018): the duties are never all read into memory.
    const agg = await sql<{ id: string; overdue: number; next: string | null }>`
      select c.id,
        (select count(*) from contract_duty d where d.contract_id = c.id and d.due_on < ${rc.today} and d.done = 0 and d.key <> 'end') as overdue,
        (select d.key || char(31) || d.due_on || char(31) || d.title from contract_duty d where d.contract_id = c.id and d.due_on >= ${rc.today} and d.done = 0
           order by d.due_on, d.key limit 1) as next
      from contract c where c.id in (${sql.join(ids)})`.execute(db);
    for (const a of agg.rows) {
      if (Number(a.overdue) > 0) overdue.set(a.id, Number(a.overdue));
      if (a.next !== null) {
        const [key, dueOn, title] = a.next.split('\u001f') as [string, string, string];
        next.set(a.id, { key, dueOn, title });
      }
    }
  }
  return rows.map((r) => summaryOf(r, terms.get(r.id)!, names.get(r.counterparty_id) ?? '', next.get(r.id) ?? null, overdue.get(r.id) ?? 0, rc.today));
}

function summaryOf(r: ContractRow, terms: TermsContract, counterpartyName: string, nextDuty: ContractSummary['nextDuty'], overdueCount: number, today: string): ContractSummary {
  const s = statusFrom(terms, today);
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    counterpartyId: r.counterparty_id,
    counterpartyName,
    route: r.route as ProcurementRoute,
    status: s.status,
    awardOn: r.award_on,
    startOn: r.start_on,
    currentEndOn: s.currentEndOn,
    maximumEndOn: s.maximumEndOn,
    annualValuePence: r.annual_value_pence,
    wholeLifeValuePence: r.whole_life_value_pence,
    nextDuty,
    overdueCount,
  };
}

export async function listContracts(db: ReadDb, rc: RegisterCtx, filter: { status?: ContractStatus | undefined; counterpartyId?: string | undefined; search?: string | undefined }): Promise<ContractSummary[]> {
  let q = db.selectFrom('contract').selectAll().where('organisation_id', '=', rc.org.id);
  if (filter.counterpartyId) q = q.where('counterparty_id', '=', filter.counterpartyId);
  let rows = await q.orderBy('reference_key').orderBy('id').execute();
  const words = filter.search ? nameKey(filter.search) : '';
  if (words) {
    const matching = new Set(
      (await db.selectFrom('counterparty').select(['id', 'name_key']).where('organisation_id', '=', rc.org.id).execute()).filter((c) => c.name_key.includes(words)).map((c) => c.id),
    );
    rows = rows.filter((r) => r.reference_key.includes(words) || nameKey(r.title).includes(words) || matching.has(r.counterparty_id));
  }
  const list = await summaries(db, rc, rows);
  return filter.status ? list.filter((c) => c.status === filter.status) : list;
}

/**
 * Directors holding office today with a current declaration of interest naming the commissioner
 * (linked to it on the list, or recorded with the same name, case and spacing ignored).
 */
async function conflictedOn(db: ReadDb, rc: RegisterCtx, counterpartyId: string, counterpartyKey: string): Promise<ContractDetail['conflicted']> {
  const rows = await page.interests.all(db, rc.org.id, rc.today);
  return rows
    .filter((r) => r.counterparty_id === counterpartyId || (r.related_organisation !== null && nameKey(r.related_organisation) === counterpartyKey))
    .map((r) => ({ officerId: r.officer_id, name: `${r.given_names} ${r.family_name}`, interestId: r.id, nature: r.nature, declaredOn: r.declared_on }));
}

/**
 * The contract page's reads of a fixed shape, built and compiled once (db/compiled.ts): the
 * contract with its commissioner and the directors' interests (its parts are PARTS_SQL).
 */
const page = {
  contract: compiledOnce((db: ReadDb, id: string, organisationId: string) =>
    db
      .selectFrom('contract as c')
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .selectAll('c')
      .select(['p.name as counterparty_name', 'p.name_key as counterparty_key'])
      .where('c.id', '=', id)
      .where('c.organisation_id', '=', organisationId),
  ),
  /**
   * Directors holding office today with a current declaration of interest (conflictedOn keeps
   * those naming the commissioner, linked to it on the list or recorded with the same name, case
   * and spacing ignored).
   */
  interests: compiledOnce((db: ReadDb, organisationId: string, today: string) =>
    db
      .selectFrom('interest as i')
      .innerJoin('officer as o', 'o.id', 'i.officer_id')
      .select(['i.id', 'i.officer_id', 'i.nature', 'i.declared_on', 'i.counterparty_id', 'i.related_organisation', 'o.given_names', 'o.family_name'])
      .where('i.organisation_id', '=', organisationId)
      .where('i.ended_on', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('appointment as a')
            .select('a.id')
            .whereRef('a.officer_id', '=', 'i.officer_id')
            .where('a.role', '=', 'director')
            .where('a.appointed_on', '<=', today)
            .where((e) => e.or([e('a.ceased_on', 'is', null), e('a.ceased_on', '>', today)])),
        ),
      )
      .orderBy('o.family_name')
      .orderBy('o.given_names')
      .orderBy('i.declared_on'),
  ),
};

/** A part of the page as a JSON array of objects with the named columns, in the given order. */
const jsonPart = (columns: string[], from: string, order: string) =>
  `(select coalesce(json_group_array(json_object(${columns.map((c) => `'${c.split(' as ').at(-1)!.split('.').at(-1)}', ${c.split(' as ')[0]}`).join(', ')}) order by ${order}), '[]') ${from})`;

/** The contract's parts, documents, decisions, agenda items and duties, each a JSON array: one statement with the contract's id ten times. */
export const PARTS_SQL = `select
  ${jsonPart(['id', 'position', 'length_months', 'decision_by', 'notice_by', 'exercised_on', 'declined_on'], 'from contract_extension where contract_id = ?', 'position')} as extensions,
  ${jsonPart(['id', 'earliest_on', 'notice_days', 'description'], 'from contract_break where contract_id = ?', 'earliest_on, id')} as breaks,
  ${jsonPart(['id', 'review_on', 'note'], 'from contract_price_review where contract_id = ?', 'review_on, id')} as reviews,
  ${jsonPart(['id', 'name', 'target', 'frequency', 'first_due_on'], 'from contract_kpi where contract_id = ?', 'id')} as kpis,
  ${jsonPart(['id', 'made_on', 'description', 'value_change_pence', 'new_end_on'], 'from contract_variation where contract_id = ?', 'made_on, id')} as variations,
  ${jsonPart(['cpv_code'], 'from contract_service where contract_id = ?', 'cpv_code')} as services,
  ${jsonPart(['cd.id', 'cd.title', 'cd.file_name', 'cd.kind', 'cd.media_type', 'cd.created_at', 'd.size', 'd.sha256'], 'from contract_document cd join document d on d.id = cd.document_id where cd.contract_id = ?', 'cd.created_at, cd.id')} as documents,
  ${jsonPart(['cd.decision_id', 'cd.purpose', 'd.text', 'd.decided_on', 'd.outcome', 'd.meeting_id', 'm.title as meeting_title'], 'from contract_decision cd join decision d on d.id = cd.decision_id left join meeting m on m.id = d.meeting_id where cd.contract_id = ?', 'd.decided_on, cd.decision_id')} as decisions,
  ${jsonPart(['i.id', 'i.title', 'm.id as meeting_id', 'm.title as meeting_title', 'm.held_on'], 'from agenda_item i join meeting m on m.id = i.meeting_id where i.contract_id = ?', 'm.held_on, i.id')} as agendaItems,
  ${jsonPart(['d.contract_id', 'd.key', 'd.kind', 'd.due_on', 'd.title', 'x.done_on', 'x.recorded_by', 'x.recorded_at', 'x.note'], 'from contract_duty d left join contract_duty_done x on x.contract_id = d.contract_id and x.key = d.key where d.contract_id = ?', 'd.due_on, d.key')} as duties`;

/** The page's parts as PARTS_SQL gives them. */
interface PageParts {
  extensions: Pick<ContractExtensionRow, 'id' | 'position' | 'length_months' | 'decision_by' | 'notice_by' | 'exercised_on' | 'declined_on'>[];
  breaks: Pick<ContractBreakRow, 'id' | 'earliest_on' | 'notice_days' | 'description'>[];
  reviews: Pick<ContractPriceReviewRow, 'id' | 'review_on' | 'note'>[];
  kpis: Pick<ContractKpiRow, 'id' | 'name' | 'target' | 'frequency' | 'first_due_on'>[];
  variations: Pick<ContractVariationRow, 'id' | 'made_on' | 'description' | 'value_change_pence' | 'new_end_on'>[];
  services: { cpv_code: string }[];
  documents: { id: string; title: string; file_name: string; kind: ContractDocumentKind; media_type: string; created_at: string; size: number; sha256: string }[];
  decisions: { decision_id: string; purpose: ContractDecisionPurpose; text: string; decided_on: string; outcome: string; meeting_id: string | null; meeting_title: string | null }[];
  agendaItems: { id: string; title: string; meeting_id: string; meeting_title: string; held_on: string }[];
  duties: DutyRow[];
}

/**
 * A contract's page in three reads (the contract, its parts as JSON arrays, the directors'
 * interests): its parts are read once, for the page and for
 * the terms its status and ends are derived from, and its next and overdue duties are picked
 * from its own duties (the same rules as the list's summary: open, before today, never the end).
 */
export async function contractDetail(db: ReadDb, rc: RegisterCtx, id: string): Promise<ContractDetail> {
  const found = await page.contract.first(db, id, rc.org.id);
  if (!found) throw new AppError('NOT_FOUND', 'That contract is not on record.');
  const { counterparty_name, counterparty_key, ...row } = found;
  // The parts in one statement (each as a JSON array in its order), not ten: through Kysely's
  // driver each read costs several awaits on the connection's lock, as much again as SQLite's own
  // time for a page's handful of rows. The directors' interests follow (read in turn, not with
  // Promise.all, which would queue them on that lock).
  const parts = (await db.executeQuery<Record<keyof PageParts, string>>(CompiledQuery.raw(PARTS_SQL, [id, id, id, id, id, id, id, id, id, id]))).rows[0]!;
  const { extensions, breaks, reviews, kpis, variations, services, documents, decisions, agendaItems, duties: dutyRows } = Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, JSON.parse(v)]),
  ) as PageParts;
  const conflicted = await conflictedOn(db, rc, row.counterparty_id, counterparty_key);
  const terms = termsFromRows(row, { extensions, breaks, reviews, kpis, variations });
  const duties = dutyRows.map((d) => toDuty(d, rc.today));
  // Duties come in date order (then key), as the list's summary picks the next one.
  const next = duties.find((d) => d.done === null && d.dueOn >= rc.today);
  const summary = summaryOf(row, terms, counterparty_name, next ? { key: next.key, dueOn: next.dueOn, title: next.title } : null, duties.filter((d) => d.overdue).length, rc.today);
  return {
    ...summary,
    description: row.description,
    bidDueOn: row.bid_due_on,
    endOn: row.end_on,
    terminatedOn: row.terminated_on,
    terminationReason: row.termination_reason,
    managerOfficerId: row.manager_officer_id,
    managerName: row.manager_name,
    notes: row.notes,
    maximumTerm: maximumTermWords(terms),
    services: services.map((s) => {
      const e = lookupCpv(s.cpv_code);
      return { code: s.cpv_code, description: e?.description ?? 'A service outside the light touch lists (the app does not hold its description)', lightTouch: e?.lightTouch ?? false, reservable: e?.reservable ?? false };
    }),
    extensions: extensions.map((x) => ({ id: x.id, position: x.position, lengthMonths: x.length_months, decisionBy: x.decision_by, noticeBy: x.notice_by, exercisedOn: x.exercised_on, declinedOn: x.declined_on })),
    breaks: breaks.map((b) => ({ id: b.id, earliestOn: b.earliest_on, noticeDays: b.notice_days, description: b.description })),
    priceReviews: reviews.map((p) => ({ id: p.id, reviewOn: p.review_on, note: p.note })),
    kpis: kpis.map((k) => ({ id: k.id, name: k.name, target: k.target, frequency: k.frequency, firstDueOn: k.first_due_on })),
    variations: variations.map((v) => ({ id: v.id, madeOn: v.made_on, description: v.description, valueChangePence: v.value_change_pence, newEndOn: v.new_end_on })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.file_name, kind: d.kind, mediaType: d.media_type, sizeBytes: d.size, sha256: d.sha256, addedAt: d.created_at })),
    decisions: decisions.map((d) => ({ decisionId: d.decision_id, purpose: d.purpose, text: d.text, decidedOn: d.decided_on, outcome: d.outcome, meetingId: d.meeting_id, meetingTitle: d.meeting_title })),
    conflicted,
    agendaItems: agendaItems.map((i) => ({ id: i.id, title: i.title, meetingId: i.meeting_id, meetingTitle: i.meeting_title, heldOn: i.held_on })),
    duties,
  };
}
