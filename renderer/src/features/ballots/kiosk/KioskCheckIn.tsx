import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Ballot, RollEntry } from '../../../../../shared/contract/ballots';
import { ApiError, request } from '../../../api/client';
import { useApiQuery } from '../../../api/queries';
import { useDebounced } from '../../../lib/useDebounced';
import { Banner } from '../../../ui/Banner';
import { codeProblem, formatCode } from './code';
import { canCheckIn, statusWords } from './roll-status';

/** Who is about to vote on this screen, and with what: a check-in token or their voting code. */
export interface Voter {
  credential: { kind: 'checkin'; token: string } | { kind: 'code'; code: string };
  /** Shown above every page of the ballot ("Voting as Ann Example (member 12)"). */
  label: string;
  /** A proxy's instructions from the appointer, shown to the proxy while they vote. */
  instructions?: string;
}

type Mode = 'roll' | 'code' | 'proxy';

/** The check-in screen: the clerk finds the voter on the roll; or a voter uses their code; or a proxy is checked in. */
export function KioskCheckIn({ ballot, onVoter }: { ballot: Ballot; onVoter: (voter: Voter) => void }) {
  const [mode, setMode] = useState<Mode>('roll');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [mode]);
  if (mode === 'code') return <CodeEntry headingRef={headingRef} onBack={() => setMode('roll')} onVoter={onVoter} />;
  if (mode === 'proxy' && ballot.meetingId) return <ProxyCheckIn ballot={ballot} meetingId={ballot.meetingId} headingRef={headingRef} onBack={() => setMode('roll')} onVoter={onVoter} />;
  return (
    <div className="kiosk-screen">
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Check in a voter
      </h1>
      <RollSearch ballot={ballot} onVoter={onVoter} />
      <section className="kiosk-other-ways" aria-labelledby="kiosk-other-h">
        <h2 id="kiosk-other-h" className="kiosk-subheading">
          Other ways to vote
        </h2>
        <div className="kiosk-choices">
          <button type="button" className="btn btn-secondary kiosk-big" onClick={() => setMode('code')}>
            Vote with a voting code
          </button>
          {ballot.meetingId ? (
            <button type="button" className="btn btn-secondary kiosk-big" onClick={() => setMode('proxy')}>
              Check in a proxy
            </button>
          ) : null}
        </div>
        <p className="muted">A voter with a ballot letter can vote with the code printed on it, without checking in.</p>
      </section>
    </div>
  );
}

