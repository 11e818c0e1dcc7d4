import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

const focusFirstField = (dialog: HTMLDialogElement) => dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();

/**
 * A form in a native modal <dialog>. The content (a form with its own state) is mounted only
 * while open, so every opening starts fresh; its first field takes focus.
 */
export function FormDialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  description?: ReactNode;
  /** Extra class for an area's own dialog styles. */
  className?: string;
}) {
  const ref = useModalDialog(props.open, props.onClose, focusFirstField);
  const titleId = useId();
  const descriptionId = useId();
  return (
    <dialog
      ref={ref}
      className={`modal form-dialog${props.wide ? ' modal-wide' : ''}${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.description ? (
        <p className="muted" id={descriptionId}>
          {props.description}
        </p>
      ) : null}
      {props.open ? props.children : null}
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
