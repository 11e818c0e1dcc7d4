/**
 * Distinguishing numbers of shares (CA 2006 s113(3)(a)(i)): where a company's shares have
 * numbers, the register must show the shares each member holds "distinguishing each share by
 * its number (so long as the share has a number)". Whether a class's shares are numbered is
 * a term of the class. The app stores each ledger entry's numbers as ranges in text, "1-10,15",
 * and shows them as "1–10, 15".
 */
export type NumberRange = readonly [first: number, last: number];

/** Sorted, merged ranges: [[1,3],[4,6]] becomes [[1,6]]. */
export function normaliseRanges(ranges: readonly NumberRange[]): NumberRange[] {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** "1-10,15" → [[1,10],[15,15]]; throws on anything else. */
export function parseShareNumbers(text: string): NumberRange[] {
  if (text.trim() === '') return [];
  return normaliseRanges(
    text.split(',').map((part) => {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!m) throw new RangeError(`“${part}” is not a share number or range of numbers.`);
      const first = Number(m[1]);
      const last = m[2] === undefined ? first : Number(m[2]);
      if (first < 1 || last < first) throw new RangeError(`“${part}” is not a range of share numbers.`);
      return [first, last] as const;
    }),
  );
}

/** The stored form: "1-10,15". */
export function storeShareNumbers(ranges: readonly NumberRange[]): string {
  return normaliseRanges(ranges)
    .map(([a, b]) => (a === b ? String(a) : `${a}-${b}`))
    .join(',');
}

/** For people: "1–10, 15" (an en dash between the ends of a range). */
export function formatShareNumbers(ranges: readonly NumberRange[]): string {
  return normaliseRanges(ranges)
    .map(([a, b]) => (a === b ? String(a) : `${a}–${b}`))
    .join(', ');
}

export function countNumbers(ranges: readonly NumberRange[]): number {
  return normaliseRanges(ranges).reduce((n, [a, b]) => n + (b - a + 1), 0);
}

export function unionRanges(a: readonly NumberRange[], b: readonly NumberRange[]): NumberRange[] {
  return normaliseRanges([...a, ...b]);
}

/** The numbers in `a` that are not in `b`. */
export function subtractRanges(a: readonly NumberRange[], b: readonly NumberRange[]): NumberRange[] {
  let out = normaliseRanges(a).map(([x, y]) => [x, y] as [number, number]);
  for (const [c, d] of normaliseRanges(b)) {
    const next: [number, number][] = [];
    for (const [x, y] of out) {
      if (d < x || c > y) next.push([x, y]);
      else {
        if (c > x) next.push([x, c - 1]);
        if (d < y) next.push([d + 1, y]);
      }
    }
    out = next;
  }
  return out;
}

/** The `count` lowest numbers of `available`, or null when there are fewer. */
export function takeLowest(available: readonly NumberRange[], count: number): NumberRange[] | null {
  const out: NumberRange[] = [];
  let left = count;
  for (const [a, b] of normaliseRanges(available)) {
    if (left === 0) break;
    const n = Math.min(left, b - a + 1);
    out.push([a, a + n - 1]);
    left -= n;
  }
  return left === 0 ? out : null;
}
