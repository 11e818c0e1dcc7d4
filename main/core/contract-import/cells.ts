import type { DateFormat } from '../../../shared/contract/hr-import';
import { CONTRACT_VALUE_MAX_PENCE, PROCUREMENT_ROUTES, type ProcurementRoute } from '../../../shared/contract/contracts';
import type { CounterpartyKind } from '../../../shared/contract/counterparties';
import { daysInMonth } from '../../../shared/rules/legal-date';
import { formatPence } from '../../../shared/rules/shareholding';

/**
 * Reading the cells of a contracts spreadsheet as secretaries keep them: UK dates, money in
 * pounds ("£1,250,000.00"), lists of CPV codes and extension options, the procurement route in
 * words. Each reader returns a value or a message that says what was wrong and what is wanted.
 */
export type Cell<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** "1 April 2024", "1st April 2024", "01-Apr-2024", "1 Apr 24", "Monday 1 April 2024". */
const WORDS = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
const EXAMPLE: Record<DateFormat, string> = { dmy: 'day/month/year, such as 31/03/2027 or 31 March 2027', ymd: 'year-month-day, such as 2027-03-31' };

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)) || (w === 'sept' && m === 'september'));
  return i === -1 ? null : i + 1;
}

/**
 * A date cell: ISO (2027-03-31, never misread, accepted whichever format is chosen), UK
 * day/month/year with slashes, dots or hyphens, or the day and month in words ("31 March 2027",
 * "31-Mar-2027"). A two-digit year is refused (it cannot tell 1930 from 2030). Impossible
 * dates (31/02/2027) are refused, never rolled over. `what` names the field in messages.
 */
