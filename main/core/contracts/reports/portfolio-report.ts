import ExcelJS from 'exceljs';
import type { Portfolio } from '../../../../shared/contract/contract-reports';
import { visibleText } from '../../../../shared/rules/csv-safety';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import { auditLine } from '../../meetings/print/minutes-pdf';
import { cell, heading, para, t } from '../../meetings/print/doc-blocks';
import { reportPdf, type BarChart, type ReportPart } from './report-pdf';
import { ENDING_LIST_LIMIT, NO_SERVICE_CODE } from './portfolio';

/**
 * The portfolio as a board report (PDF, tables with bar charts drawn from the same figures) and
 * as a spreadsheet (XLSX, one sheet per table), both from one `Portfolio` (portfolio.ts), so the
 * two and the screen never disagree.
 */

export interface PortfolioReportModel {
  organisationName: string;
  portfolio: Portfolio;
  producedOn: string;
  head: { seq: number; hash: string };
}

/** The bars shown before the rest are put together as "Others". */
const CHART_BARS = 12;

export const pct = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

function bars<T>(rows: readonly T[], label: (r: T) => string, value: (r: T) => number): BarChart['bars'] {
  const top = rows.slice(0, CHART_BARS).map((r) => ({ label: label(r), value: value(r), text: formatPence(value(r)) }));
  const rest = rows.slice(CHART_BARS);
  if (rest.length) {
    const sum = rest.reduce((n, r) => n + value(r), 0);
    top.push({ label: `Others (${rest.length})`, value: sum, text: formatPence(sum) });
  }
  return top;
}

export function portfolioTitle(m: PortfolioReportModel): string {
  return `Contract portfolio as at ${formatLegalDate(m.portfolio.asAt)}`;
}

