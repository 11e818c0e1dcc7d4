import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/contract/jobs';
import type { Result } from '../../../../shared/result';
import { call, request } from '../../api/client';
import { downloadExport } from '../../api/download';
import { formatBytes } from '../../lib/format';
import { ProgressBar } from '../../ui/ProgressBar';

type Step =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; message: string; jobId?: string; cancellable?: boolean; cancelling?: boolean }
  | { kind: 'done'; text: string }
  | { kind: 'cancelled'; text: string }
  | { kind: 'failed'; message: string };

async function follow(jobId: string, onStatus: (s: JobStatus) => void): Promise<JobStatus> {
  for (;;) {
    let s: JobStatus | null = null;
    try {
      s = await request('jobs.get', { id: jobId });
    } catch {
      // A dropped request is retried; the job carries on in the core.
    }
    if (s) {
      onStatus(s);
      if (s.state !== 'running') return s;
    }
    await new Promise((r) => setTimeout(r, s ? 250 : 1000));
  }
}

/**
 * A button that produces a document in the core (a board pack, a notice), shows its progress,
 * then downloads it. The page stays usable meanwhile: the core builds it in slices. A job that
 * can stop part-way (the board pack: its status says `cancellable`) gets a Cancel button beside
 * its progress; cancelled, it says so in the same place and nothing is downloaded.
 */
export function DocumentButton({ label, start, busyLabel, describe }: { label: string; busyLabel: string; start: () => Promise<Result<{ jobId: string }>>; describe?: (result: Record<string, unknown>) => string }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const cancelAsked = useRef(false);
  const what = label.replace(/ \(.*\)$/, '').toLowerCase();
  const startButton = useRef<HTMLButtonElement>(null);
  const run = async () => {
    cancelAsked.current = false;
    setStep({ kind: 'running', done: 0, total: 1, message: busyLabel });
    try {
      const started = await start();
      if (!started.ok) {
        setStep({ kind: 'failed', message: started.error.message });
        return;
      }
      const jobId = started.value.jobId;
      const end = await follow(jobId, (s) =>
        setStep({ kind: 'running', done: s.done, total: Math.max(1, s.total), message: s.message || busyLabel, jobId, cancellable: s.cancellable, cancelling: cancelAsked.current }),
      );
      if (end.state !== 'succeeded') {
        const message = end.error?.message ?? 'The document could not be produced.';
        // The job's own words ("Board pack for … was cancelled; nothing was made."), not an error.
        setStep(cancelAsked.current && end.error?.code === 'CONFLICT' ? { kind: 'cancelled', text: message } : { kind: 'failed', message });
        return;
      }
      const result = end.result as { fileId: string } & Record<string, unknown>;
      setStep({ kind: 'running', done: 0, total: 1, message: 'Downloading' });
      const file = await downloadExport(result.fileId, (received, total) => setStep({ kind: 'running', done: received, total: Math.max(1, total), message: 'Downloading' }));
      setStep({ kind: 'done', text: `${file.fileName} downloaded (${formatBytes(file.sizeBytes)}${describe ? `, ${describe(result)}` : ''}).` });
    } catch (e) {
      setStep({ kind: 'failed', message: e instanceof Error ? e.message : 'The document could not be produced.' });
    }
  };
  // Once cancelled, the Cancel button that had the focus is gone: the focus goes to the button
  // that starts again (enabled by then), not to the page's start.
  useEffect(() => {
    if (step.kind === 'cancelled') startButton.current?.focus();
  }, [step.kind]);
  const cancel = async (jobId: string) => {
    cancelAsked.current = true;
    setStep((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s));
    // The polling above sees the job stop and shows its message. A refusal means it finished
    // first (it is then downloaded as usual), so there is nothing more to say here.
    const r = await call('jobs.cancel', { id: jobId });
    if (!r.ok) cancelAsked.current = false;
  };
  return (
    <div className="mtg-doc">
      <div className="mtg-doc-buttons">
        <button ref={startButton} type="button" className="btn btn-secondary" onClick={() => void run()} disabled={step.kind === 'running'}>
          {label}
        </button>
        {step.kind === 'running' && step.jobId && step.cancellable ? (
          // Not disabled while it stops, so it keeps the focus; asking again is harmless (jobs.cancel is idempotent).
          <button type="button" className="btn btn-secondary" onClick={() => void cancel(step.jobId!)} aria-label={`${step.cancelling ? 'Cancelling' : 'Cancel'} the ${what}`}>
            {step.cancelling ? 'Cancelling' : 'Cancel'}
          </button>
        ) : null}
      </div>
      {step.kind === 'running' ? <ProgressBar done={step.done} total={step.total} label={step.message} /> : null}
      <p className={`mtg-doc-outcome${step.kind === 'failed' ? ' is-error' : ''}`} role="status" aria-live="polite">
        {step.kind === 'done' || step.kind === 'cancelled' ? step.text : step.kind === 'failed' ? `${label}: ${step.message}` : ''}
      </p>
    </div>
  );
}

/** Starts one of the meeting's document jobs. */
export const startNotice = (id: string, format: 'pdf' | 'docx') => call('meetings.notice', { id, format });
export const startBoardPack = (id: string) => call('meetings.boardPack', { id });

/**
 * Sends a paper to the core in ordered chunks (uploads.begin with purpose 'paper', then
 * uploads.append), reporting bytes sent. The core checks its type from its bytes when it is attached.
 */
export async function uploadPaper(file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  const { uploadId, chunkBytes } = await request('uploads.begin', { purpose: 'paper', fileName: file.name, sizeBytes: file.size });
  let index = 0;
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const slice = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await request('uploads.append', { uploadId, index, base64: toBase64(slice) });
    index += 1;
    onProgress(Math.min(offset + chunkBytes, file.size), file.size);
  }
  return uploadId;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
