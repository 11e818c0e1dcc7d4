import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { AppErrorBody, Result } from '../../../shared/result';
import { applyServerErrors } from './form-errors';
import { useToast } from './Toasts';

/**
 * What every dialog form on the member page does after submitting: on success refresh what the
 * page shows, say so and close; on refusal put the core's field errors on the fields and any
 * other message at the top of the form.
 */
export function useDialogSubmit<V extends FieldValues>(setError: UseFormSetError<V>, knownPaths: readonly string[], onClose: () => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const settle = async <T,>(result: Result<T>, success: (value: T) => string) => {
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(success(result.value));
      onClose();
      return;
    }
    setGeneral(applyServerErrors(setError, result.error as AppErrorBody, knownPaths));
    setAttempt((a) => a + 1);
  };
  return { general, attempt, failedCheck: () => setAttempt((a) => a + 1), clear: () => setGeneral(null), settle };
}
