import type { Area } from '../registry';
import { memberHandlers } from './handlers';
import { memberState } from './state';

/** The register of members: admission, particulars, cessation, search, removal, subject access. */
export const membersArea: Area = { name: 'members', handlers: [memberHandlers], stateReaders: [memberState] };
