/**
 * The envelope every call returns across the boundary between renderer and core.
 * Errors carry a stable code, a sentence a secretary can act on, and, for bad input,
 * the form field each message belongs to. Never a stack trace or SQL.
 */
export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'LOCKED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated, as react-hook-form names fields) to the message for that field. */
  fieldErrors?: Record<string, string>;
  /**
   * A stable name for why, where a host says it in its own words (the voting station's phone page
   * says a code refusal in English or Welsh): 'code_format', 'code_invalid', 'code_used'.
   */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fieldErrors?: Record<string, string>): Result<never> {
  return { ok: false, error: fieldErrors ? { code, message, fieldErrors } : { code, message } };
}
