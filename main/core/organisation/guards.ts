import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { RegisterCtx } from '../context';
import { AppError } from '../errors';

/** Legal events are recorded when they have happened, not before. */
export function assertNotFuture(rc: Pick<RegisterCtx, 'today'>, date: string, field: string, what: string): void {
  if (date > rc.today) {
    throw AppError.field(field, `${what} cannot be in the future (today is ${formatLegalDate(rc.today)}).`);
  }
}
