import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { Result } from '../../../../shared/result';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import type { FieldErrors } from 'react-hook-form';

/**
 * A form in a native modal <dialog> (focus trap, Escape, focus returned to the opener, and
 * nothing injected that the CSP forbids). The content mounts only while open, so each opening
 * starts fresh; its first field takes focus.
 */
export function FormDialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean; description?: ReactNode }) {
  const { open, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [onClose]);
  return (
    <dialog
      ref={ref}
      className={`modal board-dialog${props.wide ? ' modal-wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.description ? (
        <p className="muted" id={descriptionId}>
          {props.description}
        </p>
      ) : null}
      {open ? props.children : null}
    </dialog>
  );
}

/** The Cancel and submit buttons at the foot of a dialog's form. */
export function DialogButtons({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}

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
