import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ReportDoc, ReportRequest } from '../../shared/contract/reports';
import type { JobStatus } from '../../shared/contract/jobs';
import { defaultRuleValues } from '../../shared/rules/governing-rules';
import { addDays, addYears, ukDateOf } from '../../shared/rules/legal-date';
import { Core } from '../core/core';
import { REPORT_RUNNER } from '../core/reports/run-job';
import { bulkLoadGroup, groupOnFile, organisationSpec, type GroupLoaded, type LoadedOrganisation } from './reports-load';
import { compare, explainSlowest, flattenDoc, periodOf, rawAgm, rawAnnual, rawProfile, type Comparison, type RawFigures } from './reports-raw';
import { figure, nowMs, percentile, type Figure } from './stats';

/**
 * `npm run bench -- reports [--json FILE] [--members N] [--orgs N] [--keep]`: a group of five
 * organisations (by default) with 1,000,000 members in all, ten years of board and committee
 * meetings, general meetings with attendance and resolutions, a closed ballot a year in each, and
 * 50,000 contracts (reports-load.ts; for fewer members, one contract per 20 members, at least 500). Then, for each organisation the app can switch to (the
 * largest at least), the annual governance report as at three years back and the AGM pack of the
 * general meeting whose notice went out nearest that date, each through the app (the core's
 * `reports.build` job, dispatched and followed with `jobs.get` as the window does) and, in the same
 * run, the same figures computed with hand-written SQL on better-sqlite3 (reports-raw.ts), the two
 * timed in alternation. The raw figures must equal the app's: any difference is printed, written
 * to the JSON and fails the run.
 *
 * Figures (as the register benchmark writes them): each report's build time, app against raw; the
 * longest the host's event loop was held while the app built it (a 5 ms interval timer's lateness,
 * beside perf_hooks' event-loop delay at a 10 ms resolution), against the raw build's, which holds
 * it throughout; and the progress states the job reported.
 */
export interface ReportsBenchArgs {
  json?: string;
  /** A file an earlier run kept (--keep), loaded the same day: measured again without loading it again. */
  db?: string;
  members: number;
  orgs: number;
  keep: boolean;
}

const TARGETS: Record<string, string> = {
  annual_ms: 'annual report ≤ 10,000 ms, ratio ≤ 2.0',
  agm_ms: 'ratio ≤ 2.0',
  annual_max_stall_ms: '≤ 50 ms',
  agm_max_stall_ms: '≤ 50 ms',
  annual_progress_states: 'progress shown (> 0)',
};