function RollSearch({ ballot, onVoter }: { ballot: Ballot; onVoter: (voter: Voter) => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const found = useApiQuery('ballots.roll', { id: ballot.id, search, limit: 20 }, { enabled: search !== '' });
  const entries = search === '' ? [] : (found.data?.entries ?? []);

  const checkIn = async (entry: RollEntry) => {
    setProblem(null);
    setBusy(entry.id);
    try {
      const r = await request('ballots.checkIn', { id: ballot.id, rollId: entry.id });
      onVoter({ credential: { kind: 'checkin', token: r.token }, label: `Voting as ${r.voter}` });
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The voter could not be checked in. Try again.');
      setBusy(null);
    }
  };

  return (
    <div>
      <div className="field">
        <label htmlFor={`${idp}-search`}>Voter’s name or member number</label>
        <span className="hint" id={`${idp}-hint`}>
          Ask the voter their name. The roll was frozen when the ballot opened ({ballot.roll?.count.toLocaleString('en-GB') ?? 0} voters).
        </span>
        <input
          id={`${idp}-search`}
          type="search"
          className="kiosk-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${idp}-hint`}
          aria-controls={`${idp}-results`}
        />
      </div>
      {problem ? (
        <Banner tone="error" title="Not checked in">
          <p>{problem}</p>
        </Banner>
      ) : null}
      <p className="visually-hidden" role="status">
        {search === '' ? '' : found.isFetching ? 'Searching the roll…' : found.data ? resultWords(found.data.total, entries.length) : ''}
      </p>
      {found.error ? (
        <Banner tone="error" title="The roll could not be searched">
          <p>{found.error.message}</p>
        </Banner>
      ) : null}
      <ul id={`${idp}-results`} className="kiosk-results" aria-label="Voters found">
        {entries.map((e) => (
          <li key={e.id} className={`kiosk-result${e.votedBy && e.votedBy !== 'proxy' ? ' is-voted' : ''}`}>
            <div>
              <span className="kiosk-result-name">{e.name}</span>
              <span className="kiosk-result-sub">
                Member {e.memberNumber} · {e.className} · {e.votes === 1 ? '1 vote' : `${e.votes.toLocaleString('en-GB')} votes`}
              </span>
              <span className="kiosk-result-status">{statusWords(e)}</span>
            </div>
            {canCheckIn(e) ? (
              <button type="button" className="btn btn-primary kiosk-big" disabled={busy !== null} onClick={() => void checkIn(e)}>
                {e.votedBy === 'proxy' ? 'Check in to vote in person' : 'Check in'}
                <span className="visually-hidden">: {e.name}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {search !== '' && found.data && found.data.total > entries.length ? (
        <p className="muted">Showing the first {entries.length} of {found.data.total.toLocaleString('en-GB')}. Type more of the name, or the member number.</p>
      ) : null}
    </div>
  );
}

function resultWords(total: number, shown: number): string {
  if (total === 0) return 'Nobody on the roll matches.';
  return total === shown ? `${total} on the roll ${total === 1 ? 'matches' : 'match'}.` : `${total} match; the first ${shown} are shown.`;
}

function CodeEntry({ headingRef, onBack, onVoter }: { headingRef: RefObject<HTMLHeadingElement | null>; onBack: () => void; onVoter: (voter: Voter) => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = codeProblem(code);
    setError(p);
    if (p) {
      inputRef.current?.focus();
      return;
    }
    onVoter({ credential: { kind: 'code', code: formatCode(code) }, label: 'Voting with a voting code' });
  };
  return (
    <form className="kiosk-screen" onSubmit={submit} noValidate>
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Vote with your voting code
      </h1>
      <p>Type the code printed on your ballot letter. You do not need to give your name: the code tells the ballot you are on the roll.</p>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${idp}-code`}>Voting code</label>
        <span className="hint" id={`${idp}-hint`}>
          16 letters and numbers, for example ABCD-EFGH-JKMN-PQRS
        </span>
        {error ? (
          <span className="error-message" id={`${idp}-error`} role="alert">
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <input
          id={`${idp}-code`}
          ref={inputRef}
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
        <button type="submit" className="btn btn-primary kiosk-big">
          Continue to the ballot
        </button>
        <button type="button" className="btn btn-secondary kiosk-big" onClick={onBack}>
          Back to check-in
        </button>
      </div>
    </form>
  );
}

function ProxyCheckIn(props: { ballot: Ballot; meetingId: string; headingRef: RefObject<HTMLHeadingElement | null>; onBack: () => void; onVoter: (voter: Voter) => void }) {
  const { ballot, meetingId, headingRef, onBack, onVoter } = props;
  const meeting = useApiQuery('meetings.get', { id: meetingId });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState('');
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const standing = (meeting.data?.proxies ?? []).filter((p) => p.revokedAt === null);
  const q = filter.trim().toLocaleLowerCase('en-GB');
  const shown = q ? standing.filter((p) => p.proxyName.toLocaleLowerCase('en-GB').includes(q) || p.memberName.toLocaleLowerCase('en-GB').includes(q)) : standing;

  const checkIn = async (p: (typeof standing)[number]) => {
    setProblem(null);
    setBusy(true);
    try {
      const r = await request('ballots.checkInProxy', { id: ballot.id, proxyAppointmentId: p.id });
      onVoter({ credential: { kind: 'checkin', token: r.token }, label: `Voting as ${r.voter}`, ...(r.instructions ? { instructions: r.instructions } : {}) });
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The proxy could not be checked in. Try again.');
      setBusy(false);
    }
  };

  return (
    <div className="kiosk-screen">
      <h1 className="kiosk-heading" tabIndex={-1} ref={headingRef}>
        Check in a proxy
      </h1>
      <p>
        A proxy votes once for each member who appointed them. Check them in for one appointer at a time. A member who comes to vote in person
        replaces their proxy’s vote.
      </p>
      <p>
        <button type="button" className="btn btn-secondary kiosk-big" onClick={onBack}>
          Back to check-in
        </button>
      </p>
      {problem ? (
        <Banner tone="error" title="Not checked in">
          <p>{problem}</p>
        </Banner>
      ) : null}
      {meeting.error ? (
        <Banner tone="error" title="The meeting’s proxies could not be read">
          <p>{meeting.error.message}</p>
        </Banner>
      ) : null}
      {!meeting.data ? <p role="status">Loading the proxy appointments…</p> : null}
      {meeting.data && standing.length === 0 ? <p>No proxy appointments are on record for {meeting.data.meeting.title}.</p> : null}
      {standing.length > 5 ? (
        <div className="field">
          <label htmlFor={`${idp}-filter`}>Proxy’s or member’s name</label>
          <input id={`${idp}-filter`} type="search" className="kiosk-input" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        </div>
      ) : null}
      <ul className="kiosk-results" aria-label="Proxy appointments">
        {shown.map((p) => (
          <li key={p.id} className="kiosk-result">
            <div>
              <span className="kiosk-result-name">{p.proxyName}</span>
              <span className="kiosk-result-sub">Proxy for {p.memberName}</span>
              <span className="kiosk-result-status">{p.instructions ? `Instructions: ${p.instructions}` : 'No instructions: the proxy decides how to vote.'}</span>
              {!p.inTime.ok ? <span className="kiosk-result-status kiosk-late">{p.inTime.message}</span> : null}
            </div>
            {p.inTime.ok ? (
              <button type="button" className="btn btn-primary kiosk-big" disabled={busy} onClick={() => void checkIn(p)}>
                Check in<span className="visually-hidden">: {p.proxyName} for {p.memberName}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
