import type { Area } from '../registry';
import { counterpartyHandlers } from './handlers';
import { counterpartyState } from './state';

/** The organisations the mutual deals with (issue 10): one list for contracts, interests, nominations and agenda items. */
export const counterpartiesArea: Area = { name: 'counterparties', handlers: [counterpartyHandlers], stateReaders: [counterpartyState] };
