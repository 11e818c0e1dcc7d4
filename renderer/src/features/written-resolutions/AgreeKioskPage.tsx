import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AgreedWithCode, WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { KioskExitDialog, type ExitWords } from '../ballots/kiosk/KioskExitDialog';
import type { KioskLock } from '../ballots/kiosk/lock';
import { LockStartForm, useLockHold } from '../ballots/kiosk/lock-screen';
import { engagedLockAt, engageLockAt } from '../ballots/kiosk/kiosk-guard';

/** The route of a written resolution's "Agree at this laptop" (written-resolutions/index.ts). */
export function agreePath(id: string): string {
  return `/written-resolutions/${id}/agree`;
}
import { agreementCodeProblem, formatAgreementCode, timeAndDate } from './agreement';
import '../ballots/kiosk/kiosk.css';
import './written-resolutions.css';

/**
 * "Agree at this laptop" (issue 9): members agree to a members' written resolution one after
 * another at the secretary's laptop, each typing their own agreement code and confirming. That is
 * an authenticated document in electronic form identifying the resolution and indicating agreement
 * (CA 2006 s296(1)-(2), s1146(3)(a)); it is recorded with the instant, and the resolution passes the
 * moment members holding the required majority have agreed (s296(4)), which the screen says at once.
 *
 * Like the ballot kiosk, the secretary locks the screen with a passphrase of their own (a hash in
 * this page's memory only) so that a member left with the laptop cannot reach the records: the
 * app's menu is not shown (a bare route), and the app's links and Back stop here until the
 * passphrase is given.
 */
export function AgreeKioskPage() {
  const { id = '' } = useParams();
  const wr = useApiQuery('writtenResolutions.get', { id });
  // The lock lives in kiosk-guard for the whole page, so an address typed while it is engaged is
  // turned back here and this screen, mounted again, finds it (as the ballot kiosk does).
  const [lock, setLock] = useState<KioskLock | null>(() => engagedLockAt(agreePath(id)));
  const locked = (l: KioskLock) => {
    engageLockAt(agreePath(id), l);
    setLock(l);
  };
  useEffect(() => {
    document.title = 'Agree to a written resolution – Mutual Governance';
  }, []);
  if (wr.error) {
    return (
      <div className="kiosk kiosk-page">
        <Banner tone="error" title="This written resolution could not be read">
          <p>{wr.error.message}</p>
        </Banner>
        <Link to="/written-resolutions">Back to written resolutions</Link>
      </div>
    );
  }
  if (!wr.data) return <p role="status">Loading…</p>;
  if (lock) return <LockedAgreement resolution={wr.data} lock={lock} />;
  return <AgreeStart resolution={wr.data} onLocked={locked} />;
}

function statusWords(r: WrittenResolution): string {
  if (r.status === 'passed') return `It passed on ${formatLegalDate(r.decidedOn!)}.`;
  if (r.status === 'lapsed') return `It lapsed at the end of ${formatLegalDate(r.lapsesAfter!)} (CA 2006 s297).`;
  if (r.status === 'withdrawn') return 'It was withdrawn.';
  return '';
}

function AgreeStart({ resolution: r, onLocked }: { resolution: WrittenResolution; onLocked: (lock: KioskLock) => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="kiosk kiosk-page">
      <p>
        <Link to={`/written-resolutions/${r.id}`}>Back to the written resolution</Link>
      </p>
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Agree at this laptop
      </h1>
      <p className="wr-agree-text">{r.text}</p>
      {r.status !== 'circulating' ? (
        <Banner tone="warning" title="Members can no longer agree to it">
          <p>{statusWords(r)}</p>
        </Banner>
      ) : (
        <LockStartForm passphraseLabel="Passphrase" passphraseHint="At least 8 characters. Only the secretary should know it." submitLabel="Lock the laptop and start" onLocked={onLocked}>
          <p>
            Members agree here one after another, each with the agreement code on their letter. Lock the laptop first: nobody can then leave
            this screen for the records without the passphrase you set now. It is kept only in this window’s memory, never saved.
          </p>
        </LockStartForm>
      )}
    </div>
  );
}

const LOCKED_NOTICE = 'This laptop is locked for members to agree. Only the secretary can close it, with the passphrase.';

