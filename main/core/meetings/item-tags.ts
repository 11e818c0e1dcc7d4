import type { RegisterCtx, WriteContext } from '../context';
import { nameKey } from '../counterparties/names';
import { AppError } from '../errors';
import type { AgendaItemRow } from './tables';

type Tags = Pick<AgendaItemRow, 'related_organisation' | 'contract_ref' | 'counterparty_id' | 'contract_id'>;

/**
 * An agenda item's tags (issue 10): the organisation from the list of organisations and the
 * contract it concerns, beside the words it records. A contract brings its commissioner; the
 * organisation's name and the contract's reference are recorded as the words when none were
 * typed, so the conflict check (which compares names) sees them. On a change that does not name
 * the links, an existing link is kept while the words still name the same organisation or
 * contract, so a form that knows nothing of the links does not drop them.
 */
export async function itemTags(
  tx: WriteContext,
  rc: RegisterCtx,
  input: { relatedOrganisation?: string | undefined; contractRef?: string | undefined; counterpartyId?: string | undefined; contractId?: string | undefined },
  before: Tags | null,
): Promise<Tags> {
  let related = input.relatedOrganisation ?? null;
  let ref = input.contractRef ?? null;
  let counterpartyId = input.counterpartyId ?? null;
  let contractId = input.contractId ?? null;
  if (input.contractId === undefined && before?.contract_id && ref !== null && ref === before.contract_ref) contractId = before.contract_id;
  if (contractId) {
    const c = await tx.db
      .selectFrom('contract as c')
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .select(['c.reference', 'c.counterparty_id', 'p.name'])
      .where('c.id', '=', contractId)
      .where('c.organisation_id', '=', rc.org.id)
      .executeTakeFirst();
    if (!c) throw AppError.field('contractId', 'That contract is not on record.');
    if (counterpartyId && counterpartyId !== c.counterparty_id) throw AppError.field('counterpartyId', `Contract ${c.reference} is with ${c.name}; tag the item with that organisation, or with no contract.`);
    counterpartyId = c.counterparty_id;
    ref ??= c.reference;
  }
  if (input.counterpartyId === undefined && !input.contractId && before?.counterparty_id && related !== null && counterpartyId === null) {
    const p = await tx.db.selectFrom('counterparty').select(['name_key']).where('id', '=', before.counterparty_id).executeTakeFirst();
    if (p && (related === before.related_organisation || nameKey(related) === p.name_key)) counterpartyId = before.counterparty_id;
  }
  if (counterpartyId) {
    const p = await tx.db.selectFrom('counterparty').select(['name']).where('id', '=', counterpartyId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!p) throw AppError.field('counterpartyId', 'That organisation is not on the list of organisations.');
    related ??= p.name;
  }
  return { related_organisation: related, contract_ref: ref, counterparty_id: counterpartyId, contract_id: contractId };
}
