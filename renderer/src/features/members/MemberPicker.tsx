import { useId, useState, type KeyboardEvent } from 'react';
import { memberName, type MemberRow } from '../../../../shared/contract/members';
import { useApiQuery } from '../../api/queries';
import { useDebounced } from '../../lib/useDebounced';

export interface PickedMember {
  id: string;
  label: string;
}

/**
 * Choosing a current member by typing part of their name, number or e-mail: an ARIA combobox
 * over members.search. Up and Down move through the matches, Enter picks, Escape closes the list.
 */
export function MemberPicker(props: {
  id?: string;
  value: PickedMember | null;
  onChange: (picked: PickedMember | null) => void;
  excludeId?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { value, onChange, excludeId } = props;
  const listId = useId();
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), 150);
  const search = useApiQuery('members.search', { query: query || '-', status: 'current', limit: 10 }, { enabled: query.length > 0 && open, placeholderData: (p) => p });
  const options: MemberRow[] = (search.data?.rows ?? []).filter((r) => r.id !== excludeId);
  const expanded = open && query.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const pick = (r: MemberRow) => {
    const label = `${memberName(r)} (member ${r.memberNumber})`;
    setText(label);
    setOpen(false);
    setActive(-1);
    onChange({ id: r.id, label });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const r = options[active >= 0 ? active : 0];
      if (r) pick(r);
    } else if (e.key === 'Escape' && expanded) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && options[active] ? optionId(active) : undefined}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul role="listbox" id={listId} aria-label="Matching members" hidden={!expanded}>
        {options.map((r, i) => (
          <li
            key={r.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(r);
            }}
          >
            {memberName(r)}
            <span className="option-meta">member {r.memberNumber}</span>
          </li>
        ))}
        {expanded && search.data && options.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="no-options">
            No current member matches “{query}”
          </li>
        ) : null}
      </ul>
    </div>
  );
}