export function parseUkDate(raw: string, format: DateFormat, what: string): Cell<string> {
  const v = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  const ymd = YMD.exec(v);
  const dmy = ymd ? null : format === 'dmy' ? DMY.exec(v) : null;
  const words = ymd || dmy ? null : WORDS.exec(v);
  if (ymd) {
    [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else if (dmy) {
    if (dmy[3]!.length === 2) return { error: `Write the year of ${what} in full (${dmy[1]}/${dmy[2]}/20${dmy[3]} or 19${dmy[3]}?): a two-digit year could be either century.` };
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else if (words) {
    const month = monthNumber(words[2]!);
    if (month === null) return { error: `“${words[2]}” is not a month; enter ${what} as ${EXAMPLE.dmy}.` };
    if (words[3]!.length === 2) return { error: `Write the year of ${what} in full (20${words[3]} or 19${words[3]}?): a two-digit year could be either century.` };
    [d, m, y] = [Number(words[1]), month, Number(words[3])];
  } else {
    const serial = /^\d{5}$/.test(v) && Number(v) > 20000 && Number(v) < 80000;
    const hint = serial
      ? ' (it looks like a date the spreadsheet keeps as a number: format the column as a date, or type the date, and save the file again)'
      : format === 'ymd' && DMY.test(v)
        ? ' (it looks like day/month/year: choose that date format)'
        : '';
    return { error: `Enter ${what} as ${EXAMPLE[format]}${hint}.` };
  }
  if (m < 1 || m > 12) return { error: `${v} is not a real date: there is no month ${m}.` };
  if (y < 1900 || y > 2199) return { error: `${v} is not a plausible date for ${what} (the year must be between 1900 and 2199).` };
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return { error: `${v} is not a real date: ${MONTH_NAMES[m - 1]} ${y} has ${max} days.` };
  return { value: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` };
}

const MONEY = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * An amount in pounds as spreadsheets show it ("£1,250,000.00", "1250000", "£ 1,250,000",
 * "GBP 1250000.5"), as integer pence. Refused with a message saying why: a negative amount
 * ("-£5", "(£5)"), a fraction of a penny, another currency, shorthand ("£1.2m": rounded, so not
 * the contract's figure), commas in the wrong places, or more than £10 billion (a figure no
 * public service mutual's contract comes near: usually pence typed as pounds).
 */
export function parsePounds(raw: string, what: string): Cell<number> {
  let v = raw.trim().replace(/[\u00a0\u202f ]/g, '');
  if (/^\(.*\)$/.test(v) || v.startsWith('-') || v.startsWith('−') || v.includes('-£') || v.endsWith('-')) {
    return { error: `${capitalise(what)} cannot be negative (${raw.trim()}).` };
  }
  if (/[$€¥]|^(usd|eur)/i.test(v)) return { error: `Enter ${what} in pounds sterling; “${raw.trim()}” is in another currency.` };
  v = v.replace(/^(gbp|£)/i, '').replace(/^£/, '');
  if (/^[\d.,]+\s*(k|m|bn|million|billion|thousand)$/i.test(v)) {
    return { error: `Enter ${what} in full in pounds and pence, such as £1,250,000.00, not as “${raw.trim()}”: a rounded figure is not the contract’s value.` };
  }
  const m = MONEY.exec(v);
  if (!m) return { error: `Enter ${what} in pounds and pence, such as £1,250,000.00; “${raw.trim()}” is not an amount.` };
  const pounds = m[1]!.replaceAll(',', '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
    return { error: `${capitalise(what)} of ${raw.trim()} has a fraction of a penny; enter it in whole pence (two decimal places at most).` };
  }
  if (pounds.length > 12) return { error: tooLarge(what, raw) };
  const pence = Number(pounds) * 100 + Number((fraction + '00').slice(0, 2));
  if (!Number.isSafeInteger(pence) || pence > CONTRACT_VALUE_MAX_PENCE) return { error: tooLarge(what, raw) };
  return { value: pence };
}

function tooLarge(what: string, raw: string): string {
  return `${capitalise(what)} of ${raw.trim()} is more than ${formatPence(CONTRACT_VALUE_MAX_PENCE)}, larger than any public service contract: check it is in pounds, not pence.`;
}

/** A list in one cell, separated by semicolons, commas, line breaks or vertical bars. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;,\n|]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * CPV codes as spreadsheets hold them: "85310000-5", "85310000", "85310000 - Social work
 * services" (the words after the code are the code's description and are left aside). A
 * code's shape is checked here; that it exists in the CPV 2008 list is checked with the contract.
 */
export function parseCpvList(raw: string): Cell<string[]> {
  const codes: string[] = [];
  for (const part of splitList(raw)) {
    const m = /^(\d{8})(?:\s*-\s*(\d))?(?:\s*[-–:]?\s*\D.*)?$/.exec(part);
    if (!m) return { error: `“${part}” is not a CPV code: enter eight digits and the check digit, such as 85310000-5, separated by semicolons.` };
    codes.push(m[2] ? `${m[1]}-${m[2]}` : m[1]!);
  }
  return { value: [...new Set(codes)] };
}

/**
 * Extension options as contracts state them: "12+12" (months), "1+1 years", "2 x 12 months",
 * "24 months, 12 months", "none". Each option's length in months, in order.
 */
export function parseExtensions(raw: string): Cell<number[]> {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'none' || v === 'no' || v === 'n/a' || v === '0') return { value: [] };
  const unitOf = (s: string | undefined) => (s && /^y/.test(s) ? 12 : 1);
  const times = /^(\d{1,2})\s*[x×*]\s*(\d{1,3})\s*(months?|mths?|m|years?|yrs?|y)?$/.exec(v);
  if (times) {
    const n = Number(times[1]);
    const len = Number(times[2]) * unitOf(times[3]);
    return n > 0 && n <= 10 ? { value: Array.from({ length: n }, () => len) } : { error: `“${raw.trim()}” is more than 10 extension options; keep to 10 or fewer.` };
  }
  const all = /^(.*?)\s*(months?|mths?|years?|yrs?)?$/.exec(v)!;
  const unit = unitOf(all[2]);
  const parts = all[1]!.split(/\s*(?:\+|,|;|and)\s*/);
  const out: number[] = [];
  for (const p of parts) {
    const m = /^(\d{1,3})\s*(months?|mths?|m|years?|yrs?|y)?$/.exec(p.trim());
    if (!m) return { error: `Write the extension options as their lengths, such as “12+12” (months), “1+1 years” or “2 x 12 months”; “${raw.trim()}” could not be read.` };
    out.push(Number(m[1]) * (m[2] ? unitOf(m[2]) : unit));
  }
  return { value: out };
}

/** Route words (lower case, letters and digits only) that name each stored route. */
const ROUTE_WORDS: Record<ProcurementRoute, readonly string[]> = {
  pa23_open: ['open', 'open procedure', 'pa23 open', 'procurement act 2023 open procedure', 'pa 2023 open procedure', 'open tender'],
  pa23_competitive_flexible: ['competitive flexible', 'competitive flexible procedure', 'pa23 competitive flexible', 'procurement act 2023 competitive flexible procedure'],
  pa23_direct_award: ['direct award', 'pa23 direct award', 'procurement act 2023 direct award'],
  pa23_framework_call_off: ['framework', 'framework call off', 'call off', 'framework call off pa23', 'call off from a framework'],
  pa23_reserved_mutual: ['reserved', 's33', 'section 33', 'reserved s33', 'reserved to public service mutuals', 'reserved contract s33', 'reserved to public service mutuals under s33', 'reserved mutual'],
  psr_direct_a: ['psr direct award a', 'psr direct award process a', 'direct award process a', 'psr a'],
  psr_direct_b: ['psr direct award b', 'psr direct award process b', 'direct award process b', 'psr b'],
  psr_direct_c: ['psr direct award c', 'psr direct award process c', 'direct award process c', 'psr c'],
  psr_most_suitable: ['most suitable provider', 'psr most suitable provider', 'psr most suitable'],
  psr_competitive: ['psr competitive', 'psr competitive process', 'competitive process'],
  grant: ['grant', 'grant funding', 'grant agreement'],
  pcr15: ['pcr 2015', 'pcr15', 'public contracts regulations 2015', 'pcr'],
  pcr15_light_touch: ['pcr 2015 light touch', 'light touch regime', 'light touch', 'pcr15 light touch', 'pcr light touch'],
  pcr15_reg77: ['reg 77', 'regulation 77', 'pcr 2015 reg 77', 'pcr 2015 regulation 77', 'pcr15 reg77', 'reserved reg 77'],
  other: ['other'],
};

export function routeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The procurement route from the words in the cell: the stored key ("pa23_open"), or words
 * that name it ("Open procedure", "Reserved (s33)", "PSR direct award process B", "Reg 77").
 * `extra` adds the labels the rules give each route, so the screen's own words are read back.
 */
export function parseRoute(raw: string, extra: Partial<Record<ProcurementRoute, readonly string[]>> = {}): Cell<ProcurementRoute> {
  const v = raw.trim();
  if ((PROCUREMENT_ROUTES as readonly string[]).includes(v)) return { value: v as ProcurementRoute };
  const k = routeKey(v);
  for (const route of PROCUREMENT_ROUTES) {
    if (routeKey(route) === k) return { value: route };
    if (ROUTE_WORDS[route].includes(k)) return { value: route };
    if ((extra[route] ?? []).some((w) => routeKey(w) === k)) return { value: route };
  }
  return {
    error: `“${v}” is not a procurement route the app knows. Use one of: open procedure, competitive flexible procedure, direct award, framework call-off, reserved (s33), PSR direct award A, B or C, most suitable provider, PSR competitive process, grant, PCR 2015, PCR 2015 light touch, regulation 77, or other.`,
  };
}

const KIND_WORDS: Record<CounterpartyKind, readonly string[]> = {
  council: ['council', 'local authority', 'la'],
  nhs_trust: ['nhs trust', 'trust', 'foundation trust', 'nhs foundation trust'],
  icb: ['icb', 'integrated care board'],
  nhs_england: ['nhs england', 'nhse'],
  government_department: ['government department', 'department', 'government'],
  public_body: ['public body', 'other public body'],
  mutual: ['mutual', 'co operative', 'cooperative', 'mutual or co operative'],
  charity: ['charity'],
  company: ['company'],
  supplier: ['supplier'],
  other: ['other'],
};

/** The kind named in a "kind of commissioner" cell, or null when it names none. */
export function parseKind(raw: string): CounterpartyKind | null {
  const k = routeKey(raw);
  for (const [kind, words] of Object.entries(KIND_WORDS) as [CounterpartyKind, readonly string[]][]) {
    if (kind === k.replace(/ /g, '_') || words.includes(k)) return kind;
  }
  return null;
}

/** The kind a commissioner's name suggests, for one the import adds to the list: the secretary can correct it afterwards. */
export function guessKind(name: string, odsCode: string | null): CounterpartyKind {
  const n = ` ${routeKey(name)} `;
  if (/ integrated care board | icb /.test(n)) return 'icb';
  if (/ nhs england /.test(n)) return 'nhs_england';
  if (/ (nhs )?(foundation )?trust /.test(n) && / nhs /.test(n)) return 'nhs_trust';
  if (/ council | borough | county | combined authority /.test(n)) return 'council';
  if (/ department | ministry | office for /.test(n)) return 'government_department';
  if (odsCode !== null) return 'nhs_trust';
  return 'other';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
