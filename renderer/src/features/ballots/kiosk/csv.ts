import type { RollEntry } from '../../../../../shared/contract/ballots';
import { neutraliseCell } from '../../../../../shared/rules/csv-safety';

/**
 * CSV files built in the page (RFC 4180: CRLF line ends, a cell quoted when it holds a comma, quote or
 * line break, its quotes doubled; a UTF-8 byte-order mark
 * so spreadsheet programs read accented names right). Every cell passes through neutraliseCell, so a
 * name like "=HYPERLINK(...)" is shown as text and never run as a formula (CWE-1236).
 */
function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header, ...rows].map((r) => r.map((c) => quoted(neutraliseCell(String(c)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The frozen roll for export: names and numbers only, as the issue asks (nothing of how or whether anyone voted). */
export function rollCsv(entries: readonly Pick<RollEntry, 'memberNumber' | 'name'>[]): string {
  return csv(
    ['Member number', 'Name'],
    entries.map((e) => [e.memberNumber, e.name]),
  );
}

/** The voting codes for the secretary's own mail merge: shown once, never kept by the app. */
export function codesCsv(codes: readonly { memberNumber: number; name: string; code: string }[]): string {
  return csv(
    ['Member number', 'Name', 'Voting code'],
    codes.map((c) => [c.memberNumber, c.name, c.code]),
  );
}

/** A file name from the ballot's title: "agm-2026-poll-roll.csv". */
export function fileNameFor(title: string, what: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'ballot'}-${what}.csv`;
}
