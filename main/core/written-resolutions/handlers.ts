import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';

// SCAFFOLD: replaced method by method as the area is built; nothing here is done.
function notBuilt(name: string): never {
  throw new AppError('CONFLICT', `${name} is not built yet.`);
}

export const writtenResolutionsHandlers = defineHandlers('writtenResolutions', {
  'writtenResolutions.list': query(async () => notBuilt('writtenResolutions.list')),
  'writtenResolutions.get': query(async () => notBuilt('writtenResolutions.get')),
  'writtenResolutions.circulate': mutation(async () => notBuilt('writtenResolutions.circulate')),
  'writtenResolutions.recordAgreement': mutation(async () => notBuilt('writtenResolutions.recordAgreement')),
  'writtenResolutions.withdraw': mutation(async () => notBuilt('writtenResolutions.withdraw')),
});
