import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDoc, ReportRequest } from '../../../../shared/contract/reports';
import { call } from '../../api/client';
import { useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { buildKey, builtReport, dropRunningBuild, forgetBuiltReport, keepBuiltReport, runningBuild, setRunningBuild } from './report-builds';

/** What a job the core no longer holds (swept 30 minutes after it ended) is shown as. */
export const REPORT_GONE = 'The report is no longer held; produce it again.';

export type BuildState =
  | { kind: 'starting' }
  | { kind: 'running'; done: number; total: number; message: string; cancellable: boolean; cancelling: boolean }
  /** `buildId`: the build that made the document, which its files are asked for by. */
  | { kind: 'done'; doc: ReportDoc; buildId: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Builds a report as a job (reports.build) and follows it: progress with the job's own step,
 * a cancel that stops it part-way, the typed ReportDoc when it succeeds. The core builds in
 * slices (or a worker), so the page stays responsive throughout. The state is derived from the
 * job's status as it is polled; nothing is copied into state but what the core answered.
 */
export function useReportBuild(asked: ReportRequest | null, entryKey: string) {
  // Built and running reports are kept by organisation: nothing starts until the current one is known.
  const organisationId = useApiQuery('app.status', {}).data?.organisationId ?? null;
  const request = organisationId ? asked : null;
  const cacheKey = request && organisationId ? buildKey(organisationId, entryKey, request) : '';
  const [round, setRound] = useState(0);
  const runKey = `${cacheKey} ${round}`;
  const [run, setRun] = useState<{ key: string; jobId: string | null; error: string | null }>(() => {
    const running = cacheKey ? runningBuild(cacheKey) : undefined;
    return running ? { key: runKey, jobId: running, error: null } : { key: '', jobId: null, error: null };
  });
  const [cancelAsked, setCancelAsked] = useState<string | null>(null);
  const started = useRef<string | null>(null);
  const cached = round === 0 && cacheKey ? builtReport(cacheKey) : undefined;

  useEffect(() => {
    if (!request || cached || started.current === runKey || run.key === runKey) return;
    started.current = runKey;
    const following = round === 0 ? runningBuild(cacheKey) : undefined;
    if (following) {
      // Set after the effect, as the started build's answer is, not synchronously within it.
      void Promise.resolve().then(() => setRun({ key: runKey, jobId: following, error: null }));
      return;
    }
    void call('reports.build', request).then(
      (r) => {
        if (r.ok) setRunningBuild(cacheKey, r.value.jobId);
        setRun({ key: runKey, jobId: r.ok ? r.value.jobId : null, error: r.ok ? null : r.error.message });
      },
      (e: unknown) => setRun({ key: runKey, jobId: null, error: e instanceof Error ? e.message : 'The report could not be started.' }),
    );
  }, [runKey, cacheKey, request, cached, run.key, round]);

  const current = run.key === runKey ? run : null;
  const job = useJob(current?.jobId ?? null, 'reports.build');
  const status = job && current?.jobId && job.id === current.jobId ? job : null;

  useEffect(() => {
    if (!status || status.state === 'running') return;
    dropRunningBuild(cacheKey, status.id);
    if (status.state !== 'succeeded' || !status.result) return;
    keepBuiltReport(cacheKey, { doc: status.result, buildId: status.id });
  }, [status, cacheKey]);

  let state: BuildState;
  if (cached) state = { kind: 'done', doc: cached.doc, buildId: cached.buildId };
  else if (!current || (!current.error && !status)) state = { kind: 'starting' };
  else if (current.error) state = { kind: 'failed', message: current.error };
  else if (status!.state === 'running') {
    state = { kind: 'running', done: status!.done, total: Math.max(1, status!.total), message: status!.message || 'Producing the report', cancellable: status!.cancellable, cancelling: cancelAsked === status!.id };
  } else if (status!.state === 'succeeded' && status!.result) state = { kind: 'done', doc: status!.result, buildId: status!.id };
  else {
    const message = status!.error?.code === 'NOT_FOUND' ? REPORT_GONE : (status!.error?.message ?? 'The report could not be produced.');
    state = cancelAsked === status!.id ? { kind: 'cancelled', message } : { kind: 'failed', message };
  }

  const jobId = current?.jobId ?? null;
  const cancel = useCallback(async () => {
    if (!jobId) return;
    setCancelAsked(jobId);
    const r = await call('jobs.cancel', { id: jobId });
    // Refused: it had already finished, and is shown as it ended.
    if (!r.ok) setCancelAsked(null);
  }, [jobId]);

  const again = useCallback(() => {
    forgetBuiltReport(cacheKey);
    setRound((n) => n + 1);
  }, [cacheKey]);

  return { state, cancel, again };
}
