// `npm test`: everything a change needs, in order: type check, lint, unit and integration
// tests (Vitest), the production renderer build, and the end-to-end journeys (Playwright in
// Chromium). Ends with one line "N passed, N failed" counting every test of every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Debian's Chromium, installed when we can (root on Debian); otherwise say exactly how. */
function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  if (candidates.some((c) => existsSync(c))) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('No Chromium found: installing Debian\'s (apt-get install -y chromium) for the end-to-end tests.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    }
    if (r.status === 0 && existsSync('/usr/bin/chromium')) return true;
  }
  console.error(
    'No Chromium for the end-to-end tests. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
  );
  return false;
}

count('type check', run('Type check (tsc -b)', bin('tsc'), ['-b']));
count('lint', run('Lint with import boundaries (eslint)', bin('eslint'), ['.', '--max-warnings=0']));

const unitJson = join(results, 'unit.json');
run('Unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests > 0 || unit.numFailedTestSuites > 0) problems.push('unit tests');
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
} else count('unit tests (no report)', false);

const built = run('Renderer production build (vite)', bin('vite'), ['build', '--config', 'renderer/vite.config.ts']);
count('renderer build', built);

if (built && ensureChromium()) {
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
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\nFinished in ${minutes} min.${problems.length ? ` Failing: ${problems.join(', ')}.` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
