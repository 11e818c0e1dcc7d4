import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Core } from '../core/core';
import { figure, nowMs, type Figure } from './stats';

/**
 * `npx tsx main/bench/startup-check.ts --source FILE [--dir DIR] [--runs N] [--only host|worker] [--worker-script FILE] [--json FILE]`
 *
 * What the start-up comparison of the registers with the audit log (Core #startRegisterCheck)
 * costs the window: it opens a Core as a window does (host 'browser', so the check runs) on a COPY
 * of a benchmark file (the contracts benchmark's 50,000-contract file, kept with --keep), and
 * reports the check's total time (from the integrity check passing to the check's answer) and the
 * longest the host's event loop was late while it ran: a 1 ms interval timer's lateness, and
 * monitorEventLoopDelay's maximum. Both ways: on the host thread in 15 ms slices (as before, and
 * as the fallback still does) and on the worker thread, alternating (ABBA) so neither always has
 * the warmer page cache.
 *
 * The source file is only ever copied, never opened (someone else may be using it). The copy is
 * opened once first as the command line would (no check), so newer migrations are applied before
 * anything is timed.
 */

interface Args {
  source: string;
  dir: string;
  runs: number;
  /** Which ways to time (both by default). */
  ways: Run['way'][];
  /** The worker's script, if not the default (the .cjs of an Electron build, to time it without tsx). */
  workerScript?: string;
  json?: string;
}

interface Run {
  way: 'host thread' | 'worker';
  /** From the integrity check passing (seen by the probe) to the check's answer. */
  checkMs: number;
  /** The 1 ms probe's longest lateness while the check ran. */
  longestLateMs: number;
  /** monitorEventLoopDelay's maximum while the check ran. */
  delayMaxMs: number;
  delayP99Ms: number;
  /** The same, while the integrity check ran (on its own worker): what start-up costs without the register check. */
  integrityLongestLateMs: number;
  /** Every lateness over 50 ms while the check ran: when (ms after it started) and how long. */
  stalls: { atMs: number; lateMs: number }[];
  /**
   * The same probe's longest lateness in another process doing nothing, over the same run: on a
   * shared, loaded machine a thread waits for a core now and then whatever it runs.
   */
  otherProcessLongestLateMs: number;
  result: ReturnType<Core['registerCheck']>;
}

