import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../../../shared/contract/meetings';
import { useMeetingChange } from './useMeetingChange';

/** How long typing must pause before an item's notes are saved. */
export const NOTES_SAVE_MS = 500;

export type NotesState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

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
 * An item's discussion notes, saved as they are typed: half a second after typing pauses, at once
 * when the box loses focus, and before the box goes away; one save at a time, always the latest
 * text. Nothing on screen for more than a second is lost, and a refusal keeps the text to retry.
 */
export function useItemNotes(meetingId: string, item: AgendaItem) {
  const change = useMeetingChange(meetingId);
  const [text, setText] = useState(item.notes ?? '');
  const [state, setState] = useState<NotesState>({ kind: 'idle' });
  const waiting = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const latestItem = useRef(item);
  useEffect(() => {
    latestItem.current = item;
  }, [item]);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const notes = waiting.current;
    if (notes === null) return;
    waiting.current = null;
    setState({ kind: 'saving' });
    const run = change('meetings.updateItem', { ...itemFields(latestItem.current), notes }).then((r) => {
      if (r.ok) {
        if (waiting.current === null) setState({ kind: 'saved' });
      } else {
        waiting.current ??= notes;
        setState({ kind: 'failed', message: r.error.fieldErrors?.['notes'] ?? r.error.message });
      }
    });
    inflight.current = run.finally(() => {
      inflight.current = null;
    });
    await inflight.current;
  }, [change]);

  const onChange = useCallback(
    (next: string) => {
      setText(next);
      waiting.current = next;
      setState({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), NOTES_SAVE_MS);
    },
    [flush],
  );

  // Leaving the item (the next item, another tab) saves what is waiting.
  useEffect(
    () => () => {
      if (waiting.current !== null) void flush();
    },
    [flush],
  );

  return { text, state, onChange, flush };
}

/** The indicator beside the notes, in words. */
export function notesStateText(s: NotesState): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'pending':
      return 'Not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Not saved: ${s.message}`;
  }
}
