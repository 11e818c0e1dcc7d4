import type { Area } from '../registry';
import { interestHandlers } from './handlers';
import { interestState } from './state';

/** Directors' declarations of interest (CA 2006 s177, s182), which feed the conflict rule. */
export const interestsArea: Area = { name: 'interests', handlers: [interestHandlers], stateReaders: [interestState] };
