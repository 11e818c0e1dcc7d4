import type { ErrorCode } from '../../shared/result';

/**
 * An error a service raises on purpose: the message is for the secretary and crosses to the
 * renderer as is. Anything else thrown is a bug, logged in main and reported as INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string> | undefined;
  /** See AppErrorBody.reason. */
  reason: string | undefined;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** A VALIDATION error on one form field, e.g. fieldError('particulars.incorporatedOn', '...'). */
  static field(path: string, message: string, reason?: string): AppError {
    const e = new AppError('VALIDATION', message, { [path]: message });
    e.reason = reason;
    return e;
  }
}
