// Lint, with the import boundaries between the app's worlds (DESIGN.md "Architecture").
// Each zone lists the npm packages it may import; any other package fails the lint, so a new
// dependency is a decision made here, not a side effect. Project folders a zone must not reach
// are refused by path. In short: shared imports zod and nothing of Node, Electron or the DOM;
// the renderer imports only shared; main/core never imports a host; only main/hosts/electron
// and main/hosts/preload import electron. tools/lint-boundaries.test.mjs proves each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-helpers.ts'];
const TEST_TOOLS = ['vitest', 'fast-check'];

// The npm packages of each zone (checked against the imports in use on 2026-11-30).
// @noble/*, libsodium-wrappers-sumo: the ballot protocol (shared/ballot, docs/ballot-protocol.md §13).
const SHARED_PACKAGES = ['zod', '@noble/curves', '@noble/hashes', '@noble/ciphers', 'libsodium-wrappers-sumo'];
// lexical: the minutes editor (renderer/src/features/minutes), whose state the core parses with the same nodes.
// qrcode: the QR code of a voting code on the ballot letters (renderer/src/features/ballots/kiosk, issue 8).
// recharts: the contract portfolio's charts (renderer/src/features/contracts/portfolio, issue 10).
const RENDERER_PACKAGES = ['react', 'react-dom', 'react-router', '@tanstack/*', 'react-hook-form', '@hookform/resolvers', 'radix-ui', 'zod', 'lexical', '@lexical/*', 'qrcode', 'recharts'];
// pdf-lib, @pdf-lib/fontkit, docx: the board pack, notices and minutes as PDF and Word (main/core/meetings/print).
// ical-generator: the contracts' dated duties as an iCalendar file (main/core/contracts/calendar.ts, issue 10).
const CORE_PACKAGES = ['kysely', 'better-sqlite3', 'zod', 'exceljs', 'papaparse', 'lexical', '@lexical/*', 'pdf-lib', '@pdf-lib/fontkit', 'docx', 'ical-generator'];

// i18next, react-i18next: the phone voting page in English and Welsh (renderer/station, issue 9).
const STATION_PACKAGES = ['react', 'react-dom', 'i18next', 'react-i18next'];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** 'zod' allows zod and zod/<subpath>; '@tanstack/*' allows every package of that scope. */
const packageRegex = (name) => (name.endsWith('/*') ? `${escapeRegex(name.slice(0, -1))}` : `${escapeRegex(name)}(?:/|$)`);

/**
 * One zone's no-restricted-imports rule. ESLint does not merge a rule's options across
 * config objects, so every file must fall in exactly one zone; the zones below do not overlap.
 * - packages: the npm packages allowed (anything else not starting with '.' is refused);
 * - node: whether `node:` built-ins are allowed (bare 'fs' etc. are refused either way);
 * - folders: gitignore-style patterns of relative imports the zone must not make.
 */
function zone({ name, packages, node, folders = [], why }) {
  const allowed = [...(node ? ['node:'] : []), ...packages.map(packageRegex)];
  const list = packages.length ? packages.join(', ') : 'none';
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // Relative imports start with '.', and are judged by the folder patterns instead.
            regex: `^(?!\\.|${allowed.join('|')})`,
            message: `${name} may import only these npm packages: ${list}${node ? ', and node: built-ins' : ', and no Node built-ins'}. Add a package to its list in eslint.config.js only if the design allows it.`,
          },
          ...folders.map((group) => ({ group: [group], message: why })),
        ],
      },
    ],
  };
}

const OTHER_WORLDS = ['**/e2e/**', '**/tools/**'];

/**
 * The phone voting page's zone: its packages, no main/ or migrations/, and of the rest of the
 * renderer only the kiosk's sealing and choosing code (its imports reach renderer/src as
 * '../../src/…'; its own files never name a 'src/' folder), and nothing of the app's contract.
 */