export function portfolioParts(m: PortfolioReportModel): ReportPart[] {
  const p = m.portfolio;
  const contracts = p.byCommissioner.reduce((n, c) => n + c.contracts, 0);
  const parts: ReportPart[] = [
    { type: 'heading', level: 1, runs: [t(`${m.organisationName}: ${portfolioTitle(m)}`)] },
    para(
      t(
        `${contracts.toLocaleString('en-GB')} contract${contracts === 1 ? ' was' : 's were'} live (or in an extension) on ${formatLegalDate(p.asAt)}, bringing an annual income of `,
      ),
      t(formatPence(p.annualIncomePence), { bold: true }),
      t(
        p.largestCommissioner
          ? `. The largest commissioner, ${p.largestCommissioner}, brings ${pct(p.largestShare)} of it.`
          : '. No live contract has an annual value recorded.',
      ),
    ),
    heading(2, 'Income by commissioner', true),
    { type: 'chart', title: 'Annual income by commissioner', bars: bars(p.byCommissioner, (c) => c.name, (c) => c.annualPence) },
    {
      type: 'table',
      headerRow: true,
      widths: [5, 1.4, 2.2, 1.3],
      alignRight: [1, 2, 3],
      rows: [
        [cell('Commissioner'), cell('Contracts'), cell('Annual income'), cell('Share')],
        ...p.byCommissioner.map((c) => [cell(c.name), cell(c.contracts.toLocaleString('en-GB')), cell(formatPence(c.annualPence)), cell(pct(c.share))]),
        [cell('Total', { bold: true }), cell(contracts.toLocaleString('en-GB'), { bold: true }), cell(formatPence(p.annualIncomePence), { bold: true }), cell(p.annualIncomePence > 0 ? '100.0%' : '', { bold: true })],
      ],
    },
    heading(2, 'Income by service', true),
    { type: 'chart', title: 'Annual income by service category (CPV code)', bars: bars(p.byService, (s) => (s.code === NO_SERVICE_CODE ? s.description : `${s.code} ${s.description}`), (s) => s.annualPence) },
    {
      type: 'table',
      headerRow: true,
      widths: [1.6, 4, 1.3, 2.2],
      alignRight: [2, 3],
      rows: [
        [cell('CPV code'), cell('Service'), cell('Contracts'), cell('Annual income')],
        ...p.byService.map((s) => [cell(s.code || '—'), cell(s.description), cell(s.contracts.toLocaleString('en-GB')), cell(formatPence(s.annualPence))]),
      ],
    },
    {
      type: 'paragraph',
      small: true,
      runs: [t('A contract with several service categories has its annual value split equally between them, to the penny, so the services add up to the total.')],
    },
    heading(2, 'Contracts ending', true),
    {
      type: 'chart',
      title: `Annual income of contracts ending after ${formatLegalDate(p.asAt)}`,
      bars: [
        { label: 'Within 6 months', value: p.ending.within6Pence, text: `${formatPence(p.ending.within6Pence)} (${p.ending.within6})` },
        { label: 'Within 12 months', value: p.ending.within12Pence, text: `${formatPence(p.ending.within12Pence)} (${p.ending.within12})` },
        { label: 'Within 18 months', value: p.ending.within18Pence, text: `${formatPence(p.ending.within18Pence)} (${p.ending.within18})` },
      ],
    },
    {
      type: 'table',
      headerRow: true,
      widths: [3, 1.4, 2.2],
      alignRight: [1, 2],
      rows: [
        [cell('Ending'), cell('Contracts'), cell('Annual income')],
        [cell('Within 6 months'), cell(String(p.ending.within6)), cell(formatPence(p.ending.within6Pence))],
        [cell('Within 12 months'), cell(String(p.ending.within12)), cell(formatPence(p.ending.within12Pence))],
        [cell('Within 18 months'), cell(String(p.ending.within18)), cell(formatPence(p.ending.within18Pence))],
      ],
    },
  ];
  if (p.endingContracts.length) {
    parts.push(
      // The heading stays with the start of its table.
      { type: 'keepSpace', points: 90 },
      heading(3, 'Contracts ending within 18 months'),
      {
        type: 'table',
        headerRow: true,
        widths: [1.6, 3.4, 2.6, 1.7, 1.9],
        alignRight: [4],
        rows: [
          [cell('Reference'), cell('Contract'), cell('Commissioner'), cell('Ends'), cell('Annual value')],
          ...p.endingContracts.map((c) => [cell(c.reference), cell(c.title), cell(c.counterpartyName), cell(formatLegalDate(c.currentEndOn)), cell(c.annualValuePence === null ? 'Not recorded' : formatPence(c.annualValuePence))]),
        ],
      },
    );
    if (p.endingContracts.length >= ENDING_LIST_LIMIT && p.ending.within18 > p.endingContracts.length) {
      parts.push(para(`The first ${p.endingContracts.length.toLocaleString('en-GB')} of ${p.ending.within18.toLocaleString('en-GB')} are listed, soonest first.`));
    }
  }
  parts.push(
    heading(2, 'Concentration risk', true),
    para(
      p.largestCommissioner
        ? `${p.largestCommissioner} brings ${pct(p.largestShare)} of the annual income of live contracts (${formatPence(p.byCommissioner[0]!.annualPence)} of ${formatPence(p.annualIncomePence)}).`
        : 'There is no annual income from live contracts on record, so there is no concentration to report.',
    ),
    heading(2, 'How these figures are made', true),
    {
      type: 'list',
      ordered: false,
      items: [
        { runs: [t('A contract counts when, on the date, it had been awarded and had started, had not been terminated, and had not ended. Its end is its current end: the initial term as varied, with every extension exercised.')] },
        { runs: [t('Income is each contract’s annual value as recorded. A contract with no annual value recorded is counted but brings no income; a variation’s change in value is not added.')] },
        { runs: [t(`Produced on ${formatLegalDate(m.producedOn)} from the records as they stood at ${auditLine(m.head.seq, m.head.hash).replace(/^A/, 'a')}.`)] },
      ],
    },
  );
  return parts;
}

export function portfolioPdf(m: PortfolioReportModel): Promise<Uint8Array> {
  const title = portfolioTitle(m);
  return reportPdf(portfolioParts(m), {
    title,
    subject: `${title}: income by commissioner and by service, contracts ending, concentration risk`,
    author: m.organisationName,
    keywords: ['contracts', 'portfolio', `as-at:${m.portfolio.asAt}`, `audit-event:${m.head.seq}`],
    footer: [`${m.organisationName} · ${title} · produced ${formatLegalDate(m.producedOn)}`, auditLine(m.head.seq, m.head.hash)],
  });
}

