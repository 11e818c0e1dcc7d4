import type { FieldErrors, Resolver } from 'react-hook-form';
import { withDateChecks } from '../../lib/mapped-resolver';
import { setupProblems, type CreateOutput, type Problem, type SetupValues } from './setup-form';

/** Problems at dotted paths as react-hook-form's nested errors ("questions.1.seats" → errors.questions[1].seats). */
export function problemsToErrors(problems: readonly Problem[]): FieldErrors {
  const errors: Record<string, unknown> = {};
  for (const { path, message } of problems) {
    const parts = path === '' ? ['root'] : path.split('.');
    let node = errors;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = { ...(node[part] as object | undefined), type: 'validate', message };
      } else {
        node[part] = (node[part] as Record<string, unknown> | undefined) ?? {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return errors as FieldErrors;
}

/** The set-up form's resolver: the browser's own checks and the contract's, handing over the contract's parsed input. */
export const setupResolver: Resolver<SetupValues, unknown, CreateOutput> = withDateChecks((async (values: SetupValues) => {
  const { input, problems } = setupProblems(values);
  return input ? { values: input, errors: {} } : { values: {}, errors: problemsToErrors(problems) };
}) as unknown as Resolver<SetupValues, unknown, CreateOutput>);
