import { AppError } from '../../core/errors';

/**
 * What the error dialog says when the core cannot open. A secretary reads this, so it is one
 * or two plain sentences: the core's own message when it raised one on purpose (file in use,
 * made by another program, from a newer version), otherwise the first line of the cause.
 * Never a stack trace; main's log has that.
 */
export const STARTUP_ERROR_TITLE = 'Mutual Governance could not start';

const MAX_DETAIL = 300;

export function startupErrorMessage(error: unknown, dbPath: string | null): string {
  if (error instanceof AppError) return error.message;
  const where = dbPath ? `the database ${dbPath}` : 'its database';
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = (raw.split(/\r?\n/)[0] ?? '').trim();
  const detail = firstLine.length > MAX_DETAIL ? `${firstLine.slice(0, MAX_DETAIL - 1)}…` : firstLine;
  return `Mutual Governance could not open ${where}.${detail ? ` ${detail.replace(/\.?$/, '.')}` : ''}`;
}
