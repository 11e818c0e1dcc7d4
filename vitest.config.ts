import { defineConfig } from 'vitest/config';

// Unit and integration tests of every world (shared, main, migrations, renderer logic).
// End-to-end journeys are Playwright's, in e2e/.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'migrations/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tools/**/*.test.mjs'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
