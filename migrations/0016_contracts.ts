import { sql, type Kysely } from 'kysely';

/**
 * Contract records (issue 10): the mutual's public service contracts with councils, NHS bodies and
 * other commissioners, the organisations it deals with, the dated duties every contract carries,
 * and the links from the registers and the meetings area to both.
 *
 * - `counterparty`: an organisation the mutual deals with (a council, an NHS trust, an integrated
 *   care board, a government department, another mutual, a supplier), with its identifiers where
 *   they exist (the NHS ODS code, the Companies House number, a charity or society number) and a
 *   contact. One list shared by contracts, declarations of interest, nominee directors and agenda
 *   items. Its name is unique within the organisation, compared without case or spacing
 *   (`name_key`).
 * - `contract`: one contract or bid. Its status is never stored: it is derived from its dates
 *   (shared/rules/procurement/contract-terms.ts). `award_on` null means a bid in preparation.
 *   The commissioner's reference is unique per commissioner. Values are in pence.
 * - `contract_service`: the contract's service categories, as CPV codes (CPV 2008, shipped as
 *   data in shared/rules/procurement), one row per code.
 * - `contract_extension`: extension options in order, each with its length, the date the
 *   decision must be taken by and the date notice must be given by, and whether it was exercised
 *   or declined (and when).
 * - `contract_break`: break clauses: the earliest date a party may end the contract early and the
 *   notice it must give.
 * - `contract_price_review`, `contract_kpi`: price review dates, and key performance indicators
 *   with the frequency and first date of their reports.
 * - `contract_variation`: each variation made, dated, with its effect on value (pence, signed) and
 *   on the end of the term.
 * - `contract_document`: the contract's documents, kept in `document` (content-addressed by
 *   SHA-256, migration 0007) with their title, file name and kind.
 * - `contract_decision`: the board decisions (decisions register) that approved bidding, signing,
 *   varying, extending or ending the contract.
 * - `contract_duty_done`: a dated duty (generated from the contract's dates, keyed by a stable key
 *   such as `ext-decision:<option id>`) recorded as done, by whom and when. The duties themselves
 *   are kept in `contract_duty` (rebuilt from the contract whenever it changes, keyed by the same
 *   stable key) so that the timeline across every contract is one indexed range read.
 * - `interest`, `decision`, `agenda_item` and `appointment` gain a nullable link to a counterparty
 *   (and an agenda item to a contract), beside the free-text names they already hold, which stay as
 *   recorded. Nullable, so every existing record and its audit state hash is unchanged.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table counterparty (
    id text primary key,
    organisation_id text not null references organisation(id),
    name text not null check (length(name) between 1 and 200),
    name_key text not null,
    kind text not null check (kind in ('council', 'nhs_trust', 'icb', 'nhs_england', 'government_department', 'public_body', 'mutual', 'charity', 'company', 'supplier', 'other')),
    ods_code text,
    companies_house_number text,
    charity_number text,
    society_number text,
    contact_name text,
    contact_email text,
    contact_phone text,
    address text,
    notes text,
    created_at text not null,
    updated_at text not null,
    unique (organisation_id, name_key)
  ) strict`);
  await run(`create unique index counterparty_ods on counterparty(organisation_id, ods_code) where ods_code is not null`);

  await run(`create table contract (
    id text primary key,
    organisation_id text not null references organisation(id),
    counterparty_id text not null references counterparty(id),
    reference text not null check (length(reference) between 1 and 100),
    reference_key text not null,
    title text not null check (length(title) between 1 and 300),
    description text,
    route text not null,
    bid_due_on text,
    award_on text,
    start_on text,
    end_on text,
    terminated_on text,
    termination_reason text,
    annual_value_pence integer check (annual_value_pence is null or annual_value_pence >= 0),
    whole_life_value_pence integer check (whole_life_value_pence is null or whole_life_value_pence >= 0),
    manager_officer_id text references officer(id),
    manager_name text,
    notes text,
    created_at text not null,
    updated_at text not null,
    check (end_on is null or start_on is null or end_on >= start_on),
    check (terminated_on is null or award_on is not null),
    unique (organisation_id, counterparty_id, reference_key)
  ) strict`);
  await run(`create index contract_counterparty on contract(counterparty_id)`);
  await run(`create index contract_org_award on contract(organisation_id, award_on)`);
  await run(`create index contract_org_end on contract(organisation_id, end_on)`);

  await run(`create table contract_service (
    contract_id text not null references contract(id),
    cpv_code text not null check (length(cpv_code) = 10),
    primary key (contract_id, cpv_code)
  ) strict, without rowid`);
  await run(`create index contract_service_code on contract_service(cpv_code)`);

  await run(`create table contract_extension (
    id text primary key,
    contract_id text not null references contract(id),
    position integer not null check (position >= 1),
    length_months integer not null check (length_months between 1 and 240),
    decision_by text,
    notice_by text,
    exercised_on text,
    declined_on text,
    created_at text not null,
    updated_at text not null,
    check (exercised_on is null or declined_on is null),
    unique (contract_id, position)
  ) strict`);

  await run(`create table contract_break (
    id text primary key,
    contract_id text not null references contract(id),
    earliest_on text,
    notice_days integer not null check (notice_days between 0 and 3650),
    description text not null,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index contract_break_contract on contract_break(contract_id)`);

  await run(`create table contract_price_review (
    id text primary key,
    contract_id text not null references contract(id),
    review_on text not null,
    note text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index contract_price_review_contract on contract_price_review(contract_id)`);

  await run(`create table contract_kpi (
    id text primary key,
    contract_id text not null references contract(id),
    name text not null,
    target text,
    frequency text not null check (frequency in ('monthly', 'quarterly', 'six_monthly', 'annual')),
    first_due_on text not null,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index contract_kpi_contract on contract_kpi(contract_id)`);

  await run(`create table contract_variation (
    id text primary key,
    contract_id text not null references contract(id),
    made_on text not null,
    description text not null,
    value_change_pence integer not null default 0,
    new_end_on text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index contract_variation_contract on contract_variation(contract_id, made_on)`);

  await run(`create table contract_document (
    id text primary key,
    contract_id text not null references contract(id),
    document_id text not null references document(id),
    title text not null,
    file_name text not null,
    kind text not null check (kind in ('contract', 'variation', 'letter', 'tender', 'other')),
    media_type text not null,
    created_at text not null
  ) strict`);
  await run(`create index contract_document_contract on contract_document(contract_id)`);

  await run(`create table contract_decision (
    contract_id text not null references contract(id),
    decision_id text not null references decision(id),
    purpose text not null check (purpose in ('bid', 'sign', 'vary', 'extend', 'end', 'other')),
    created_at text not null,
    primary key (contract_id, decision_id)
  ) strict, without rowid`);
  await run(`create index contract_decision_decision on contract_decision(decision_id)`);

  await run(`create table contract_duty (
    contract_id text not null references contract(id),
    key text not null,
    organisation_id text not null references organisation(id),
    kind text not null check (kind in ('extension_decision', 'extension_notice', 'break_notice', 'price_review', 'kpi_report', 'end')),
    due_on text not null,
    title text not null,
    primary key (contract_id, key)
  ) strict, without rowid`);
  await run(`create index contract_duty_due on contract_duty(organisation_id, due_on)`);

  await run(`create table contract_duty_done (
    contract_id text not null references contract(id),
    key text not null,
    done_on text not null,
    recorded_by text not null,
    recorded_at text not null,
    note text,
    primary key (contract_id, key)
  ) strict, without rowid`);

  await run(`alter table interest add column counterparty_id text references counterparty(id)`);
  await run(`alter table decision add column counterparty_id text references counterparty(id)`);
  await run(`alter table agenda_item add column counterparty_id text references counterparty(id)`);
  await run(`alter table agenda_item add column contract_id text references contract(id)`);
  await run(`alter table appointment add column nominating_counterparty_id text references counterparty(id)`);
  await run(`create index interest_counterparty on interest(counterparty_id) where counterparty_id is not null`);
  await run(`create index decision_counterparty on decision(counterparty_id) where counterparty_id is not null`);
}
