import type { ReportDoc, ReportSection, ReportTable } from '../../../shared/contract/reports';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';
import { KIND_INFO, titleInSentence } from './catalogue';
import { AppError } from '../errors';

/** What every format says about a report, the same way: whose, when, produced when, from which audit head. */

export const STATUS_WORDS = { met: 'Met', notMet: 'Not met', cannotJudge: 'Cannot be judged from the records', info: 'For information' } as const;

const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as the UK day and time: "30 November 2026 at 12:00". */
export function formatProduced(iso: string): string {
  const at = new Date(iso);
  return `${formatLegalDate(ukDateOf(at))} at ${UK_TIME.format(at)}`;
}

export function periodWords(doc: Pick<ReportDoc, 'period'>): string {
  return doc.period.from ? `${formatLegalDate(doc.period.from)} to ${formatLegalDate(doc.period.to)}` : `As at ${formatLegalDate(doc.period.to)}`;
}

export function aboutLines(doc: ReportDoc): { label: string; value: string }[] {
  return [
    { label: 'Organisation', value: `${doc.organisation.name} (registered number ${doc.organisation.registrationNumber})` },
    { label: doc.period.from ? 'Period' : 'Date', value: periodWords(doc) },
    { label: 'Produced', value: formatProduced(doc.producedAt) },
    { label: 'Audit head', value: `event ${doc.auditHead.seq}, hash ${doc.auditHead.hash}` },
  ];
}

/**
 * The document with one top-level section only (a DOCX of one editable part of the AGM pack), and
 * what is missing from that part.
 */
export function partOf(doc: ReportDoc, sectionId: string): ReportDoc {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) {
    throw AppError.field('sectionId', `The ${titleInSentence(doc.request.kind)} has no part “${sectionId}”. Choose one of its parts: ${doc.sections.map((s) => s.title).join('; ')}.`);
  }
  // Builders name a missing part by its section's title (what the reader sees) or by its id: match either, nested sections included.
  const names = new Set<string>();
  const walk = (s: ReportSection) => {
    names.add(s.id);
    names.add(s.title);
    (s.sections ?? []).forEach(walk);
  };
  walk(section);
  return { ...doc, title: `${doc.title}: ${section.title}`, sections: [section], missing: doc.missing.filter((m) => names.has(m.section) || m.section.startsWith(`${section.title}: `)) };
}

/** Every table in the document, in reading order. */
export function tablesOf(doc: Pick<ReportDoc, 'sections'>): ReportTable[] {
  const out: ReportTable[] = [];
  const walk = (list: ReportSection[]) => {
    for (const s of list) {
      for (const b of s.blocks) if (b.type === 'table') out.push(b);
      walk(s.sections ?? []);
    }
  };
  walk(doc.sections);
  return out;
}

/**
 * The file's name, from the kind of report (not its title, which may carry the period) and its
 * date: "Annual governance report 2026-03-31.docx", "Annual governance report - Members by class 2026-03-31.csv".
 */
export function reportFileName(doc: Pick<ReportDoc, 'request' | 'period'>, ext: string, part?: string): string {
  return `${KIND_INFO[doc.request.kind].title}${part ? ` - ${part}` : ''} ${doc.period.to}.${ext}`;
}

/**
 * What a value is as a number, judged from what it shows: a count ("1,234"), money ("£1,234.50",
 * whose `value` the builders keep in pence, as the registers do) or a percentage ("45%", from a
 * value of 45 or 0.45), with the decimals it shows. Null when the value is not a number or does
 * not say what it shows (a "3 of 5" with a value of 0.6): the spreadsheet then shows the words,
 * so it never disagrees with the screen.
 */
export type NumericValue = { kind: 'count' | 'money' | 'percent'; number: number; decimals: number };

const SHOWN_NUMBER = /^([-\u2212]?)(£?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(%?)$/;

export function numericOf(v: { display: string; value?: number | null | undefined } | undefined): NumericValue | null {
  if (!v || typeof v.value !== 'number' || !Number.isFinite(v.value)) return null;
  const m = SHOWN_NUMBER.exec(v.display.trim());
  if (!m) return null;
  const [, sign, pound, whole, fraction = '', percent] = m;
  const shown = (sign ? -1 : 1) * Number(`${whole!.replace(/,/g, '')}.${fraction || '0'}`);
  const decimals = fraction.length;
  const near = (a: number, b: number, places: number) => Math.abs(a - b) <= 0.5 * 10 ** -places + 1e-9;
  if (pound && !percent) {
    if (near(v.value / 100, shown, decimals)) return { kind: 'money', number: v.value / 100, decimals: 2 };
    if (near(v.value, shown, decimals)) return { kind: 'money', number: v.value, decimals: 2 };
    return null;
  }
  if (percent && !pound) {
    // As a fraction, as spreadsheets keep percentages.
    if (near(v.value, shown, decimals)) return { kind: 'percent', number: v.value / 100, decimals };
    if (near(v.value * 100, shown, decimals)) return { kind: 'percent', number: v.value, decimals };
    return null;
  }
  if (!pound && !percent && near(v.value, shown, decimals)) return { kind: 'count', number: v.value, decimals };
  return null;
}
