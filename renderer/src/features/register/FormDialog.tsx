import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A form in a native modal <dialog>: focus trap, Escape and the return of focus to the opener
 * for free, and nothing injected that the CSP forbids. The content (a form with its own state)
 * is mounted only while open, so every opening starts fresh; its first field takes focus.
 */
export function FormDialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { open, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
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
    <dialog ref={ref} className={`modal${props.wide ? ' modal-wide' : ''} form-dialog`} aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
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
