import {
  CONTRACT_IMPORT_FIELD_LABEL,
  CONTRACT_IMPORT_FIELDS,
  REQUIRED_CONTRACT_IMPORT_FIELDS,
  type ContractImportApplyResult,
  type ContractImportField,
  type ContractImportMapping,
  type ContractImportPlan,
} from '../../../../../shared/contract/contract-import';
import type { ProcurementRoute } from '../../../../../shared/contract/contracts';
import { ROUTES } from '../../../../../shared/rules/procurement/routes';
import { formatCount } from '../../../lib/format';

/**
 * The contracts import's pure parts: which columns must be matched before the file is checked,
 * the rejected rows gathered by line (every problem of a row beside it), and the result in words.
 */

/** The fields every row needs: a reference, a title and a route, and the commissioner by name or by ODS code. */
export function isRequiredField(f: ContractImportField): boolean {
  return REQUIRED_CONTRACT_IMPORT_FIELDS.includes(f);
}

/**
 * What is missing from a mapping before the file can be checked, keyed by field (for the
 * message next to its control), in the order of the fields. A column used for two fields is
 * allowed only for nothing: each column fills one field.
 */
export function mappingProblems(mapping: ContractImportMapping): Partial<Record<ContractImportField, string>> {
  const problems: Partial<Record<ContractImportField, string>> = {};
  for (const f of CONTRACT_IMPORT_FIELDS) {
    if (isRequiredField(f) && !mapping[f]) problems[f] = `Choose the column that holds the ${CONTRACT_IMPORT_FIELD_LABEL[f].toLowerCase()}.`;
  }
  if (!mapping.commissioner && !mapping.commissionerOdsCode) {
    problems.commissioner = 'Choose the column that names the commissioner, or the one with its ODS code.';
  }
  const seen = new Map<string, ContractImportField>();
  for (const f of CONTRACT_IMPORT_FIELDS) {
    const column = mapping[f];
    if (!column) continue;
    const first = seen.get(column);
    if (first && !problems[f]) problems[f] = `The column “${column}” already fills ${CONTRACT_IMPORT_FIELD_LABEL[first].toLowerCase()}; choose another, or “Not in this file”.`;
    else if (!first) seen.set(column, f);
  }
  return problems;
}

export type Problem = ContractImportPlan['rejected'][number];

/** The problems grouped by the row they are on, rows in order, each row's problems in the file's column order. */
export function problemsByLine(rejected: readonly Problem[], headers: readonly string[] = []): { line: number; problems: Problem[] }[] {
  const lines = new Map<number, Problem[]>();
  for (const p of rejected) {
    const list = lines.get(p.line);
    if (list) list.push(p);
    else lines.set(p.line, [p]);
  }
  const order = (column: string) => {
    const i = headers.indexOf(column);
    return i < 0 ? headers.length : i;
  };
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, problems]) => ({ line, problems: [...problems].sort((a, b) => order(a.column) - order(b.column)) }));
}

/** The applied import in one sentence. */
export function appliedSentence(r: Pick<ContractImportApplyResult, 'created' | 'commissionersCreated'>): string {
  if (r.created === 0) return 'No contracts were recorded.';
  const commissioners = r.commissionersCreated > 0 ? `, and ${formatCount(r.commissionersCreated, 'commissioner')} added to the organisations list` : '';
  return `${formatCount(r.created, 'contract')} recorded${commissioners}.`;
}

/** "12 months and 12 months" for a row's extension options; "None" when it has none. */
export function extensionsText(months: readonly number[]): string {
  if (months.length === 0) return 'None';
  const each = months.map((m) => (m % 12 === 0 ? formatCount(m / 12, 'year') : formatCount(m, 'month')));
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/** A route's name and, apart, the citation or note in brackets at the end of its label: "Reserved to public service mutuals" and "Procurement Act 2023 s33". */
export function routeParts(route: ProcurementRoute): { name: string; note: string | null } {
  const label = ROUTES[route]?.label ?? route;
  const m = /^(.*?)\s*\(((?:[^()]|\([^()]*\))*)\)$/.exec(label);
  return m ? { name: m[1]!, note: m[2]! } : { name: label, note: null };
}

/** "row 4", "rows 2, 5 and 9". */
export function rowsText(lines: readonly number[]): string {
  if (lines.length === 1) return `row ${lines[0]}`;
  return `rows ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}
