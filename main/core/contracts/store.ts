import type { z } from 'zod';
import type { contractInput } from '../../../shared/contract/contracts';
import { checkServiceCode } from '../../../shared/rules/procurement/cpv';
import { checkServicesForRoute } from '../../../shared/rules/procurement/route-services';
import type { RecordRef } from '../audit/state';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { requireCounterparty } from '../counterparties/handlers';
import { nameKey } from '../counterparties/names';
import { fullName } from '../officers/store';
import { assertNotBeforeIncorporation } from '../organisation/guards';
import { termsOf } from './status';
import type { ContractRow } from './tables';
import { generateDuties, termProblems, type TermsContract } from './terms';
import { refreshContractIncome } from './reports/income-rows';

/**
 * Writing a contract and its parts: the checks every way in applies (the form, the import), the
 * parts kept by id, and the dated duties rebuilt from the terms in the same transaction.
 */
export type ContractInputParsed = z.output<typeof contractInput>;

/** A contract belonging to this organisation, or NOT_FOUND (a field error when `field` is given). */
export async function requireContract(db: ReadDb, organisationId: string, id: string, field?: string): Promise<ContractRow> {
  const row = await db.selectFrom('contract').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) {
    if (field) throw AppError.field(field, 'That contract is not on record.');
    throw new AppError('NOT_FOUND', 'That contract is not on record.');
  }
  return row;
}

/** Throws one VALIDATION error carrying every problem, each against its field. */
function refuse(problems: { field: string; message: string }[]): never {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  throw new AppError('VALIDATION', problems[0]!.message, fieldErrors);
}

/**
 * The CPV codes as stored (with check digit): a code the light touch lists name, checked in full,
 * or another well-formed code typed with its check digit (checkServiceCode says why).
 */
function servicesOf(input: ContractInputParsed): { codes: string[]; problems: { field: string; message: string }[] } {
  const codes: string[] = [];
  const problems: { field: string; message: string }[] = [];
  input.services.forEach((code, i) => {
    const c = checkServiceCode(code);
    if (!c.ok) problems.push({ field: `services.${i}`, message: c.message });
    else if (!codes.includes(c.code)) codes.push(c.code);
  });
  return { codes, problems };
}

interface Existing {
  row: ContractRow;
  terms: TermsContract;
}

/** The terms the input gives, with the decided state of the options it keeps and the variations made. */
function termsFrom(input: ContractInputParsed, ids: PartIds, existing: Existing | null): TermsContract {
  const before = new Map(existing?.terms.extensions.map((x) => [x.id, x]) ?? []);
  return {
    route: input.route,
    awardedOn: input.awardOn ?? null,
    startOn: input.startOn ?? null,
    endOn: input.endOn ?? null,
    terminatedOn: existing?.row.terminated_on ?? null,
    extensions: input.extensions.map((x, i) => ({
      id: ids.extensions[i]!,
      position: i + 1,
      lengthMonths: x.lengthMonths,
      decisionBy: x.decisionBy ?? null,
      noticeBy: x.noticeBy ?? null,
      exercisedOn: before.get(ids.extensions[i]!)?.exercisedOn ?? null,
      declinedOn: before.get(ids.extensions[i]!)?.declinedOn ?? null,
    })),
    breaks: input.breaks.map((b, i) => ({ id: ids.breaks[i]!, earliestOn: b.earliestOn ?? null, noticeDays: b.noticeDays, description: b.description })),
    priceReviews: input.priceReviews.map((p, i) => ({ id: ids.priceReviews[i]!, reviewOn: p.reviewOn, note: p.note ?? null })),
    kpis: input.kpis.map((k, i) => ({ id: ids.kpis[i]!, name: k.name, frequency: k.frequency, firstDueOn: k.firstDueOn })),
    variations: existing?.terms.variations ?? [],
  };
}

interface PartIds {
  extensions: string[];
  breaks: string[];
  priceReviews: string[];
  kpis: string[];
}

type PartName = keyof PartIds;

