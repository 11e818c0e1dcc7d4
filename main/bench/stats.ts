/** Percentiles and timing for benchmark figures. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t = nowMs();
    await fn(item);
    out.push(nowMs() - t);
  }
  return out;
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
