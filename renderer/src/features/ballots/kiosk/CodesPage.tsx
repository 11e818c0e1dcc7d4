import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import type { Ballot, RollEntry } from '../../../../../shared/contract/ballots';
import { call } from '../../../api/client';
import { saveBlob } from '../../../api/download';
import { useApiQuery } from '../../../api/queries';
import { formatCount } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { Banner } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { PageHeader } from '../../../ui/PageHeader';
import { codesCsv, fileNameFor } from './csv';
import { BallotLetters, type IssuedCode } from './BallotLetters';
import './kiosk.css';

/**
 * Voting codes (issue 8 "Voting codes"): one-time codes for the voters on the roll, for the kiosk
 * without check-in (and later for phones). The core keeps only their hashes, so the codes exist
 * only on this page, once: the secretary downloads the mail-merge file or prints the ballot letters
 * before leaving it.
 */
export function CodesPage() {
  const { id = '' } = useParams();
  const ballot = useApiQuery('ballots.get', { id });
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedCode[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);

  // Leaving the page loses the codes: the app asks first, inside the app and as the window closes.
  const keeping = issued !== null && issued.length > 0;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => keeping && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!keeping) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [keeping]);

  const issue = async (input: { rollIds?: string[]; reissue?: boolean }) => {
    setBusy(true);
    setProblem(null);
    const r = await call('ballots.issueCodes', { id, ...input });
    setBusy(false);
    if (!r.ok) {
      setProblem(r.error.fieldErrors?.['rollIds'] ?? r.error.message);
      return;
    }
    queryClient.setQueryData(['ballots.get', { id }], r.value.ballot);
    void queryClient.invalidateQueries({ queryKey: ['ballots.roll'] });
    // Codes issued a moment ago on this page stay listed with the new ones, for the same download.
    setIssued((prev) => [...(prev ?? []).filter((c) => !r.value.codes.some((n) => n.rollId === c.rollId)), ...r.value.codes]);
  };

  const print = () => {
    setPrinting(true);
    window.setTimeout(() => window.print(), 50);
  };
  useEffect(() => {
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  if (ballot.error) {
    return (
      <div className="page">
        <Banner tone="error" title="The ballot could not be read">
          <p>{ballot.error.message}</p>
        </Banner>
      </div>
    );
  }
  const b = ballot.data;
  const roll = b?.roll ?? null;
  const without = roll ? roll.count - roll.codesIssued : 0;
  return (
    <div className="page page-narrow codes-page">
      <p>
        <Link to={`/ballots/${id}`}>{b ? b.title : 'The ballot'}</Link>
      </p>
      <PageHeader title="Voting codes" lede={roll ? `${roll.codesIssued.toLocaleString('en-GB')} of ${roll.count.toLocaleString('en-GB')} voters on the roll have a code.` : undefined} />
      {!b ? <p role="status">Loading…</p> : null}
      {b && b.status !== 'open' ? (
        <Banner tone="info" title="Voting is not open">
          <p>Codes can be issued while the ballot is open for voting.</p>
        </Banner>
      ) : null}
      <Banner tone="warning" title="Each code is shown only once">
        <p>
          The app keeps only a fingerprint (hash) of each code, so nobody can read them back later. Download the mail-merge file or print the
          ballot letters before you leave this page: leaving it loses the codes, and you would have to reissue them.
        </p>
      </Banner>
      {problem ? (
        <Banner tone="error" title="No codes issued">
          <p>{problem}</p>
        </Banner>
      ) : null}
      {issued && b ? <IssuedPanel ballot={b} codes={issued} onPrint={print} /> : null}
      {b?.status === 'open' && roll ? (
        <>
          <section className="card" aria-labelledby="codes-all-h">
            <h2 id="codes-all-h">Everyone without a code</h2>
            {without > 0 ? (
              <>
                <p>Issue a code to each voter on the roll who has none and has not voted yet.</p>
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void issue({})}>
                  {busy ? 'Issuing…' : 'Issue codes'}
                </button>
              </>
            ) : (
              <p>Every voter on the roll has a code.</p>
            )}
          </section>
          <OneVoter ballot={b} busy={busy} onIssue={(entry) => void issue({ rollIds: [entry.id], reissue: entry.hasCode })} />
        </>
      ) : null}
      {/* Mounted only while asked: ConfirmDialog names itself by a fixed id, which two on one page would share. */}
      {blocker.state === 'blocked' ? (
      <ConfirmDialog open title="Leave without the codes?" confirmLabel="Leave and lose the codes" tone="danger" onCancel={() => blocker.reset?.()} onConfirm={() => blocker.proceed?.()}>
        <p>
          {formatCount(issued?.length ?? 0, 'code')} shown on this page will not be shown again. If you have not downloaded or printed them, you
          will have to reissue them (the old codes then stop working).
        </p>
      </ConfirmDialog>
      ) : null}
      {issued && b && printing ? <BallotLetters ballot={b} codes={issued} /> : null}
    </div>
  );
}

