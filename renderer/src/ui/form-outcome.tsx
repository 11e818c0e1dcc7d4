import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { Result } from '../../../shared/result';
import { Banner } from './Banner';
import { ErrorSummary } from './ErrorSummary';
import { applyServerErrors, flattenErrors } from './form-errors';
import { useToast } from './Toasts';
import type { FieldErrors } from 'react-hook-form';

/**
 * After a form is submitted: on success refresh what the page shows, say so and go on; on a
 * refusal put the core's field errors on the fields (renamed by `mapPath` where the form names
 * a field differently) and any other message at the top of the form.
 */
export function useSubmitOutcome<V extends FieldValues>(setError: UseFormSetError<V>, knownPaths: readonly string[], mapPath: (p: string) => string = (p) => p) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const settle = async <T,>(result: Result<T>, success: (value: T) => string, then: (value: T) => void): Promise<void> => {
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(success(result.value));
      then(result.value);
      return;
    }
    const fieldErrors = Object.fromEntries(Object.entries(result.error.fieldErrors ?? {}).map(([k, m]) => [mapPath(k), m]));
    setGeneral(applyServerErrors(setError, { message: result.error.message, fieldErrors }, knownPaths));
    setAttempt((a) => a + 1);
  };
  return {
    general,
    attempt,
    /** For a refusal found in the browser (the schema, a member number that is not in the register). */
    failed: () => {
      setGeneral(null);
      setAttempt((a) => a + 1);
    },
    fieldError: (path: string, message: string) => {
      setError(path as Path<V>, { type: 'manual', message }, { shouldFocus: false });
      setAttempt((a) => a + 1);
    },
    clear: () => setGeneral(null),
    settle,
  };
}

/** The error summary and the banner for a refusal that is not about one field. */
export function FormProblems({ errors, attempt, general, title }: { errors: FieldErrors; attempt: number; general: string | null; title: string }) {
  return (
    <>
      <ErrorSummary items={flattenErrors(errors)} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title={title}>
          <p>{general}</p>
        </Banner>
      ) : null}
    </>
  );
}
