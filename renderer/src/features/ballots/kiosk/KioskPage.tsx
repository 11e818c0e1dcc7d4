import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import type { Ballot } from '../../../../../shared/contract/ballots';
import { useApiQuery } from '../../../api/queries';
import { Field } from '../../../ui/Field';
import { Banner } from '../../../ui/Banner';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { KioskCheckIn, type Voter } from './KioskCheckIn';
import { KioskExitDialog } from './KioskExitDialog';
import { engagedLock, engageKiosk, kioskPath, onTurnedBack, releaseKiosk, takeTurnedBack } from './kiosk-guard';
import { KioskVoting } from './KioskVoting';
import { createLock, lockPassphraseProblem, type KioskLock } from './lock';
import './kiosk.css';

/**
 * Kiosk (polling station) mode, issue 8: the poll clerk locks the screen with a passphrase of their
 * own (a hash in this page's memory only), checks each voter in from the roll, and the screen becomes
 * that voter's ballot until they finish; then it returns to check-in with nothing of them kept.
 * While locked the app's menu is not shown (a bare route), the window asks for full screen, and no
 * link, Back or Escape leads out: only the clerk's passphrase does.
 */
export function KioskPage() {
  const { id = '' } = useParams();
  const ballot = useApiQuery('ballots.get', { id });
  // A lock engaged before this screen was last unmounted (the address was turned back) still holds.
  const [lock, setLock] = useState<KioskLock | null>(() => {
    const held = engagedLock();
    return held && held.ballotId === id ? held.lock : null;
  });
  useEffect(() => {
    document.title = ballot.data ? `Kiosk: ${ballot.data.title} – Mutual Governance` : 'Kiosk – Mutual Governance';
  }, [ballot.data]);

  if (ballot.error) {
    return (
      <div className="kiosk kiosk-page">
        <Banner tone="error" title="The ballot could not be read">
          <p>{ballot.error.message}</p>
        </Banner>
        <Link to="/ballots">Back to ballots</Link>
      </div>
    );
  }
  if (!ballot.data) return <p role="status">Loading…</p>;
  if (lock) return <LockedKiosk ballot={ballot.data} lock={lock} onUnlocked={() => setLock(null)} />;
  return (
    <KioskStart
      ballot={ballot.data}
      onLocked={(l) => {
        engageKiosk(ballot.data.id, l);
        setLock(l);
      }}
    />
  );
}

function KioskStart({ ballot, onLocked }: { ballot: Ballot; onLocked: (lock: KioskLock) => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

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
    // this). Refused or unsupported, the kiosk still locks: the app's own way out stays closed.
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    onLocked(lock);
  };

  const open = ballot.status === 'open';
  return (
    <div className="kiosk kiosk-page">
      <p>
        <Link to={`/ballots/${ballot.id}`}>Back to the ballot</Link>
      </p>
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Start the kiosk
      </h1>
      <p className="kiosk-lede">{ballot.title}</p>
      {!open ? (
        <Banner tone="warning" title="Voting is not open">
          <p>The kiosk can be started once the ballot is open for voting. It is {statusWords(ballot.status)}.</p>
        </Banner>
      ) : (
        <form onSubmit={(e) => void start(e)} noValidate className="kiosk-start">
          <ErrorSummary items={problem ? [{ fieldId: `${idp}-${problem.field}`, message: problem.message }] : []} focusKey={attempts} />
          <p>
            The kiosk locks this window for voters. Voters check in with you, vote on this screen and see their receipt; then the screen
            returns to check-in. Nobody can leave the voting screens for the secretary’s records without the kiosk passphrase you set now.
          </p>
          <p>
            The passphrase is kept only in this window’s memory, never saved. If the window is reloaded or closed, start the kiosk again with a
            new one.
          </p>
          <PassField id={`${idp}-passphrase`} label="Kiosk passphrase" hint={`At least 8 characters. Only the poll clerks should know it.`} value={passphrase} onChange={setPassphrase} error={problem?.field === 'passphrase' ? problem.message : undefined} autoComplete="new-password" />
          <PassField id={`${idp}-again`} label="Type the passphrase again" value={again} onChange={setAgain} error={problem?.field === 'again' ? problem.message : undefined} autoComplete="new-password" />
          <button type="submit" className="btn btn-primary kiosk-big" disabled={busy}>
            {busy ? 'Locking…' : 'Lock the kiosk and start'}
          </button>
        </form>
      )}
    </div>
  );
}

