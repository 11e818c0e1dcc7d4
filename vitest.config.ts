import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Unit and integration tests of every world (shared, main, migrations, renderer logic).
// End-to-end journeys are Playwright's, in e2e/.
const ALL = ['shared/**/*.test.ts', 'main/**/*.test.ts', 'migrations/**/*.test.ts', 'renderer/src/**/*.test.ts', 'renderer/station/**/*.test.ts', 'tools/**/*.test.mjs'];

/**
 * Files that change state the whole process shares, or depend on it being fresh, so each runs in
 * a process of its own (Vitest's default isolation):
 * - the KDF switch for trustees' keys (useLightKdfForTests: a module-level setting with no reset);
 * - main/core/ballots/ as a whole, whose storage is being rewritten;
 * - the board pack's spare worker thread (a module-level slot the test checks is reused);
 * - the lockfile's record of the locks this process holds, and its boot id;
 * - the process umask.
 * A new test file that does any of these belongs here.
 */
const ISOLATED = [
  'main/core/ballots/**/*.test.ts',
  'main/station/**/*.test.ts',
  'main/core/backup/ballot-restore.test.ts',
  'main/hosts/cli/ballot-decrypt.test.ts',
  'main/hosts/cli/ballot-export.test.ts',
  'main/hosts/cli/restore-ballots.test.ts',
  'main/sample/ballots.test.ts',
  'main/sample/meetings.test.ts',
  'main/core/meetings/pack-thread.test.ts',
  'main/core/db/lockfile.test.ts',
  'main/core/db/private-files.test.ts',
];

const common: TestProjectInlineConfiguration['test'] = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, to leave one to itself: on the two-core
    // machines that is one worker, and the suite used 1.1 cores. Past the first seconds of
    // transforms its own process is nearly idle, so two cores get two workers (227 s to 184 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        // Every other file runs in one long-lived process per worker, one file after another, with
        // the modules it imports loaded once (isolate: false). Starting a process and importing the
        // core afresh for each of ~170 files cost about 3 of the suite's 7 minutes on two cores.
        // Each test still opens its own database file, so nothing but module caches is shared.
        test: { ...common, name: 'shared-process', include: ALL, exclude: ISOLATED, isolate: false },
      },
      { test: { ...common, name: 'own-process', include: ISOLATED, isolate: true } },
    ],
  },
});
