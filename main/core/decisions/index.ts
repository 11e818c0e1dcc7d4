import type { Area } from '../registry';
import { decisionsHandlers } from './handlers';
import { decisionStateReaders } from './state';

/** The decisions of meetings and written resolutions, and the decisions register. */
export const decisionsArea: Area = { name: 'decisions', handlers: [decisionsHandlers], stateReaders: decisionStateReaders };