function stationZone(name, packages, node) {
  const rule = zone({ name, packages, node, folders: ['**/main/**', '**/migrations/**', ...OTHER_WORLDS], why: 'The phone voting page never reaches the core, the hosts or the migrations: only the station’s API.' });
  rule['no-restricted-imports'][1].patterns.push(
    {
      regex: '(^|/)src/(?!features/ballots/voting/(seal|seal-client|selections|voting\\.css)$|features/ballots/kiosk/(code|display)$)',
      message: 'The phone voting page takes from the renderer only the kiosk’s sealing and choosing code (features/ballots/voting/seal, seal-client, selections, voting.css; kiosk/code, kiosk/display): never the secretary’s screens, router or API client.',
    },
    { regex: '(^|/)shared/contract(/|$)', message: 'The phone voting page speaks the station’s API (shared/station/api.ts), not the app’s contract.' },
  );
  return rule;
}

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // shared/: pure TypeScript that runs in every world.
  {
    files: ['shared/**/*.ts'],
    ignores: TESTS,
    languageOptions: { globals: {} },
    rules: {
      ...zone({
        name: 'shared/',
        packages: SHARED_PACKAGES,
        node: false,
        folders: ['**/main/**', '**/renderer/**', '**/migrations/**', ...OTHER_WORLDS],
        why: 'shared/ is pure TypeScript: no Node, no Electron, no DOM, no other project folder.',
      }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: zone({
      name: 'Tests of shared/',
      packages: [...SHARED_PACKAGES, ...TEST_TOOLS],
      node: true,
      folders: ['**/main/**', '**/renderer/**', '**/migrations/**', ...OTHER_WORLDS],
      why: 'A test of shared/ tests shared/ alone.',
    }),
  },

  // renderer/: React in a sandboxed window; it reaches the core only through the contract.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', ...TESTS],
    rules: zone({
      name: 'The renderer',
      packages: RENDERER_PACKAGES,
      node: false,
      folders: ['**/main/**', '**/migrations/**', ...OTHER_WORLDS],
      why: 'The renderer reaches the core only through the contract in shared/.',
    }),
  },
  {
    files: TESTS.map((t) => `renderer/${t}`),
    rules: zone({
      name: 'Tests of the renderer',
      packages: [...RENDERER_PACKAGES, ...TEST_TOOLS],
      node: false,
      folders: ['**/main/**', '**/migrations/**', ...OTHER_WORLDS],
      why: 'The renderer reaches the core only through the contract in shared/.',
    }),
  },

  // renderer/station: the phone voting page (issue 9), a bundle of its own that the voting station
  // serves to members' phones. It speaks English and Welsh with i18next, talks to the station's API
  // (shared/station/api.ts), and takes from the renderer only the kiosk's sealing and choosing code:
  // never the secretary's screens, router, API client or the app's contract. These rules come after
  // the renderer's and replace them for its files.
  {
    files: ['renderer/station/**/*.{ts,tsx}'],
    ignores: ['renderer/station/vite.config.ts', ...TESTS],
    rules: stationZone('The phone voting page', STATION_PACKAGES, false),
  },
  {
    files: TESTS.map((t) => `renderer/station/${t}`),
    // node: bundle.test.ts reads the built bundle from build/station/.
    rules: stationZone('Tests of the phone voting page', [...STATION_PACKAGES, ...TEST_TOOLS], true),
  },
  {
    files: ['renderer/station/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },

  // main/ and migrations/: plain Node.
  {
    files: ['main/**/*.ts', 'migrations/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/core/**/*.ts', 'migrations/**/*.ts'],
    ignores: TESTS,
    rules: zone({
      name: 'main/core',
      packages: CORE_PACKAGES,
      node: true,
      folders: ['**/hosts/**', '**/renderer/**', ...OTHER_WORLDS],
      why: 'main/core runs under every host and never imports one (nor the renderer).',
    }),
  },
  {
    files: TESTS.flatMap((t) => [`main/core/${t}`, `migrations/${t}`]),
    rules: zone({
      name: 'Tests of main/core',
      // esbuild: never-imports-electron.test.ts walks the import graph with it; pdfjs-dist reads produced PDFs back;
      // ical.js parses the contracts' .ics back.
      packages: [...CORE_PACKAGES, ...TEST_TOOLS, 'esbuild', 'pdfjs-dist', 'ical.js'],
      node: true,
      folders: ['**/hosts/**', '**/renderer/**', ...OTHER_WORLDS],
      why: 'main/core runs under every host and never imports one (nor the renderer).',
    }),
  },
  {
    files: ['main/bench/**/*.ts', 'main/sample/**/*.ts'],
    ignores: TESTS,
    rules: zone({
      name: 'The benchmarks and the sample',
      // autocannon: the station benchmark's flood (main/bench/station.ts).
      packages: [...CORE_PACKAGES, 'autocannon'],
      node: true,
      folders: ['**/hosts/**', '**/renderer/**', ...OTHER_WORLDS],
      why: 'Benchmarks and the sample drive the core directly, not a host.',
    }),
  },
  {
    files: TESTS.flatMap((t) => [`main/bench/${t}`, `main/sample/${t}`]),
    rules: zone({
      name: 'Tests of the benchmarks and the sample',
      packages: [...CORE_PACKAGES, ...TEST_TOOLS, 'pdfjs-dist'],
      node: true,
      folders: ['**/hosts/**', '**/renderer/**', ...OTHER_WORLDS],
      why: 'Benchmarks and the sample drive the core directly, not a host.',
    }),
  },

  // main/station: the voting station's server for members' phones (issue 9), started and stopped
  // by the core (main/core/station), so like the core it reaches no host, not even main/hosts/shared
  // (main/core/never-imports-electron.test.ts follows the graph). Fastify and its rate limiter live
  // here and nowhere else.
  {
    files: ['main/station/**/*.ts'],
    ignores: TESTS,
    rules: zone({
      name: 'The voting station server',
      packages: ['fastify', '@fastify/rate-limit', 'zod'],
      node: true,
      folders: ['**/renderer/**', '**/hosts/**', ...OTHER_WORLDS],
      why: 'The voting station is started by the core, so like the core it reaches no host (not even main/hosts/shared) and no renderer code.',
    }),
  },
  {
    files: TESTS.map((t) => `main/station/${t}`),
    rules: zone({
      name: 'Tests of the voting station server',
      packages: ['fastify', '@fastify/rate-limit', 'zod', ...TEST_TOOLS],
      node: true,
      folders: ['**/renderer/**', '**/hosts/**', ...OTHER_WORLDS],
      why: 'The voting station is started by the core, so like the core it reaches no host (not even main/hosts/shared) and no renderer code.',
    }),
  },

  // main/hosts: thin programs around the core. Each host reaches the core and main/hosts/shared,
  // never another host; only the Electron shell and its preload import electron.
  {
    files: ['main/hosts/shared/**/*.ts'],
    rules: zone({
      name: 'main/hosts/shared',
      packages: ['vitest'],
      node: true,
      folders: ['**/renderer/**', '**/electron/**', '**/preload/**', '**/http/**', '**/cli/**', ...OTHER_WORLDS],
      why: 'What the hosts share depends on no one host.',
    }),
  },
  {
    files: ['main/hosts/http/**/*.ts'],
    rules: zone({
      name: 'The loopback HTTP host',
      packages: ['vitest'],
      node: true,
      folders: ['**/renderer/**', '**/electron/**', '**/preload/**', '**/cli/**', ...OTHER_WORLDS],
      why: 'A host reaches the core and main/hosts/shared, never another host or the renderer’s code.',
    }),
  },
  {
    files: ['main/hosts/cli/**/*.ts'],
    rules: zone({
      name: 'The command line',
      // It reads files the app cannot open (verify, backup), so it may use the driver directly.
      packages: ['better-sqlite3', 'kysely', 'vitest'],
      node: true,
      folders: ['**/renderer/**', '**/electron/**', '**/preload/**', '**/http/**', ...OTHER_WORLDS],
      why: 'A host reaches the core and main/hosts/shared, never another host or the renderer’s code.',
    }),
  },
  {
    files: ['main/hosts/electron/**/*.ts'],
    ignores: TESTS,
    rules: zone({
      name: 'The Electron shell',
      packages: ['electron'],
      node: true,
      folders: ['**/renderer/**', '**/http/**', '**/cli/**', '**/preload/**', ...OTHER_WORLDS],
      why: 'The Electron shell stays thin: it talks to the core, never to another host or the renderer’s code.',
    }),
  },
  {
    files: TESTS.map((t) => `main/hosts/electron/${t}`),
    rules: zone({
      name: 'Tests of the Electron shell',
      // js-yaml and app-builder-lib come with electron-builder: builder-config.test.ts reads
      // electron-builder.yml with them.
      packages: ['electron', 'vitest', 'js-yaml', 'app-builder-lib'],
      node: true,
      folders: ['**/renderer/**', '**/http/**', '**/cli/**', '**/preload/**', ...OTHER_WORLDS],
      why: 'The Electron shell stays thin: it talks to the core, never to another host or the renderer’s code.',
    }),
  },
  {
    files: ['main/hosts/preload/**/*.ts'],
    rules: zone({
      name: 'The preload',
      // A sandboxed preload can require nothing but electron (tools/build-electron.mjs bundles
      // what it takes from shared/ into it).
      packages: ['electron'],
      node: false,
      folders: ['**/core/**', '**/hosts/**', '**/electron/**', '**/http/**', '**/cli/**', '**/renderer/**', '**/migrations/**', ...OTHER_WORLDS],
      why: 'The preload is one small file that imports only electron and shared/.',
    }),
  },
  {
    files: ['main/*.ts'],
    rules: zone({
      name: 'The start-up scripts (main/start.ts, main/serve.ts)',
      packages: [],
      node: true,
      folders: ['**/renderer/**', ...OTHER_WORLDS],
      why: 'The start-up scripts choose a host; they never load the renderer’s code.',
    }),
  },

  {
    files: ['e2e/**/*.ts', 'tools/**/*.{js,mjs}', '*.js', '*.ts', '.ci/**/*.mjs', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
