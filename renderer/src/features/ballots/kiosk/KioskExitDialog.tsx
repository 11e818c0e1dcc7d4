import { useCallback, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../../../ui/useModalDialog';
import { PassField } from './KioskPage';
import { unlocks, type KioskLock } from './lock';

/**
 * The only way out of the kiosk: the poll clerk's passphrase, checked against the hash in memory.
 * Escape or Cancel closes this dialog and the kiosk stays locked.
 */
export function KioskExitDialog({ open, lock, onCancel, onUnlocked }: { open: boolean; lock: KioskLock; onCancel: () => void; onUnlocked: () => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [attempt, setAttempt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const cancel = useCallback(() => {
    setAttempt('');
    setError(null);
    onCancel();
  }, [onCancel]);
  const ref = useModalDialog(open, cancel, (dialog) => dialog.querySelector<HTMLInputElement>('input')?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (checking) return;
    if (attempt === '') {
      setError('Enter the kiosk passphrase.');
      return;
    }
    setChecking(true);
    const ok = await unlocks(lock, attempt);
    setChecking(false);
    setAttempt('');
    if (!ok) {
      setError('That is not the kiosk passphrase. The kiosk stays locked.');
      return;
    }
    setError(null);
    onUnlocked();
  };

  return (
    <dialog ref={ref} className="modal kiosk-dialog" aria-labelledby={`${idp}-title`}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${idp}-title`}>Close the kiosk</h2>
        <p>For poll clerks only. Enter the kiosk passphrase to leave the polling station and return to the ballot.</p>
        <PassField id={`${idp}-passphrase`} label="Kiosk passphrase" value={attempt} onChange={setAttempt} error={error ?? undefined} autoComplete="off" />
        <p className="visually-hidden" role="status">
          {checking ? 'Checking the passphrase…' : (error ?? '')}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary kiosk-big" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary kiosk-big" disabled={checking}>
            {checking ? 'Checking…' : 'Close the kiosk'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
