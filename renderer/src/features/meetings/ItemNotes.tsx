import { useId } from 'react';
import type { AgendaItem } from '../../../../shared/contract/meetings';
import { autosaveStatusText } from './use-autosave';
import { useItemNotes } from './useItemNotes';

/** An item's discussion notes, saved as they are typed, with the save state beside the box ("Saved at 19:42", "Saving…", "Not saved: …"). */
export function ItemNotes({ meetingId, item, disabled, large = false, textareaRef }: { meetingId: string; item: AgendaItem; disabled: boolean; large?: boolean; textareaRef?: React.Ref<HTMLTextAreaElement> }) {
  const notes = useItemNotes(meetingId, item);
  const id = useId();
  const stateText = autosaveStatusText(notes.state);
  return (
    <div className={`field mtg-notes${large ? ' mtg-notes-large' : ''}`}>
      <div className="mtg-notes-head">
        <label htmlFor={id}>Notes on item {item.number}</label>
        <span className={`mtg-saved${notes.state.kind === 'failed' ? ' is-error' : ''}`} role="status" aria-live="polite" id={`${id}-state`}>
          {stateText}
        </span>
      </div>
      <span className="hint" id={`${id}-hint`}>
        The discussion as the minutes should record it. Saved as you type.
      </span>
      <textarea
        id={id}
        ref={textareaRef}
        rows={large ? 10 : 4}
        value={notes.text}
        disabled={disabled}
        aria-describedby={`${id}-hint ${id}-state`}
        onChange={(e) => notes.onChange(e.target.value)}
        onBlur={() => void notes.flush()}
      />
    </div>
  );
}