export function PassField(props: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; error?: string | undefined; autoComplete: string }) {
  const { id, label, hint, value, onChange, error, autoComplete } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input type="password" className="kiosk-input" value={value} onChange={(e) => onChange(e.target.value)} autoComplete={autoComplete} spellCheck={false} />
    </Field>
  );
}

function statusWords(status: Ballot['status']): string {
  return { draft: 'still being set up', open: 'open', closed: 'closed', decided: 'decided', cancelled: 'cancelled' }[status];
}

const LOCKED_NOTICE = 'The kiosk is locked. Only a poll clerk can close it, with the kiosk passphrase.';

type Screen = { kind: 'check-in' } | { kind: 'voting'; session: number; voter: Voter };

function LockedKiosk({ ballot, lock, onUnlocked }: { ballot: Ballot; lock: KioskLock; onUnlocked: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [screen, setScreen] = useState<Screen>({ kind: 'check-in' });
  const [exitOpen, setExitOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => (takeTurnedBack() ? LOCKED_NOTICE : null));
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);
  const sessions = useRef(0);
  const locked = useRef(true);

  // No route change while locked: links and Back stop here. (An address typed or set by a script is
  // a change the router cannot stop; kiosk-guard turns it back.)
  const blocker = useBlocker(({ nextLocation }) => {
    if (!locked.current || nextLocation.pathname === kioskPath(ballot.id)) return false;
    setNotice(LOCKED_NOTICE);
    return true;
  });
  useEffect(() => {
    if (blocker.state === 'blocked') blocker.reset();
  }, [blocker]);

  useEffect(
    () =>
      onTurnedBack(() => {
        takeTurnedBack();
        setNotice(LOCKED_NOTICE);
      }),
    [],
  );

  // Reloading or closing the window would end the lock: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!locked.current) return;
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const backToCheckIn = useCallback(() => {
    // Nothing of the last voter stays: their screen (and BallotForm's state) is unmounted, and the
    // roll is read afresh so they show as voted.
    setNotice(null);
    setScreen({ kind: 'check-in' });
    void queryClient.invalidateQueries({ queryKey: ['ballots.roll'] });
    void queryClient.invalidateQueries({ queryKey: ['ballots.get'] });
  }, [queryClient]);

  const unlocked = () => {
    locked.current = false;
    releaseKiosk();
    setExitOpen(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    onUnlocked();
    void navigate(`/ballots/${ballot.id}`);
  };

  return (
    <div className="kiosk kiosk-locked">
      <header className="kiosk-bar">
        <p className="kiosk-bar-title">
          <span className="kiosk-bar-kicker">Polling station</span> {ballot.title}
        </p>
        {!fullScreen && document.documentElement.requestFullscreen ? (
          <button type="button" className="btn btn-secondary" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
            Full screen
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary" onClick={() => setExitOpen(true)}>
          Close the kiosk
        </button>
      </header>
      {notice ? (
        <div className="kiosk-notice" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <main className="kiosk-main">
        {screen.kind === 'check-in' ? (
          <KioskCheckIn
            ballot={ballot}
            onVoter={(voter) => {
              setNotice(null);
              sessions.current += 1;
              setScreen({ kind: 'voting', session: sessions.current, voter });
            }}
          />
        ) : (
          <KioskVoting key={screen.session} ballotId={ballot.id} voter={screen.voter} onDone={backToCheckIn} />
        )}
      </main>
      <KioskExitDialog open={exitOpen} lock={lock} onCancel={() => setExitOpen(false)} onUnlocked={unlocked} />
    </div>
  );
}
