import type { Area } from '../registry';
import { contractHandlers } from './handlers';
import { contractState } from './state';

/** Contract records (issue 10): contracts and bids, their parts, documents, decisions and dated duties. */
export const contractsArea: Area = { name: 'contracts', handlers: [contractHandlers], stateReaders: [contractState] };
