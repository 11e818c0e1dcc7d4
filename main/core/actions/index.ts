import type { Area } from '../registry';
import { actionsHandlers } from './handlers';
import { actionItemState } from './state';

/** The action tracker. */
export const actionsArea: Area = { name: 'actions', handlers: [actionsHandlers], stateReaders: [actionItemState] };
