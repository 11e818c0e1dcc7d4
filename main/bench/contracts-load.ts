import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../core/db/ids';
import { FILL_INCOME_HEAD, FILL_SERVICE_INCOME_HEAD, FILL_SERVICE_INCOME_TAIL } from '../core/contracts/reports/income-rows';
import { nameKey } from '../core/counterparties/names';
import { generateDuties, nthMonthlyDate, termEnd, type ContractTermsInput } from '../../shared/rules/procurement/contract-terms';
import type { ProcurementRoute } from '../../shared/contract/contracts';
import { allCpvEntries } from '../../shared/rules/procurement/cpv';
import { REGIME_IN_FORCE, ROUTES } from '../../shared/rules/procurement/routes';
import { addDays } from '../../shared/rules/legal-date';
import { rng } from '../sample/people';

/**
 * Benchmark set-up only (not a measured figure): twenty years of a large group's contracts,
 * loaded with raw prepared statements in one transaction, in the shape the contracts core
 * writes them: the contract row and its parts (services, extension options, price reviews,
 * KPIs, variations, documents), and its dated duties exactly as `generateDuties` produces them
 * from those parts (the same function the core calls when it rebuilds a contract's duties),
 * with the done state of past duties. The app's audit rule is not applied to this bulk-loaded
 * history (as records migrated from another system would arrive); the measured paths are reads.
 *
 * Documents: each contract_document row points at a `document` row of its own (the table is
 * content-addressed, so every blob is distinct), but the blobs are small (about 300 bytes of
 * text standing in for a PDF), so the file holds 100,000 documents' metadata and rows without
 * gigabytes of bytes. The contract page reads the metadata only, never the bytes.
 */
export interface ContractsLoadOptions {
  organisationId: string;
  /** Today, 'YYYY-MM-DD': awards run from `years` back to a few months ahead. */
  today: string;
  contracts: number;
  years: number;
  counterparties: number;
  /** Documents in all (spread over the contracts). */
  documents: number;
  seed: number;
  onProgress?: (message: string) => void;
}

export interface ContractsLoaded {
  contracts: number;
  duties: number;
  dutiesDone: number;
  documents: number;
  services: number;
  extensions: number;
  variations: number;
  counterparties: number;
  contractIds: string[];
  counterpartyNames: string[];
  /** Contracts reserved under s33, each with its commissioner (for the s33 check's comparable search). */
  reservedIds: string[];
}

const TOWNS = [
  'Leeds', 'Bradford', 'Wakefield', 'Kirklees', 'Calderdale', 'Sheffield', 'Rotherham', 'Doncaster', 'Barnsley', 'York', 'Hull', 'Lincoln', 'Nottingham', 'Derby',
  'Leicester', 'Coventry', 'Birmingham', 'Wolverhampton', 'Stoke-on-Trent', 'Manchester', 'Salford', 'Bolton', 'Wigan', 'Liverpool', 'Sefton', 'Wirral', 'Preston',
  'Lancaster', 'Carlisle', 'Newcastle upon Tyne', 'Sunderland', 'Gateshead', 'Durham', 'Middlesbrough', 'Norwich', 'Ipswich', 'Cambridge', 'Peterborough', 'Oxford',
  'Reading', 'Swindon', 'Bristol', 'Bath', 'Plymouth', 'Exeter', 'Cornwall', 'Somerset', 'Dorset', 'Southampton', 'Portsmouth', 'Brighton and Hove', 'Kent', 'Surrey',
  'Croydon', 'Lambeth', 'Southwark', 'Hackney', 'Camden', 'Islington', 'Newham', 'Cardiff', 'Swansea', 'Newport', 'Wrexham',
];
const COUNCIL_KINDS = ['City Council', 'Borough Council', 'County Council', 'Metropolitan Borough Council', 'Council'];

/**
 * CPV codes the contracts are spread over, as the routes allow them (shared/rules/procurement/
 * route-services.ts): reserved contracts (s33, reg 77) only reservable services, PCR 2015 light
 * touch awards only Schedule 3 services, the others mostly light touch services (health, social
 * care, education) and some others (cleaning, maintenance, catering, transport).
 */
function servicePools(): { reservable: string[]; lightTouch: string[]; any: string[] } {
  const all = allCpvEntries();
  const reservable = all.filter((e) => e.reservable && e.reg77).map((e) => e.code).slice(0, 40);
  const lightTouch = all.filter((e) => e.pcr2015LightTouch && /^(85|80|75|79|98)/.test(e.code)).map((e) => e.code).slice(0, 60);
  const others = all.filter((e) => !e.lightTouch && /^(90|50|55|60)/.test(e.code)).map((e) => e.code).slice(0, 15);
  return { reservable, lightTouch, any: [...lightTouch, ...lightTouch, ...lightTouch, ...others] };
}

