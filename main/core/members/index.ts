import type { Area } from '../registry';
import { memberHandlers } from './handlers';
import { registerSettingState } from './settings';
import { memberState } from './state';

/** The register of members: admission, particulars, cessation, search, removal, subject access, and the register's own settings. */
export const membersArea: Area = { name: 'members', handlers: [memberHandlers], stateReaders: [memberState, registerSettingState] };
