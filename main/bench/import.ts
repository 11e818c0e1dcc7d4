import type { Figure } from './stats';

/**
 * The import figure (import_100k_s). Filled in once the HR import pipeline lands: it returns
 * null until then, and the bench says so.
 */
export async function benchImport(opts: { dbPath: string; dir: string; members: number; log: (s: string) => void }): Promise<Figure | null> {
  opts.log('import_100k_s: not measured yet (the HR import is being built).');
  return null;
}