const ROUTE_MIX: [ProcurementRoute, number][] = [
  ['pa23_open', 14],
  ['pa23_competitive_flexible', 10],
  ['pa23_direct_award', 4],
  ['pa23_framework_call_off', 8],
  ['pa23_reserved_mutual', 6],
  ['psr_direct_a', 3],
  ['psr_direct_b', 3],
  ['psr_direct_c', 6],
  ['psr_most_suitable', 3],
  ['psr_competitive', 5],
  ['grant', 8],
  ['pcr15', 10],
  ['pcr15_light_touch', 14],
  ['pcr15_reg77', 6],
  ['other', 3],
];

export function bulkLoadContracts(raw: BetterSqlite3.Database, opts: ContractsLoadOptions): ContractsLoaded {
  const r = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const at = new Date().toISOString();
  const pools = servicePools();
  /** A route in force on the award date (the rules refuse an award under a regime before it began), in the mix's proportions. */
  const route = (on: string): ProcurementRoute => {
    const mix = ROUTE_MIX.filter(([k]) => {
      const since = REGIME_IN_FORCE[ROUTES[k].regime];
      return since === null || since.from <= on;
    });
    let x = r() * mix.reduce((n, [, w]) => n + w, 0);
    for (const [k, w] of mix) if ((x -= w) < 0) return k;
    return 'other';
  };

  const ins = {
    counterparty: raw.prepare(
      `insert into counterparty (id, organisation_id, name, name_key, kind, ods_code, companies_house_number, charity_number, society_number, contact_name, contact_email, contact_phone, address, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, null, null, null, ?, ?, null, null, null, ?, ?)`,
    ),
    contract: raw.prepare(
      `insert into contract (id, organisation_id, counterparty_id, reference, reference_key, title, description, route, bid_due_on, award_on, start_on, end_on, terminated_on, termination_reason,
         annual_value_pence, whole_life_value_pence, manager_officer_id, manager_name, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, null, ?, ?)`,
    ),
    service: raw.prepare('insert into contract_service (contract_id, cpv_code) values (?, ?)'),
    extension: raw.prepare(
      `insert into contract_extension (id, contract_id, position, length_months, decision_by, notice_by, exercised_on, declined_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    price: raw.prepare('insert into contract_price_review (id, contract_id, review_on, note, created_at, updated_at) values (?, ?, ?, null, ?, ?)'),
    kpi: raw.prepare('insert into contract_kpi (id, contract_id, name, target, frequency, first_due_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    variation: raw.prepare(
      'insert into contract_variation (id, contract_id, made_on, description, value_change_pence, new_end_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    document: raw.prepare('insert into document (id, organisation_id, sha256, size, media_type, bytes, created_at) values (?, ?, ?, ?, ?, ?, ?)'),
    contractDocument: raw.prepare(
      'insert into contract_document (id, contract_id, document_id, title, file_name, kind, media_type, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    duty: raw.prepare(
      'insert into contract_duty (contract_id, key, organisation_id, kind, due_on, title, done, contract_reference, contract_title, counterparty_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    done: raw.prepare('insert into contract_duty_done (contract_id, key, done_on, recorded_by, recorded_at, note) values (?, ?, ?, ?, ?, null)'),
  };

  const loaded: ContractsLoaded = {
    contracts: 0,
    duties: 0,
    dutiesDone: 0,
    documents: 0,
    services: 0,
    extensions: 0,
    variations: 0,
    counterparties: 0,
    contractIds: [],
    counterpartyNames: [],
    reservedIds: [],
  };

  const run = raw.transaction(() => {
    // --- the organisations list: councils, NHS trusts, ICBs, a few others -----------------------
    const cps: { id: string; name: string; weight: number }[] = [];
    const names = new Set<string>();
    for (let i = 0; cps.length < opts.counterparties; i++) {
      const town = TOWNS[i % TOWNS.length]!;
      const round = Math.floor(i / TOWNS.length);
      const k = i % 4;
      const base =
        k === 0 || k === 3
          ? `${town} ${COUNCIL_KINDS[(i + round) % COUNCIL_KINDS.length]!}`
          : k === 1
            ? `${town} ${['Community Healthcare', 'Teaching Hospitals', 'and District', 'Partnership'][round % 4]!} NHS Foundation Trust`
            : `NHS ${town} Integrated Care Board`;
      const name = round > 3 ? `${base} (${round})` : base;
      if (names.has(nameKey(name))) continue;
      names.add(nameKey(name));
      const kind = k === 1 ? 'nhs_trust' : k === 2 ? 'icb' : 'council';
      const ods = kind === 'council' ? null : `${k === 1 ? 'R' : 'Q'}${(cps.length + 100).toString(36).toUpperCase().padStart(4, '0')}`;
      const id = uuidv7();
      ins.counterparty.run(id, opts.organisationId, name, nameKey(name), kind, ods, `Commissioning team`, `commissioning${cps.length}@example.gov.uk`, at, at);
      // A few large commissioners and a long tail: income concentrates as it does in practice.
      cps.push({ id, name, weight: 1 / (cps.length + 3) });
    }
    loaded.counterparties = cps.length;
    loaded.counterpartyNames = cps.map((c) => c.name);
    const weightTotal = cps.reduce((n, c) => n + c.weight, 0);
    const commissioner = () => {
      let x = r() * weightTotal;
      for (const c of cps) if ((x -= c.weight) < 0) return c;
      return cps[cps.length - 1]!;
    };

    // --- the contracts and their parts --------------------------------------------------------
    const first = addDays(opts.today, -Math.round(opts.years * 365.25));
    const span = Math.round(opts.years * 365.25) + 120;
    const docsPer = opts.documents / opts.contracts;
    let docCarry = 0;
    for (let n = 0; n < opts.contracts; n++) {
      const id = uuidv7();
      const cp = commissioner();
      const pipeline = r() < 0.02;
      const awardOn = pipeline ? null : addDays(first, Math.floor(r() * span));
      const rt = route(awardOn ?? opts.today);
      const base = awardOn ?? addDays(opts.today, int(10, 120));
      const startOn = addDays(base, int(0, 60));
      // Reserved awards (s33 and reg 77) keep within their maximum terms; others run one to seven years.
      const termMonths = rt === 'pa23_reserved_mutual' ? pick([24, 36]) : rt === 'pcr15_reg77' ? pick([12, 24, 36]) : pick([12, 24, 36, 36, 48, 60, 60, 84]);
      const endOn = termEnd(startOn, termMonths);
      const options = rt === 'pa23_reserved_mutual' ? (termMonths === 24 ? int(0, 2) : int(0, 1)) : rt === 'pcr15_reg77' ? 0 : pick([0, 0, 1, 1, 2]);
      const extensions: ContractTermsInput['extensions'] = [];
      for (let e = 0; e < options; e++) {
        const decisionBy = addMonths(endOn, -(6 - e * 2));
        const noticeBy = addMonths(endOn, -(3 - e));
        // Options whose decision date has passed were decided: mostly exercised.
        const decided = decisionBy < opts.today;
        const exercised = decided && r() < 0.7;
        extensions.push({ id: uuidv7(), position: e + 1, lengthMonths: 12, decisionBy, noticeBy, exercisedOn: exercised ? decisionBy : null, declinedOn: decided && !exercised ? decisionBy : null });
      }
      const priceReviews: ContractTermsInput['priceReviews'] = [];
      // Annual price reviews on most contracts (the others are fixed-price or indexed without a review).
      if (r() < 0.7) for (let y = 1; y * 12 < termMonths; y++) priceReviews.push({ id: uuidv7(), reviewOn: addMonths(startOn, y * 12), note: null });
      const kpis: ContractTermsInput['kpis'] = r() < 0.08 ? [{ id: uuidv7(), name: 'Service users seen within target time', frequency: 'annual', firstDueOn: addMonths(startOn, 12) }] : [];
      const variations: ContractTermsInput['variations'] = [];
      const annual = int(20_000, 2_500_000) * 100;
      if (r() < 0.1 && awardOn !== null) variations.push({ id: uuidv7(), madeOn: addMonths(startOn, int(3, Math.max(3, termMonths - 3))), newEndOn: null, valueChangePence: int(-50_000, 150_000) * 100 });
      const terms: ContractTermsInput = { route: rt, awardedOn: awardOn, startOn, endOn, terminatedOn: null, extensions, breaks: [], priceReviews, kpis, variations };

      const reference = `${cp.name.split(' ')[0]!.slice(0, 4).toUpperCase()}-${String(n + 1).padStart(6, '0')}`;
      const service = pick(['Community nursing', 'Home care', 'Day services', 'Health visiting', 'Reablement', 'Children’s centres', 'Mental health support', 'Supported living', 'Libraries', 'Leisure']);
      const contractTitle = `${service} for ${cp.name}`;
      ins.contract.run(
        id,
        opts.organisationId,
        cp.id,
        reference,
        nameKey(reference),
        contractTitle,
        `${service}: the services described in the specification, schedule 2.`,
        rt,
        awardOn === null ? addDays(opts.today, int(5, 60)) : null,
        awardOn,
        startOn,
        endOn,
        null,
        null,
        annual,
        Math.round((annual * (termMonths + options * 12)) / 12),
        pick(['Amina Shah', 'Tom Lloyd', 'Grace Evans', 'Kwame Boateng', null]),
        at,
        at,
      );
      const serviceCount = int(1, 3);
      const chosen = new Set<string>();
      const pool = rt === 'pa23_reserved_mutual' || rt === 'pcr15_reg77' ? pools.reservable : rt === 'pcr15_light_touch' ? pools.lightTouch : pools.any;
      while (chosen.size < serviceCount) chosen.add(pick(pool));
      for (const code of chosen) ins.service.run(id, code);
      loaded.services += chosen.size;
      extensions.forEach((e) => ins.extension.run(e.id, id, e.position, e.lengthMonths, e.decisionBy, e.noticeBy, e.exercisedOn, e.declinedOn, at, at));
      loaded.extensions += extensions.length;
      for (const p of priceReviews) ins.price.run(p.id, id, p.reviewOn, at, at);
      for (const k of kpis) ins.kpi.run(k.id, id, k.name, '95%', k.frequency, k.firstDueOn, at, at);
      for (const v of variations) ins.variation.run(v.id, id, v.madeOn, 'Uplift for additional service hours', v.valueChangePence, v.newEndOn, at, at);
      loaded.variations += variations.length;

      // The dated duties, as the core generates them; past ones recorded as done (some of the last 60 days' not yet: overdue).
      // Each duty's `done` flag says whether contract_duty_done holds it, as the core keeps it (migration 0018).
      for (const d of generateDuties(terms)) {
        const age = daysBetween(d.dueOn, opts.today);
        const done = age > 0 && (age > 60 || r() < 0.8);
        // With the names shown beside it (migration 0023), as the core writes them.
        ins.duty.run(id, d.key, opts.organisationId, d.kind, d.dueOn, d.title, done ? 1 : 0, reference, contractTitle, cp.name);
        loaded.duties += 1;
        if (done) {
          ins.done.run(id, d.key, d.dueOn, 'Company secretary', at);
          loaded.dutiesDone += 1;
        }
      }

      // Documents: small distinct blobs standing in for the contract, its variations and letters.
      docCarry += docsPer;
      for (; docCarry >= 1; docCarry -= 1) {
        const kind = loaded.documents % 2 === 0 ? 'contract' : pick(['letter', 'variation', 'tender', 'other'] as const);
        const bytes = Buffer.from(`%PDF-1.4\n% ${kind} ${reference} ${loaded.documents} ${'x'.repeat(int(150, 350))}\n%%EOF\n`, 'latin1');
        const docId = uuidv7();
        ins.document.run(docId, opts.organisationId, createHash('sha256').update(bytes).digest('hex'), bytes.length, 'application/pdf', bytes, at);
        ins.contractDocument.run(uuidv7(), id, docId, kind === 'contract' ? `Signed contract ${reference}` : `${kind[0]!.toUpperCase()}${kind.slice(1)} ${loaded.documents}`, `${reference}-${loaded.documents}.pdf`, kind, 'application/pdf', at);
        loaded.documents += 1;
      }
      loaded.contracts += 1;
      loaded.contractIds.push(id);
      if (rt === 'pa23_reserved_mutual') loaded.reservedIds.push(id);
      if ((n + 1) % 10_000 === 0) opts.onProgress?.(`  ${(n + 1).toLocaleString('en-GB')} contracts, ${loaded.duties.toLocaleString('en-GB')} duties, ${loaded.documents.toLocaleString('en-GB')} documents`);
    }
  });
  run();
  // The live-income rows the core keeps beside the duties (migration 0019), written by the core's
  // own statements for every contract of the organisation, as rebuildDuties writes them one by one.
  raw.transaction(() => {
    raw.prepare('delete from contract_service_income where organisation_id = ?').run(opts.organisationId);
    raw.prepare('delete from contract_income where organisation_id = ?').run(opts.organisationId);
    raw.prepare(`${FILL_INCOME_HEAD} c.organisation_id = ?`).run(opts.organisationId);
    raw.prepare(`${FILL_SERVICE_INCOME_HEAD} i.organisation_id = ? ${FILL_SERVICE_INCOME_TAIL}`).run(opts.organisationId);
  })();
  return loaded;
}

/** The same day `months` later (clamped to the month's last day), as the rules count months. */
function addMonths(date: string, months: number): string {
  return nthMonthlyDate(date, months, 1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
