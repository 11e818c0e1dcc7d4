import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../api/client';
import { useAutosavedText, type SaveText } from '../meetings/use-autosave';

/** How long typing must pause before the narrative is saved. */
export const AUTOSAVE_MS = 800;

/**
 * Saves the narrative ~800 ms after typing stops, at once when the editor loses focus, before the
 * panel goes away, and as the page is hidden or closed (useAutosavedText); one save at a time,
 * always the latest text. A refusal keeps the text waiting (it is saved with the next change or
 * blur) and says why. The editor owns what is on screen, so an answer never replaces it.
 */
export function useAutosave(minutesId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const save = useCallback<SaveText>(
    async (body, how) => {
      if (how.superseded()) return { ok: true };
      const result = await call('minutes.save', { id: minutesId, body }, { keepalive: how.keepalive });
      if (!result.ok) return { ok: false, message: result.error.fieldErrors?.body ?? result.error.message };
      // Refresh the cache without re-reading, so the open editor is not reset under the cursor.
      queryClient.setQueryData(['minutes.get', { meetingId }], result.value);
      return { ok: true };
    },
    [minutesId, meetingId, queryClient],
  );
  const text = useAutosavedText({ server: '', save, delayMs: AUTOSAVE_MS });
  return { state: text.state, change: text.onChange, flush: text.flush, hasUnsaved: text.hasUnsaved };
}
