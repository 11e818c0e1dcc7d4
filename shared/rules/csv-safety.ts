/**
 * What an exported cell may carry into a spreadsheet or another program.
 *
 * Formula injection (CWE-1236): a cell that begins with = + - @ (or a tab or carriage return,
 * which some programs skip before reading a formula) is run as a formula when the CSV is
 * opened. Such cells are prefixed with an apostrophe, which spreadsheets show as text.
 *
 * Invisible characters: text fields refuse control and formatting characters now, but a record
 * saved before that check (or typed into the file by another program) may still hold one. A
 * right-to-left override makes "Smith" read backwards in the spreadsheet, and NUL ends the
 * text in many programs, so each such character is written as the visible replacement
 * character U+FFFD instead (tabs and line breaks stay: a multi-line note keeps its lines, and
 * the CSV writer quotes them).
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;
const INVISIBLE = /(?![\t\n\r])\p{Cc}|[\p{Cs}\u2028\u2029\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/gu;

/** The text with each invisible control or formatting character replaced by U+FFFD. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, '\uFFFD');
}

/** A CSV cell: visible characters only, and never read as a formula. */
export function neutraliseCell(value: string): string {
  const visible = visibleText(value);
  return DANGEROUS_START.test(visible) ? `'${visible}` : visible;
}
