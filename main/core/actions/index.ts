import type { Area } from '../registry';
import { actionsHandlers } from './handlers';

/** The action tracker. */
export const actionsArea: Area = { name: 'actions', handlers: [actionsHandlers], stateReaders: [] };
