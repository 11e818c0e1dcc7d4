// `npm test`: everything a change needs: type check and lint (side by side: each is one
// single-threaded process, and the machines have two cores), the production builds of the
// renderer and the phone voting page, unit and integration tests (Vitest, some of which read
// those builds), and the end-to-end journeys (Playwright in Chromium). Ends with one line "N passed, N failed" counting every test of every suite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const started = Date.now();
let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const t = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  console.log(`--- ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/**
 * Runs several commands at once with their output held back, then prints each one's output
 * whole, in the order given, so the log reads as if they had run one after another.
 */
async function runSideBySide(jobs) {
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  console.log(`\n=== ${jobs.map((j) => j.label).join(' and ')}, side by side ===`);
  const started = Date.now();
  const finished = await Promise.all(
    jobs.map(
      (job) =>
        new Promise((resolve) => {
          const t = Date.now();
          const chunks = [];
          const child = spawn(job.command, job.args, { cwd: root, env: { ...process.env, ...colour } });
          child.stdout.on('data', (c) => chunks.push(c));
          child.stderr.on('data', (c) => chunks.push(c));
          child.once('error', (e) => {
            chunks.push(Buffer.from(`${job.command} could not start: ${e.message}\n`));
            resolve({ job, ok: false, output: Buffer.concat(chunks), seconds: (Date.now() - t) / 1000 });
          });
          child.once('close', (code) => resolve({ job, ok: code === 0, output: Buffer.concat(chunks), seconds: (Date.now() - t) / 1000 }));
        }),
    ),
  );
  for (const { job, ok, output, seconds } of finished) {
    console.log(`\n=== ${job.label} ===`);
    process.stdout.write(output);
    console.log(`--- ${job.label}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  }
  console.log(`--- together in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return finished.map((f) => f.ok);
}

function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

function count(label, ok) {
  if (ok) passed += 1;
  else {
    failed += 1;
    problems.push(label);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const [typed, linted] = await runSideBySide([
  { label: 'Type check (tsc -b)', command: bin('tsc'), args: ['-b', ...(process.stdout.isTTY ? ['--pretty'] : [])] },
  { label: 'Lint with import boundaries (eslint)', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
]);
count('type check', typed);
count('lint', linted);

// Built before the unit tests, which read the phone voting page's bundle (renderer/station/bundle.test.ts).
const built =
  run('Renderer production build (vite)', bin('vite'), ['build', '--config', 'renderer/vite.config.ts']) &&
  // The phone voting page, a bundle of its own that the voting station serves (renderer/station, issue 9).
  run('Phone voting page build (vite)', bin('vite'), ['build', '--config', 'renderer/station/vite.config.ts']);
count('renderer build', built);

const unitJson = join(results, 'unit.json');
run('Unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`], built ? { MG_STATION_BUILT: '1' } : {});
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests > 0 || unit.numFailedTestSuites > 0) problems.push('unit tests');
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
} else count('unit tests (no report)', false);

const noChromium = built ? ensureChromium() : 'the renderer build failed, so there was nothing to test';
if (noChromium === null) {
  const e2eJson = join(results, 'e2e.json');
  run('End-to-end journeys (Playwright in Chromium)', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts']);
  const e2e = readJson(e2eJson);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    if (e2e.stats.skipped > 0) console.log(`(${e2e.stats.skipped} end-to-end test(s) skipped; see the reasons above)`);
    if (e2e.stats.unexpected > 0) problems.push('end-to-end journeys');
  } else count('end-to-end journeys (no report)', false);
} else {
  count('end-to-end journeys (could not run)', false);
  console.error(`\nThe end-to-end journeys could not run: ${noChromium}`);
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\nFinished in ${minutes} min.${problems.length ? ` Failing: ${problems.join(', ')}.` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
