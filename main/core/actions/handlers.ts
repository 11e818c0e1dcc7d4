import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const actionsHandlers = defineHandlers('actions', {
  'actions.list': query(async () => notBuilt('actions.list')),
  'actions.create': mutation(async () => notBuilt('actions.create')),
  'actions.update': mutation(async () => notBuilt('actions.update')),
  'actions.close': mutation(async () => notBuilt('actions.close')),
});
