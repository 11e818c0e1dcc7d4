import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  contractInput,
  type ContractDetail,
  type ContractInput,
  type ProcurementRoute,
} from '../../../../shared/contract/contracts';
import { id } from '../../../../shared/contract/fields';
import { isLegalDate } from '../../../../shared/rules/legal-date';
import { describeTermLength, maximumEndOn, maximumTerm, maximumTermMonths, termLength, type ContractTermsInput } from '../../../../shared/rules/procurement/contract-terms';
import { ROUTES } from '../../../../shared/rules/procurement/routes';
import { parsePounds, poundsInput } from '../../lib/money';
import { mappedResolver } from '../../lib/mapped-resolver';

/**
 * What the contract form holds: text as typed, under the contract's own dotted paths
 * (`extensions.1.lengthMonths`), so the schema's and the core's field errors land on the right
 * control. Money is typed in pounds in the `…Pence` fields and turned into pence on submit.
 */
export interface ExtensionValues {
  id?: string | undefined;
  lengthMonths: string;
  decisionBy: string;
  noticeBy: string;
  /** Read back with an option already decided; shown in the term preview, never sent. */
  exercisedOn?: string | null;
  declinedOn?: string | null;
}
export interface BreakValues {
  id?: string | undefined;
  earliestOn: string;
  noticeDays: string;
  description: string;
}
export interface PriceReviewValues {
  id?: string | undefined;
  reviewOn: string;
  note: string;
}
export interface KpiValues {
  id?: string | undefined;
  name: string;
  target: string;
  frequency: string;
  firstDueOn: string;
}
export interface ContractValues {
  counterpartyId: string;
  reference: string;
  title: string;
  description: string;
  services: string[];
  route: string;
  bidDueOn: string;
  awardOn: string;
  startOn: string;
  endOn: string;
  annualValuePence: string;
  wholeLifeValuePence: string;
  managerOfficerId: string;
  managerName: string;
  notes: string;
  extensions: ExtensionValues[];
  breaks: BreakValues[];
  priceReviews: PriceReviewValues[];
  kpis: KpiValues[];
}

export const EMPTY_CONTRACT: ContractValues = {
  counterpartyId: '',
  reference: '',
  title: '',
  description: '',
  services: [],
  route: '',
  bidDueOn: '',
  awardOn: '',
  startOn: '',
  endOn: '',
  annualValuePence: '',
  wholeLifeValuePence: '',
  managerOfficerId: '',
  managerName: '',
  notes: '',
  extensions: [],
  breaks: [],
  priceReviews: [],
  kpis: [],
};

export const EMPTY_EXTENSION: ExtensionValues = { lengthMonths: '', decisionBy: '', noticeBy: '' };
export const EMPTY_BREAK: BreakValues = { earliestOn: '', noticeDays: '', description: '' };
export const EMPTY_PRICE_REVIEW: PriceReviewValues = { reviewOn: '', note: '' };
export const EMPTY_KPI: KpiValues = { name: '', target: '', frequency: '', firstDueOn: '' };

/** The procurement routes as the form offers them: grouped by the law they come under. */
export const ROUTE_GROUPS: readonly { label: string; routes: readonly ProcurementRoute[] }[] = [
  { label: 'Procurement Act 2023', routes: ['pa23_open', 'pa23_competitive_flexible', 'pa23_direct_award', 'pa23_framework_call_off', 'pa23_reserved_mutual'] },
  { label: 'NHS Provider Selection Regime 2023', routes: ['psr_direct_a', 'psr_direct_b', 'psr_direct_c', 'psr_most_suitable', 'psr_competitive'] },
  { label: 'Older awards (Public Contracts Regulations 2015)', routes: ['pcr15', 'pcr15_light_touch', 'pcr15_reg77'] },
  { label: 'Grant', routes: ['grant'] },
  { label: 'Other', routes: ['other'] },
];

/** A route's words in the form's grouped select: the law's own label, less the group's name the optgroup already gives. */
export const ROUTE_LABEL = Object.fromEntries(
  Object.values(ROUTES).map((r) => [r.route, r.label.replace(/^NHS Provider Selection Regime: /, '')]),
) as Record<ProcurementRoute, string>;