type Column = { header: string; key: string; width: number; type?: 'money' | 'share' | 'date' | 'count' };

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, notes: string[], columns: Column[], rows: Record<string, string | number | null>[]): void {
  const headerRow = notes.length + 3;
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  for (const n of notes) ws.addRow([n]).font = { italic: true };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(
      columns.map((c) => {
        const v = r[c.key] ?? null;
        if (v === null) return null;
        if (c.type === 'money' && typeof v === 'number') return v / 100;
        if (c.type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
        return typeof v === 'string' ? visibleText(v) : v;
      }),
    );
    columns.forEach((c, i) => {
      const numFmt = c.type === 'money' ? '"£"#,##0.00' : c.type === 'share' ? '0.0%' : c.type === 'date' ? 'dd/mm/yyyy' : c.type === 'count' ? '#,##0' : undefined;
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
  }
}

/** The portfolio as a workbook: one sheet per table, money as pounds, shares as percentages, dates as dates. */
export async function portfolioXlsx(m: PortfolioReportModel): Promise<Uint8Array> {
  const p = m.portfolio;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutual Governance';
  workbook.title = portfolioTitle(m);
  const asAt = `As at ${formatLegalDate(p.asAt)}; produced ${formatLegalDate(m.producedOn)} from ${auditLine(m.head.seq, m.head.hash).replace(/^A/, 'a')}.`;
  sheet(workbook, 'By commissioner', `${m.organisationName}: income by commissioner`, [asAt], [
    { header: 'Commissioner', key: 'name', width: 40 },
    { header: 'Contracts', key: 'contracts', width: 12, type: 'count' },
    { header: 'Annual income', key: 'pence', width: 18, type: 'money' },
    { header: 'Share', key: 'share', width: 10, type: 'share' },
  ], p.byCommissioner.map((c) => ({ name: c.name, contracts: c.contracts, pence: c.annualPence, share: c.share })));
  sheet(workbook, 'By service', `${m.organisationName}: income by service`, [asAt, 'A contract with several service categories has its annual value split equally between them, to the penny.'], [
    { header: 'CPV code', key: 'code', width: 14 },
    { header: 'Service', key: 'description', width: 50 },
    { header: 'Contracts', key: 'contracts', width: 12, type: 'count' },
    { header: 'Annual income', key: 'pence', width: 18, type: 'money' },
  ], p.byService.map((s) => ({ code: s.code, description: s.description, contracts: s.contracts, pence: s.annualPence })));
  sheet(workbook, 'Ending', `${m.organisationName}: contracts ending`, [asAt], [
    { header: 'Ending', key: 'label', width: 20 },
    { header: 'Contracts', key: 'contracts', width: 12, type: 'count' },
    { header: 'Annual income', key: 'pence', width: 18, type: 'money' },
  ], [
    { label: 'Within 6 months', contracts: p.ending.within6, pence: p.ending.within6Pence },
    { label: 'Within 12 months', contracts: p.ending.within12, pence: p.ending.within12Pence },
    { label: 'Within 18 months', contracts: p.ending.within18, pence: p.ending.within18Pence },
  ]);
  sheet(workbook, 'Ending contracts', `${m.organisationName}: contracts ending within 18 months`, [asAt], [
    { header: 'Reference', key: 'reference', width: 16 },
    { header: 'Contract', key: 'title', width: 40 },
    { header: 'Commissioner', key: 'commissioner', width: 32 },
    { header: 'Ends', key: 'ends', width: 12, type: 'date' },
    { header: 'Annual value', key: 'pence', width: 18, type: 'money' },
  ], p.endingContracts.map((c) => ({ reference: c.reference, title: c.title, commissioner: c.counterpartyName, ends: c.currentEndOn, pence: c.annualValuePence })));
  sheet(workbook, 'Concentration', `${m.organisationName}: concentration risk`, [asAt], [
    { header: 'Measure', key: 'label', width: 44 },
    { header: 'Value', key: 'value', width: 40 },
  ], [
    { label: 'Annual income of live contracts (£)', value: p.annualIncomePence / 100 },
    { label: 'Largest commissioner', value: p.largestCommissioner ?? 'None' },
    { label: 'Largest commissioner’s share of income', value: pct(p.largestShare) },
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

