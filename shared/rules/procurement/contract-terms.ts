/**
 * A contract's term, status and dated duties, derived from its dates. Nothing here is stored:
 * the core keeps the facts (ContractTermsInput) and derives the rest every time.
 *
 * Months: a term of N months from a start date ends on the day before the same day of the month
 * N months later (1 April + 12 months ends 31 March). Where that month has no such day, the next
 * period starts on the 1st of the month after, so the term ends on the last day of the month
 * (31 January + 1 month ends 28 or 29 February; 29 February 2024 + 12 months ends 28 February
 * 2025). This follows the corresponding-date rule for calendar months (Dodds v Walker [1981]
 * 1 WLR 1027, HL), with the month-end case settled towards the shorter term, never the longer.
 *
 * Maximum terms (routes.ts): a contract reserved under the Procurement Act 2023 s33 must have a
 * maximum term of five years or less (s33(1)(b)); one reserved under the Public Contracts
 * Regulations 2015 reg 77 may last three years at most. "Maximum term" is read as the term with
 * every option to extend that has not been declined, from the start date.
 *
 * Award after start is allowed (no error): services often begin under a letter of intent or a
 * transferred arrangement before the contract is signed, and the award date is a fact to record,
 * not a rule to enforce. A variation before the award, or on a bid, is refused: only an awarded
 * contract can be varied.
 */
import { addDays, daysBetween, daysInMonth, formatLegalDate, isLegalDate } from '../legal-date';
import { REGIME_IN_FORCE, ROUTES, type ProcurementRoute } from './routes';

export interface ContractTermsInput {
  route: ProcurementRoute;
  awardedOn: string | null; // ISO dates 'YYYY-MM-DD'; null = pipeline (bid in preparation)
  startOn: string | null;
  endOn: string | null; // end of the initial term, before any variation or extension
  terminatedOn: string | null;
  extensions: { id: string; position: number; lengthMonths: number; decisionBy: string | null; noticeBy: string | null; exercisedOn: string | null; declinedOn: string | null }[];
  breaks: { id: string; earliestOn: string | null; noticeDays: number; description: string }[];
  priceReviews: { id: string; reviewOn: string; note: string | null }[];
  kpis: { id: string; name: string; frequency: 'monthly' | 'quarterly' | 'six_monthly' | 'annual'; firstDueOn: string }[];
  variations: { id: string; madeOn: string; valueChangePence: number; newEndOn: string | null }[];
}

export type ContractStatus = 'pipeline' | 'awarded' | 'live' | 'in_extension' | 'expired' | 'terminated';

export type DutyKind = 'extension_decision' | 'extension_notice' | 'break_notice' | 'price_review' | 'kpi_report' | 'end';

export interface Duty {
  /** Stable across date changes: it becomes the iCalendar UID. */
  key: string;
  kind: DutyKind;
  dueOn: string;
  title: string;
  sourceId: string | null;
}

export interface TermProblem {
  field: string;
  message: string;
}

export interface TermLength {
  months: number;
  days: number;
}

const FREQUENCY_MONTHS = { monthly: 1, quarterly: 3, six_monthly: 6, annual: 12 } as const;

/** At most this many reports of one KPI are listed (50 years monthly). */
export const KPI_REPORTS_MAX = 600;
/** With no end date, KPI reports are listed this many months ahead of the first. */
export const KPI_OPEN_ENDED_MONTHS = 60;

// ---------------------------------------------------------------------------------------------
// Month arithmetic

