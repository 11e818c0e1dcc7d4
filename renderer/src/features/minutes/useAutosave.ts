import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import type { SaveState } from './saved-at';

/** How long typing must pause before the narrative is saved. */
export const AUTOSAVE_MS = 800;

/**
 * Saves the narrative ~800 ms after typing stops, at once when the editor loses focus, and
 * before the panel goes away; one save at a time, always the latest text. A refusal keeps the
 * text waiting (it is saved with the next change or blur) and says why.
 */
export function useAutosave(minutesId: string, meetingId: string) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const waiting = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const queryClient = useQueryClient();

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const body = waiting.current;
    if (body === null) return true;
    waiting.current = null;
    setState({ kind: 'saving' });
    let ok = false;
    const run = call('minutes.save', { id: minutesId, body })
      .then((result) => {
        if (result.ok) {
          ok = true;
          // Refresh the cache without re-reading, so the open editor is not reset under the cursor.
          queryClient.setQueryData(['minutes.get', { meetingId }], result.value);
          if (waiting.current === null) setState({ kind: 'saved', at: new Date() });
        } else {
          waiting.current ??= body;
          setState({ kind: 'failed', message: result.error.fieldErrors?.body ?? result.error.message });
        }
      })
      .catch(() => {
        waiting.current ??= body;
        setState({ kind: 'failed', message: 'the app’s background service did not answer; your text is still here and will be saved with the next change.' });
      });
    inflight.current = run.finally(() => {
      inflight.current = null;
    });
    await inflight.current;
    return ok;
  }, [minutesId, meetingId, queryClient]);

  const change = useCallback(
    (json: string) => {
      waiting.current = json;
      setState({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (waiting.current !== null) void flush();
    },
    [flush],
  );

  return { state, change, flush, hasUnsaved: () => waiting.current !== null || inflight.current !== null };
}
