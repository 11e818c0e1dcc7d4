import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Ballot, RollEntry } from '../../../../../shared/contract/ballots';
import { call } from '../../../api/client';
import { saveBlob } from '../../../api/download';
import { useApiQuery } from '../../../api/queries';
import { useDebounced } from '../../../lib/useDebounced';
import { Banner } from '../../../ui/Banner';
import { PageHeader } from '../../../ui/PageHeader';
import { codesCsv, fileNameFor } from './csv';
import { BallotLetters, type IssuedCode } from './BallotLetters';
import { IssuedCodesPanel, LeaveWithoutCodesDialog, ReissueCodeDialog, useShownCodes } from './issued-codes';
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
  const { issued, add, printing, print, blocker } = useShownCodes<IssuedCode>((a, b) => a.rollId === b.rollId);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    add(r.value.codes);
  };

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
      <LeaveWithoutCodesDialog blocker={blocker} count={issued?.length ?? 0} />
      {issued && b && printing ? <BallotLetters ballot={b} codes={issued} /> : null}
    </div>
  );
}

function IssuedPanel({ ballot, codes, onPrint }: { ballot: Ballot; codes: IssuedCode[]; onPrint: () => void }) {
  return (
    <IssuedCodesPanel
      codes={codes}
      headingId="codes-issued-h"
      className="card codes-issued"
      rowKey={(c) => c.rollId}
      onDownload={() => saveBlob(new Blob([codesCsv(codes)], { type: 'text/csv;charset=utf-8' }), fileNameFor(ballot.title, 'voting-codes'))}
      onPrint={onPrint}
      words={{
        noneNeeded: 'Every voter who needed a code already has one.',
        sendNow: 'Send each voter their code now. The codes are on this page only until you leave it.',
        printLabel: 'Print ballot letters',
        downloaded: 'Downloaded. Keep the file safe: anyone with a code can vote in that voter’s place. Delete it once the letters are sent.',
        caption: 'The codes issued',
        codeHeader: 'Voting code',
      }}
    />
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
        <ReissueCodeDialog
          name={confirm.name}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            onIssue(confirm);
            setConfirm(null);
          }}
        />
      ) : null}
    </section>
  );
}
