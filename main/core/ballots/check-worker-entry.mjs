// The cast's check worker's entry when the core runs from its TypeScript sources (Vitest, and
// `npm start` / `npm run serve` under tsx): a worker thread does not inherit tsx's loader, so this
// plain module registers tsx in the worker itself and then loads the worker (as
// sum-worker-entry.mjs does). The Electron bundle starts check-worker.cjs instead.
const { tsImport } = await import('tsx/esm/api');
await tsImport('./check-worker.ts', import.meta.url);
