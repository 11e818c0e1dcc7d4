import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../core/core';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { addDays, ukDateOf } from '../../shared/rules/legal-date';
import { currentEndOn, deriveStatus, describeTermLength, maximumEndOn, maximumTerm, maximumTermMonths, termEnd, type ContractTermsInput } from '../../shared/rules/procurement/contract-terms';
import { lookupCpv } from '../../shared/rules/procurement/cpv';
import { evaluateS33, s33PeriodStart, s33StopsCountingOn } from '../../shared/rules/procurement/s33';
import { rng } from '../sample/people';
import { bulkLoadMembers } from './bulk-load';
import { bulkLoadContracts } from './contracts-load';
import { bindNamed, LIVE_SQL } from '../core/contracts/reports/live-income';
import { PAGE_SQL } from '../core/contracts/view';
import { figure, nowMs, percentile, timePaired, type Figure } from './stats';

/**
 * `npm run bench -- contracts [--json FILE] [--contracts N] [--members N] [--keep]`: a group
 * holding 50,000 contracts (by default) over 20 years, with about 200,000 dated duties and
 * 100,000 documents' metadata, 400 commissioners, and 20,000 employee members and 2,000
 * community members with a board of ten for the s33 employee-control evidence. Measured
 * through the app (core.dispatch: validation, Kysely, services) and, in the same run, as the
 * same SQL in hand-written better-sqlite3 producing the same answer:
 * - the timeline of the next 90 days with the overdue duties (the home screen's panel);
 * - a contract's page (contracts.get);
 * - the s33 check with its three-year search and the employee-control evidence as at a date;
 * - the portfolio's aggregates (income by commissioner and service, contracts ending).
 * The contracts are bulk-loaded (contracts-load.ts) in the shape the contracts core writes; the
 * members through the register benchmark's loader; the organisation, classes and directors
 * through the app.
 */
export interface ContractsBenchArgs {
  json?: string;
  contracts: number;
  members: number;
  keep: boolean;
}

type Outcome = { ok: true; value: any } | { ok: false; skipped: string };

const DIRECTORS: { given: string; family: string; kind: 'employee' | 'independent' | 'nominee' | 'member' }[] = [
  { given: 'Margaret', family: 'Okafor', kind: 'employee' },
  { given: 'Dafydd', family: 'ap Gwilym', kind: 'employee' },
  { given: 'Siobhán', family: "O'Neill", kind: 'employee' },
  { given: 'Rajesh', family: 'Patel', kind: 'member' },
  { given: 'Helen', family: 'Åberg', kind: 'member' },
  { given: 'Peter', family: 'Lloyd', kind: 'independent' },
  { given: 'Aisha', family: 'Khan', kind: 'independent' },
  { given: 'Tomasz', family: 'Nowak', kind: 'nominee' },
  { given: 'Gráinne', family: 'Murphy', kind: 'employee' },
  { given: 'Oluwaseun', family: 'Bello', kind: 'member' },
];

