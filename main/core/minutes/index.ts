import type { Area } from '../registry';
import { minutesHandlers } from './handlers';
import { minutesStateReaders } from './state';

/** Minutes from draft to signed and sealed (CA 2006 s248-s249, s355-s356, s1138). */
export const minutesArea: Area = { name: 'minutes', handlers: [minutesHandlers], stateReaders: minutesStateReaders };
