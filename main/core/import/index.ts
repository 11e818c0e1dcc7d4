/**
 * The HR import, as the service and the benchmark use it: read a CSV (`parseCsv`), suggest or
 * recall a column mapping, check the rows (`validateRows`), plan against the register
 * (`planImport`, writes nothing) and apply the plan in one transaction (`applyPlan` on a given
 * Kysely, or `applyPlanOnOwnConnection` on a connection of its own, as the app does).
 *
 * @example
 * const { headers, rows } = await parseCsv(text);
 * const plan = await planImport(db, { ...options, headers, rows, mapping: suggestMapping(headers) });
 * const result = await applyPlanOnOwnConnection(dbPath, plan, who, job);
 */
export { decodeCsvBytes, parseCsv, type CsvRow, type ParsedCsv } from './csv';
export { parseHrDate, guessDateFormat } from './dates';
export { emptyMapping, headerSetKey, rememberedMapping, rememberMapping, suggestMapping } from './mapping';
export { validateRows, type ImportRecord, type RowIssue } from './rows';
export { planImport, type ImportPlanFull, type PlanOptions, type Progress } from './plan';
export { applyPlan, applyPlanOnOwnConnection, CONFLICT_MESSAGE } from './apply';
