import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { dateInputProblem } from './date-parts';

/**
 * zodResolver over the contract's own schema, applied to the form's text converted into the
 * contract's input. The form mirrors the contract's shape, so error paths are field names.
 * Date inputs whose boxes do not make a date get their own specific message (see withDateChecks).
 */
export function mappedResolver<TForm extends FieldValues, S extends z.ZodType>(schema: S, toInput: (values: TForm) => z.input<S>): Resolver<TForm, unknown, z.output<S>> {
  const inner = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return withDateChecks(((values: TForm, context: unknown, options: never) => inner(toInput(values) as FieldValues, context, options)) as unknown as Resolver<TForm, unknown, z.output<S>>);
}

/** Every date input in the values whose boxes do not make a date, with its message. */
function dateProblems(value: unknown, path: string[] = []): { path: string[]; message: string }[] {
  const message = dateInputProblem(value);
  if (message) return [{ path, message }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => dateProblems(v, [...path, k]));
}

function setError(errors: Record<string, unknown>, path: string[], message: string): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return errors;
  const copy = { ...errors };
  copy[head] = rest.length === 0 ? { type: 'date', message } : setError((errors[head] as Record<string, unknown> | undefined) ?? {}, rest, message);
  return copy;
}

/**
 * Wraps any resolver so that a date input left part-filled or impossible reports what GOV.UK's
 * pattern says ("Date of birth must include a month", "… must be a real date") instead of the
 * schema's general message, and stops the submit even where the schema would not look at it.
 */
export function withDateChecks<T extends FieldValues, C, O>(resolver: Resolver<T, C, O>): Resolver<T, C, O> {
  return (async (values: T, context: C | undefined, options: Parameters<Resolver<T, C, O>>[2]) => {
    const result = await resolver(values, context, options);
    const problems = dateProblems(values);
    if (problems.length === 0) return result;
    let errors = result.errors as Record<string, unknown>;
    for (const p of problems) errors = setError(errors, p.path, p.message);
    return { values: {}, errors: errors as FieldErrors<T> };
  }) as Resolver<T, C, O>;
}
