import { useEffect, useRef, useState } from 'react';
import type { ReportRequest, ReportShown } from '../../../../shared/contract/reports';
import { call, request } from '../../api/client';
import { downloadExport } from '../../api/download';
import { isJobGone } from '../../api/jobs';
import { formatBytes } from '../../lib/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { chartPictures } from './chart-png';

type Step =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; message: string; jobId?: string; cancellable?: boolean; cancelling?: boolean }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

export interface ExportAsk {
  request: ReportRequest;
  /** The build whose document is on screen: the file is that document, as shown. */
  shown: ReportShown;
  format: 'docx' | 'xlsx' | 'csv';
  tableId?: string;
  /** A DOCX of this top-level section only (each editable part of the AGM pack). */
  sectionId?: string;
}

/**
 * Makes one of the report's files (reports.export, a job) and downloads it through the exports'
 * chunked reader, saying what was downloaded in a live region beside the button. For the DOCX the
 * charts on the page are first drawn to PNGs and sent with the request, so the Word file carries
 * the same pictures as the screen, each with its text alternative.
 */
export function ExportButton({ ask, label, accessibleName, className = 'btn btn-secondary', chartsFrom }: { ask: ExportAsk; label: string; accessibleName?: string; className?: string; chartsFrom?: () => ParentNode | null }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const running = useRef(false);
  const cancelAsked = useRef(false);
  // The polling loop stops when the button goes (the page left, the organisation switched).
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const button = useRef<HTMLButtonElement>(null);
  const cancelHasFocus = useRef(false);
  // The Cancel button goes when the job ends: if it had the focus, the focus goes back to the download button.
  const showsCancel = step.kind === 'running' && Boolean(step.jobId) && Boolean(step.cancellable);
  useEffect(() => {
    if (showsCancel || !cancelHasFocus.current) return;
    cancelHasFocus.current = false;
    button.current?.focus();
  }, [showsCancel]);
  const run = async () => {
    if (running.current) return;
    running.current = true;
    cancelAsked.current = false;
    try {
      setStep({ kind: 'running', done: 0, total: 1, message: ask.format === 'docx' ? 'Drawing the charts' : 'Starting' });
      const root = chartsFrom?.() ?? null;
      const charts = ask.format === 'docx' && root ? await chartPictures(root) : [];
      const started = await call('reports.export', { request: ask.request, shown: ask.shown, format: ask.format, ...(ask.tableId ? { tableId: ask.tableId } : {}), ...(ask.sectionId ? { sectionId: ask.sectionId } : {}), ...(charts.length > 0 ? { charts } : {}) });
      if (!started.ok) {
        setStep({ kind: 'failed', text: started.error.message });
        return;
      }
      for (;;) {
        if (!alive.current) return;
        let s;
        try {
          s = await request('jobs.get', { id: started.value.jobId });
        } catch (e) {
          // Swept by the core (30 minutes after it ended): asking again would never succeed.
          if (isJobGone(e)) {
            setStep({ kind: 'failed', text: 'The file is no longer held; ask for it again.' });
            return;
          }
          s = null;
        }
        if (!alive.current) return;
        if (s && s.state === 'failed') {
          setStep(cancelAsked.current ? { kind: 'done', text: 'Cancelled: nothing was downloaded.' } : { kind: 'failed', text: s.error?.message ?? 'The file could not be made.' });
          return;
        }
        if (s && s.state === 'succeeded') {
          const result = s.result as { fileId?: unknown } | undefined;
          if (typeof result?.fileId !== 'string') {
            setStep({ kind: 'failed', text: 'The app produced an answer it could not check.' });
            return;
          }
          setStep({ kind: 'running', done: 0, total: 1, message: 'Downloading' });
          const file = await downloadExport(result.fileId, (received, total) => setStep({ kind: 'running', done: received, total: Math.max(1, total), message: 'Downloading' }));
          setStep({ kind: 'done', text: `${file.fileName} downloaded (${formatBytes(file.sizeBytes)}).` });
          return;
        }
        const jobId = started.value.jobId;
        if (s) setStep({ kind: 'running', done: s.done, total: Math.max(1, s.total), message: s.message || 'Making the file', jobId, cancellable: s.cancellable, cancelling: cancelAsked.current });
        await new Promise((r) => setTimeout(r, s ? 200 : 1000));
      }
    } catch (e) {
      setStep({ kind: 'failed', text: e instanceof Error ? e.message : 'The file could not be made.' });
    } finally {
      running.current = false;
    }
  };
  const cancel = async (jobId: string) => {
    cancelAsked.current = true;
    setStep((st) => (st.kind === 'running' ? { ...st, cancelling: true } : st));
    // Refused: it finished first, and is downloaded as usual.
    const r = await call('jobs.cancel', { id: jobId });
    if (!r.ok) cancelAsked.current = false;
  };
  return (
    <div className="rpt-export">
      <button ref={button} type="button" className={className} aria-label={accessibleName} aria-disabled={step.kind === 'running'} onClick={() => void run()}>
        {label}
      </button>
      {showsCancel && step.kind === 'running' ? (
        <button type="button" className="btn btn-link" onClick={() => void cancel(step.jobId!)} onFocus={() => (cancelHasFocus.current = true)} onBlur={() => (cancelHasFocus.current = false)} aria-label={`${step.cancelling ? 'Cancelling' : 'Cancel'}: ${accessibleName ?? label}`}>
          {step.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
      {step.kind === 'running' ? <ProgressBar done={step.done} total={step.total} label={step.message} /> : null}
      <span className={`rpt-export-outcome${step.kind === 'failed' ? ' is-error' : ''}`} role="status">
        {step.kind === 'done' ? step.text : step.kind === 'failed' ? `${label}: ${step.text}` : ''}
      </span>
    </div>
  );
}
