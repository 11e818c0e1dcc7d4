import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

/** A native modal dialog (see useModalDialog for why native) with a single Close button. */
export function Modal({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useModalDialog(open, onClose);
  return (
    <dialog ref={ref} className="modal modal-wide" aria-labelledby="modal-title">
      <h2 id="modal-title">{title}</h2>
      {open ? children : null}
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
