import type { exportMethods } from '../../../shared/contract/exports';
import type { Handlers } from '../context';
import { AppError } from '../errors';

type Methods = keyof typeof exportMethods;

// Being built: every method answers NOT_FOUND until its service lands.
const notYet = async (): Promise<never> => {
  throw new AppError('NOT_FOUND', 'This part of the app is not available yet.');
};

export const exportsHandlers = new Proxy({}, { get: () => notYet }) as unknown as Handlers<Methods>;
