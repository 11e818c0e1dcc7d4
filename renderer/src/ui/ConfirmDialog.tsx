import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

/**
 * Confirmation before anything irreversible. A native modal <dialog>: it traps focus, closes
 * on Escape and returns focus to the opener; Radix's dialog would inject a <style> element
 * that the strict Content-Security-Policy forbids.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useModalDialog(props.open, props.onCancel);
  // One id per dialog: two on a page must not both be named by the first one's title.
  const titleId = useId();
  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <div>{props.children}</div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={`btn ${props.tone === 'danger' ? 'btn-danger' : 'btn-primary'}`} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
