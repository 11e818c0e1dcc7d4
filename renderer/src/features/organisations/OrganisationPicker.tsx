import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { COUNTERPARTY_KIND_LABEL, type Counterparty } from '../../../../shared/contract/counterparties';
import { useApiQuery } from '../../api/queries';
import { choiceFromTyping, exactMatch, rankMatches, type LinkChoice } from './link-choice';
import { LinkCombobox, type ComboOption } from './LinkCombobox';
import { AddOrganisationDialog } from './OrganisationForm';
import './organisations.css';

const SHOWN = 8;

/**
 * Names an organisation, choosing it from the shared list of organisations (issue 10) or, where
 * the form allows words alone, typing a name that is not on it. Choosing from the list (or typing
 * a name exactly as the list has it) links the record; "Add … as a new organisation" opens the
 * organisation form over the dialog and chooses what it adds. Used inside a <Field>, which gives
 * it its id, label, hint and error.
 */
export function OrganisationPicker(props: {
  id?: string;
  value: LinkChoice;
  onChange: (choice: LinkChoice) => void;
  /** Where the new organisation is going, for the add dialog: "It joins the organisations list and is named on the declaration." */
  addDescription?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { value, onChange } = props;
  const orgs = useApiQuery('counterparties.list', {});
  // The link's state is read with the box's own hint, so a screen reader hears whether the words are linked.
  const stateId = useId();
  const describedBy = [props['aria-describedby'], stateId].filter(Boolean).join(' ');
  const [adding, setAdding] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Back to the box once the add dialog has gone (while it is open the page behind cannot take the focus).
  const wasAdding = useRef(false);
  useEffect(() => {
    if (wasAdding.current && adding === null) inputRef.current?.focus();
    wasAdding.current = adding !== null;
  }, [adding]);
  const list = orgs.data ?? [];
  const typed = value.text.trim();
  const matches = rankMatches(list, value.text, (o) => [o.name, o.odsCode], SHOWN);
  const named = exactMatch(list, value.text, (o) => o.name);
  const options: ComboOption[] = matches.map((o: Counterparty) => ({
    key: o.id,
    label: o.name,
    meta: COUNTERPARTY_KIND_LABEL[o.kind],
    onPick: () => onChange({ id: o.id, text: o.name }),
  }));
  if (!named) {
    options.push({
      key: 'add',
      action: true,
      label: typed ? `Add “${typed}” as a new organisation` : 'Add a new organisation',
      onPick: () => setAdding(typed),
    });
  }
  const linked = value.id ? (list.find((o) => o.id === value.id) ?? null) : null;
  return (
    <div className="org-picker">
      <LinkCombobox
        id={props.id}
        inputRef={inputRef}
        text={value.text}
        onText={(t) => onChange(choiceFromTyping(orgs.data, t, (o) => o.name))}
        options={options}
        listLabel="Organisations on the list"
        noMatch={typed ? `No organisation on the list matches “${typed}”` : 'No organisation is on the list yet'}
        aria-invalid={props['aria-invalid']}
        aria-describedby={describedBy}
      />
      <p className="org-picker-state" id={stateId} role="status">
        {value.id ? (
          <>
            Linked to <strong>{linked?.name ?? value.text}</strong>{' '}
            on the organisations list.
          </>
        ) : typed ? (
          'Not on the organisations list: the name is recorded as typed. Choose it from the list, or add it, to link it.'
        ) : null}
      </p>
      {adding !== null
        ? createPortal(
            // The dialog is not inside the form that opened it in the page, but React passes its
            // events up to that form all the same: its submit stops here.
            <div onSubmit={(e) => e.stopPropagation()}>
              <AddOrganisationDialog
                open
                initialName={adding}
                description={props.addDescription ?? 'It joins the organisations list and is chosen here.'}
                onClose={() => setAdding(null)}
                onAdded={(c) => onChange({ id: c.id, text: c.name })}
              />
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
