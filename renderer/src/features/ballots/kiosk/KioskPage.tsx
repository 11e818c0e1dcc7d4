import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Ballot } from '../../../../../shared/contract/ballots';
import { useApiQuery } from '../../../api/queries';
import { Banner } from '../../../ui/Banner';
import { KioskCheckIn, type Voter } from './KioskCheckIn';
import { KioskExitDialog } from './KioskExitDialog';
import { engagedLock, engageKiosk, kioskPath } from './kiosk-guard';
import { KioskVoting } from './KioskVoting';
import type { KioskLock } from './lock';
import { LockStartForm, useLockHold } from './lock-screen';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

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
        <LockStartForm className="kiosk-start" passphraseLabel="Kiosk passphrase" passphraseHint="At least 8 characters. Only the poll clerks should know it." submitLabel="Lock the kiosk and start" onLocked={onLocked}>
          <p>
            The kiosk locks this window for voters. Voters check in with you, vote on this screen and see their receipt; then the screen
            returns to check-in. Nobody can leave the voting screens for the secretary’s records without the kiosk passphrase you set now.
          </p>
          <p>
            The passphrase is kept only in this window’s memory, never saved. If the window is reloaded or closed, start the kiosk again with a
            new one.
          </p>
        </LockStartForm>
      )}
    </div>
  );
}

/** The passphrase field, kept here under its old name for the kiosk's exit dialog. */
export { PassField } from './lock-screen';

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
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);
  const sessions = useRef(0);
  // No route change while locked: links and Back stop here (an address typed or set by a script is
  // a change the router cannot stop; kiosk-guard turns it back), and a reload or close asks first.
  const { notice, setNotice, unlock } = useLockHold({ lockedNotice: LOCKED_NOTICE, stayPath: kioskPath(ballot.id) });

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
  }, [queryClient, setNotice]);

  const unlocked = () => {
    unlock();
    setExitOpen(false);
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
