/**
 * CPV codes: parse, look up and search, with each code's light touch and reserved-contract status.
 *
 * The law (see cpv-lists.ts for sources and what was verified):
 * - lightTouch: a light touch service for the Procurement Act 2023 s9 (Procurement Regulations
 *   2024 reg 42(1), Schedule 1 Table 1);
 * - reservable: a reservable light touch service for PA 2023 s33 (reg 42(2), "R" in column 3);
 * - pcr2015LightTouch: in Schedule 3 to the Public Contracts Regulations 2015 (regs 74 to 76);
 * - reg77: a service for which PCR 2015 reg 77 allowed a reserved contract (reg 77(2)).
 * The two PA 2023 flags are derived from the 2015 lists in this build (PA2023_BASIS.verified is
 * false): say so wherever they decide something.
 *
 * Status never passes from a parent code to its children: the 2024 Schedule lists codes one by
 * one, and the 2015 lists name single codes or explicit "from X to Y" ranges, which cover the
 * codes numerically between their ends (cpv-lists.ts). A code is flagged only if a list names it.
 *
 * Codes are written as eight digits, a hyphen and a check digit ("85000000-9"). The check digit
 * is not a published formula the app can recompute (it fits no mod-10 or mod-11 weighting), so a
 * code is accepted with or without it, and when given it must match the shipped list.
 *
 * Pure, and cheap to import: the rows are a string parsed into an index on first use, once.
 */
import { CPV_DATA_SOURCE, CPV_ROWS } from './cpv-data';
import { PA2023_BASIS, PCR2015_REG_77, PCR2015_SCHEDULE_3, listIncludes } from './cpv-lists';

export { CPV_DATA_SOURCE, PA2023_BASIS };

export interface CpvEntry {
  /** With its check digit: "85000000-9". */
  code: string;
  description: string;
  lightTouch: boolean;
  reservable: boolean;
  pcr2015LightTouch: boolean;
  reg77: boolean;
}

export type CpvParse = { ok: true; digits: string; checkDigit: string | null } | { ok: false; message: string };

export type CpvCheck =
  | { ok: true; entry: CpvEntry }
  | { ok: false; reason: 'malformed' | 'check_digit' | 'unknown'; message: string };

interface Index {
  byDigits: Map<string, CpvEntry>;
  entries: CpvEntry[];
  /** Lower-cased descriptions, in the order of `entries`, for search. */
  lower: string[];
}

let index: Index | null = null;

function load(): Index {
  if (index) return index;
  const entries: CpvEntry[] = [];
  const byDigits = new Map<string, CpvEntry>();
  for (const line of CPV_ROWS.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const code = line.slice(0, tab);
    const digits = code.slice(0, 8);
    const pcr2015LightTouch = listIncludes(PCR2015_SCHEDULE_3, digits);
    const reg77 = listIncludes(PCR2015_REG_77, digits);
    const entry: CpvEntry = {
      code,
      description: line.slice(tab + 1),
      // PA 2023 flags derived from the 2015 lists: see PA2023_BASIS.
      lightTouch: pcr2015LightTouch,
      reservable: reg77,
      pcr2015LightTouch,
      reg77,
    };
    entries.push(entry);
    byDigits.set(digits, entry);
  }
  entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  index = { byDigits, entries, lower: entries.map((e) => e.description.toLowerCase()) };
  return index;
}

const CPV_FORM = /^(\d{8})(?:-(\d))?$/;

/** "85000000-9", "85000000" or " 85000000 - 9 " → eight digits and the check digit if given. */
export function parseCpv(input: string): CpvParse {
  const text = input.replace(/\s+/g, '');
  if (text === '') return { ok: false, message: 'Enter a CPV code, such as 85310000-5.' };
  const m = CPV_FORM.exec(text);
  if (!m) {
    const digits = text.replace(/\D/g, '');
    const hint = /^\d+$/.test(text) && digits.length !== 8 ? ` It has ${digits.length} digits before any check digit; a CPV code has 8.` : '';
    return { ok: false, message: `“${input.trim()}” is not a CPV code: write eight digits, then a hyphen and the check digit, such as 85310000-5.${hint}` };
  }
  return { ok: true, digits: m[1]!, checkDigit: m[2] ?? null };
}

