import { AppError } from '../errors';
import { defineHandlers, job, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const minutesHandlers = defineHandlers('minutes', {
  'minutes.get': query(async () => notBuilt('minutes.get')),
  'minutes.draft': mutation(async () => notBuilt('minutes.draft')),
  'minutes.save': mutation(async () => notBuilt('minutes.save')),
  'minutes.circulate': mutation(async () => notBuilt('minutes.circulate')),
  'minutes.comment': mutation(async () => notBuilt('minutes.comment')),
  'minutes.approve': mutation(async () => notBuilt('minutes.approve')),
  'minutes.sign': mutation(async () => notBuilt('minutes.sign')),
  'minutes.pdf': job(async () => notBuilt('minutes.pdf')),
  'minutes.verify': query(async () => notBuilt('minutes.verify')),
  'minutes.correct': mutation(async () => notBuilt('minutes.correct')),
  'minutes.delete': mutation(async () => notBuilt('minutes.delete')),
});
