/**
 * Spreadsheet formula injection (CWE-1236): a cell that begins with = + - @ (or a tab or
 * carriage return, which some programs skip before reading a formula) is run as a formula when
 * the CSV is opened. Such cells are prefixed with an apostrophe, which spreadsheets show as text.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}