function ymd(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The day a period of `months` months starting on `start` is over: the same day of the month
 * `months` later, or the 1st of the following month when that month is too short.
 */
export function nextPeriodStart(start: string, months: number): string {
  const [y, m, d] = ymd(start);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (d <= daysInMonth(ny, nm)) return iso(ny, nm, d);
  return nm === 12 ? iso(ny + 1, 1, 1) : iso(ny, nm + 1, 1);
}

/** The last day of a term of `months` months starting on `start` (1 April + 12 → 31 March). */
export function termEnd(start: string, months: number): string {
  return addDays(nextPeriodStart(start, months), -1);
}

/**
 * The n-th date (n = 0, 1, ...) of a series every `months` months anchored on `first`, clamped
 * to the month's last day (31 January monthly: 28 February, 31 March, 30 April ...).
 */
export function nthMonthlyDate(first: string, months: number, n: number): string {
  const [y, m, d] = ymd(first);
  const total = y * 12 + (m - 1) + months * n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole months and days from `start` to `end` inclusive (1 April 2025 to 31 March 2030: 60 months 0 days). */
export function termLength(start: string, end: string): TermLength {
  const after = addDays(end, 1);
  const [sy, sm] = ymd(start);
  const [ay, am] = ymd(after);
  // A first guess from the calendar months between, then at most a step or two either way.
  let months = Math.max(0, (ay - sy) * 12 + (am - sm));
  while (months > 0 && nextPeriodStart(start, months) > after) months -= 1;
  while (nextPeriodStart(start, months + 1) <= after) months += 1;
  return { months, days: daysBetween(nextPeriodStart(start, months), after) };
}

/** "4 years 11 months", "5 years", "1 year 2 months and 3 days", "7 months", "5 years and 1 day". */
export function describeTermLength(t: TermLength): string {
  const years = Math.floor(t.months / 12);
  const months = t.months % 12;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const main = years > 0 ? (months > 0 ? `${plural(years, 'year')} ${plural(months, 'month')}` : plural(years, 'year')) : plural(months, 'month');
  return t.days > 0 ? `${main} and ${plural(t.days, 'day')}` : main;
}

// ---------------------------------------------------------------------------------------------
// Ends

/** The initial end as moved by the latest variation that set a new end (by the date it was made). */
export function variedEndOn(t: ContractTermsInput): string | null {
  let latest: ContractTermsInput['variations'][number] | null = null;
  for (const v of t.variations) {
    if (v.newEndOn === null) continue;
    if (latest === null || v.madeOn >= latest.madeOn) latest = v;
  }
  return latest?.newEndOn ?? t.endOn;
}

function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}

function extendBy(end: string, months: number): string {
  return termEnd(addDays(end, 1), months);
}

/** The varied end, then each exercised extension in position order from the day after the previous end. */
export function currentEndOn(t: ContractTermsInput): string | null {
  let end = variedEndOn(t);
  if (end === null) return null;
  for (const x of byPosition(t.extensions)) {
    if (x.exercisedOn !== null && x.declinedOn === null && x.lengthMonths > 0) end = extendBy(end, x.lengthMonths);
  }
  return end;
}

/** As currentEndOn, with every option not declined (exercised or still open). */
export function maximumEndOn(t: ContractTermsInput): string | null {
  let end = variedEndOn(t);
  if (end === null) return null;
  for (const x of byPosition(t.extensions)) {
    if (x.declinedOn === null && x.lengthMonths > 0) end = extendBy(end, x.lengthMonths);
  }
  return end;
}

/** The maximum term from the start, as months and days; null without a start or an end. */
export function maximumTerm(t: ContractTermsInput): TermLength | null {
  const end = maximumEndOn(t);
  if (t.startOn === null || end === null || end < t.startOn) return null;
  return termLength(t.startOn, end);
}

/** The maximum term in months, a part month counted as a month (60 months and 1 day is 61). */
export function maximumTermMonths(t: ContractTermsInput): number | null {
  const m = maximumTerm(t);
  return m === null ? null : m.months + (m.days > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Status

export function deriveStatus(t: ContractTermsInput, today: string): ContractStatus {
  if (t.terminatedOn !== null && t.terminatedOn <= today) return 'terminated';
  // An award date still to come is the expected award (the s33 check counts back from it): a bid until then.
  if (t.awardedOn === null || today < t.awardedOn) return 'pipeline';
  if (t.startOn === null || today < t.startOn) return 'awarded';
  const varied = variedEndOn(t);
  if (varied === null || today <= varied) return 'live';
  const current = currentEndOn(t);
  if (current !== null && today <= current) return 'in_extension';
  return 'expired';
}

// ---------------------------------------------------------------------------------------------
// Validation

const when = (date: string) => formatLegalDate(date);

export function validateTerms(t: ContractTermsInput): TermProblem[] {
  const problems: TermProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  const dates: [string, string | null, string][] = [
    ['awardedOn', t.awardedOn, 'award date'],
    ['startOn', t.startOn, 'start date'],
    ['endOn', t.endOn, 'end date'],
    ['terminatedOn', t.terminatedOn, 'termination date'],
  ];
  let datesOk = true;
  for (const [field, value, name] of dates) {
    if (value !== null && !isLegalDate(value)) {
      add(field, `The ${name} “${value}” is not a date.`);
      datesOk = false;
    }
  }
  t.extensions.forEach((x, i) => {
    for (const [k, name] of [['decisionBy', 'decision deadline'], ['noticeBy', 'notice deadline'], ['exercisedOn', 'date exercised'], ['declinedOn', 'date declined']] as const) {
      const v = x[k];
      if (v !== null && !isLegalDate(v)) {
        add(`extensions.${i}.${k}`, `The ${name} of extension option ${x.position} “${v}” is not a date.`);
        datesOk = false;
      }
    }
  });
  t.variations.forEach((v, i) => {
    if (!isLegalDate(v.madeOn)) { add(`variations.${i}.madeOn`, `The date of variation ${i + 1} “${v.madeOn}” is not a date.`); datesOk = false; }
    if (v.newEndOn !== null && !isLegalDate(v.newEndOn)) { add(`variations.${i}.newEndOn`, `The new end date of variation ${i + 1} “${v.newEndOn}” is not a date.`); datesOk = false; }
  });
  t.breaks.forEach((b, i) => {
    if (b.earliestOn !== null && !isLegalDate(b.earliestOn)) { add(`breaks.${i}.earliestOn`, `The earliest break date “${b.earliestOn}” is not a date.`); datesOk = false; }
  });
  t.priceReviews.forEach((p, i) => {
    if (!isLegalDate(p.reviewOn)) { add(`priceReviews.${i}.reviewOn`, `The price review date “${p.reviewOn}” is not a date.`); datesOk = false; }
  });
  t.kpis.forEach((k, i) => {
    if (!isLegalDate(k.firstDueOn)) { add(`kpis.${i}.firstDueOn`, `The first reporting date of ${k.name || 'the KPI'} “${k.firstDueOn}” is not a date.`); datesOk = false; }
  });
  if (!datesOk) return problems;

  const regime = ROUTES[t.route]?.regime;
  const inForce = regime ? REGIME_IN_FORCE[regime] : null;
  if (t.awardedOn !== null && inForce && t.awardedOn < inForce.from) {
    add(
      'awardedOn',
      `${ROUTES[t.route].label} was not in force on ${when(t.awardedOn)}: awards under it began on ${when(inForce.from)} (${inForce.citation}). An earlier award was made under the rules then in force: choose that route.`,
    );
  }
  if (t.startOn !== null && t.endOn !== null && t.endOn < t.startOn) {
    add('endOn', `The end date (${when(t.endOn)}) is before the start date (${when(t.startOn)}).`);
  }
  if (t.terminatedOn !== null && t.startOn !== null && t.terminatedOn < t.startOn) {
    add('terminatedOn', `The termination date (${when(t.terminatedOn)}) is before the start date (${when(t.startOn)}): a contract ended before it began was not entered into; remove the award instead.`);
  }
  if (t.terminatedOn !== null && t.awardedOn === null) {
    add('terminatedOn', 'A bid that was never awarded cannot be terminated: record the award first, or withdraw the bid.');
  }

  // Variations
  t.variations.forEach((v, i) => {
    if (t.awardedOn === null) {
      add(`variations.${i}.madeOn`, `Variation ${i + 1} (${when(v.madeOn)}) is recorded on a contract that has not been awarded: only an awarded contract can be varied.`);
    } else if (v.madeOn < t.awardedOn) {
      add(`variations.${i}.madeOn`, `Variation ${i + 1} is dated ${when(v.madeOn)}, before the contract was awarded on ${when(t.awardedOn)}.`);
    }
    if (v.newEndOn !== null && t.startOn !== null && v.newEndOn < t.startOn) {
      add(`variations.${i}.newEndOn`, `Variation ${i + 1} moves the end to ${when(v.newEndOn)}, before the start date (${when(t.startOn)}).`);
    }
    if (!Number.isInteger(v.valueChangePence)) {
      add(`variations.${i}.valueChangePence`, `The change in value of variation ${i + 1} must be a whole number of pence.`);
    }
  });

  // Extension options
  const seen = new Map<number, number>();
  t.extensions.forEach((x, i) => {
    if (!Number.isInteger(x.position) || x.position < 1) {
      add(`extensions.${i}.position`, `Extension options are numbered from 1; “${x.position}” is not a position.`);
    } else if (seen.has(x.position)) {
      add(`extensions.${i}.position`, `Two extension options are both number ${x.position}: each option follows the one before, so each needs its own number.`);
    } else {
      seen.set(x.position, i);
    }
    if (!Number.isInteger(x.lengthMonths) || x.lengthMonths <= 0) {
      add(`extensions.${i}.lengthMonths`, `Extension option ${x.position} must extend the contract by a whole number of months, at least one.`);
    }
    if (x.exercisedOn !== null && x.declinedOn !== null) {
      add(`extensions.${i}.declinedOn`, `Extension option ${x.position} is recorded as both exercised (${when(x.exercisedOn)}) and declined (${when(x.declinedOn)}): it can only be one.`);
    }
    if ((x.exercisedOn !== null || x.declinedOn !== null) && t.awardedOn === null) {
      add(`extensions.${i}.exercisedOn`, `Extension option ${x.position} cannot be decided on a bid that has not been awarded.`);
    }
  });

  // Deadlines against the end each option would extend: the varied end with every earlier
  // option not declined.
  const varied = variedEndOn(t);
  if (varied !== null) {
    let end = varied;
    for (const x of byPosition(t.extensions)) {
      const i = t.extensions.indexOf(x);
      if (x.decisionBy !== null && x.decisionBy > end) {
        add(`extensions.${i}.decisionBy`, `The decision on extension option ${x.position} is due on ${when(x.decisionBy)}, after the term it would extend has ended (${when(end)}).`);
      }
      if (x.noticeBy !== null && x.noticeBy > end) {
        add(`extensions.${i}.noticeBy`, `Notice of extension option ${x.position} is due on ${when(x.noticeBy)}, after the term it would extend has ended (${when(end)}).`);
      }
      if (x.declinedOn === null && Number.isInteger(x.lengthMonths) && x.lengthMonths > 0) end = extendBy(end, x.lengthMonths);
    }
  }

  // Break clauses
  t.breaks.forEach((b, i) => {
    if (!Number.isInteger(b.noticeDays) || b.noticeDays < 0) {
      add(`breaks.${i}.noticeDays`, `The notice period of the break clause must be a whole number of days, 0 or more.`);
    }
    if (b.earliestOn !== null && t.startOn !== null && b.earliestOn < t.startOn) {
      add(`breaks.${i}.earliestOn`, `The earliest break date (${when(b.earliestOn)}) is before the contract starts (${when(t.startOn)}).`);
    }
  });

  // The maximum term the route allows
  const rule = ROUTES[t.route]?.maximumTerm ?? null;
  const maxEnd = maximumEndOn(t);
  if (rule !== null && t.startOn !== null && maxEnd !== null && maxEnd >= t.startOn) {
    const limit = termEnd(t.startOn, rule.months);
    if (maxEnd > limit) {
      const could = describeTermLength(termLength(t.startOn, maxEnd));
      const field = t.extensions.some((x) => x.declinedOn === null) ? 'extensions' : 'endOn';
      add(
        field,
        t.route === 'pa23_reserved_mutual'
          ? `A contract reserved to public service mutuals under the Procurement Act 2023 must have a maximum term of five years or less, counting every extension (s33(1)(b)); from ${when(t.startOn)} this one could run ${could}, to ${when(maxEnd)}. The latest end allowed is ${when(limit)}.`
          : `${rule.statement} From ${when(t.startOn)} this one could run ${could}, to ${when(maxEnd)}; the latest end allowed is ${when(limit)}.`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Duties

const ORDINAL_SUFFIX = (n: number) => {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};

/**
 * Every dated duty, each with a key that does not change when its date does (it is the
 * iCalendar UID): ext-decision:<id>, ext-notice:<id>, break:<id>, price:<id>, kpi:<id>:<n>
 * (n from 1), end. Declined options give none; an exercised option keeps its duties (whether a
 * duty is done is stored by key, not here). KPI reports run from the first date at the KPI's
 * frequency up to the current end (or the termination, if earlier), at most KPI_REPORTS_MAX; with
 * no end date, KPI_OPEN_ENDED_MONTHS ahead. In date order, then by key.
 */
export function generateDuties(t: ContractTermsInput): Duty[] {
  const duties: Duty[] = [];
  for (const x of byPosition(t.extensions)) {
    if (x.declinedOn !== null) continue;
    const what = `extension option ${x.position} (${x.lengthMonths} month${x.lengthMonths === 1 ? '' : 's'})`;
    if (x.decisionBy !== null) duties.push({ key: `ext-decision:${x.id}`, kind: 'extension_decision', dueOn: x.decisionBy, title: `Decide whether to take ${what}`, sourceId: x.id });
    if (x.noticeBy !== null) duties.push({ key: `ext-notice:${x.id}`, kind: 'extension_notice', dueOn: x.noticeBy, title: `Last day for notice of ${what}`, sourceId: x.id });
  }
  for (const b of t.breaks) {
    if (b.earliestOn === null || !Number.isInteger(b.noticeDays) || b.noticeDays < 0) continue;
    duties.push({
      key: `break:${b.id}`,
      kind: 'break_notice',
      dueOn: addDays(b.earliestOn, -b.noticeDays),
      title: `Last day for ${b.noticeDays} days’ notice to break on ${when(b.earliestOn)}${b.description ? `: ${b.description}` : ''}`,
      sourceId: b.id,
    });
  }
  for (const p of t.priceReviews) {
    duties.push({ key: `price:${p.id}`, kind: 'price_review', dueOn: p.reviewOn, title: p.note ? `Price review: ${p.note}` : 'Price review', sourceId: p.id });
  }
  const current = currentEndOn(t);
  let kpiUntil = current;
  if (t.terminatedOn !== null && (kpiUntil === null || t.terminatedOn < kpiUntil)) kpiUntil = t.terminatedOn;
  for (const k of t.kpis) {
    const step = FREQUENCY_MONTHS[k.frequency];
    const until = kpiUntil ?? nthMonthlyDate(k.firstDueOn, KPI_OPEN_ENDED_MONTHS, 1);
    for (let n = 0; n < KPI_REPORTS_MAX; n++) {
      const due = nthMonthlyDate(k.firstDueOn, step, n);
      if (due > until) break;
      duties.push({ key: `kpi:${k.id}:${n + 1}`, kind: 'kpi_report', dueOn: due, title: `KPI report, ${ORDINAL_SUFFIX(n + 1)}: ${k.name}`, sourceId: k.id });
    }
  }
  if (current !== null) duties.push({ key: 'end', kind: 'end', dueOn: current, title: 'Contract ends', sourceId: null });
  return duties.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
