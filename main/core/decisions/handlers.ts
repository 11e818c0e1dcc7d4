import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const decisionsHandlers = defineHandlers('decisions', {
  'decisions.record': mutation(async () => notBuilt('decisions.record')),
  'decisions.update': mutation(async () => notBuilt('decisions.update')),
  'decisions.remove': mutation(async () => notBuilt('decisions.remove')),
  'decisions.register': query(async () => notBuilt('decisions.register')),
});