/** Each part keeps the id it was given (which must be one of this contract's), a new part gets a new one. */
async function partIds(db: ReadDb, input: ContractInputParsed, contractId: string | null): Promise<{ ids: PartIds; problems: { field: string; message: string }[] }> {
  const problems: { field: string; message: string }[] = [];
  const tables = { extensions: 'contract_extension', breaks: 'contract_break', priceReviews: 'contract_price_review', kpis: 'contract_kpi' } as const;
  const words = { extensions: 'extension option', breaks: 'break clause', priceReviews: 'price review', kpis: 'KPI' } as const;
  const ids = { extensions: [], breaks: [], priceReviews: [], kpis: [] } as PartIds;
  for (const part of Object.keys(tables) as PartName[]) {
    const mine = contractId ? new Set((await db.selectFrom(tables[part]).select('id').where('contract_id', '=', contractId).execute()).map((r) => r.id)) : new Set<string>();
    const used = new Set<string>();
    input[part].forEach((p, i) => {
      if (p.id !== undefined) {
        if (!mine.has(p.id) || used.has(p.id)) problems.push({ field: `${part}.${i}.id`, message: `That ${words[part]} is not one of this contract’s; add it as a new one.` });
        used.add(p.id);
        ids[part].push(p.id);
      } else ids[part].push(uuidv7());
    });
  }
  return { ids, problems };
}

/** Every check a contract's details must pass, whichever way they come in. */
async function check(db: ReadDb, rc: RegisterCtx, input: ContractInputParsed, existing: Existing | null) {
  const problems: { field: string; message: string }[] = [];
  const cp = await requireCounterparty(db, rc.org.id, input.counterpartyId);
  const referenceKey = nameKey(input.reference);
  let dup = db
    .selectFrom('contract')
    .select(['id', 'reference', 'title'])
    .where('organisation_id', '=', rc.org.id)
    .where('counterparty_id', '=', cp.id)
    .where('reference_key', '=', referenceKey);
  if (existing) dup = dup.where('id', '!=', existing.row.id);
  const same = await dup.executeTakeFirst();
  if (same) problems.push({ field: 'reference', message: `${cp.name} already has a contract with the reference ${same.reference} (“${same.title}”); each of a commissioner’s contracts has its own reference.` });
  const services = servicesOf(input);
  problems.push(...services.problems);
  // The legal basis ties some routes to a list of services (s33(1)(a) for a reservation to mutuals).
  problems.push(...checkServicesForRoute(input.route, input.services));
  let managerName = input.managerName ?? null;
  if (input.managerOfficerId) {
    const o = await db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', input.managerOfficerId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!o) problems.push({ field: 'managerOfficerId', message: 'That person is not in the board and officers record; choose them again, or type the contract manager’s name instead.' });
    else managerName ??= fullName(o);
  }
  if (input.awardOn) {
    try {
      assertNotBeforeIncorporation(rc, input.awardOn, 'awardOn', 'A contract’s award');
    } catch (e) {
      if (e instanceof AppError && e.fieldErrors) problems.push({ field: 'awardOn', message: e.message });
      else throw e;
    }
  }
  if (existing) {
    // An option already exercised or declined is history: it may not be dropped from the contract.
    const kept = new Set(input.extensions.map((x) => x.id).filter((id): id is string => id !== undefined));
    for (const x of existing.terms.extensions) {
      if (!kept.has(x.id) && (x.exercisedOn || x.declinedOn)) {
        problems.push({ field: 'extensions', message: `Extension option ${x.position} was ${x.exercisedOn ? 'exercised' : 'declined'}; it stays on the contract's record and cannot be removed.` });
      }
    }
  }
  const { ids, problems: idProblems } = await partIds(db, input, existing?.row.id ?? null);
  problems.push(...idProblems);
  const terms = termsFrom(input, ids, existing);
  if (idProblems.length === 0) problems.push(...termProblems(terms));
  if (problems.length > 0) refuse(problems);
  return { cp, referenceKey, codes: services.codes, managerName, ids, terms };
}

/**
 * Rebuilds a contract's dated duties from its terms. The done state is kept by key in
 * contract_duty_done; each rebuilt duty's `done` flag is set from it, so the open-duties index
 * (migration 0018) stays true, and it carries the contract's reference and title and its
 * commissioner's name, read after the change (migration 0023).
 */