function LockedAgreement({ resolution, lock }: { resolution: WrittenResolution; lock: KioskLock }) {
  const navigate = useNavigate();
  const [exitOpen, setExitOpen] = useState(false);
  const [done, setDone] = useState<AgreedWithCode | null>(null);
  const [session, setSession] = useState(0);
  // No route change while locked: the app's links and Back stop here; an address typed or set by a
  // script is turned back by kiosk-guard, and a reload or close asks first.
  const { notice, setNotice, unlock } = useLockHold({ lockedNotice: LOCKED_NOTICE });

  const unlocked = () => {
    unlock();
    setExitOpen(false);
    void navigate(`/written-resolutions/${resolution.id}`);
  };
  const next = useCallback(() => {
    setNotice(null);
    setDone(null);
    setSession((n) => n + 1);
  }, [setNotice]);

  return (
    <div className="kiosk kiosk-locked">
      <header className="kiosk-bar">
        <p className="kiosk-bar-title">
          <span className="kiosk-bar-kicker">Written resolution</span> Circulated on {formatLegalDate(resolution.circulatedOn)}
        </p>
        <button type="button" className="btn btn-secondary" onClick={() => setExitOpen(true)}>
          Close
        </button>
      </header>
      {notice ? (
        <div className="kiosk-notice" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <main className="kiosk-main">
        {done ? <Agreed result={done} onNext={next} /> : <AgreeForm key={session} resolution={resolution} onAgreed={setDone} />}
      </main>
      <KioskExitDialog open={exitOpen} lock={lock} onCancel={() => setExitOpen(false)} onUnlocked={unlocked} words={EXIT_WORDS} />
    </div>
  );
}

function AgreeForm({ resolution: r, onAgreed }: { resolution: WrittenResolution; onAgreed: (result: AgreedWithCode) => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const codeId = `${idp}-code`;

  const check = (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const p = agreementCodeProblem(code);
    setError(p);
    setAttempts((n) => n + 1);
    if (!p) setConfirming(true);
  };
  const agree = async () => {
    setConfirming(false);
    setBusy(true);
    const result = await call('writtenResolutions.agreeWithCode', { id: r.id, code: formatAgreementCode(code), via: 'kiosk' });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.fieldErrors?.['code'];
      if (field) setError(field);
      else setGeneral(result.error.message);
      setAttempts((n) => n + 1);
      return;
    }
    // The resolution's page (and the list) show the agreement, and a pass, at once.
    queryClient.setQueryData(['writtenResolutions.get', { id: r.id }], result.value.resolution);
    void queryClient.invalidateQueries({ queryKey: ['writtenResolutions.list'] });
    void queryClient.invalidateQueries({ queryKey: ['decisions.register'] });
    onAgreed(result.value);
  };

  if (r.status !== 'circulating') {
    return (
      <div className="kiosk-screen">
        <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
          Members can no longer agree to this resolution
        </h1>
        <p className="wr-agree-text">{r.text}</p>
        <Banner tone={r.status === 'passed' ? 'success' : 'warning'}>
          <p>{statusWords(r)}</p>
        </Banner>
      </div>
    );
  }
  return (
    <form className="kiosk-screen" onSubmit={check} noValidate aria-label="Agree with your code">
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Agree to this written resolution
      </h1>
      <ErrorSummary items={error ? [{ fieldId: codeId, message: error }] : []} focusKey={attempts} />
      {general ? (
        <Banner tone="error" title="Your agreement was not recorded">
          <p>{general}</p>
        </Banner>
      ) : null}
      <p className="wr-agree-text">{r.text}</p>
      <p>
        {r.kind === 'special'
          ? 'It passes when members holding at least 75% of the total voting rights of all eligible members have agreed (CA 2006 s283(2)).'
          : 'It passes when members holding more than half of the total voting rights of all eligible members have agreed (CA 2006 s282(2)).'}
        {r.lapsesAfter ? ` It lapses if it has not passed by the end of ${formatLegalDate(r.lapsesAfter)} (s297).` : ''}
      </p>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={codeId}>Your agreement code</label>
        <span className="hint" id={`${idp}-hint`}>
          On your letter: 16 letters and numbers, for example ABCD-EFGH-JKMN-PQRS
        </span>
        {error ? (
          <span className="error-message" id={`${idp}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <input
          id={codeId}
          type="text"
          className="kiosk-input kiosk-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${idp}-error` : null, `${idp}-hint`].filter(Boolean).join(' ')}
        />
      </div>
      <div className="kiosk-choices">
        <button type="submit" className="btn btn-primary kiosk-big" disabled={busy}>
          {busy ? 'Recording…' : 'Continue'}
        </button>
      </div>
      <p className="muted">If you do not agree, you need do nothing. Agreement is not secret: the record shows who agreed and when.</p>
      {confirming ? (
        <ConfirmDialog open title="Do you agree to this resolution?" confirmLabel="I agree" onCancel={() => setConfirming(false)} onConfirm={() => void agree()}>
          <p>Confirming records your agreement to the resolution on this screen, now. Once given, agreement cannot be taken back (CA 2006 s296(3)).</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

function Agreed({ result, onNext }: { result: AgreedWithCode; onNext: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const r = result.resolution;
  return (
    <div className="kiosk-screen">
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Thank you, {result.name}
      </h1>
      <Banner tone="success" title="Your agreement is recorded">
        <p>You agreed at {timeAndDate(result.agreedAt)}.</p>
        {result.passed ? (
          <p className="wr-agree-done">
            The resolution has now passed: members holding the required majority of the total voting rights have agreed (CA 2006 s296(4)).
          </p>
        ) : (
          <p>
            It has not passed yet: {r.votesAgreed.toLocaleString('en-GB')} of the {r.totalVotes.toLocaleString('en-GB')} votes of eligible members
            have agreed so far.
          </p>
        )}
      </Banner>
      <div className="kiosk-choices">
        <button type="button" className="btn btn-primary kiosk-big" onClick={onNext}>
          Next member
        </button>
      </div>
    </div>
  );
}

/** The only way out: the secretary's passphrase (the ballot kiosk's dialog, in this screen's words). */
const EXIT_WORDS: ExitWords = {
  title: 'Close this screen',
  intro: 'For the secretary only. Enter the passphrase to return to the written resolution.',
  label: 'Passphrase',
  empty: 'Enter the passphrase.',
  wrong: 'That is not the passphrase. The laptop stays locked.',
  submit: 'Close',
};