export async function benchReports(args: ReportsBenchArgs): Promise<Figure[]> {
  const dir = args.db ? dirname(args.db) : mkdtempSync(join(tmpdir(), 'mg-bench-reports-'));
  const dbPath = args.db ?? join(dir, 'bench.sqlite');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const figures: Figure[] = [];
  // 50,000 contracts for a million members; in proportion for a smaller run (at least 500).
  const contracts = Math.min(50_000, Math.max(500, Math.round(args.members / 20)));
  const info: Record<string, unknown> = { members: args.members, organisations: args.orgs, contracts, years: 10 };
  const mismatches: { organisation: string; report: string; differences: Comparison['differences'] }[] = [];
  const notChecked = new Set<string>();
  const profiles: unknown[] = [];
  const core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
  try {
    const ok = async <T = any>(m: string, i: unknown): Promise<T> => {
      const r = await core.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}${r.error.fieldErrors ? ` ${JSON.stringify(r.error.fieldErrors)}` : ''}`);
      return r.value as T;
    };
    const known = async (m: string) => {
      const r = await core.dispatch(m, {});
      return r.ok || !/There is no action called/.test(r.error.message);
    };
    const today = ukDateOf(core.now());
    const years = 10;
    info['loadAtStart'] = load();
    let loaded: GroupLoaded;
    if (args.db) {
      loaded = groupOnFile(core.raw);
      info['members'] = loaded.organisations.reduce((k, o) => k + o.members, 0);
      info['organisations'] = loaded.organisations.length;
      info['contracts'] = loaded.organisations.reduce((k, o) => k + o.contracts, 0);
      info['reused'] = args.db;
      log(`Measuring the group kept in ${args.db}: ${loaded.organisations.map((o) => `${o.name} ${o.members.toLocaleString('en-GB')} members`).join(', ')} (load ${load()}).`);
    } else {
    log(`Building a group of ${args.orgs} organisations with ${args.members.toLocaleString('en-GB')} members, ${years} years of meetings and ballots and ${contracts.toLocaleString('en-GB')} contracts in ${dbPath} (load ${load()}) …`);
    const spec = organisationSpec(0);
    await ok('organisation.setUp', {
      particulars: {
        name: spec.name,
        legalForm: spec.legalForm,
        registrationNumber: spec.registrationNumber,
        registeredOffice: { line1: '10 Market Street', town: spec.town, postcode: 'LS1 5AB', country: 'england' },
        incorporatedOn: addYears(today, -(years + 4)),
        financialYearEnd: '03-31',
      },
      rules: defaultRuleValues(spec.legalForm),
    });
    const first = await ok<{ id: string }>('organisation.get', {});
    const t0 = nowMs();
    loaded = await bulkLoadGroup(core.raw, {
      today,
      firstOrganisationId: first.id,
      organisations: args.orgs,
      members: args.members,
      contracts,
      years,
      seed: 11,
      actor: 'bench',
      onProgress: log,
    });
    core.raw.pragma('wal_checkpoint(TRUNCATE)');
    core.raw.pragma('optimize');
    const loadSeconds = (nowMs() - t0) / 1000;
    info['loadSeconds'] = Math.round(loadSeconds);
    log(`Loaded in ${loadSeconds.toFixed(1)} s (load ${load()}).`);
    }

    // --- which organisations the app can build for: all of them once group.switch exists, else the current one ---
    const canSwitch = await known('group.switch');
    const targets: LoadedOrganisation[] = canSwitch ? loaded.organisations : [loaded.organisations[0]!];
    if (!canSwitch) log('group.switch is not in this version: building the reports of the current organisation (the largest) only.');
    const viaJob = await known('reports.build');
    if (!viaJob) log('reports.build is not registered in this version: the app side runs the builder directly over the core’s database (no job, no worker).');
    info['appPath'] = viaJob ? 'reports.build job, followed with jobs.get' : 'builder called directly (reports.build not registered)';

    /** One build through the app, with the event loop watched and the job's progress states counted. */
    const appBuild = async (request: ReportRequest, orgId: string) => {
      const h = monitorEventLoopDelay({ resolution: 10 });
      let stall = 0;
      let last = performance.now();
      const probe = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - last - 5);
        last = now;
      }, 5);
      h.enable();
      const states = new Set<string>();
      const t = nowMs();
      // When each step was first seen (the job's progress label), so the time between them says where the app's time goes.
      const steps: { label: string; at: number }[] = [];
      const seen = (label: string) => {
        if (steps[steps.length - 1]?.label !== label) steps.push({ label, at: nowMs() - t });
      };
      let doc: ReportDoc;
      try {
        if (viaJob) {
          const { jobId } = await ok<{ jobId: string }>('reports.build', request);
          for (;;) {
            const s = await ok<JobStatus>('jobs.get', { id: jobId });
            if (s.state === 'running') {
              if (s.total > 0) {
                states.add(`${s.done}/${s.total} ${s.message}`);
                seen(s.message);
              }
              await new Promise((res) => setTimeout(res, 5));
              continue;
            }
            if (s.state === 'failed') throw new Error(`reports.build (${request.kind}): ${s.error?.message}`);
            doc = s.result as ReportDoc;
            break;
          }
        } else {
          doc = await directBuild(core, request, orgId, (d, n, label) => {
            states.add(`${d}/${n} ${label}`);
            seen(label);
          });
        }
      } finally {
        clearInterval(probe);
        h.disable();
      }
      const ms = nowMs() - t;
      const stepMs = steps.map((x, i) => ({ label: x.label, ms: Math.round((steps[i + 1]?.at ?? ms) - x.at) }));
      return { doc: doc!, ms, stall, delayMax: h.max / 1e6, progress: states.size, steps: stepMs };
    };
    const rawBuild = (fn: () => RawFigures) => {
      const t = nowMs();
      const figures = fn();
      return { figures, ms: nowMs() - t };
    };

    /** The probe's longest lateness with nothing running in this process: what the machine's other work alone costs the loop. */
    const idleStall = async (ms: number) => {
      let stall = 0;
      let last = performance.now();
      const probe = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - last - 5);
        last = now;
      }, 5);
      await new Promise((res) => setTimeout(res, ms));
      clearInterval(probe);
      return stall;
    };
    const idle: number[] = [];
    const reps = args.members >= 200_000 ? 3 : 5;
    const asAt = addYears(today, -3);
    info['asAt'] = asAt;
    const results: Record<string, { app: number[]; raw: number[]; stall: number[]; delay: number[]; rawHold: number[]; progress: number[] }> = {};
    const record = (name: string) => (results[name] ??= { app: [], raw: [], stall: [], delay: [], rawHold: [], progress: [] });

    for (const org of targets) {
      if (canSwitch) await ok('group.switch', { organisationId: org.id });
      const row = core.raw.prepare('select * from organisation where id = ?').get(org.id) as { id: string; legal_form: string; financial_year_end: string };
      const from = addDays(addYears(asAt, -1), 1);
      const annualRequest: ReportRequest = { kind: 'annual', asAt, from };
      // The general meeting whose notice went out nearest three years back; its pack as at the day of the notice.
      const agm = [...org.agms].sort((a, b) => Math.abs(Date.parse(a.noticeOn) - Date.parse(asAt)) - Math.abs(Date.parse(b.noticeOn) - Date.parse(asAt)))[0]!;
      const agmRequest: ReportRequest = { kind: 'agm', asAt: agm.noticeOn, meetingId: agm.meetingId };
      const jobs = [
        { name: 'annual', request: annualRequest, raw: () => rawAnnual(core.raw, row, periodOf(asAt, from)) },
        { name: 'agm', request: agmRequest, raw: () => rawAgm(core.raw, row, agm.meetingId, agm.noticeOn) },
      ];
      log(`\n${org.name} (${org.members.toLocaleString('en-GB')} members): annual report as at ${asAt}, AGM pack for the meeting of ${agm.heldOn} as at ${agm.noticeOn} (load ${load()})`);
      idle.push(await idleStall(3000));
      log(`  idle: the loop probe's longest lateness over 3 s with nothing running here: ${idle[idle.length - 1]!.toFixed(1)} ms (the machine's other work)`);
      for (const j of jobs) {
        // Warm both (statement caches, the page cache), and check the figures agree.
        let app: Awaited<ReturnType<typeof appBuild>>;
        try {
          app = await appBuild(j.request, org.id);
        } catch (e) {
          log(`  ${j.name}: the app could not build it: ${(e as Error).message}`);
          mismatches.push({ organisation: org.name, report: j.name, differences: [{ key: `build failed: ${(e as Error).message}`, app: null, raw: null }] });
          continue;
        }
        const raw = rawBuild(j.raw);
        const c = compare(flattenDoc(app.doc.sections), raw.figures);
        c.notChecked.forEach((x) => notChecked.add(`${j.name}: ${x}`));
        log(`  ${j.name}: ${c.checked} numbers compared, ${c.differences.length} differ; not computed raw: ${c.notChecked.length ? c.notChecked.join(', ') : 'none'}`);
        for (const d of c.differences.slice(0, 40)) log(`    DIFFERENT ${d.key}: app ${d.app ?? '—'}, raw ${d.raw ?? '—'}`);
        if (c.differences.length) mismatches.push({ organisation: org.name, report: j.name, differences: c.differences });
        // Timed: app and raw in alternation, so neither has the cache the other just warmed.
        const r = record(org === targets[0] ? j.name : `${j.name}:${org.name}`);
        let lastSteps: { label: string; ms: number }[] = [];
        for (let i = 0; i < reps; i++) {
          const order = i % 2 === 0 ? ['app', 'raw'] : ['raw', 'app'];
          for (const side of order) {
            if (side === 'app') {
              const a = await appBuild(j.request, org.id);
              lastSteps = a.steps;
              r.app.push(a.ms);
              r.stall.push(a.stall);
              r.delay.push(a.delayMax);
              r.progress.push(a.progress);
            } else {
              const x = rawBuild(j.raw);
              r.raw.push(x.ms);
              r.rawHold.push(x.ms);
            }
          }
        }
        log(`  ${j.name}: app ${r.app.map((v) => v.toFixed(0)).join(', ')} ms; raw ${r.raw.map((v) => v.toFixed(0)).join(', ')} ms; longest stall ${Math.max(...r.stall).toFixed(1)} ms (event-loop delay max ${Math.max(...r.delay).toFixed(1)} ms); progress states ${r.progress.join(', ')}`);
        // Where the time goes: the app's steps (between its progress labels, last timed build), the raw sections and statements.
        log(`  ${j.name}: app steps (as the job reported them): ${lastSteps.map((x) => `${x.label} ${x.ms} ms`).join('; ')}`);
        rawProfile.on = true;
        rawProfile.statements.clear();
        rawProfile.sections.clear();
        j.raw();
        rawProfile.on = false;
        log(`  ${j.name}: raw sections: ${[...rawProfile.sections].map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`);
        const slow = explainSlowest(core.raw, 5);
        for (const x of slow) log(`    raw ${x.ms} ms in ${x.calls} call(s): ${x.sql.slice(0, 220)}${x.sql.length > 220 ? '…' : ''}\n      plan: ${x.plan.join(' | ')}`);
        profiles.push({ organisation: org.name, report: j.name, appSteps: lastSteps, rawSections: Object.fromEntries([...rawProfile.sections].map(([k, v]) => [k, Math.round(v)])), slowestRaw: slow });
      }
    }

    // The host fallback (no worker script): the same job on the host's event loop, yielding at the builders' checkpoints.
    // Measured for the largest organisation's annual report, as a figure of its own: the longest stall here is the
    // longest step between two checkpoints.
    const hostThread: { ms: number[]; stall: number[] } = { ms: [], stall: [] };
    if (viaJob) {
      const org = targets[0]!;
      if (canSwitch) await ok('group.switch', { organisationId: org.id });
      const from = addDays(addYears(asAt, -1), 1);
      const before = REPORT_RUNNER.mode;
      REPORT_RUNNER.mode = 'thread';
      try {
        for (let i = 0; i < 2; i++) {
          const a = await appBuild({ kind: 'annual', asAt, from }, org.id);
          if (i > 0) {
            hostThread.ms.push(a.ms);
            hostThread.stall.push(a.stall);
            log(`  annual on the host thread (fallback): ${a.ms.toFixed(0)} ms, longest stall ${a.stall.toFixed(1)} ms; steps: ${a.steps.map((x) => `${x.label} ${x.ms} ms`).join('; ')}`);
          }
        }
      } finally {
        REPORT_RUNNER.mode = before;
      }
    }
    info['loadWhileMeasuring'] = load();
    const report = (f: Figure, note?: string) => {
      figures.push(f);
      console.log(`${f.name.padEnd(32)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} raw ${String(f.raw).padStart(10)} ${f.unit.padEnd(6)} ratio ${f.ratio.toFixed(2)}   target: ${TARGETS[f.name.split(':')[0]!] ?? note ?? ''}`);
    };
    for (const [name, r] of Object.entries(results)) {
      if (!r.app.length) continue;
      const [kind, orgName] = name.split(':');
      const suffix = orgName ? `:${orgName}` : '';
      report(figure(`${kind}_ms${suffix}`, 'ms', percentile(r.app, 50), percentile(r.raw, 50)));
      report(figure(`${kind}_max_stall_ms${suffix}`, 'ms', Math.max(...r.stall), Math.max(...r.rawHold)));
      report(figure(`${kind}_event_loop_delay_max_ms${suffix}`, 'ms', Math.max(...r.delay), Math.max(...r.rawHold)), '≤ 50 ms (perf_hooks, resolution 10 ms)');
      report(figure(`${kind}_progress_states${suffix}`, 'count', Math.min(...r.progress), 0), 'progress shown (> 0)');
    }
    if (hostThread.ms.length) {
      const annual = results['annual'];
      report(figure('annual_host_thread_ms', 'ms', percentile(hostThread.ms, 50), annual ? percentile(annual.raw, 50) : 0), 'the fallback without a worker; ratio ≤ 2.0');
      report(figure('annual_host_thread_max_stall_ms', 'ms', Math.max(...hostThread.stall), annual ? Math.max(...annual.rawHold) : 0), '≤ 50 ms (the longest step between two checkpoints)');
    }
    info['idleMaxStallMs'] = Math.round(Math.max(...idle) * 10) / 10;
    console.log(`Idle probe (nothing running in this process, 3 s before each organisation): longest lateness ${String(info['idleMaxStallMs'])} ms: stalls up to this are the machine's, not the report's.`);
    console.log(`Load average while measuring: ${String(info['loadWhileMeasuring'])} (2 cores shared).`);
    if (mismatches.length) {
      console.log(`THE RAW FIGURES DIFFER FROM THE APP'S in ${mismatches.length} report(s): see above.`);
      process.exitCode = 1;
    } else {
      console.log('The raw figures equal the app’s in every report built.');
    }
    if (notChecked.size) console.log(`Not computed raw (not compared): ${[...notChecked].join('; ')}`);
    if (args.json) {
      writeFileSync(args.json, JSON.stringify({ ...info, figures, mismatches, notChecked: [...notChecked], profiles }, null, 2));
      log(`Wrote ${args.json}`);
    }
    return figures;
  } finally {
    await core.close();
    if (!args.keep && !args.db) rmSync(dir, { recursive: true, force: true });
    else log(`Kept ${dir}`);
  }
}

/**
 * Until reports.build is registered: the builder run directly over the core's database, as the
 * job would run it on the host (progress counted, the loop given back every 15 ms as JobRunner's
 * checkpoint does).
 */
async function directBuild(core: Core, request: ReportRequest, orgId: string, progress: (d: number, n: number, label: string) => void): Promise<ReportDoc> {
  const { BUILDERS } = await import('../core/reports/builders/index');
  const builder = BUILDERS[request.kind];
  if (!builder) throw new Error(`no builder for ${request.kind} yet`);
  const org = await core.db.selectFrom('organisation').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
  let slice = performance.now();
  const built = await builder({
    db: core.db,
    org,
    request,
    period: { from: request.from ?? null, to: request.asAt },
    today: ukDateOf(core.now()),
    progress,
    checkpoint: async () => {
      if (performance.now() - slice >= 15) {
        await new Promise((res) => setImmediate(res));
        slice = performance.now();
      }
    },
  });
  return { request, title: built.title, organisation: { id: org.id, name: org.name, legalForm: org.legal_form as never, registrationNumber: org.registration_number }, period: { from: request.from ?? null, to: request.asAt }, producedAt: new Date().toISOString(), auditHead: { seq: 0, hash: '' }, sections: built.sections, missing: built.missing };
}
