import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { SummaryItem } from './ErrorSummary';

/** Form field ids are their dotted paths with dashes: 'particulars.name' → 'particulars-name'. */
export function fieldId(path: string): string {
  return path.replaceAll('.', '-');
}

/** The message react-hook-form holds for a dotted path, if any. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Every error in the form, in field order, for the error summary. */
export function flattenErrors(errors: FieldErrors, prefix = ''): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref' || key === 'root') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) items.push({ fieldId: fieldId(path), message });
    else items.push(...flattenErrors(value as FieldErrors, path));
  }
  return items;
}

/**
 * Puts the core's field errors onto the form's fields. Returns the general message when the
 * error is not about a field the form shows (the caller shows it in a banner).
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: { message: string; fieldErrors?: Record<string, string> | undefined },
  knownPaths: readonly string[],
): string | null {
  let placed = 0;
  for (const [path, message] of Object.entries(error.fieldErrors ?? {})) {
    if (knownPaths.includes(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: false });
      placed += 1;
    }
  }
  return placed > 0 ? null : error.message;
}
