import { useEffect, useRef } from 'react';

/**
 * Drives a native modal <dialog> from React state: shown with showModal() when `open` (the
 * browser then traps focus, closes on Escape and returns focus to the opener), closed when not,
 * and Escape reported through `onClose` so the state stays the single source of truth. Native
 * dialogs inject no styles, which the strict Content-Security-Policy would refuse.
 */
export function useModalDialog(open: boolean, onClose: () => void, onOpen?: (dialog: HTMLDialogElement) => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      onOpenRef.current?.(dialog);
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
  return ref;
}
