import { CompiledQuery, sql } from 'kysely';
import type { ContractDetail, ContractStatus, ContractSummary, Duty, ProcurementRoute } from '../../../shared/contract/contracts';
import { lookupCpv } from '../../../shared/rules/procurement/cpv';
import type { ReadDb, RegisterCtx } from '../context';
import { nameKey } from '../counterparties/names';
import { AppError } from '../errors';
import { statusFrom, termsOf } from './status';
import type { ContractRow } from './tables';
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
    overdue: isOverdue(r.key, r.due_on, r.done_on !== null, today),
  };
}

/**
 * Due before today and not recorded as done. The end of a contract is a date, not a task: it
 * passes without anyone doing anything, so it is never overdue.
 */
function isOverdue(key: string, dueOn: string, done: boolean, today: string): boolean {
  return !done && dueOn < today && key !== 'end';
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

/** A part of the page as a JSON array of objects, each key the value of its SQL expression, in the given order. */
const jsonPart = (fields: Record<string, string>, from: string, order: string) =>
  `(select json_group_array(json_object(${Object.entries(fields)
    .map(([key, expr]) => `'${key}', ${expr}`)
    .join(', ')}) order by ${order}) ${from})`;

/**
 * The contract's page in one statement: the contract with its commissioner, and as JSON arrays
 * its parts, documents, decisions, agenda items and duties (each object already in the page's
 * shape) and the directors holding office today with a current declaration of interest
 * (contractDetail keeps those naming the commissioner). Parameters: the organisation and today
 * twice (the interests), then the contract's id and the organisation. Every part hangs off the
 * contract row, which is read only within the organisation.
 */
export const PAGE_SQL = `select c.*, p.name as counterparty_name, p.name_key as counterparty_key,
  (select json_group_array(cpv_code order by cpv_code) from contract_service where contract_id = c.id) as services,
  ${jsonPart({ id: 'id', position: 'position', lengthMonths: 'length_months', decisionBy: 'decision_by', noticeBy: 'notice_by', exercisedOn: 'exercised_on', declinedOn: 'declined_on' }, 'from contract_extension where contract_id = c.id', 'position')} as extensions,
  ${jsonPart({ id: 'id', earliestOn: 'earliest_on', noticeDays: 'notice_days', description: 'description' }, 'from contract_break where contract_id = c.id', 'earliest_on, id')} as breaks,
  ${jsonPart({ id: 'id', reviewOn: 'review_on', note: 'note' }, 'from contract_price_review where contract_id = c.id', 'review_on, id')} as priceReviews,
  ${jsonPart({ id: 'id', name: 'name', target: 'target', frequency: 'frequency', firstDueOn: 'first_due_on' }, 'from contract_kpi where contract_id = c.id', 'id')} as kpis,
  ${jsonPart({ id: 'id', madeOn: 'made_on', description: 'description', valueChangePence: 'value_change_pence', newEndOn: 'new_end_on' }, 'from contract_variation where contract_id = c.id', 'made_on, id')} as variations,
  ${jsonPart(
    { id: 'cd.id', title: 'cd.title', fileName: 'cd.file_name', kind: 'cd.kind', mediaType: 'cd.media_type', sizeBytes: 'd.size', sha256: 'd.sha256', addedAt: 'cd.created_at' },
    'from contract_document cd join document d on d.id = cd.document_id where cd.contract_id = c.id',
    'cd.created_at, cd.id',
  )} as documents,
  ${jsonPart(
    { decisionId: 'cd.decision_id', purpose: 'cd.purpose', text: 'd.text', decidedOn: 'd.decided_on', outcome: 'd.outcome', meetingId: 'd.meeting_id', meetingTitle: 'm.title' },
    'from contract_decision cd join decision d on d.id = cd.decision_id left join meeting m on m.id = d.meeting_id where cd.contract_id = c.id',
    'd.decided_on, cd.decision_id',
  )} as decisions,
  ${jsonPart({ id: 'i.id', title: 'i.title', meetingId: 'm.id', meetingTitle: 'm.title', heldOn: 'm.held_on' }, 'from agenda_item i join meeting m on m.id = i.meeting_id where i.contract_id = c.id', 'm.held_on, i.id')} as agendaItems,
  ${jsonPart(
    {
      contractId: 'd.contract_id',
      key: 'd.key',
      kind: 'd.kind',
      dueOn: 'd.due_on',
      title: 'd.title',
      done: "case when x.done_on is null then null else json_object('doneOn', x.done_on, 'recordedBy', x.recorded_by, 'recordedAt', x.recorded_at, 'note', x.note) end",
    },
    'from contract_duty d left join contract_duty_done x on x.contract_id = d.contract_id and x.key = d.key where d.contract_id = c.id',
    'd.due_on, d.key',
  )} as duties,
  ${jsonPart(
    { interestId: 'i.id', officerId: 'i.officer_id', nature: 'i.nature', declaredOn: 'i.declared_on', counterpartyId: 'i.counterparty_id', relatedOrganisation: 'i.related_organisation', givenNames: 'o.given_names', familyName: 'o.family_name' },
    `from interest i join officer o on o.id = i.officer_id
    where i.organisation_id = ? and i.ended_on is null
      and exists (select 1 from appointment a where a.officer_id = i.officer_id and a.role = 'director' and a.appointed_on <= ? and (a.ceased_on is null or a.ceased_on > ?))`,
    'o.family_name, o.given_names, i.declared_on',
  )} as interests
from contract c join counterparty p on p.id = c.counterparty_id
where c.id = ? and c.organisation_id = ?`;

/** The page's parts as PAGE_SQL gives them, each parsed from its JSON. */
interface PageParts {
  services: string[];
  extensions: ContractDetail['extensions'];
  breaks: ContractDetail['breaks'];
  priceReviews: ContractDetail['priceReviews'];
  kpis: ContractDetail['kpis'];
  variations: ContractDetail['variations'];
  documents: ContractDetail['documents'];
  decisions: ContractDetail['decisions'];
  agendaItems: ContractDetail['agendaItems'];
  duties: Omit<Duty, 'overdue'>[];
  interests: { interestId: string; officerId: string; nature: string; declaredOn: string; counterpartyId: string | null; relatedOrganisation: string | null; givenNames: string; familyName: string }[];
}

type PageRow = ContractRow & { counterparty_name: string; counterparty_key: string } & Record<keyof PageParts, string>;

// Built once (its SQL never changes); each call brings its own parameters.
const PAGE_QUERY = CompiledQuery.raw(PAGE_SQL);

/**
 * A contract's page in one read (PAGE_SQL): its parts are read once, for the page and for the
 * terms its status and ends are derived from, and its next and overdue duties are picked from
 * its own duties (the same rules as the list's summary: open, before today, never the end).
 */
export async function contractDetail(db: ReadDb, rc: RegisterCtx, id: string): Promise<ContractDetail> {
  // One statement, not one per part: each read through Kysely's driver costs about 5 µs of awaits
  // on the connection's lock and plugins, and rows read apart would be mapped again in JavaScript.
  const found = (await db.executeQuery<PageRow>({ ...PAGE_QUERY, parameters: [rc.org.id, rc.today, rc.today, id, rc.org.id] })).rows[0];
  if (!found) throw new AppError('NOT_FOUND', 'That contract is not on record.');
  const row: ContractRow = found;
  // The parts are already in the page's shape, which is also the shape the rules of terms read.
  const parts = {
    extensions: JSON.parse(found.extensions) as PageParts['extensions'],
    breaks: JSON.parse(found.breaks) as PageParts['breaks'],
    priceReviews: JSON.parse(found.priceReviews) as PageParts['priceReviews'],
    kpis: JSON.parse(found.kpis) as PageParts['kpis'],
    variations: JSON.parse(found.variations) as PageParts['variations'],
  };
  const terms: TermsContract = { route: row.route as ProcurementRoute, awardedOn: row.award_on, startOn: row.start_on, endOn: row.end_on, terminatedOn: row.terminated_on, ...parts };
  const today = rc.today;
  const duties = JSON.parse(found.duties) as (PageParts['duties'][number] & { overdue?: boolean })[];
  let overdueCount = 0;
  for (const d of duties) {
    d.overdue = isOverdue(d.key, d.dueOn, d.done !== null, today);
    if (d.overdue) overdueCount++;
  }
  // Duties come in date order (then key), as the list's summary picks the next one.
  const next = duties.find((d) => d.done === null && d.dueOn >= today);
  const summary = summaryOf(row, terms, found.counterparty_name, next ? { key: next.key, dueOn: next.dueOn, title: next.title } : null, overdueCount, today);
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
    services: (JSON.parse(found.services) as PageParts['services']).map((code) => {
      const e = lookupCpv(code);
      return { code, description: e?.description ?? 'A service outside the light touch lists (the app does not hold its description)', lightTouch: e?.lightTouch ?? false, reservable: e?.reservable ?? false };
    }),
    ...parts,
    documents: JSON.parse(found.documents) as PageParts['documents'],
    decisions: JSON.parse(found.decisions) as PageParts['decisions'],
    conflicted: conflictedOn(JSON.parse(found.interests) as PageParts['interests'], row.counterparty_id, found.counterparty_key),
    agendaItems: JSON.parse(found.agendaItems) as PageParts['agendaItems'],
    duties: duties as Duty[],
  };
}

/**
 * Directors holding office today with a current declaration of interest naming the commissioner
 * (linked to it on the list, or recorded with the same name, case and spacing ignored).
 */
function conflictedOn(interests: PageParts['interests'], counterpartyId: string, counterpartyKey: string): ContractDetail['conflicted'] {
  return interests
    .filter((r) => r.counterpartyId === counterpartyId || (r.relatedOrganisation !== null && nameKey(r.relatedOrganisation) === counterpartyKey))
    .map((r) => ({ officerId: r.officerId, name: `${r.givenNames} ${r.familyName}`, interestId: r.interestId, nature: r.nature, declaredOn: r.declaredOn }));
}
