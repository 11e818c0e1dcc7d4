import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Field } from '../../../ui/Field';
import { onTurnedBack, releaseKiosk, takeTurnedBack } from './kiosk-guard';
import { createLock, lockPassphraseProblem, type KioskLock } from './lock';

/**
 * What the ballot kiosk (KioskPage) and "Agree at this laptop" (written-resolutions/AgreeKioskPage)
 * share: the form that locks the screen with a passphrase of the person in charge, and the hold
 * the locked screen keeps on the app until that passphrase is given. Each screen keeps its own
 * words (a polling station and a written resolution are different things) and passes them in.
 */

export function PassField(props: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string | undefined; autoComplete: string }) {
  const { id, label, hint, value, onChange, error, autoComplete } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input type="password" className="kiosk-input" value={value} onChange={(e) => onChange(e.target.value)} autoComplete={autoComplete} spellCheck={false} />
    </Field>
  );
}

/**
 * The passphrase, typed twice, that locks the screen (a hash in this page's memory only); children
 * are the screen's own explanation, shown above the fields.
 */
export function LockStartForm(props: {
  className?: string;
  passphraseLabel: string;
  passphraseHint: string;
  submitLabel: string;
  onLocked: (lock: KioskLock) => void;
  children: ReactNode;
}) {
  const { className, passphraseLabel, passphraseHint, submitLabel, onLocked, children } = props;
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const p = lockPassphraseProblem(passphrase, again);
    setProblem(p);
    setAttempts((n) => n + 1);
    if (p) return;
    setBusy(true);
    const lock = await createLock(passphrase);
    setPassphrase('');
    setAgain('');
    setBusy(false);
    // Full screen hides the browser's own bar where the browser allows it (a user gesture started
    // this). Refused or unsupported, the screen still locks: the app's own way out stays closed.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    onLocked(lock);
  };

  return (
    <form onSubmit={(e) => void start(e)} noValidate className={className}>
      <ErrorSummary items={problem ? [{ fieldId: `${idp}-${problem.field}`, message: problem.message }] : []} focusKey={attempts} />
      {children}
      <PassField id={`${idp}-passphrase`} label={passphraseLabel} hint={passphraseHint} value={passphrase} onChange={setPassphrase} error={problem?.field === 'passphrase' ? problem.message : undefined} autoComplete="new-password" />
      <PassField id={`${idp}-again`} label="Type the passphrase again" value={again} onChange={setAgain} error={problem?.field === 'again' ? problem.message : undefined} autoComplete="new-password" />
      <button type="submit" className="btn btn-primary kiosk-big" disabled={busy}>
        {busy ? 'Locking…' : submitLabel}
      </button>
    </form>
  );
}

/**
 * The hold of a locked screen: no route change (the app's links and Back stop here, and the
 * screen shows lockedNotice), an address typed or set by a script turned back by kiosk-guard with
 * the same notice, and the browser asking before a reload or close would end the lock.
 * - stayPath: a route the screen may still move to while locked (the kiosk's own address).
 * unlock() lets go of all of that, releases the kiosk guard and leaves full screen; the caller
 * then closes its dialog and navigates.
 */
export function useLockHold({ lockedNotice, stayPath }: { lockedNotice: string; stayPath?: string }) {
  const locked = useRef(true);
  const [notice, setNotice] = useState<string | null>(() => (takeTurnedBack() ? lockedNotice : null));

  const blocker = useBlocker(({ nextLocation }) => {
    if (!locked.current || (stayPath !== undefined && nextLocation.pathname === stayPath)) return false;
    setNotice(lockedNotice);
    return true;
  });
  useEffect(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);

  useEffect(
    () =>
      onTurnedBack(() => {
        takeTurnedBack();
        setNotice(lockedNotice);
      }),
    [lockedNotice],
  );

  // Reloading or closing the window would end the lock: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (locked.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const unlock = () => {
    locked.current = false;
    releaseKiosk();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  return { notice, setNotice, unlock };
}
