import type { ContractStatus, DutyKind, ProcurementRoute } from '../../../shared/contract/contracts';
import { addDays, daysInMonth, formatLegalDate } from '../../../shared/rules/legal-date';

/**
 * The one place the contracts core meets the law of contract terms
 * (shared/rules/procurement/contract-terms.ts): a contract's dates as the rules read them, and
 * what they answer — its current and maximum end, its status, the problems with its terms and
 * its dated duties. PROVISIONAL until the law module lands: these are the same names and shapes,
 * computed here so the core can be built and tested; then this file only maps to it.
 */
export interface TermsContract {
  route: ProcurementRoute;
  awardOn: string | null;
  startOn: string | null;
  endOn: string | null;
  terminatedOn: string | null;
  extensions: readonly { id: string; lengthMonths: number; decisionBy: string | null; noticeBy: string | null; exercisedOn: string | null; declinedOn: string | null }[];
  breaks: readonly { id: string; earliestOn: string | null; noticeDays: number; description: string }[];
  priceReviews: readonly { id: string; reviewOn: string }[];
  kpis: readonly { id: string; name: string; frequency: 'monthly' | 'quarterly' | 'six_monthly' | 'annual'; firstDueOn: string }[];
  variations: readonly { madeOn: string; newEndOn: string | null }[];
}

export interface GeneratedDuty {
  key: string;
  kind: DutyKind;
  dueOn: string;
  title: string;
}

export interface TermsProblem {
  /** The form field: 'endOn', 'extensions.1.lengthMonths'. */
  path: string;
  message: string;
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The end of the initial term as varied (the latest variation that moved it). */
function variedEnd(c: TermsContract): string | null {
  const moved = [...c.variations].filter((v) => v.newEndOn !== null).sort((a, b) => a.madeOn.localeCompare(b.madeOn));
  return moved.at(-1)?.newEndOn ?? c.endOn;
}

/** The end of the term now: the initial (or varied) end plus every extension exercised. */
export function currentEndOn(c: TermsContract): string | null {
  const end = variedEnd(c);
  if (end === null) return null;
  const months = c.extensions.filter((e) => e.exercisedOn !== null).reduce((n, e) => n + e.lengthMonths, 0);
  return addMonths(end, months);
}

/** The latest the term can run to: every extension option not declined. */
export function maximumEndOn(c: TermsContract): string | null {
  const end = variedEnd(c);
  if (end === null) return null;
  const months = c.extensions.filter((e) => e.declinedOn === null).reduce((n, e) => n + e.lengthMonths, 0);
  return addMonths(end, months);
}

/** Whole months from the start to the maximum end (the day before counts as a whole month). */
export function maximumTermMonths(c: TermsContract): number | null {
  const end = maximumEndOn(c);
  if (c.startOn === null || end === null) return null;
  const [sy, sm, sd] = c.startOn.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = addDays(end, 1).split('-').map(Number) as [number, number, number];
  return (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
}

export function deriveStatus(c: TermsContract, today: string): ContractStatus {
  if (c.terminatedOn !== null && c.terminatedOn <= today) return 'terminated';
  if (c.awardOn === null) return 'pipeline';
  if (c.startOn === null || today < c.startOn) return 'awarded';
  const end = currentEndOn(c);
  if (end !== null && today > end) return 'expired';
  const initial = variedEnd(c);
  if (initial !== null && today > initial) return 'in_extension';
  return 'live';
}

const FIVE_YEARS = 60;

/** Problems with the contract's dates and terms, each against its field. */
export function validateTerms(c: TermsContract): TermsProblem[] {
  const problems: TermsProblem[] = [];
  if (c.startOn && c.endOn && c.endOn < c.startOn) {
    problems.push({ path: 'endOn', message: `The end date (${formatLegalDate(c.endOn)}) is before the start date (${formatLegalDate(c.startOn)}).` });
  }
  if (c.awardOn && c.startOn && c.startOn < c.awardOn) {
    problems.push({ path: 'startOn', message: `The contract cannot start (${formatLegalDate(c.startOn)}) before it was awarded (${formatLegalDate(c.awardOn)}).` });
  }
  if (c.extensions.length > 0 && !c.endOn) problems.push({ path: 'endOn', message: 'Enter the end date of the initial term: extension options run on from it.' });
  const end = c.endOn;
  c.extensions.forEach((e, i) => {
    if (end && e.decisionBy && e.decisionBy > end) {
      problems.push({ path: `extensions.${i}.decisionBy`, message: `The decision on extension ${i + 1} must be due by the end of the term it extends (${formatLegalDate(end)}).` });
    }
    if (end && e.noticeBy && e.noticeBy > end) {
      problems.push({ path: `extensions.${i}.noticeBy`, message: `Notice of extension ${i + 1} must be due by the end of the term it extends (${formatLegalDate(end)}).` });
    }
  });
  if (c.route === 'pa23_reserved_mutual') {
    const months = maximumTermMonths(c);
    if (months !== null && months > FIVE_YEARS) {
      const path = c.extensions.length > 0 ? `extensions.${c.extensions.length - 1}.lengthMonths` : 'endOn';
      problems.push({
        path,
        message: `A contract reserved to public service mutuals may last at most five years with every extension (Procurement Act 2023 s33(1)(b)); this one could last ${months} months.`,
      });
    }
  }
  return problems;
}

const FREQUENCY_MONTHS = { monthly: 1, quarterly: 3, six_monthly: 6, annual: 12 } as const;

/** Every dated duty the contract carries, each under a key that stays the same when its date moves. */
export function generateDuties(c: TermsContract): GeneratedDuty[] {
  if (c.terminatedOn !== null) return [];
  const duties: GeneratedDuty[] = [];
  c.extensions.forEach((e, i) => {
    if (e.exercisedOn !== null || e.declinedOn !== null) return;
    if (e.decisionBy) duties.push({ key: `ext-decision:${e.id}`, kind: 'extension_decision', dueOn: e.decisionBy, title: `Decide on extension ${i + 1} (${e.lengthMonths} months)` });
    if (e.noticeBy) duties.push({ key: `ext-notice:${e.id}`, kind: 'extension_notice', dueOn: e.noticeBy, title: `Give notice of extension ${i + 1}` });
  });
  for (const b of c.breaks) {
    if (b.earliestOn) duties.push({ key: `break:${b.id}`, kind: 'break_notice', dueOn: addDays(b.earliestOn, -b.noticeDays), title: `Last day for break notice: ${b.description}` });
  }
  for (const p of c.priceReviews) duties.push({ key: `price:${p.id}`, kind: 'price_review', dueOn: p.reviewOn, title: 'Price review' });
  const until = currentEndOn(c);
  for (const k of c.kpis) {
    for (let n = 0; n < 600; n++) {
      const due = addMonths(k.firstDueOn, n * FREQUENCY_MONTHS[k.frequency]);
      if (until !== null && due > until) break;
      if (until === null && n > 0) break;
      duties.push({ key: `kpi:${k.id}:${n + 1}`, kind: 'kpi_report', dueOn: due, title: `KPI report: ${k.name}` });
    }
  }
  if (until !== null && c.awardOn !== null) duties.push({ key: 'end', kind: 'end', dueOn: until, title: 'Contract ends' });
  return duties;
}
