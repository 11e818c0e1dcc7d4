import { useCallback, useEffect, useRef } from 'react';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { request } from '../../api/client';

/**
 * Follows a job to its end as a promise, reporting each status on the way (for a progress bar).
 * Written as a plain async flow so a step reads top to bottom: start, follow, then use the
 * outcome. Stops quietly (never resolves further updates) once `signal` is aborted.
 */
export async function followJob(jobId: string, onStatus: (s: JobStatus) => void, signal: AbortSignal, intervalMs = 200): Promise<JobStatus> {
  for (;;) {
    let status: JobStatus | null = null;
    try {
      status = await request('jobs.get', { id: jobId });
    } catch {
      // A dropped request is retried; the job itself carries on in the core.
    }
    if (signal.aborted) throw new DOMException('The page was left.', 'AbortError');
    if (status) {
      onStatus(status);
      if (status.state !== 'running') return status;
    }
    await new Promise((resolve) => setTimeout(resolve, status ? intervalMs : intervalMs * 5));
    if (signal.aborted) throw new DOMException('The page was left.', 'AbortError');
  }
}

/** Whether an error is the page being left mid-job (nothing to report). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * A signal that aborts when the component unmounts, for jobs followed from event handlers.
 * Made in an effect so React's development double-mount gets a fresh, live signal.
 */
export function useLeaveSignal(): () => AbortSignal {
  const ref = useRef<AbortController | null>(null);
  useEffect(() => {
    const c = new AbortController();
    ref.current = c;
    return () => c.abort();
  }, []);
  return useCallback(() => ref.current?.signal ?? AbortSignal.abort(), []);
}
