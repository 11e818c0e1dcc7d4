import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const committeesHandlers = defineHandlers('committees', {
  'committees.list': query(async () => notBuilt('committees.list')),
  'committees.create': mutation(async () => notBuilt('committees.create')),
  'committees.update': mutation(async () => notBuilt('committees.update')),
  'committees.addMember': mutation(async () => notBuilt('committees.addMember')),
  'committees.removeMember': mutation(async () => notBuilt('committees.removeMember')),
  'committees.dissolve': mutation(async () => notBuilt('committees.dissolve')),
});