/** The shipped entry for a code, with or without its check digit; null if malformed or not shipped. */
export function lookupCpv(code: string): CpvEntry | null {
  const r = checkCpv(code);
  return r.ok ? r.entry : null;
}

/** As lookupCpv, with the reason a code is refused, in words for the form. */
export function checkCpv(code: string): CpvCheck {
  const p = parseCpv(code);
  if (!p.ok) return { ok: false, reason: 'malformed', message: p.message };
  const entry = load().byDigits.get(p.digits);
  if (!entry) {
    return {
      ok: false,
      reason: 'unknown',
      message: `${p.digits}${p.checkDigit ? `-${p.checkDigit}` : ''} is not among the CPV 2008 codes shipped with the app: these are the ${load().entries.length} codes the light touch and reserved-contract lists name (Public Contracts Regulations 2015 Schedule 3 and reg 77). It may still be a valid CPV code.`,
    };
  }
  if (p.checkDigit !== null && entry.code.slice(9) !== p.checkDigit) {
    return { ok: false, reason: 'check_digit', message: `The check digit of ${p.digits} is ${entry.code.slice(9)}, not ${p.checkDigit}: the code is ${entry.code} (${entry.description}).` };
  }
  return { ok: true, entry };
}

/**
 * A contract's service category as the app records it. The app ships only the codes the light
 * touch and reserved-contract lists name (CPV_DATA_SOURCE.coverage), not the whole vocabulary, so:
 * - a code the lists name is checked in full (its check digit too) and carries its flags;
 * - a code inside a range the lists name but not shipped does not exist (the ranges are shipped
 *   complete), and is refused as such;
 * - any other well-formed code, typed in full with its check digit as a tender notice gives it, is
 *   accepted as a service outside the light touch lists (neither light touch nor reservable): the
 *   app cannot confirm it against the whole vocabulary, and says so where it shows it.
 */
export type ServiceCodeCheck =
  | { ok: true; code: string; entry: CpvEntry | null }
  | { ok: false; reason: 'malformed' | 'check_digit' | 'not_a_code' | 'check_digit_needed'; message: string };

export function checkServiceCode(input: string): ServiceCodeCheck {
  const known = checkCpv(input);
  if (known.ok) return { ok: true, code: known.entry.code, entry: known.entry };
  if (known.reason !== 'unknown') return { ok: false, reason: known.reason, message: known.message };
  const p = parseCpv(input);
  if (!p.ok) return { ok: false, reason: 'malformed', message: p.message };
  if (listIncludes(PCR2015_SCHEDULE_3, p.digits) || listIncludes(PCR2015_REG_77, p.digits)) {
    return {
      ok: false,
      reason: 'not_a_code',
      message: `${p.digits} is not a CPV 2008 code: it falls within the codes the light touch lists name (Public Contracts Regulations 2015 Schedule 3), which the app holds in full, and is not one of them. Search by words to find the right code.`,
    };
  }
  if (p.checkDigit === null) {
    return {
      ok: false,
      reason: 'check_digit_needed',
      message: `${p.digits} is not a light touch service code the app holds. Enter it in full with its check digit, as the tender notice gives it (such as 90910000-9), so it is recorded exactly.`,
    };
  }
  return { ok: true, code: `${p.digits}-${p.checkDigit}`, entry: null };
}

/**
 * Codes for a picker: by code prefix when the text is digits ("853", "85312000-9"), otherwise
 * by words, every word found at the start of a word of the description ("social work",
 * "welf eld"). Light touch services first, then in code order. An empty text gives nothing.
 */
export function searchCpv(text: string, limit = 20): CpvEntry[] {
  const q = text.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  const { entries, lower } = load();
  let found: CpvEntry[];
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits)) {
    const prefix = digits.slice(0, 8);
    found = entries.filter((e) => e.code.startsWith(prefix));
  } else {
    const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0) return [];
    const starts = words.map((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegex(w)}`, 'u'));
    found = entries.filter((_, i) => starts.every((re) => re.test(lower[i]!)));
  }
  // Stable sort: entries are in code order already.
  return [...found.filter((e) => e.lightTouch), ...found.filter((e) => !e.lightTouch)].slice(0, limit);
}

/** Every shipped entry, in code order (for the list screen and for tests). */
export function allCpvEntries(): readonly CpvEntry[] {
  return load().entries;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
