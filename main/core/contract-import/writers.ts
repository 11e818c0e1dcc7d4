import { insertCounterparty } from '../counterparties/handlers';
import { insertContract } from '../contracts/store';
import type { ContractWriters } from './apply';

/**
 * The import records through the organisations list's and the contracts core's own functions:
 * the same checks and audit events as counterparties.create and contracts.create, so an
 * imported contract is refused or recorded exactly as one typed into the form.
 */
export const CONTRACT_WRITERS: ContractWriters = {
  addCommissioner: (tx, rc, c) => insertCounterparty(tx, rc, c.input),
  createContract: (tx, rc, input) => insertContract(tx, rc, input),
};
