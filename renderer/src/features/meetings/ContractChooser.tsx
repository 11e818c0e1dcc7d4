import { useId } from 'react';
import type { ContractSummary } from '../../../../shared/contract/contracts';
import { useApiQuery } from '../../api/queries';
import { choiceFromTyping, rankMatches, type LinkChoice } from '../organisations/link-choice';
import { LinkCombobox } from '../organisations/LinkCombobox';

const SHOWN = 8;

/**
 * The contract an agenda item is about, chosen from the contracts on record (issue 10) by its
 * reference, title or commissioner; a reference typed that is on no record is kept as words.
 * Choosing one tells the form which commissioner it brings. Used inside a <Field>.
 */
export function ContractChooser(props: {
  id?: string;
  value: LinkChoice;
  onChange: (choice: LinkChoice, contract: ContractSummary | null) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { value, onChange } = props;
  const contracts = useApiQuery('contracts.list', {});
  // The link's state is read with the box's own hint, so a screen reader hears whether the words are linked.
  const stateId = useId();
  const describedBy = [props['aria-describedby'], stateId].filter(Boolean).join(' ');
  const list = contracts.data ?? [];
  const typed = value.text.trim();
  const matches = rankMatches(list, value.text, (c) => [c.reference, c.title, c.counterpartyName], SHOWN);
  const linked = value.id ? (list.find((c) => c.id === value.id) ?? null) : null;
  return (
    <div className="org-picker">
      <LinkCombobox
        id={props.id}
        text={value.text}
        onText={(t) => {
          const choice = choiceFromTyping(contracts.data, t, (c) => c.reference);
          onChange(choice, choice.id ? (list.find((c) => c.id === choice.id) ?? null) : null);
        }}
        options={matches.map((c) => ({
          key: c.id,
          label: c.reference,
          meta: `${c.title} · ${c.counterpartyName}`,
          onPick: () => onChange({ id: c.id, text: c.reference }, c),
        }))}
        listLabel="Contracts on record"
        noMatch={typed ? `No contract on record matches “${typed}”` : 'No contract is on record yet'}
        aria-invalid={props['aria-invalid']}
        aria-describedby={describedBy}
      />
      <p className="org-picker-state" id={stateId} role="status">
        {value.id ? (
          <>
            Linked to the contract <strong>{linked ? `${linked.reference}, ${linked.title}` : value.text}</strong>
            {linked ? `, with ${linked.counterpartyName}` : ''}.
          </>
        ) : typed ? (
          'Not a contract on record: the words are recorded as typed.'
        ) : null}
      </p>
    </div>
  );
}
