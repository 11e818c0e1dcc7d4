import { describe, expect, test } from 'vitest';
import type { ReportDoc } from '../../../../shared/contract/reports';
import { chartData, chartIds, isMoneyColumn, contentsOf, defaultFrom, periodText, producedText, reportPath, requestFromAddress, findSection, tablesById } from './report-format';

const doc: Pick<ReportDoc, 'sections'> = {
  sections: [
    {
      id: 'membership',
      title: 'Membership',
      blocks: [
        {
          type: 'table',
          id: 'members-by-class',
          title: 'Members by class',
          columns: [
            { key: 'class', label: 'Class' },
            { key: 'start', label: 'At the start', numeric: true },
            { key: 'end', label: 'At the end', numeric: true },
          ],
          rows: [
            { class: { display: 'Employee' }, start: { display: '1,200', value: 1200 }, end: { display: '1,250', value: 1250, trace: { set: 'members.on', params: { date: '2026-03-31' } } } },
            { class: { display: 'Community' }, start: { display: '–', value: null }, end: { display: '4', value: 4 } },
          ],
        },
      ],
      sections: [{ id: 'admissions', title: 'Admissions', blocks: [{ type: 'chart', id: 'members-chart', chart: 'bar', title: 'Members', alt: 'More employees', tableId: 'members-by-class', labelKey: 'class', valueKeys: ['start', 'end'] }] }],
    },
  ],
};

describe('report wording', () => {
  test('an as-at report states its date; a period report both ends', () => {
    expect(periodText({ from: null, to: '2026-03-31' })).toBe('As at 31 March 2026');
    expect(periodText({ from: '2025-04-01', to: '2026-03-31' })).toBe('1 April 2025 to 31 March 2026');
  });

  test('when it was produced is UK time (BST in summer) and the audit head is grouped', () => {
    const text = producedText({ producedAt: '2026-07-01T14:04:00.000Z', auditHead: { seq: 1234, hash: 'abcdef0123456789abcdef' } });
    expect(text).toBe('Produced 1 July 2026 at 15:04 from audit event 1,234 (hash abcd ef01 2345…)');
    expect(producedText({ producedAt: '2026-12-01T15:04:00.000Z', auditHead: { seq: 7, hash: 'ffff' } })).toBe('Produced 1 December 2026 at 15:04 from audit event 7 (hash ffff…)');
  });

  test('a period defaults to the day after the same date a year before, 29 February included', () => {
    expect(defaultFrom('2026-03-31')).toBe('2025-04-01');
    expect(defaultFrom('2024-02-29')).toBe('2023-03-01');
    expect(defaultFrom('2025-02-28')).toBe('2024-02-29');
  });
});

describe('the report page’s address', () => {
  test('carries the request and reads it back', () => {
    const path = reportPath({ kind: 'agm', asAt: '2026-03-31', from: '2025-04-01', meetingId: 'm1' });
    expect(path).toBe('/reports/agm?asAt=2026-03-31&from=2025-04-01&meetingId=m1');
    const [, kind, query] = /^\/reports\/([a-zA-Z0-9]+)\?(.*)$/.exec(path)!;
    expect(requestFromAddress(kind, new URLSearchParams(query))).toEqual({ ok: true, request: { kind: 'agm', asAt: '2026-03-31', from: '2025-04-01', meetingId: 'm1' } });
  });

  test('refuses an unknown kind, a missing date and a period that ends before it starts', () => {
    expect(requestFromAddress('budget', new URLSearchParams('asAt=2026-03-31')).ok).toBe(false);
    expect(requestFromAddress('annual', new URLSearchParams('asAt=2026-02-30')).ok).toBe(false);
    expect(requestFromAddress('annual', new URLSearchParams('asAt=2026-03-31&from=2026-04-01')).ok).toBe(false);
  });
});

describe('the document’s parts', () => {
  test('contents follow the sections and their subsections; titles are found at any depth', () => {
    expect(contentsOf(doc.sections)).toEqual([{ id: 'membership', title: 'Membership', children: [{ id: 'admissions', title: 'Admissions', children: [] }] }]);
    expect(findSection(doc.sections, 'admissions')).toEqual({ id: 'admissions', title: 'Admissions' });
    expect(findSection(doc.sections, 'Admissions')).toEqual({ id: 'admissions', title: 'Admissions' });
    expect(findSection(doc.sections, 'nowhere')).toBeNull();
  });

  test('a chart reads its table’s numbers by key; a cell with no number draws as 0', () => {
    const table = tablesById(doc).get('members-by-class')!;
    expect(chartData(table, 'class', ['start', 'end'])).toEqual([
      { label: 'Employee', start: 1200, end: 1250 },
      { label: 'Community', start: 0, end: 4 },
    ]);
    expect(chartIds(doc)).toEqual(['members-chart']);
  });

  test('a column shown in pounds is money (its numbers pence); counts are not', () => {
    const table = tablesById(doc).get('members-by-class')!;
    expect(isMoneyColumn(table, 'end')).toBe(false);
    const income = { ...table, rows: [{ class: { display: 'Council' }, end: { display: '£4,125,000.00', value: 412_500_000 } }, { class: { display: 'Trust' }, end: { display: '-£20.00', value: -2000 } }] };
    expect(isMoneyColumn(income, 'end')).toBe(true);
  });
});