export async function benchContracts(args: ContractsBenchArgs): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-contracts-'));
  const dbPath = join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const figures: Figure[] = [];
  const skipped: { name: string; reason: string }[] = [];
  const plans: Record<string, string[]> = {};
  const iterations: Record<string, number> = {};
  const core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
  try {
    const ok = async (m: string, i: unknown) => {
      const r = await core.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as any;
    };
    /** One call through the core; a method not yet registered or failing is reported as skipped, not as a figure. */
    const attempt = async (m: string, i: unknown): Promise<Outcome> => {
      try {
        const r = await core.dispatch(m, i);
        if (r.ok) return { ok: true, value: r.value };
        return { ok: false, skipped: `skipped: ${m} failed: ${r.error.message}` };
      } catch (e) {
        return { ok: false, skipped: `skipped: ${m}: ${(e as Error).message}` };
      }
    };
    const today = ukDateOf(core.now());
    log(`Building ${args.contracts.toLocaleString('en-GB')} contracts over 20 years and ${args.members.toLocaleString('en-GB')} employee members in ${dbPath} …`);
    await ok('organisation.setUp', {
      particulars: {
        name: 'Benchmark Community Services Group',
        legalForm: 'company_limited_by_guarantee',
        registrationNumber: '01234567',
        registeredOffice: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB', country: 'england' },
        incorporatedOn: addDays(today, -(21 * 366)),
        financialYearEnd: '03-31',
      },
      rules: defaultRuleValues('company_limited_by_guarantee'),
    });
    const org = await ok('organisation.get', {});
    const orgId = org.id as string;
    const employees = await ok('classes.create', {
      name: 'Employee',
      votingRights: 'per_member',
      votesPerMember: 1,
      isEmployeeClass: true,
      eligibility: { minAgeYears: 16, minWeeklyHours: 7.5, minServiceMonths: 3 },
      shareTerms: null,
    });
    const community = await ok('classes.create', { name: 'Community', votingRights: 'per_member', votesPerMember: 1, isEmployeeClass: false, eligibility: { minAgeYears: 16, minWeeklyHours: null, minServiceMonths: null }, shareTerms: null });

    let t0 = nowMs();
    bulkLoadMembers(core.raw, { organisationId: orgId, classId: employees.id, className: 'Employee', count: args.members, seed: 1, actor: 'bench' });
    bulkLoadMembers(core.raw, { organisationId: orgId, classId: community.id, className: 'Community', count: Math.round(args.members / 10), seed: 2, actor: 'bench' });
    log(`Members loaded in ${((nowMs() - t0) / 1000).toFixed(1)} s.`);

    t0 = nowMs();
    const loaded = bulkLoadContracts(core.raw, { organisationId: orgId, today, contracts: args.contracts, years: 20, counterparties: 400, documents: args.contracts * 2, seed: 9, onProgress: log });
    log(
      `Contracts loaded in ${((nowMs() - t0) / 1000).toFixed(1)} s: ${loaded.contracts.toLocaleString('en-GB')} contracts, ${loaded.duties.toLocaleString('en-GB')} dated duties ` +
        `(${loaded.dutiesDone.toLocaleString('en-GB')} recorded as done), ${loaded.documents.toLocaleString('en-GB')} documents (small blobs), ${loaded.services.toLocaleString('en-GB')} service codes, ` +
        `${loaded.extensions.toLocaleString('en-GB')} extension options, ${loaded.variations.toLocaleString('en-GB')} variations, ${loaded.counterparties} commissioners.`,
    );

    // A board of ten, some with declared interests in the largest commissioners (conflicted on their contracts).
    for (const [i, d] of DIRECTORS.entries()) {
      const o = await ok('officers.add', {
        particulars: { givenNames: d.given, familyName: d.family, serviceAddress: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' }, dateOfBirth: `19${60 + i * 2}-0${1 + (i % 9)}-1${i % 10}`, nationality: 'British', occupation: 'Director', countryOfResidence: 'England' },
        residentialAddress: { line1: `${10 + i} Elm Grove`, town: 'Harrogate', postcode: 'HG1 2AB' },
        appointment: { role: 'director', directorKind: d.kind, ...(d.kind === 'nominee' ? { nominatedBy: loaded.counterpartyNames[0] } : {}), appointedOn: addDays(today, -(6 * 366)) },
      });
      if (i % 3 === 0) {
        await ok('interests.declare', { officerId: o.id, category: 'employment', nature: `Employed by ${loaded.counterpartyNames[i]!}`, relatedOrganisation: loaded.counterpartyNames[i], declaredOn: addDays(today, -(2 * 366)) });
      }
    }
    core.raw.pragma('wal_checkpoint(TRUNCATE)');

    const report = (f: Figure) => {
      figures.push(f);
      console.log(`${f.name.padEnd(22)} ${String(f.value).padStart(9)} ${f.unit.padEnd(3)}  raw ${String(f.raw).padStart(9)} ${f.unit.padEnd(3)}  ratio ${f.ratio.toFixed(2)}`);
    };
    const skip = (name: string, reason: string) => {
      skipped.push({ name, reason });
      console.log(`${name.padEnd(22)} ${reason}`);
    };
    const raw = core.raw;
    const r = rng(5);
    const randomContract = () => loaded.contractIds[Math.floor(r() * loaded.contractIds.length)]!;
    log(`Load before measuring: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const measure = async (name: string, method: string, inputs: unknown[], rawFn: (input: any) => unknown, sql: [string, unknown[]][]) => {
      const probe = await attempt(method, inputs[0]);
      if (!probe.ok) {
        skip(`${name}_p99_ms`, probe.skipped);
        return;
      }
      const t0 = nowMs();
      for (const i of inputs.slice(0, 10)) {
        await ok(method, i);
        rawFn(i);
      }
      // A slow figure is measured over fewer calls (at least 60) so the run stays within minutes; the count is reported.
      const each = (nowMs() - t0) / 10;
      const n = Math.max(60, Math.min(inputs.length, Math.floor(90_000 / Math.max(each, 0.001))));
      const t = await timePaired(inputs.slice(0, n), (i) => ok(method, i), (i) => rawFn(i));
      iterations[name] = n;
      const p99 = figure(`${name}_p99_ms`, 'ms', percentile(t.app, 99), percentile(t.raw, 99));
      report(p99);
      report(figure(`${name}_p50_ms`, 'ms', percentile(t.app, 50), percentile(t.raw, 50)));
      // Where a figure misses, the statements' own time and plans show which query to change.
      if (p99.value > 20 || p99.ratio > 2) plans[name] = explain(raw, sql);
    };

    // --- the timeline of the next 90 days, with the overdue duties (home screen) ------------------
    // As the home screen's panel asks (ContractDatesPanel: today to 90 days on, with the overdue duties, at most 200 shown),
    // and over the whole 90 days as an API caller may ask (up to the core's default of 1,000 duties), and as the calendar
    // asks for one month's grid of six weeks (CalendarPage: up to 5,000, no overdue) and for every overdue duty.
    // Enough calls that a p99 is not set by two or three garbage collections: 1,000 for each figure
    // (2,000 for the sub-millisecond contract page), within the 90 s a figure may take.
    const timelineInputs = Array.from({ length: 1000 }, (_, i) => {
      const from = addDays(today, i % 3 === 0 ? 0 : Math.floor(r() * 30));
      return { from, to: addDays(from, 90), includeOverdue: true, limit: 200 };
    });
    const timelineAllInputs = Array.from({ length: 1000 }, (_, i) => {
      const from = addDays(today, i % 3 === 0 ? 0 : Math.floor(r() * 30));
      return { from, to: addDays(from, 90), includeOverdue: i % 2 === 0 };
    });
    const calendarInputs = Array.from({ length: 1000 }, () => {
      const from = addDays(today, Math.floor(r() * 365) - 180);
      return { from, to: addDays(from, 41), includeOverdue: false, limit: 5000 };
    });
    const rawTimeline = rawTimelineOf(raw, orgId, today);
    await measure('timeline_90d', 'contracts.timeline', timelineInputs, rawTimeline.run, rawTimeline.sql(timelineInputs[0]!));
    await measure('timeline_90d_1000', 'contracts.timeline', timelineAllInputs, rawTimeline.run, rawTimeline.sql(timelineAllInputs[0]!));
    await measure('calendar_month', 'contracts.timeline', calendarInputs, rawTimeline.run, rawTimeline.sql(calendarInputs[0]!));

    // --- a contract's page ------------------------------------------------------------------------
    const getInputs = Array.from({ length: 2000 }, () => ({ id: randomContract() }));
    const rawGet = rawContractPage(raw, orgId, today);
    await measure('contract_get', 'contracts.get', getInputs, (i: { id: string }) => rawGet.run(i.id), rawGet.sql(getInputs[0]!.id));

    // --- the s33 check as at a date: the three-year search and the employee-control evidence --------
    const s33Inputs = Array.from({ length: 1000 }, (_, i) => ({
      contractId: i % 2 === 0 && loaded.reservedIds.length ? loaded.reservedIds[Math.floor(r() * loaded.reservedIds.length)]! : randomContract(),
      asAt: addDays(today, -Math.floor(r() * 3 * 365)),
    }));
    const rawS33 = rawS33Check(raw, orgId);
    await measure('s33_check', 'contractReports.s33Check', s33Inputs, rawS33.run, rawS33.sql(s33Inputs[0]!));

    // --- the portfolio's aggregates as at a date ---------------------------------------------------
    const portfolioInputs = Array.from({ length: 1000 }, (_, i) => ({ asAt: i % 4 === 0 ? today : addDays(today, -Math.floor(r() * 5 * 365)) }));
    const rawPortfolio = rawPortfolioOf(raw, orgId);
    await measure('portfolio', 'contractReports.portfolio', portfolioInputs, (i: { asAt: string }) => rawPortfolio.run(i.asAt), rawPortfolio.sql(today));

    log(`Load after measuring: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; calls timed per figure (each side): ${Object.entries(iterations).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    printTargets(figures, log);
    for (const [name, lines] of Object.entries(plans)) {
      log(`Where ${name} spends its time (each statement once, raw, with its plan):`);
      for (const l of lines) log(`  ${l}`);
    }
    if (skipped.length) log(`Skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`);
    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          {
            contracts: loaded.contracts,
            duties: loaded.duties,
            dutiesDone: loaded.dutiesDone,
            documents: loaded.documents,
            documentBytes: 'small distinct blobs of about 300 bytes each (metadata at full scale, not the files)',
            counterparties: loaded.counterparties,
            members: args.members + Math.round(args.members / 10),
            employeeMembers: args.members,
            loadAverage: loadavg(),
            iterations,
            figures,
            skipped,
            plans,
          },
          null,
          2,
        ),
      );
      log(`Wrote ${args.json}`);
    }
    return figures;
  } finally {
    await core.close();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

/** Each figure against its target (ratio ≤ 2.0; p99 ≤ 20 ms for these interactive reads). Printed, not asserted. */
function printTargets(figures: Figure[], log: (s: string) => void): void {
  log('Targets (printed, not asserted):');
  for (const f of figures) {
    const checks = [`ratio ${f.ratio.toFixed(2)} ${f.ratio <= 2 ? '≤' : '>'} 2.0`];
    if (f.name.endsWith('_p99_ms')) checks.push(`p99 ${f.value} ms ${f.value <= 20 ? '≤' : '>'} 20 ms`);
    log(`  ${f.name.padEnd(22)} ${checks.every((c) => !c.includes(' > ')) ? 'meets' : 'MISSES'}: ${checks.join('; ')}`);
  }
}

/** Each statement run once on its own (ms) with its EXPLAIN QUERY PLAN, for the report. */
function explain(raw: Database.Database, statements: [string, unknown[]][]): string[] {
  const out: string[] = [];
  for (const [sql, params] of statements) {
    const stmt = raw.prepare(sql);
    stmt.all(...params);
    const t = nowMs();
    stmt.all(...params);
    const ms = nowMs() - t;
    const plan = (raw.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');
    out.push(`${ms.toFixed(2)} ms: ${sql.replace(/\s+/g, ' ').slice(0, 240)}${sql.length > 240 ? '…' : ''}`);
    out.push(`    plan: ${plan}`);
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// The raw side: the same SQL the app runs, hand-written against better-sqlite3, and the same
// pure rules (shared/rules/procurement) for what is derived, producing the same answer.


function duty(r: any, today: string) {
  return {
    contractId: r.contract_id,
    key: r.key,
    kind: r.kind,
    dueOn: r.due_on,
    title: r.title,
    done: r.done_on !== null ? { doneOn: r.done_on, recordedBy: r.recorded_by, recordedAt: r.recorded_at, note: r.note } : null,
    overdue: r.done_on === null && r.due_on < today && r.key !== 'end',
  };
}

/** contracts.timeline: the overdue duties (not done, before today), the duties in the range, and the count of overdue. */
function rawTimelineOf(raw: Database.Database, orgId: string, today: string) {
  const q = {
    // Open duties (not done; a contract's end is a date, not a task: never overdue) with their names from the covering
    // index of open duties (migration 0023), as the core reads them; they have no done row.
    overdue: `select d.contract_id, d.key, d.kind, d.due_on, d.title, d.contract_reference, d.contract_title, d.counterparty_name,
      null as done_on, null as recorded_by, null as recorded_at, null as note
      from contract_duty d where d.organisation_id = ? and d.due_on < ? and d.done = 0 and d.key <> 'end' order by d.due_on, d.contract_id, d.key limit ?`,
    // The range from the covering index of duties by day with their names (migration 0023), the done record joined for those flagged done, as the core does.
    range: `select d.contract_id, d.key, d.kind, d.due_on, d.title, d.contract_reference, d.contract_title, d.counterparty_name,
      x.done_on, x.recorded_by, x.recorded_at, x.note
      from contract_duty d left join contract_duty_done x on d.done = 1 and x.contract_id = d.contract_id and x.key = d.key
      where d.organisation_id = ? and d.due_on >= ? and d.due_on <= ? order by d.due_on, d.contract_id, d.key limit ?`,
    // The overdue count as the core takes it: the open duties due before today, in the open-duties index alone.
    count: `select count(*) as n from contract_duty where organisation_id = ? and due_on < ? and done = 0 and key <> 'end'`,
  };
  const overdue = raw.prepare(q.overdue);
  const range = raw.prepare(q.range);
  const overdueCount = raw.prepare(q.count).pluck();
  return {
    run: (i: { from: string; to: string; includeOverdue: boolean; limit?: number }) => {
      // The same default as the core (contracts.timeline's limit, 1,000 when not given).
      const limit = i.limit ?? 1000;
      const before = i.from < today ? i.from : today;
      // As the core: the range only for the room the overdue duties leave (and one more, to tell the list was cut short).
      const late = i.includeOverdue ? (overdue.all(orgId, before, limit + 1) as any[]) : [];
      const room = limit + 1 - late.length;
      const inRange = room > 0 ? (range.all(orgId, i.from, i.to, room) as any[]) : [];
      const rows = late.length === 0 ? inRange : [...late, ...inRange];
      return {
        entries: rows.slice(0, limit).map((r) => Object.assign(duty(r, today), { contractReference: r.contract_reference, contractTitle: r.contract_title, counterpartyName: r.counterparty_name })),
        overdueCount: overdueCount.get(orgId, today) as number,
        truncated: rows.length > limit,
      };
    },
    sql: (i: { from: string; to: string; limit?: number }): [string, unknown[]][] => [
      [q.overdue, [orgId, today, (i.limit ?? 1000) + 1]],
      [q.range, [orgId, i.from, i.to, (i.limit ?? 1000) + 1]],
      [q.count, [orgId, today]],
    ],
  };
}

function termsFrom(c: any, ext: any[], brk: any[], rev: any[], kpi: any[], vars: any[]): ContractTermsInput {
  return {
    route: c.route,
    awardedOn: c.award_on,
    startOn: c.start_on,
    endOn: c.end_on,
    terminatedOn: c.terminated_on,
    extensions: ext.map((e) => ({ id: e.id, position: e.position, lengthMonths: e.length_months, decisionBy: e.decision_by, noticeBy: e.notice_by, exercisedOn: e.exercised_on, declinedOn: e.declined_on })),
    breaks: brk.map((b) => ({ id: b.id, earliestOn: b.earliest_on, noticeDays: b.notice_days, description: b.description })),
    priceReviews: rev.map((p) => ({ id: p.id, reviewOn: p.review_on, note: p.note })),
    kpis: kpi.map((k) => ({ id: k.id, name: k.name, frequency: k.frequency, firstDueOn: k.first_due_on })),
    variations: vars.map((v) => ({ id: v.id, madeOn: v.made_on, valueChangePence: v.value_change_pence, newEndOn: v.new_end_on })),
  };
}

/**
 * contracts.get: the page's one statement (view.ts PAGE_SQL: the contract with its commissioner,
 * and as JSON arrays its parts, documents, decisions, agenda items, duties and the directors'
 * current interests), parsed, with the status, ends, next and overdue duties and the conflicted
 * directors derived as the app derives them.
 */
function rawContractPage(raw: Database.Database, orgId: string, today: string) {
  const page = raw.prepare(PAGE_SQL);
  // counterparties/names.ts nameKey: en-GB lower case is toLowerCase().
  const key = (n: string) => n.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return {
    run: (id: string) => {
      const c = page.get(orgId, today, today, id, orgId) as any;
      const [ext, brk, rev, kpi, vars] = [c.extensions, c.breaks, c.priceReviews, c.kpis, c.variations].map((j: string) => JSON.parse(j));
      const terms: ContractTermsInput = { route: c.route, awardedOn: c.award_on, startOn: c.start_on, endOn: c.end_on, terminatedOn: c.terminated_on, extensions: ext, breaks: brk, priceReviews: rev, kpis: kpi, variations: vars };
      // Each duty's overdue flag set on the parsed object, as the app does.
      const duties = JSON.parse(c.duties) as any[];
      for (const d of duties) d.overdue = d.done === null && d.dueOn < today && d.key !== 'end';
      const open = duties.filter((d) => d.done === null);
      const next = open.find((d) => d.dueOn >= today);
      const term = maximumTerm(terms);
      return {
        id: c.id,
        reference: c.reference,
        title: c.title,
        counterpartyId: c.counterparty_id,
        counterpartyName: c.counterparty_name,
        route: c.route,
        status: deriveStatus(terms, today),
        currentEndOn: currentEndOn(terms),
        maximumEndOn: maximumEndOn(terms),
        maximumTerm: term ? describeTermLength(term) : null,
        nextDuty: next ? { key: next.key, dueOn: next.dueOn, title: next.title } : null,
        overdueCount: open.filter((d) => d.overdue).length,
        services: (JSON.parse(c.services) as string[]).map((code) => {
          const e = lookupCpv(code);
          return { code, description: e?.description ?? '', lightTouch: e?.lightTouch ?? false, reservable: e?.reservable ?? false };
        }),
        extensions: ext,
        breaks: brk,
        priceReviews: rev,
        kpis: kpi,
        variations: vars,
        documents: JSON.parse(c.documents),
        decisions: JSON.parse(c.decisions),
        agendaItems: JSON.parse(c.agendaItems),
        conflicted: (JSON.parse(c.interests) as any[])
          .filter((r) => r.counterpartyId === c.counterparty_id || (r.relatedOrganisation !== null && key(r.relatedOrganisation) === c.counterparty_key))
          .map((r) => ({ officerId: r.officerId, name: `${r.givenNames} ${r.familyName}`, interestId: r.interestId, nature: r.nature, declaredOn: r.declaredOn })),
        duties,
      };
    },
    sql: (id: string): [string, unknown[]][] => [[PAGE_SQL, [orgId, today, today, id, orgId]]],
  };
}

const monthOf = (on: string) => `${on.slice(0, 7)}-01`;
const liveValues = (orgId: string, on: string) => ({ org: orgId, month: monthOf(on), on });
const PUBLIC_BODY_KINDS = new Set(['council', 'nhs_trust', 'icb', 'nhs_england', 'government_department', 'public_body']);

/** contractReports.s33Check: the contract and its terms, the comparable contracts, the income shares, the public bodies' contracts, the registers on the day. */
function rawS33Check(raw: Database.Database, orgId: string) {
  const q = {
    contract: 'select c.id, c.reference, c.title, c.route, c.award_on, c.start_on, c.end_on, c.terminated_on, c.counterparty_id, p.name as counterparty_name from contract c join counterparty p on p.id = c.counterparty_id where c.id = ? and c.organisation_id = ?',
    services: 'select cpv_code from contract_service where contract_id = ? order by cpv_code',
    extensions: 'select * from contract_extension where contract_id = ? order by position',
    variations: 'select id, made_on, value_change_pence, new_end_on from contract_variation where contract_id = ?',
    candidates: `select c.id, c.reference, c.title, c.award_on, c.terminated_on, s.cpv_code from contract c left join contract_service s on s.contract_id = c.id
      where c.organisation_id = ? and c.counterparty_id = ? and c.route = 'pa23_reserved_mutual' and c.id <> ? and c.award_on >= ? and c.award_on <= ? order by c.award_on desc, c.id`,
    byService: LIVE_SQL.byService.sql,
    byCommissioner: LIVE_SQL.byCommissioner.sql,
    classes: `select c.id, c.name, c.is_employee_class, c.voting_rights, c.votes_per_member,
      (select count(*) from member m where m.class_id = c.id and m.admitted_on <= ? and (m.ceased_on is null or m.ceased_on > ?)) as members
      from membership_class c where c.organisation_id = ? order by c.id`,
    directors: `select a.officer_id, a.director_kind, a.appointed_on, a.ceased_on, o.given_names, o.family_name, m.admitted_on, m.ceased_on as member_ceased_on, k.is_employee_class
      from appointment a join officer o on o.id = a.officer_id left join member m on m.id = o.member_id left join membership_class k on k.id = m.class_id
      where a.organisation_id = ? and a.role = 'director' and a.appointed_on <= ?`,
    rules: 'select * from governing_rules where organisation_id = ?',
    laterChanges: `select e.seq, e.at, e.action, p.body from audit_event e join audit_payload p on p.event_id = e.id
      where e.entity_id = ? and e.action in ('organisation.updated', 'rules.updated') and e.at >= ? order by e.seq desc`,
  };
  const s = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, raw.prepare(v)])) as Record<keyof typeof q, Database.Statement>;
  const live = (on: string) => bindNamed(LIVE_SQL.byService, liveValues(orgId, on));
  const byCommissionerParams = (on: string) => bindNamed(LIVE_SQL.byCommissioner, liveValues(orgId, on));
  const sig = (code: string) => {
    const d = code.slice(0, 8).replace(/0+$/, '');
    return d.length >= 2 ? d : code.slice(0, 2);
  };
  return {
    run: (i: { contractId: string; asAt: string }) => {
      const c = s.contract.get(i.contractId, orgId) as any;
      const codes = (s.services.all(c.id) as any[]).map((x) => x.cpv_code as string);
      const terms = termsFrom(c, s.extensions.all(c.id) as any[], [], [], [], s.variations.all(c.id) as any[]);
      const awardOn = c.award_on ?? i.asAt;
      const comparables = (s.candidates.all(orgId, c.counterparty_id, c.id, s33PeriodStart(awardOn), awardOn) as any[])
        .filter((x) => x.cpv_code !== null && codes.some((m) => sig(m).startsWith(sig(x.cpv_code)) || sig(x.cpv_code).startsWith(sig(m))))
        .map((x) => ({ title: x.title, reference: x.reference, contractingAuthority: c.counterparty_name, awardedOn: x.award_on, enteredIntoOn: null, sameKindBasis: '', stopsCountingOn: s33StopsCountingOn(x.award_on) }));
      const services = (s.byService.all(live(i.asAt)) as any[]).map((x) => ({ ...x, entry: x.cpv_code ? lookupCpv(x.cpv_code) : null }));
      const total = services.reduce((n, x) => n + x.pence, 0);
      const reservable = services.filter((x) => x.entry?.reservable).reduce((n, x) => n + x.pence, 0);
      const commissioners = s.byCommissioner.all(byCommissionerParams(i.asAt)) as any[];
      const pub = { contracts: commissioners.filter((x) => PUBLIC_BODY_KINDS.has(x.kind)).reduce((n, x) => n + x.contracts, 0) };
      const classes = s.classes.all(i.asAt, i.asAt, orgId) as any[];
      const directors = (s.directors.all(orgId, i.asAt) as any[]).filter((a) => a.appointed_on <= i.asAt && (a.ceased_on === null || a.ceased_on >= i.asAt));
      s.rules.get(orgId);
      s.laterChanges.all(orgId, `${i.asAt}T00:00:00`);
      const members = classes.reduce((n, x) => n + x.members, 0);
      const employeeMembers = classes.filter((x) => x.is_employee_class === 1).reduce((n, x) => n + x.members, 0);
      const votes = classes.reduce((n, x) => n + (x.voting_rights === 'none' ? 0 : x.members * x.votes_per_member), 0);
      const employeeVotes = classes.filter((x) => x.is_employee_class === 1).reduce((n, x) => n + (x.voting_rights === 'none' ? 0 : x.members * x.votes_per_member), 0);
      const employeeDirectors = directors.filter((d) => d.director_kind === 'employee' || (d.director_kind === 'member' && votes > 0 && votes === employeeVotes)).length;
      const term = maximumTerm(terms);
      return evaluateS33({
        asAt: i.asAt,
        awardOn,
        contractingAuthority: c.counterparty_name,
        services: codes.map((code) => ({ code, description: lookupCpv(code)?.description ?? '', reservable: lookupCpv(code)?.reservable ?? false })),
        maximumTermMonths: maximumTermMonths(terms),
        maximumTermText: term ? describeTermLength(term) : null,
        comparableContracts: comparables,
        income: { reservablePence: reservable, totalPence: total, periodFrom: i.asAt, periodTo: i.asAt },
        purpose: pub.contracts > 0 ? { deliversPublicServices: true, clause: 'contracts with public bodies' } : { deliversPublicServices: null, clause: null },
        profits: { legalForm: 'Company limited by guarantee', notForProfit: null, distributesOnlyToMembers: null, clause: null },
        control: { membersTotal: members, employeeMembers, votingRightsTotal: votes, votingRightsEmployees: employeeVotes, boardSize: directors.length, employeeOrEmployeeElectedDirectors: employeeDirectors, clause: 'one member, one vote' },
      });
    },
    sql: (i: { contractId: string; asAt: string }): [string, unknown[]][] => {
      const c = s.contract.get(i.contractId, orgId) as any;
      const awardOn = c.award_on ?? i.asAt;
      return [
        [q.candidates, [orgId, c.counterparty_id, c.id, s33PeriodStart(awardOn), awardOn]],
        [q.byService, live(i.asAt)],
        [q.byCommissioner, byCommissionerParams(i.asAt)],
        [q.classes, [i.asAt, i.asAt, orgId]],
        [q.directors, [orgId, i.asAt]],
      ];
    },
  };
}

/** contractReports.portfolio: live contracts by commissioner, those ending in 6, 12, 18 months in all, by service, and the ending list. */
function rawPortfolioOf(raw: Database.Database, orgId: string) {
  const q = {
    byCommissioner: LIVE_SQL.byCommissioner.sql,
    ending6to18: LIVE_SQL.endingTotals.sql,
    byService: LIVE_SQL.byService.sql,
    ending: `select c.id, c.reference, c.title, p.name as counterparty_name, i.annual_value_pence, i.current_end_on as current_end
      from contract_income i join contract c on c.id = i.contract_id join counterparty p on p.id = i.counterparty_id
      where i.organisation_id = ? and i.current_end_on >= ? and i.start_on <= ? and (i.terminated_on is null or i.terminated_on > ?) and i.current_end_on <= ?
      order by i.current_end_on, c.reference limit 500`,
  };
  const s = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, raw.prepare(v)])) as Record<keyof typeof q, Database.Statement>;
  const params = (asAt: string) => {
    const after = addDays(asAt, 1);
    const by = [termEnd(after, 6), termEnd(after, 12), termEnd(after, 18)] as const;
    return {
      byCommissioner: bindNamed(LIVE_SQL.byCommissioner, liveValues(orgId, asAt)),
      ending6to18: bindNamed(LIVE_SQL.endingTotals, { org: orgId, on: asAt, by6: by[0], by12: by[1], by18: by[2], last: by[2] }),
      byService: bindNamed(LIVE_SQL.byService, liveValues(orgId, asAt)),
      ending: [orgId, asAt, asAt, asAt, by[2]],
    };
  };
  return {
    run: (asAt: string) => {
      const p = params(asAt);
      const e = s.ending6to18.get(p.ending6to18) as any;
      const commissioners = s.byCommissioner.all(p.byCommissioner) as any[];
      const services = s.byService.all(p.byService) as any[];
      const ending = s.ending.all(...p.ending) as any[];
      const total = commissioners.reduce((n, c) => n + c.pence, 0);
      const byCommissioner = commissioners.map((c) => ({ counterpartyId: c.counterparty_id, name: c.name, annualPence: c.pence, contracts: c.contracts, share: total > 0 ? c.pence / total : 0 })).sort((a, b) => b.annualPence - a.annualPence || a.name.localeCompare(b.name, 'en-GB'));
      const byService = services.map((x) => ({ code: x.cpv_code ?? '', description: x.cpv_code ? (lookupCpv(x.cpv_code)?.description ?? '') : 'No service category recorded', annualPence: x.pence, contracts: x.contracts })).sort((a, b) => b.annualPence - a.annualPence || a.code.localeCompare(b.code));
      return {
        asAt,
        annualIncomePence: total,
        byCommissioner,
        byService,
        ending: { within6: e.end6, within12: e.end12, within18: e.end18, within6Pence: e.end6_pence, within12Pence: e.end12_pence, within18Pence: e.end18_pence },
        endingContracts: ending.map((e) => ({ id: e.id, reference: e.reference, title: e.title, counterpartyName: e.counterparty_name, currentEndOn: e.current_end, annualValuePence: e.annual_value_pence })),
        largestShare: byCommissioner[0] && total > 0 ? byCommissioner[0].share : 0,
        largestCommissioner: byCommissioner[0] && total > 0 ? byCommissioner[0].name : null,
      };
    },
    sql: (asAt: string): [string, unknown[]][] => {
      const p = params(asAt);
      return [
        [q.byCommissioner, p.byCommissioner],
        [q.ending6to18, p.ending6to18],
        [q.byService, p.byService],
        [q.ending, p.ending],
      ];
    },
  };
}
