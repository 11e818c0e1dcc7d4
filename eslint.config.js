// Lint, with the import boundaries between the app's worlds (DESIGN.md "Architecture"):
// renderer imports only shared; shared imports no project folder and nothing from Node,
// Electron or the DOM; only main/electron and main/preload import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (message, patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })), paths: paths.map((name) => ({ name, message })) }],
});

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
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        'shared/ is pure TypeScript: no Node, no Electron, no DOM, no other project folder.',
        ['**/main/**', '**/renderer/**', '**/migrations/**', '**/e2e/**', '**/tools/**', 'node:*'],
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'kysely', 'better-sqlite3'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        'The renderer reaches the core only through the contract in shared/.',
        ['**/main/**', '**/migrations/**', '**/e2e/**', '**/tools/**', 'node:*'],
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'],
      ),
    },
  },
  {
    files: ['main/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict('Only main/electron and main/preload may import electron; the core runs under any host.', ['**/renderer/**', 'electron/*'], ['electron']),
  },
  {
    files: ['main/electron/**/*.ts', 'main/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict('The Electron shell stays thin: it talks to the core, never to the renderer’s code.', ['**/renderer/**']),
  },
  {
    files: ['e2e/**/*.ts', 'tools/**/*.{js,mjs}', '*.js', '*.ts', '.ci/**/*.mjs', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
