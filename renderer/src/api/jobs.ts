import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { contract, type JobMethodName, type JobResult } from '../../../shared/contract/index';
import type { JobStatus } from '../../../shared/contract/jobs';
import { ApiError, request } from './client';

/** A job's status with its result typed by the method that started it (the contract's jobResult). */
export type TypedJobStatus<M extends JobMethodName> = Omit<JobStatus, 'result'> & { result?: JobResult<M> };

/**
 * Follows a long job until it ends, polling its status. The core runs the job in slices, so
 * the window stays responsive and this hook keeps the progress bar moving. The result is checked
 * against the starting method's `jobResult` schema, so screens read it typed, never cast.
 *
 * @example const verify = useJob(jobId, 'audit.verify'); verify?.result?.records.problems
 */
export function useJob<M extends JobMethodName>(jobId: string | null, method: M, intervalMs = 200): TypedJobStatus<M> | null {
  const [status, setStatus] = useState<TypedJobStatus<M> | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const s = await request('jobs.get', { id: jobId });
        if (cancelled) return;
        setStatus(typed(method, s));
        if (s.state === 'running') timer = window.setTimeout(poll, intervalMs);
      } catch (e) {
        if (cancelled) return;
        // The runner forgets a job 30 minutes after it ended: asking again would never succeed.
        if (isJobGone(e)) setStatus(goneJobStatus<M>(jobId));
        else timer = window.setTimeout(poll, intervalMs * 5);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [jobId, method, intervalMs]);
  return jobId ? status : null;
}

/** Whether jobs.get answered that the core no longer holds the job (swept after it ended, or the app restarted). */
export function isJobGone(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'NOT_FOUND';
}

/** The status a job the core no longer holds is followed as: failed, with NOT_FOUND, so nothing polls it again. */
export function goneJobStatus<M extends JobMethodName>(jobId: string): TypedJobStatus<M> {
  const now = new Date().toISOString();
  return {
    id: jobId,
    kind: 'unknown',
    label: '',
    state: 'failed',
    done: 0,
    total: 1,
    message: '',
    cancellable: false,
    startedAt: now,
    finishedAt: now,
    error: { code: 'NOT_FOUND', message: 'The app no longer holds this job’s outcome (it is kept for 30 minutes after it ends); start it again.' },
  };
}

function typed<M extends JobMethodName>(method: M, s: JobStatus): TypedJobStatus<M> {
  if (s.state !== 'succeeded') {
    const { result: _ignored, ...rest } = s;
    return rest;
  }
  const checked = (contract[method].jobResult as unknown as z.ZodType<JobResult<M>>).safeParse(s.result);
  if (checked.success) return { ...s, result: checked.data };
  const { result: _unchecked, ...rest } = s;
  return { ...rest, state: 'failed', error: { code: 'INTERNAL', message: 'The app produced an answer it could not check. Your saved records are unchanged.' } };
}

/**
 * Sends a File to the core in ordered chunks; reports bytes sent. Returns the upload id. An
 * empty file is refused by the core at `uploads.begin`, by name, before anything is sent.
 */
export async function uploadFile(
  file: File,
  purpose: 'restore' | 'import' | 'contracts_import',
  onProgress: (sent: number, total: number) => void,
): Promise<string> {
  const { uploadId, chunkBytes } = await request('uploads.begin', { purpose, fileName: file.name, sizeBytes: file.size });
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
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}
