import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { AgendaItem, MeetingView } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { inTurn } from './in-turn';
import { useAutosavedText, type SaveAnswer, type SaveText } from './use-autosave';

/** How long typing must pause before an item's notes are saved. */
export const NOTES_SAVE_MS = 500;

/** The item's own fields, as updateItem needs them all (an omitted one would be cleared). */
export function itemFields(item: AgendaItem) {
  return {
    id: item.id,
    title: item.title,
    presenter: item.presenter ?? undefined,
    purpose: item.purpose,
    minutesAllotted: item.minutesAllotted ?? undefined,
    relatedOrganisation: item.relatedOrganisation ?? undefined,
    contractRef: item.contractRef ?? undefined,
    notes: item.notes ?? undefined,
    startsAt: item.startsAt ?? undefined,
  };
}

/**
 * The item as the page's cache now holds it (the answer to the latest change), falling back to
 * the one given. A change built when its turn comes from this carries the fields the changes
 * before it saved: the notes sent with the time an item was taken, the time sent with its notes.
 */
export function latestItem(queryClient: QueryClient, meetingId: string, item: AgendaItem): AgendaItem {
  const view = queryClient.getQueryData<MeetingView>(['meetings.get', { id: meetingId }]);
  return view?.items.find((i) => i.id === item.id) ?? item;
}

/**
 * An item's discussion notes, saved as they are typed (useAutosavedText: half a second after
 * typing pauses, on leaving the box or the item, as the page is hidden or closed), in turn with
 * the meeting's other changes; an answer never puts back older text over what was typed since.
 */
export function useItemNotes(meetingId: string, item: AgendaItem) {
  const queryClient = useQueryClient();
  const itemRef = useRef(item);
  useEffect(() => {
    itemRef.current = item;
  }, [item]);
  const save = useCallback<SaveText>(
    (notes, how) => {
      const run = async (): Promise<SaveAnswer> => {
        // An exit save already sent the newer text; this older one need not follow it.
        if (how.superseded()) return { ok: true };
        const current = latestItem(queryClient, meetingId, itemRef.current);
        const r = await call('meetings.updateItem', { ...itemFields(current), notes }, { keepalive: how.keepalive });
        if (!r.ok) return { ok: false, message: r.error.fieldErrors?.['notes'] ?? r.error.message };
        queryClient.setQueryData(['meetings.get', { id: meetingId }], r.value);
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meetings.get' });
        return { ok: true, saved: r.value.items.find((i) => i.id === current.id)?.notes ?? '' };
      };
      // As the page goes away there is no time to wait for the meeting's other changes.
      return how.keepalive ? run() : inTurn(meetingId, run);
    },
    [meetingId, queryClient],
  );
  return useAutosavedText({ server: item.notes ?? '', save, delayMs: NOTES_SAVE_MS });
}
