import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './support/browser';

// End-to-end journeys in real Chromium against the real core, a real SQLite file per test and
// the production renderer build (tools/test.mjs builds it first).
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  outputDir: '../test-results/e2e',
  use: {
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 900 },
    // A failed journey keeps its trace: every action with the DOM before and after, the network
    // and the console, and (screenshot below) the page as it failed. The trace's screencast, a
    // picture of every frame, is left out: recording it for every journey, passing or not, cost a
    // quarter of the e2e run's CPU (meetings-board and register: 87 CPU-seconds with it, 64 without).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A UK secretary's browser; the app's dates do not depend on it (dates-in-any-locale.spec.ts runs en-US).
        '--lang=en-GB',
      ],
    },
  },
});