export async function rebuildDuties(tx: WriteContext, organisationId: string, contractId: string, terms: TermsContract): Promise<void> {
  await tx.db.deleteFrom('contract_duty').where('contract_id', '=', contractId).execute();
  const duties = generateDuties(terms);
  const done = new Set((await tx.db.selectFrom('contract_duty_done').select('key').where('contract_id', '=', contractId).execute()).map((r) => r.key));
  // The names each duty is shown with on the timeline (migration 0023), as they stand after this change.
  const names = await tx.db
    .selectFrom('contract as c')
    .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
    .select(['c.reference', 'c.title', 'p.name'])
    .where('c.id', '=', contractId)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < duties.length; i += 200) {
    await tx.db
      .insertInto('contract_duty')
      .values(
        duties.slice(i, i + 200).map((d) => ({
          contract_id: contractId,
          key: d.key,
          organisation_id: organisationId,
          kind: d.kind,
          due_on: d.dueOn,
          title: d.title,
          done: done.has(d.key) ? (1 as const) : (0 as const),
          contract_reference: names.reference,
          contract_title: names.title,
          counterparty_name: names.name,
        })),
      )
      .execute();
  }
  await refreshContractIncome(tx, contractId);
}

/** The terms as stored now (after a change), for rebuilding duties. */
export async function storedTerms(db: ReadDb, row: ContractRow): Promise<TermsContract> {
  return (await termsOf(db, [row])).get(row.id)!;
}

async function writeParts(tx: WriteContext, contractId: string, input: ContractInputParsed, ids: PartIds, codes: string[]): Promise<void> {
  const db = tx.db;
  const at = tx.who.at;
  await db.deleteFrom('contract_service').where('contract_id', '=', contractId).execute();
  if (codes.length > 0) await db.insertInto('contract_service').values(codes.map((cpv_code) => ({ contract_id: contractId, cpv_code }))).execute();

  // Extension options: positions are unique, so move the kept ones out of the way first.
  await db.deleteFrom('contract_extension').where('contract_id', '=', contractId).where('id', 'not in', ids.extensions.length ? ids.extensions : ['']).execute();
  await db.updateTable('contract_extension').set((eb) => ({ position: eb('position', '+', 1000) })).where('contract_id', '=', contractId).execute();
  for (const [i, x] of input.extensions.entries()) {
    const cols = { position: i + 1, length_months: x.lengthMonths, decision_by: x.decisionBy ?? null, notice_by: x.noticeBy ?? null };
    if (x.id) await db.updateTable('contract_extension').set({ ...cols, updated_at: at }).where('id', '=', x.id).execute();
    else await db.insertInto('contract_extension').values({ id: ids.extensions[i]!, contract_id: contractId, ...cols, exercised_on: null, declined_on: null, created_at: at, updated_at: at }).execute();
  }
  const simple = async <T extends { id?: string | undefined }>(table: 'contract_break' | 'contract_price_review' | 'contract_kpi', list: T[], partIdsOf: string[], cols: (p: T) => Record<string, unknown>) => {
    await db.deleteFrom(table).where('contract_id', '=', contractId).where('id', 'not in', partIdsOf.length ? partIdsOf : ['']).execute();
    for (const [i, p] of list.entries()) {
      if (p.id) await db.updateTable(table).set({ ...cols(p), updated_at: at } as never).where('id', '=', p.id).execute();
      else await db.insertInto(table).values({ id: partIdsOf[i]!, contract_id: contractId, ...cols(p), created_at: at, updated_at: at } as never).execute();
    }
  };
  await simple('contract_break', input.breaks, ids.breaks, (b) => ({ earliest_on: b.earliestOn ?? null, notice_days: b.noticeDays, description: b.description }));
  await simple('contract_price_review', input.priceReviews, ids.priceReviews, (p) => ({ review_on: p.reviewOn, note: p.note ?? null }));
  await simple('contract_kpi', input.kpis, ids.kpis, (k) => ({ name: k.name, target: k.target ?? null, frequency: k.frequency, first_due_on: k.firstDueOn }));
}

function contractColumns(input: ContractInputParsed, referenceKey: string, managerName: string | null) {
  return {
    counterparty_id: input.counterpartyId,
    reference: input.reference,
    reference_key: referenceKey,
    title: input.title,
    description: input.description ?? null,
    route: input.route,
    bid_due_on: input.bidDueOn ?? null,
    award_on: input.awardOn ?? null,
    start_on: input.startOn ?? null,
    end_on: input.endOn ?? null,
    annual_value_pence: input.annualValuePence ?? null,
    whole_life_value_pence: input.wholeLifeValuePence ?? null,
    manager_officer_id: input.managerOfficerId ?? null,
    manager_name: managerName,
    notes: input.notes ?? null,
  };
}