/** The route with the law it comes under, as one phrase for a summary: "Reserved to public service mutuals (Procurement Act 2023 s33)". */
export function routeWords(route: ProcurementRoute): string {
  return ROUTES[route]?.label ?? route;
}

/** What the law behind a route says of the contract's term, for the form's hint; null before a route is chosen. */
export function routeNote(route: string): string | null {
  const info = (ROUTES as Record<string, (typeof ROUTES)[ProcurementRoute] | undefined>)[route];
  if (!info) return null;
  return `${info.legalBasis}. ${info.maximumTerm ? info.maximumTerm.statement : info.termNote}`;
}

const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);

/** A whole number as typed; anything else (and nothing) becomes NaN for the schema to name. */
export function parseWholeText(text: string): number {
  const t = text.trim().replace(/,/g, '');
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Pounds as typed into pence, undefined when empty; anything not pounds and pence is NaN. */
export function poundsToPence(text: string): number | undefined {
  const p = parsePounds(text.replace(/\s+/g, ''));
  return p === null ? undefined : p;
}

/**
 * The specific problem with money typed in pounds, before the schema's general one: a minus
 * sign, a fraction of a penny, or words. Null when it is pounds and pence (or empty).
 */
export function moneyProblem(text: string, what: string): string | null {
  const t = text.trim().replace(/\s+/g, '');
  if (t === '') return null;
  if (/^-/.test(t) || /^£-/.test(t)) return `${capitalise(what)} cannot be negative.`;
  const bare = t.replace(/^£/, '').replace(/,/g, '');
  if (/^\d+\.\d{3,}$/.test(bare)) return `Enter ${what} in whole pence: ${t} has more than two figures after the decimal point.`;
  if (!/^\d+(\.\d{1,2})?$/.test(bare)) return `Enter ${what} in pounds and pence, such as 125000 or 125,000.00.`;
  return null;
}

/** The form's text as the contract's input. */
export function toContractInput(v: ContractValues): ContractInput {
  return {
    counterpartyId: v.counterpartyId,
    reference: v.reference,
    title: v.title,
    description: v.description,
    services: v.services,
    route: (v.route || undefined) as ProcurementRoute,
    bidDueOn: v.bidDueOn,
    awardOn: v.awardOn,
    startOn: v.startOn,
    endOn: v.endOn,
    annualValuePence: poundsToPence(v.annualValuePence),
    wholeLifeValuePence: poundsToPence(v.wholeLifeValuePence),
    managerOfficerId: blank(v.managerOfficerId),
    managerName: v.managerName,
    notes: v.notes,
    extensions: v.extensions.map((e) => ({ ...(e.id ? { id: e.id } : {}), lengthMonths: parseWholeText(e.lengthMonths), decisionBy: e.decisionBy, noticeBy: e.noticeBy })),
    breaks: v.breaks.map((b) => ({ ...(b.id ? { id: b.id } : {}), earliestOn: b.earliestOn, noticeDays: parseWholeText(b.noticeDays), description: b.description })),
    priceReviews: v.priceReviews.map((p) => ({ ...(p.id ? { id: p.id } : {}), reviewOn: p.reviewOn, note: p.note })),
    kpis: v.kpis.map((k) => ({
      ...(k.id ? { id: k.id } : {}),
      name: k.name,
      target: k.target,
      frequency: (k.frequency || undefined) as never,
      firstDueOn: k.firstDueOn,
    })),
  };
}

/** A contract as read back, as the form's text (for changing it). */
export function contractToValues(c: ContractDetail): ContractValues {
  return {
    counterpartyId: c.counterpartyId,
    reference: c.reference,
    title: c.title,
    description: c.description ?? '',
    services: c.services.map((s) => s.code),
    route: c.route,
    bidDueOn: c.bidDueOn ?? '',
    awardOn: c.awardOn ?? '',
    startOn: c.startOn ?? '',
    endOn: c.endOn ?? '',
    annualValuePence: poundsInput(c.annualValuePence),
    wholeLifeValuePence: poundsInput(c.wholeLifeValuePence),
    managerOfficerId: c.managerOfficerId ?? '',
    managerName: c.managerName ?? '',
    notes: c.notes ?? '',
    extensions: c.extensions.map((e) => ({
      id: e.id,
      lengthMonths: String(e.lengthMonths),
      decisionBy: e.decisionBy ?? '',
      noticeBy: e.noticeBy ?? '',
      exercisedOn: e.exercisedOn,
      declinedOn: e.declinedOn,
    })),
    breaks: c.breaks.map((b) => ({ id: b.id, earliestOn: b.earliestOn ?? '', noticeDays: String(b.noticeDays), description: b.description })),
    priceReviews: c.priceReviews.map((p) => ({ id: p.id, reviewOn: p.reviewOn, note: p.note ?? '' })),
    kpis: c.kpis.map((k) => ({ id: k.id, name: k.name, target: k.target ?? '', frequency: k.frequency, firstDueOn: k.firstDueOn })),
  };
}

const SCALAR_PATHS = [
  'counterpartyId',
  'reference',
  'title',
  'description',
  'services',
  'route',
  'bidDueOn',
  'awardOn',
  'startOn',
  'endOn',
  'annualValuePence',
  'wholeLifeValuePence',
  'managerOfficerId',
  'managerName',
  'notes',
] as const;

const ROW_FIELDS = {
  extensions: ['lengthMonths', 'decisionBy', 'noticeBy'],
  breaks: ['earliestOn', 'noticeDays', 'description'],
  priceReviews: ['reviewOn', 'note'],
  kpis: ['name', 'target', 'frequency', 'firstDueOn'],
} as const;

/** Every path the form shows, rows included, for placing the core's field errors. */
export function contractPaths(v: Pick<ContractValues, 'extensions' | 'breaks' | 'priceReviews' | 'kpis'>): string[] {
  const rows = (Object.keys(ROW_FIELDS) as (keyof typeof ROW_FIELDS)[]).flatMap((list) =>
    v[list].flatMap((_, i) => [`${list}.${i}`, ...ROW_FIELDS[list].map((f) => `${list}.${i}.${f}`)]),
  );
  return [...SCALAR_PATHS, ...(['extensions', 'breaks', 'priceReviews', 'kpis'] as const), ...rows];
}

/**
 * Where a path the core names is shown on the form: a service code's problem on the services
 * picker, an unknown commissioner on the commissioner, a row's own problem ("extensions.1") on
 * its first field; the rest as they are.
 */
export function formPathOf(path: string): string {
  if (path.startsWith('services.')) return 'services';
  const row = /^(extensions|breaks|priceReviews|kpis)\.(\d+)$/.exec(path);
  if (row) return `${row[1]}.${row[2]}.${ROW_FIELDS[row[1] as keyof typeof ROW_FIELDS][0]}`;
  return path;
}

/** Checks of the form's own text that say more than the schema can: money, and the commissioner. */
export function formProblems(v: ContractValues): Record<string, string> {
  const out: Record<string, string> = {};
  const annual = moneyProblem(v.annualValuePence, 'the annual value');
  if (annual) out['annualValuePence'] = annual;
  const whole = moneyProblem(v.wholeLifeValuePence, 'the whole-life value');
  if (whole) out['wholeLifeValuePence'] = whole;
  if (v.counterpartyId === '') out['counterpartyId'] = 'Choose the commissioner, or add it to the organisations list.';
  return out;
}

function setAt(errors: Record<string, unknown>, path: string, message: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const copy = { ...errors };
  copy[head!] = rest.length === 0 ? { type: 'form', message } : setAt((errors[head!] as Record<string, unknown> | undefined) ?? {}, rest.join('.'), message);
  return copy;
}

/** The contract's schema over the form's text, with the form's own sharper messages on top. */
export function contractResolver(withId: string | undefined): Resolver<ContractValues> {
  const schema = withId ? contractInput.extend({ id }) : contractInput;
  const base = mappedResolver(schema as typeof contractInput, (v: ContractValues) => (withId ? { ...toContractInput(v), id: withId } : toContractInput(v)) as never);
  return (async (values: ContractValues, context: unknown, options: never) => {
    const result = await (base as unknown as Resolver<ContractValues>)(values, context, options);
    const extra = formProblems(values);
    if (Object.keys(extra).length === 0) return result;
    let errors = result.errors as Record<string, unknown>;
    for (const [path, message] of Object.entries(extra)) errors = setAt(errors, path, message);
    return { values: {}, errors: errors as FieldErrors<ContractValues> };
  }) as Resolver<ContractValues>;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A change in value typed in pounds, which may be negative ("-1,500.00" or "−1500"): pence, or
 * NaN when it is not pounds and pence. Empty is no change (0).
 */
export function signedPoundsToPence(text: string): number {
  const t = text.trim().replace(/\s+/g, '').replace(/^\u2212/, '-');
  if (t === '') return 0;
  const negative = t.startsWith('-');
  const p = parsePounds(negative ? t.slice(1) : t);
  if (p === null || Number.isNaN(p)) return Number.NaN;
  return negative ? -p : p;
}

/** The specific problem with a change in value, or null. */
export function signedMoneyProblem(text: string, what: string): string | null {
  const t = text.trim().replace(/\s+/g, '').replace(/^\u2212/, '-');
  if (t === '') return null;
  const bare = t.replace(/^-/, '').replace(/^£/, '').replace(/,/g, '');
  if (/^\d+\.\d{3,}$/.test(bare)) return `Enter ${what} in whole pence: ${t} has more than two figures after the decimal point.`;
  if (!/^\d+(\.\d{1,2})?$/.test(bare)) return `Enter ${what} in pounds and pence, such as 1500.00 or -1500.00 for a reduction.`;
  return null;
}

/** The kinds of file the core keeps with a contract (checked again there from the file's contents). */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'] as const;

/** Why a chosen file cannot be kept with a contract, before anything is sent; null when it can. */
export function documentProblem(file: { name: string; size: number } | undefined, maxBytes: number): string | null {
  if (!file) return 'Choose the file to keep with the contract.';
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) return `${file.name} is not a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > maxBytes) return `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; a document can be at most ${Math.round(maxBytes / (1024 * 1024))} MB.`;
  return null;
}

/** A legal date `days` later ('YYYY-MM-DD'), counted in whole days without a time zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d! + days));
  return t.toISOString().slice(0, 10);
}

export interface TermPreview {
  /** "3 years", from the start to the end of the initial term. */
  initial: string;
  /** With every extension option not declined; null when there are none. */
  withOptions: { term: string; endOn: string } | null;
  /** The route's own limit broken (a s33 reservation over five years), in the law's words. */
  overLimit: string | null;
}

/**
 * What the dates and options typed so far come to, for the form to say before it is sent: the
 * initial term, the term and end with every option, and the route's limit if they break it. Null
 * until the start and end are whole dates in order.
 */
export function previewTerm(v: Pick<ContractValues, 'route' | 'startOn' | 'endOn' | 'extensions'>): TermPreview | null {
  if (!isLegalDate(v.startOn) || !isLegalDate(v.endOn) || v.endOn < v.startOn) return null;
  const extensions = v.extensions
    .map((e, i) => ({ e, i, months: parseWholeText(e.lengthMonths) }))
    .filter(({ months }) => Number.isInteger(months) && months > 0)
    .map(({ e, i, months }) => ({ id: e.id ?? `new-${i}`, position: i + 1, lengthMonths: months, decisionBy: null, noticeBy: null, exercisedOn: e.exercisedOn ?? null, declinedOn: e.declinedOn ?? null }));
  const route = (v.route in ROUTES ? v.route : 'other') as ProcurementRoute;
  const terms: ContractTermsInput = { route, awardedOn: null, startOn: v.startOn, endOn: v.endOn, terminatedOn: null, extensions, breaks: [], priceReviews: [], kpis: [], variations: [] };
  const open = extensions.filter((x) => x.declinedOn === null);
  const max = maximumTerm(terms);
  const end = maximumEndOn(terms);
  const limit = ROUTES[route].maximumTerm;
  const months = maximumTermMonths(terms);
  return {
    initial: describeTermLength(termLength(v.startOn, v.endOn)),
    withOptions: open.length > 0 && max && end ? { term: describeTermLength(max), endOn: end } : null,
    overLimit: limit && months !== null && months > limit.months ? limit.statement : null,
  };
}
