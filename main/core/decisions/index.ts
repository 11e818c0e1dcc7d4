import type { Area } from '../registry';
import { decisionsHandlers } from './handlers';

/** The decisions of meetings and written resolutions, and the decisions register. */
export const decisionsArea: Area = { name: 'decisions', handlers: [decisionsHandlers], stateReaders: [] };
