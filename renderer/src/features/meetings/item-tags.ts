import { linkInput, nameKey, type LinkChoice } from '../organisations/link-choice';

/** What the item dialog knows of a contract chosen from the list. */
export interface ChosenContract {
  id: string;
  reference: string;
  counterpartyId: string;
  counterpartyName: string;
}

/**
 * An agenda item's tags as the core takes them (issue 10): the words, and the links to the
 * organisations list and the contracts where they were chosen from them.
 */
export function itemTagsInput(org: LinkChoice, contract: LinkChoice) {
  const o = linkInput(org);
  const c = linkInput(contract);
  return {
    relatedOrganisation: o.text,
    contractRef: c.text,
    ...(o.id ? { counterpartyId: o.id } : {}),
    ...(c.id ? { contractId: c.id } : {}),
  };
}

/**
 * A contract brings its commissioner: an item tagged with a contract of one organisation and
 * named as about another is refused before it is sent (the core refuses it too), with the
 * organisation it must be.
 */
export function itemTagProblem(org: LinkChoice, contract: ChosenContract | null): string | null {
  if (!contract || org.text.trim() === '') return null;
  const same = org.id ? org.id === contract.counterpartyId : nameKey(org.text) === nameKey(contract.counterpartyName);
  return same ? null : `Contract ${contract.reference} is with ${contract.counterpartyName}: name that organisation, or choose no contract.`;
}
