import { useEffect, useState } from 'react';
import type { JobStatus } from '../../../shared/contract/jobs';
import { request } from './client';

/**
 * Follows a long job until it ends, polling its status. The core runs the job in slices, so
 * the window stays responsive and this hook keeps the progress bar moving.
 */
export function useJob(jobId: string | null, intervalMs = 200): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const s = await request('jobs.get', { id: jobId });
        if (cancelled) return;
        setStatus(s);
        if (s.state === 'running') timer = window.setTimeout(poll, intervalMs);
      } catch {
        if (!cancelled) timer = window.setTimeout(poll, intervalMs * 5);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [jobId, intervalMs]);
  return jobId ? status : null;
}

/**
 * Sends a File to the core in ordered chunks; reports bytes sent. Returns the upload id. An
 * empty file is refused by the core at `uploads.begin`, by name, before anything is sent.
 */
export async function uploadFile(
  file: File,
  purpose: 'restore' | 'import',
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