function IssuedPanel({ ballot, codes, onPrint }: { ballot: Ballot; codes: IssuedCode[]; onPrint: () => void }) {
  const [downloaded, setDownloaded] = useState(false);
  const SHOWN = 50;
  return (
    <section className="card codes-issued" aria-labelledby="codes-issued-h">
      <h2 id="codes-issued-h" tabIndex={-1}>
        {codes.length === 0 ? 'No codes were issued' : `${formatCount(codes.length, 'code')} issued`}
      </h2>
      {codes.length === 0 ? (
        <p>Every voter who needed a code already has one.</p>
      ) : (
        <>
          <p role="status">Send each voter their code now. The codes are on this page only until you leave it.</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                saveBlob(new Blob([codesCsv(codes)], { type: 'text/csv;charset=utf-8' }), fileNameFor(ballot.title, 'voting-codes'));
                setDownloaded(true);
              }}
            >
              Download the mail-merge file (CSV)
            </button>
            <button type="button" className="btn btn-secondary" onClick={onPrint}>
              Print ballot letters
            </button>
          </div>
          {downloaded ? <p className="muted">Downloaded. Keep the file safe: anyone with a code can vote in that voter’s place. Delete it once the letters are sent.</p> : null}
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">The codes issued</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Member number
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Voting code</th>
                </tr>
              </thead>
              <tbody>
                {codes.slice(0, SHOWN).map((c) => (
                  <tr key={c.rollId}>
                    <td className="num">{c.memberNumber}</td>
                    <th scope="row">{c.name}</th>
                    <td className="mono nowrap">{c.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {codes.length > SHOWN ? <p className="muted">The first {SHOWN} are shown; the file and the letters have all {codes.length.toLocaleString('en-GB')}.</p> : null}
        </>
      )}
    </section>
  );
}

function OneVoter({ ballot, busy, onIssue }: { ballot: Ballot; busy: boolean; onIssue: (entry: RollEntry) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const found = useApiQuery('ballots.roll', { id: ballot.id, search, limit: 10 }, { enabled: search !== '' });
  const [confirm, setConfirm] = useState<RollEntry | null>(null);
  const entries = search === '' ? [] : (found.data?.entries ?? []);
  return (
    <section className="card" aria-labelledby="codes-one-h">
      <h2 id="codes-one-h">One voter</h2>
      <p>Issue a code to one voter, or reissue a lost one. Reissuing cancels the old code: it stops working at once.</p>
      <div className="field">
        <label htmlFor="codes-search">Name or member number</label>
        <input id="codes-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </div>
      <p className="visually-hidden" role="status">
        {search && found.data ? `${found.data.total} found.` : ''}
      </p>
      {entries.length > 0 ? (
        <ul className="plain-list codes-found">
          {entries.map((e) => (
            <li key={e.id} className="codes-found-row">
              <span>
                <strong>{e.name}</strong> <span className="muted">member {e.memberNumber}</span>
                <span className="muted"> · {e.votedBy ? 'has voted' : e.hasCode ? 'has a code' : 'no code'}</span>
              </span>
              {e.votedBy ? null : (
                <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => (e.hasCode ? setConfirm(e) : onIssue(e))}>
                  {e.hasCode ? 'Reissue code' : 'Issue a code'}
                  <span className="visually-hidden">: {e.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : search && found.data ? (
        <p>Nobody on the roll matches “{search}”.</p>
      ) : null}
      {confirm ? (
      <ConfirmDialog
        open
        title={`Reissue ${confirm.name}’s code?`}
        confirmLabel="Reissue the code"
        tone="danger"
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          onIssue(confirm);
          setConfirm(null);
        }}
      >
        <p>The old code stops working at once. Give {confirm.name} the new one.</p>
      </ConfirmDialog>
      ) : null}
    </section>
  );
}
