import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/contract/index';
import type { MeetingView } from '../../../../shared/contract/meetings';
import type { Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { useToast } from '../../ui/Toasts';
import { inTurn } from './in-turn';

/** The meetings methods that answer with the whole meeting view. */
export type ViewMethod = { [M in MethodName]: M extends `meetings.${string}` ? (MethodOutput<M> extends MeetingView ? M : never) : never }[MethodName];

/**
 * Calls a meetings mutation and puts the meeting it returns straight into the page's cache (no
 * second read, so a status click or a departure shows its new quorum at once); lists and the
 * home screen are refreshed behind it. A refusal is returned for the caller to show beside the
 * control that caused it.
 */
export function useMeetingChange(meetingId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async <M extends ViewMethod>(method: M, input: MethodInput<M> | (() => MethodInput<M>), success?: string): Promise<Result<MeetingView>> => {
      return inTurn(meetingId, async () => {
        let result: Result<MeetingView>;
        try {
          // A function input is read when the change's turn comes, after the answers to the changes
          // before it, so it carries their fields (an item's notes saved a moment ago) and not older ones.
          result = (await call(method, typeof input === 'function' ? input() : input)) as Result<MeetingView>;
        } catch (e) {
          return { ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : 'The app’s background service did not answer.' } } as Result<MeetingView>;
        }
        if (result.ok) {
          queryClient.setQueryData(['meetings.get', { id: meetingId }], result.value);
          void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meetings.get' });
          if (success) toast(success);
        }
        return result;
      });
    },
    [meetingId, queryClient, toast],
  );
}

/** The message for a field from a refusal, or the general message. */
export function refusalFor(result: Result<unknown>, ...fields: string[]): string | null {
  if (result.ok) return null;
  for (const f of fields) {
    const m = result.error.fieldErrors?.[f];
    if (m) return m;
  }
  return result.error.message;
}
