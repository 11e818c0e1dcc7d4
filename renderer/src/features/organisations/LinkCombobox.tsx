import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

export interface ComboOption {
  key: string;
  label: ReactNode;
  /** Shown after the label in smaller type (the kind of organisation, a contract's commissioner). */
  meta?: ReactNode;
  /** An action rather than a record ("Add a new organisation"): styled apart. */
  action?: boolean;
  onPick: () => void;
}

/**
 * A text box that suggests records from a list as it is typed into: the WAI-ARIA combobox
 * pattern with a listbox popup (as the member picker is). Down opens the list and moves through
 * it, Up moves back, Enter chooses the option moved to, Escape closes the list (not the dialog
 * around it), Alt+Down opens it without moving. The box keeps whatever is typed, so words that
 * name nothing on the list are still a value; an option's onPick decides what choosing means.
 */
export function LinkCombobox(props: {
  id?: string;
  text: string;
  onText: (text: string) => void;
  options: ComboOption[];
  /** The listbox's name, such as "Organisations on the list". */
  listLabel: string;
  /** What the list says when nothing matches (an option that cannot be chosen). */
  noMatch?: string;
  inputRef?: Ref<HTMLInputElement>;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { id, text, onText, options, listLabel, noMatch, inputRef } = props;
  const invalid = props['aria-invalid'];
  const describedBy = props['aria-describedby'];
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLUListElement>(null);
  const expanded = open && (options.length > 0 || noMatch !== undefined);
  const optionId = (i: number) => `${listId}-option-${i}`;

  // Keep the option moved to in view in a list taller than its box.
  useEffect(() => {
    if (!expanded || active < 0) return;
    listRef.current?.querySelector<HTMLElement>(`[id="${CSS.escape(optionId(active))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  const pick = (o: ComboOption) => {
    setOpen(false);
    setActive(-1);
    o.onPick();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.altKey ? -1 : 0);
      } else if (!e.altKey) setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      if (!expanded) return;
      e.preventDefault();
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter' && expanded && active >= 0 && options[active]) {
      // Choosing from the list, not sending the form.
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape' && expanded) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="link-combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && options[active] ? optionId(active) : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <ul role="listbox" id={listId} ref={listRef} aria-label={listLabel} hidden={!expanded}>
        {expanded && noMatch !== undefined && options.every((o) => o.action) ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="link-combobox-none">
            {noMatch}
          </li>
        ) : null}
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={o.action ? 'link-combobox-action' : undefined}
            onMouseDown={(e) => {
              // Keep the focus in the box, so its blur does not close the list first.
              e.preventDefault();
              pick(o);
            }}
          >
            {o.label}
            {o.meta ? <span className="link-combobox-meta">{o.meta}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
