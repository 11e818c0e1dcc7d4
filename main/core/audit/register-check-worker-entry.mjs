// The start-up register check worker's entry when the core runs from its TypeScript sources
// (Vitest, and `npm start` / `npm run serve` under tsx): a worker thread does not inherit tsx's
// loader from the thread that starts it, so this plain module registers tsx in the worker itself
// and then loads the worker (as main/core/meetings/pack-worker-entry.mjs does for the board pack).
// The Electron bundle never loads this file: it starts the prebuilt register-check-worker.cjs
// instead (tools/build-electron.mjs).
const { tsImport } = await import('tsx/esm/api');
await tsImport('./register-check-worker.ts', import.meta.url);
