/**
 * Money is entered in pounds and pence ("25", "25.50", "£1,250.00") and carried as integer
 * pence. Anything else becomes NaN, which the contract's schemas refuse with a message that
 * names the field.
 */
export function parsePounds(text: string): number | null {
  if (text.trim() === '') return null;
  const t = text.trim().replace(/^£\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return Number.NaN;
  const pounds = Number(m[1]);
  const pence = Number((m[2] ?? '').padEnd(2, '0'));
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) ? total : Number.NaN;
}

/** Pence as the text of a pounds field: 150 → "1.50"; nothing for null. */
export function poundsInput(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** A field that must hold a number: empty is null, anything not a number is NaN. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A number the form will show back: null is an empty field. */
export function numberInput(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

/** A whole number as typed: empty and anything else that is not a whole number become NaN. */
export function parseWhole(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}