/** What the audit log shows of a contract's details (its parts are in its vouched state). */
export function contractAudit(input: ContractInputParsed, codes: string[]) {
  return {
    counterpartyId: input.counterpartyId,
    reference: input.reference,
    title: input.title,
    route: input.route,
    services: codes,
    bidDueOn: input.bidDueOn ?? null,
    awardOn: input.awardOn ?? null,
    startOn: input.startOn ?? null,
    endOn: input.endOn ?? null,
    annualValuePence: input.annualValuePence ?? null,
    wholeLifeValuePence: input.wholeLifeValuePence ?? null,
    extensions: input.extensions.map((x) => ({ lengthMonths: x.lengthMonths, decisionBy: x.decisionBy ?? null, noticeBy: x.noticeBy ?? null })),
    breaks: input.breaks.length,
    priceReviews: input.priceReviews.length,
    kpis: input.kpis.length,
  };
}

/**
 * Records a contract (or a bid) from input that has passed `contractInput`, inside the caller's
 * transaction, under exactly the checks `contracts.create` applies (commissioner on the list,
 * reference unique for the commissioner, CPV codes known, manager in the officers record, the
 * terms' rules including the s33 five-year maximum), and builds its dated duties. Refusals are
 * AppError VALIDATION with field errors named as the form names them ('reference',
 * 'services.0', 'extensions.1.lengthMonths').
 *
 * With `audit: true` (the default) it records the `contract.created` event; an import that
 * records one event for many contracts passes `audit: false` and lists the returned `records`
 * on its own event, so the log still vouches for each contract's state.
 */
export async function insertContract(
  tx: WriteContext,
  rc: RegisterCtx,
  input: ContractInputParsed,
  options: { audit?: boolean } = {},
): Promise<{ id: string; records: RecordRef[] }> {
  const c = await check(tx.db, rc, input, null);
  const id = uuidv7();
  const at = tx.who.at;
  await tx.db
    .insertInto('contract')
    .values({ id, organisation_id: rc.org.id, ...contractColumns(input, c.referenceKey, c.managerName), terminated_on: null, termination_reason: null, created_at: at, updated_at: at })
    .execute();
  await writeParts(tx, id, input, c.ids, c.codes);
  await rebuildDuties(tx, rc.org.id, id, c.terms);
  const records: RecordRef[] = [{ type: 'contract', id }];
  if (options.audit !== false) {
    tx.audit({
      action: 'contract.created',
      entityType: 'contract',
      entityId: id,
      summary: `${input.awardOn ? 'Contract' : 'Bid'} ${input.reference} “${input.title}” with ${c.cp.name} recorded`,
      before: null,
      after: contractAudit(input, c.codes),
    });
  }
  return { id, records };
}

/** Corrects a contract: its parts keep their ids where given, and its duties are rebuilt (done state kept by key). */
export async function updateContract(tx: WriteContext, rc: RegisterCtx, id: string, input: ContractInputParsed): Promise<void> {
  const row = await requireContract(tx.db, rc.org.id, id, 'id');
  const existing = { row, terms: await storedTerms(tx.db, row) };
  const beforeCodes = (await tx.db.selectFrom('contract_service').select('cpv_code').where('contract_id', '=', id).orderBy('cpv_code').execute()).map((r) => r.cpv_code);
  const c = await check(tx.db, rc, input, existing);
  await tx.db.updateTable('contract').set({ ...contractColumns(input, c.referenceKey, c.managerName), updated_at: tx.who.at }).where('id', '=', id).execute();
  await writeParts(tx, id, input, c.ids, c.codes);
  await rebuildDuties(tx, rc.org.id, id, c.terms);
  tx.audit({
    action: 'contract.updated',
    entityType: 'contract',
    entityId: id,
    summary: `Contract ${input.reference} “${input.title}” with ${c.cp.name} changed`,
    before: { reference: row.reference, title: row.title, route: row.route, services: beforeCodes, awardOn: row.award_on, startOn: row.start_on, endOn: row.end_on, annualValuePence: row.annual_value_pence, wholeLifeValuePence: row.whole_life_value_pence },
    after: contractAudit(input, c.codes),
  });
}
