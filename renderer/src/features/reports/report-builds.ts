import type { ReportDoc, ReportRequest } from '../../../../shared/contract/reports';

/**
 * Documents built on this visit to the page, by organisation, history entry and request: going
 * Back to a report from a record it links to shows the same document without building it again;
 * choosing it afresh (a new entry) or "Produce again" builds it anew. A few are kept; older ones
 * are dropped. The organisation is part of the key, and both maps are emptied when the
 * organisation is switched, so one organisation's report is never shown (or downloaded or traced)
 * under another's.
 */
const BUILT = new Map<string, BuiltReport>();
const KEEP = 4;
/** Builds still running, by the same key: going away and back follows the same job rather than starting another. */
const RUNNING = new Map<string, string>();

/** A document as built, with the build (job) that made it: its files are asked for by the build (reports.export's `shown`). */
export interface BuiltReport {
  doc: ReportDoc;
  buildId: string;
}

export function buildKey(organisationId: string, entryKey: string, request: ReportRequest): string {
  return `${organisationId} ${entryKey} ${JSON.stringify(request)}`;
}

export function builtReport(key: string): BuiltReport | undefined {
  return BUILT.get(key);
}

export function keepBuiltReport(key: string, built: BuiltReport): void {
  BUILT.delete(key);
  BUILT.set(key, built);
  while (BUILT.size > KEEP) BUILT.delete(BUILT.keys().next().value!);
}

export function forgetBuiltReport(key: string): void {
  BUILT.delete(key);
}

export function runningBuild(key: string): string | undefined {
  return RUNNING.get(key);
}

export function setRunningBuild(key: string, jobId: string): void {
  RUNNING.set(key, jobId);
}

/** Forgets the running job under this key if it is still the one recorded there. */
export function dropRunningBuild(key: string, jobId: string): void {
  if (RUNNING.get(key) === jobId) RUNNING.delete(key);
}

/** Called when the organisation is switched: nothing built for the previous one is shown again. */
export function forgetReportBuilds(): void {
  BUILT.clear();
  RUNNING.clear();
}
