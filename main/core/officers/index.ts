import type { Area } from '../registry';
import { officersHandlers } from './handlers';
import { officerState } from './state';

/** Directors and officers: particulars, residential addresses (held apart) and appointments. */
export const officersArea: Area = { name: 'officers', handlers: [officersHandlers], stateReaders: [officerState] };
