import type { Area } from '../registry';
import { writtenResolutionsHandlers } from './handlers';
import { writtenResolutionStateReaders } from './state';

/** Written resolutions of the board and of members (CA 2006 s288-s300). */
export const writtenResolutionsArea: Area = { name: 'written-resolutions', handlers: [writtenResolutionsHandlers], stateReaders: writtenResolutionStateReaders };
