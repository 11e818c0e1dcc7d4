import type { Area } from '../registry';
import { filingsHandlers } from './handlers';
import { filingDutyState } from './state';

/** Companies House filing duties created by changes to the board and the PSC record (companies only). */
export const filingsArea: Area = { name: 'filings', handlers: [filingsHandlers], stateReaders: [filingDutyState] };
