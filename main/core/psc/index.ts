import type { Area } from '../registry';
import { pscHandlers } from './handlers';
import { pscState, pscStatementState } from './state';

/** People with significant control (companies only; CA 2006 Part 21A) and the required statements. */
export const pscArea: Area = { name: 'psc', handlers: [pscHandlers], stateReaders: [pscState, pscStatementState] };
