import { useCallback, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../../../ui/useModalDialog';
import { PassField } from './KioskPage';
import { unlocks, type KioskLock } from './lock';

/** What the dialog says: the ballot kiosk's by default; a written resolution's "Agree at this laptop" has its own. */
export interface ExitWords {
  title: string;
  intro: string;
  label: string;
  empty: string;
  wrong: string;
  submit: string;
}

const KIOSK_WORDS: ExitWords = {
  title: 'Close the kiosk',
  intro: 'For poll clerks only. Enter the kiosk passphrase to leave the polling station and return to the ballot.',
  label: 'Kiosk passphrase',
  empty: 'Enter the kiosk passphrase.',
  wrong: 'That is not the kiosk passphrase. The kiosk stays locked.',
  submit: 'Close the kiosk',
};

/**
 * The only way out of a locked screen (the ballot kiosk, or a written resolution's "Agree at this
 * laptop"): the passphrase, checked against the hash in memory. Escape or Cancel closes this dialog
 * and the screen stays locked.
 */
export function KioskExitDialog({
  open,
  lock,
  onCancel,
  onUnlocked,
  words = KIOSK_WORDS,
}: {
  open: boolean;
  lock: KioskLock;
  onCancel: () => void;
  onUnlocked: () => void;
  words?: ExitWords;
}) {
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
      setError(words.empty);
      return;
    }
    setChecking(true);
    const ok = await unlocks(lock, attempt);
    setChecking(false);
    setAttempt('');
    if (!ok) {
      setError(words.wrong);
      return;
    }
    setError(null);
    onUnlocked();
  };

  return (
    <dialog ref={ref} className="modal kiosk-dialog" aria-labelledby={`${idp}-title`}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${idp}-title`}>{words.title}</h2>
        <p>{words.intro}</p>
        <PassField id={`${idp}-passphrase`} label={words.label} value={attempt} onChange={setAttempt} error={error ?? undefined} autoComplete="off" />
        <p className="visually-hidden" role="status">
          {checking ? 'Checking the passphrase…' : (error ?? '')}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary kiosk-big" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary kiosk-big" disabled={checking}>
            {checking ? 'Checking…' : words.submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
