import type { z } from 'zod';
import { contract, isMethodName } from '../../shared/contract/index';
import { fail, ok, type Result } from '../../shared/result';
import type { Core } from './core';
import { AppError } from './errors';
import { logError } from './log';
import type { Registry } from './registry';

/**
 * The one way into the core: look the method up, validate the input with the contract's
 * schema, refuse writes while an exclusive job holds the database, run the handler in the
 * context its kind allows, validate the output, and wrap everything in the Result envelope.
 * Nothing thrown escapes.
 */
export async function dispatch(registry: Registry, core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    return fail('NOT_FOUND', `There is no action called “${String(method).slice(0, 80)}”.`);
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) return validationFailure(parsed.error);

  const busy = core.jobs.exclusive;
  if (spec.kind === 'mutation' && busy) {
    return fail('LOCKED', `${busy.label} is in progress, so changes are paused until it finishes. Nothing was saved.`);
  }
  try {
    // Changes wait for the start-up integrity check (it runs in the background on big files).
    if (spec.kind === 'mutation') await core.ready();
    const handler = registry.handlers[method];
    let output: unknown;
    switch (handler.kind) {
      case 'query':
        output = await handler.run(parsed.data, core.readContext());
        break;
      case 'mutation':
        output = await core.mutate(method, (tx) => handler.run(parsed.data, tx));
        break;
      case 'command':
        output = await handler.run(parsed.data, core.commandContext());
        break;
      case 'job':
        output = await handler.run(parsed.data, core.jobStartContext(method));
        break;
    }
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      const ref = logError(`output of ${method}`, new Error(JSON.stringify(checked.error.issues).slice(0, 2000)));
      return fail('INTERNAL', `The app produced an answer it could not check (reference ${ref}). Your saved records are unchanged.`);
    }
    return ok(checked.data);
  } catch (e) {
    if (e instanceof AppError) {
      const r = fail(e.code, e.message, e.fieldErrors);
      if (e.reason && !r.ok) r.error.reason = e.reason;
      return r;
    }
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY') {
      return fail('LOCKED', 'Another program is writing to the database; try again in a moment. Nothing was saved.');
    }
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
      return fail('INTERNAL', 'The disk is full, so nothing was saved. Free some space and try again.');
    }
    const ref = logError(method, e);
    return fail('INTERNAL', `Something went wrong, so the action was not completed (reference ${ref}). Your saved records are unchanged.`);
  }
}

/** Zod issues become one message per form field, keyed by the field's dotted path. */
export function validationFailure(error: z.ZodError): Result<never> {
  const fieldErrors: Record<string, string> = {};
  let general: string | undefined;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const message = friendlyMessage(issue);
    if (path === '') general ??= message;
    else fieldErrors[path] ??= message;
  }
  const count = Object.keys(fieldErrors).length;
  const message =
    general ??
    (count === 1 ? Object.values(fieldErrors)[0]! : `${count} fields need attention: ${Object.values(fieldErrors).slice(0, 3).join(' ')}`);
  return fail('VALIDATION', message, count > 0 ? fieldErrors : undefined);
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.slice(0, 5).join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'The request was not in the expected form.';
  return issue.message;
}