const log = (m: string) => console.log(m);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function parse(argv: string[]): Args {
  const args: Args = { source: '', dir: '', runs: 2, ways: ['host thread', 'worker'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--source') args.source = argv[++i] ?? '';
    else if (a === '--dir') args.dir = argv[++i] ?? '';
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--only') args.ways = [argv[++i] === 'host' ? 'host thread' : 'worker'];
    else if (a === '--worker-script') args.workerScript = argv[++i];
    else throw new Error(`Unknown option ${a}. Usage: npx tsx main/bench/startup-check.ts --source FILE [--dir DIR] [--runs N] [--only host|worker] [--worker-script FILE] [--json FILE]`);
  }
  if (!args.source || !existsSync(args.source)) throw new Error('--source needs an existing benchmark file (it is copied, never opened).');
  if (!Number.isInteger(args.runs) || args.runs < 1 || args.runs > 10) throw new Error('--runs needs a whole number from 1 to 10.');
  args.dir ||= join('/tmp', 'mg-startup-check');
  return args;
}

/** The file's copy, made once (and again only if the source is newer). */
function copyOf(args: Args): string {
  mkdirSync(args.dir, { recursive: true, mode: 0o700 });
  const copy = join(args.dir, basename(args.source));
  if (!existsSync(copy) || statSync(copy).mtimeMs < statSync(args.source).mtimeMs) {
    const t = nowMs();
    copyFileSync(args.source, copy);
    // A write-ahead log beside the source holds committed pages not yet in the file.
    if (existsSync(`${args.source}-wal`)) copyFileSync(`${args.source}-wal`, `${copy}-wal`);
    log(`Copied ${args.source} (${Math.round(statSync(copy).size / 1e6)} MB) to ${copy} in ${((nowMs() - t) / 1000).toFixed(1)} s.`);
  }
  return copy;
}

/** A 1 ms probe in a process of its own that does nothing else; `stop` returns its longest lateness. */
function otherProcessProbe(): { stop: () => Promise<number> } {
  const source = `let last = performance.now(), max = 0;
const t = setInterval(() => { const now = performance.now(); max = Math.max(max, now - last - 1); last = now; }, 1);
process.stdin.resume();
process.stdin.on('end', () => { clearInterval(t); process.stdout.write(String(max)); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    stop: async () => {
      child.stdin.end();
      await exited;
      return Number(out) || 0;
    },
  };
}

async function oneRun(dbPath: string, way: Run['way'], workerScript?: string): Promise<Run> {
  const other = otherProcessProbe();
  const h = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let phase: 'integrity' | 'registers' | 'done' = 'integrity';
  let integrityLate = 0;
  let late = 0;
  const stalls: Run['stalls'] = [];
  let checkStarted = 0;
  let checkEnded = 0;
  let core: Core | null = null;
  let finished!: () => void;
  const done = new Promise<void>((r) => (finished = r));
  // Each tick: how late it is, charged to the phase the core was in when it ran (a tick delayed by
  // the check's first slice runs after the integrity check has passed, so it is the check's).
  const probe = setInterval(() => {
    const now = performance.now();
    const lateness = now - last - 1;
    last = now;
    if (!core) return;
    if (phase === 'integrity') {
      if (core.integrity().state === 'checking') {
        integrityLate = Math.max(integrityLate, lateness);
        return;
      }
      phase = 'registers';
      checkStarted = now;
      h.reset();
    }
    if (phase === 'registers') {
      late = Math.max(late, lateness);
      if (lateness > 50) stalls.push({ atMs: Math.round(now - checkStarted), lateMs: Math.round(lateness) });
      if (core.registerCheck().state !== 'checking') {
        phase = 'done';
        checkEnded = now;
        h.disable();
        finished();
      }
    }
  }, 1);
  h.enable();
  try {
    core = await Core.open({ dbPath, host: 'browser', actor: 'bench', ...(way === 'host thread' ? { registerCheckScript: null } : workerScript ? { registerCheckScript: workerScript } : {}) });
    last = performance.now();
    await done;
    const result = core.registerCheck();
    return {
      way,
      checkMs: checkEnded - checkStarted,
      longestLateMs: late,
      delayMaxMs: h.max / 1e6,
      delayP99Ms: h.percentile(99) / 1e6,
      integrityLongestLateMs: integrityLate,
      stalls,
      otherProcessLongestLateMs: await other.stop(),
      result,
    };
  } finally {
    clearInterval(probe);
    h.disable();
    await core?.close();
    await other.stop();
  }
}

async function idleLateness(ms: number): Promise<number> {
  let late = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    late = Math.max(late, now - last - 1);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, ms));
  clearInterval(probe);
  return late;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const dbPath = copyOf(args);
  // Migrated (and vouched for) once, untimed, as the command line opens it: no start-up checks.
  let t = nowMs();
  const cli = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
  await cli.close();
  log(`Opened the copy once to bring it up to date in ${((nowMs() - t) / 1000).toFixed(1)} s (load ${load()}).`);

  const idle = await idleLateness(3000);
  log(`Idle: the 1 ms probe's longest lateness over 3 s with nothing running here: ${idle.toFixed(1)} ms (the machine's other work).`);
  const order: Run['way'][] = [];
  for (let i = 0; i < args.runs; i++) order.push(...(i % 2 === 0 ? args.ways : [...args.ways].reverse()));
  const runs: Run[] = [];
  for (const way of order) {
    t = nowMs();
    const r = await oneRun(dbPath, way, args.workerScript);
    runs.push(r);
    log(
      `${way.padEnd(11)}: check ${(r.checkMs / 1000).toFixed(2)} s; longest event-loop lateness ${r.longestLateMs.toFixed(1)} ms (delay max ${r.delayMaxMs.toFixed(1)} ms, p99 ${r.delayP99Ms.toFixed(1)} ms); during the integrity check ${r.integrityLongestLateMs.toFixed(1)} ms; in an idle process meanwhile ${r.otherProcessLongestLateMs.toFixed(1)} ms; ${r.result.state}, ${r.result.problems.length + r.result.more} problem(s); whole open ${((nowMs() - t) / 1000).toFixed(1)} s (load ${load()})`,
    );
    if (r.stalls.length > 0) log(`             lateness over 50 ms at (ms after the check started: ms late): ${r.stalls.map((x) => `${x.atMs}: ${x.lateMs}`).join(', ')}`);
  }
  const of = (way: Run['way']) => runs.filter((r) => r.way === way);
  // A way not timed (--only) counts as 0.
  const worst = (rs: Run[], k: 'longestLateMs' | 'delayMaxMs' | 'delayP99Ms' | 'otherProcessLongestLateMs') => Math.max(0, ...rs.map((r) => r[k]));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
  const worker = of('worker');
  const host = of('host thread');
  const same = runs.every((r) => JSON.stringify(r.result) === JSON.stringify(runs[0]!.result));
  if (!same) log('The two ways did not give the same answer: see the runs above.');
  // value = on the worker (the app now); raw = on the host thread (before).
  const figures: Figure[] = [
    figure('start-up register check: time to its answer (median)', 'ms', median(worker.map((r) => r.checkMs)), median(host.map((r) => r.checkMs))),
    figure('start-up register check: longest event-loop lateness (1 ms probe, worst run)', 'ms', worst(worker, 'longestLateMs'), worst(host, 'longestLateMs')),
    figure('start-up register check: event-loop delay max (worst run)', 'ms', worst(worker, 'delayMaxMs'), worst(host, 'delayMaxMs')),
    figure('start-up register check: event-loop delay p99 (worst run)', 'ms', worst(worker, 'delayP99Ms'), worst(host, 'delayP99Ms')),
    figure('the machine meanwhile: an idle process’s longest lateness (worst run)', 'ms', worst(worker, 'otherProcessLongestLateMs'), worst(host, 'otherProcessLongestLateMs')),
  ];
  log('Figures (value: on the worker thread; raw: on the host thread, in slices):');
  for (const f of figures) log(`  ${f.name}: ${f.value} ${f.unit} (host thread ${f.raw} ${f.unit})`);
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify(
        { source: args.source, copy: dbPath, workerScript: args.workerScript ?? 'register-check-worker-entry.mjs (tsx)', loadAverage: loadavg(), idleLongestLateMs: idle, sameAnswer: same, answer: runs[0]!.result.state, problems: runs[0]!.result.problems.length + runs[0]!.result.more, runs, figures },
        null,
        2,
      ),
    );
    log(`Wrote ${args.json}`);
  }
}

void main().catch((e) => {
  console.error(`The benchmark failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
