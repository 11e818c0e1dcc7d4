/** Percentiles and timing for benchmark figures. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  raw: number;
  ratio: number;
}

export function figure(name: string, unit: string, app: number, raw: number): Figure {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { name, value: round(app), unit, raw: round(raw), ratio: round(raw > 0 ? app / raw : 0) };
}

/**
 * Times the app and the raw version of the same work on the same inputs, alternating which
 * goes first, so neither benefits from the pages the other has just brought into the cache.
 */
export async function timePaired<T>(
  items: readonly T[],
  app: (item: T) => Promise<unknown> | unknown,
  raw: (item: T) => Promise<unknown> | unknown,
): Promise<{ app: number[]; raw: number[] }> {
  const a: number[] = [];
  const r: number[] = [];
  for (const [i, item] of items.entries()) {
    const order = i % 2 === 0 ? ([app, raw] as const) : ([raw, app] as const);
    for (const fn of order) {
      const t = nowMs();
      await fn(item);
      (fn === app ? a : r).push(nowMs() - t);
    }
  }
  return { app: a, raw: r };
}
