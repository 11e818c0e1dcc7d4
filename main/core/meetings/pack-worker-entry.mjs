// The board pack worker's entry when the core runs from its TypeScript sources (Vitest, and
// `npm start` / `npm run serve` under tsx): a worker thread does not inherit tsx's loader from
// the thread that starts it, and Node 20 refuses `execArgv: ['--import', 'tsx']` for a .ts
// worker, so this plain module registers tsx in the worker itself and then loads the worker.
// The Electron bundle never loads this file: it starts the prebuilt pack-worker.cjs instead
// (tools/build-electron.mjs), so tsx, a development dependency, is not needed there.
const { tsImport } = await import('tsx/esm/api');
await tsImport('./pack-worker.ts', import.meta.url);
