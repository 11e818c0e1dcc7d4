import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import type { IssuedAgreementCode, WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { formFamily } from '../../../../shared/domain/legal-form';
import { neutraliseCell } from '../../../../shared/rules/csv-safety';
import { call } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { codesApply } from './agreement';
import { AgreementLetters } from './AgreementLetters';
import './written-resolutions.css';

type Signatory = WrittenResolution['signatories'][number];

/**
 * Agreement codes for a members' written resolution (issue 9): one-time codes with which eligible
 * members agree at the meeting laptop or from a phone. The core keeps only their hashes, so the
 * codes exist only on this page, once: the secretary downloads the mail-merge file or prints the
 * letters (which carry the statement CA 2006 s291(4) asks for) before leaving it.
 */
export function AgreementCodesPage() {
  const { id = '' } = useParams();
  const wr = useApiQuery('writtenResolutions.get', { id });
  const org = useApiQuery('organisation.get', {});
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedAgreementCode[] | null>(null);
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
  useEffect(() => {
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  const issue = async (input: { signatoryIds?: string[]; reissue?: boolean }) => {
    setBusy(true);
    setProblem(null);
    const r = await call('writtenResolutions.issueCodes', { id, ...input });
    setBusy(false);
    if (!r.ok) {
      setProblem(r.error.fieldErrors?.['signatoryIds'] ?? r.error.message);
      return;
    }
    queryClient.setQueryData(['writtenResolutions.get', { id }], r.value.resolution);
    void queryClient.invalidateQueries({ queryKey: ['writtenResolutions.list'] });
    // Codes issued a moment ago on this page stay listed with the new ones, for the same download.
    setIssued((prev) => [...(prev ?? []).filter((c) => !r.value.codes.some((n) => n.signatoryId === c.signatoryId)), ...r.value.codes]);
  };
  const print = () => {
    setPrinting(true);
    window.setTimeout(() => window.print(), 50);
  };

  if (wr.error) {
    return (
      <div className="page">
        <Banner tone="error" title="This written resolution could not be read">
          <p>{wr.error.message}</p>
        </Banner>
      </div>
    );
  }
  const r = wr.data;
  const applies = r && org.data ? codesApply(r, formFamily(org.data.legalForm)) : true;
  const without = r ? r.signatories.filter((s) => !s.agreedOn && !s.hasCode).length : 0;
  return (
    <div className="page page-narrow wr-codes-page">
      <p className="board-back">
        <Link to={`/written-resolutions/${id}`}>The written resolution</Link>
      </p>
      <PageHeader title="Agreement codes" lede={r ? `${r.codesIssued.toLocaleString('en-GB')} of ${r.eligible.toLocaleString('en-GB')} eligible members have a code.` : undefined} />
      {!r ? <p role="status">Loading…</p> : null}
      {r && !applies ? (
        <Banner tone="info" title="Codes are not used for this resolution">
          <p>
            Agreement codes are for the members’ written resolutions of a private company (CA 2006 s288-s300). Record each agreement received on
            the resolution’s page.
          </p>
        </Banner>
      ) : null}
      {r && applies && r.status !== 'circulating' ? (
        <Banner tone="info" title="Members can no longer agree">
          <p>Codes can be issued while the resolution is circulating; this one has {r.status === 'passed' ? 'passed' : r.status === 'lapsed' ? 'lapsed' : 'been withdrawn'}.</p>
        </Banner>
      ) : null}
      <Banner tone="warning" title="Each code is shown only once">
        <p>
          The app keeps only a fingerprint (hash) of each code, so nobody can read them back later. Download the mail-merge file or print the
          letters before you leave this page: leaving it loses the codes, and you would have to reissue them.
        </p>
      </Banner>
      {problem ? (
        <Banner tone="error" title="No codes issued">
          <p>{problem}</p>
        </Banner>
      ) : null}
      {issued && r ? <IssuedPanel resolution={r} codes={issued} onPrint={print} /> : null}
      {r && applies && r.status === 'circulating' ? (
        <>
          <section className="card" aria-labelledby="wr-codes-all-h">
            <h2 id="wr-codes-all-h">Every eligible member without a code</h2>
            {without > 0 ? (
              <>
                <p>
                  Issue a code to each of the {formatCount(without, 'eligible member')} who {without === 1 ? 'has' : 'have'} none and {without === 1 ? 'has' : 'have'} not agreed
                  yet. The letters give the resolution, the code, how to agree and the date it lapses
                  {r.lapsesAfter ? ` (the end of ${formatLegalDate(r.lapsesAfter)})` : ''}.
                </p>
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void issue({})}>
                  {busy ? 'Issuing…' : 'Issue agreement codes'}
                </button>
              </>
            ) : (
              <p>Every eligible member who has not agreed has a code.</p>
            )}
          </section>
          <OneMember resolution={r} busy={busy} onIssue={(s) => void issue({ signatoryIds: [s.id], reissue: s.hasCode })} />
        </>
      ) : null}
      {blocker.state === 'blocked' ? (
        <ConfirmDialog open title="Leave without the codes?" confirmLabel="Leave and lose the codes" tone="danger" onCancel={() => blocker.reset?.()} onConfirm={() => blocker.proceed?.()}>
          <p>
            {formatCount(issued?.length ?? 0, 'code')} shown on this page will not be shown again. If you have not downloaded or printed them, you
            will have to reissue them (the old codes then stop working).
          </p>
        </ConfirmDialog>
      ) : null}
      {issued && r && printing ? <AgreementLetters resolution={r} organisation={org.data?.name ?? ''} codes={issued} /> : null}
    </div>
  );
}

/** The codes for the secretary's own mail merge (RFC 4180, a BOM, every cell neutralised against formulas). */
function codesCsv(codes: readonly IssuedAgreementCode[]): string {
  const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = [['Member number', 'Name', 'Agreement code'], ...codes.map((c) => [c.memberNumber === null ? '' : String(c.memberNumber), c.name, c.code])];
  return `\uFEFF${rows.map((r) => r.map((c) => quoted(neutraliseCell(c))).join(',')).join('\r\n')}\r\n`;
}

function IssuedPanel({ resolution, codes, onPrint }: { resolution: WrittenResolution; codes: IssuedAgreementCode[]; onPrint: () => void }) {
  const [downloaded, setDownloaded] = useState(false);
  const SHOWN = 50;
  return (
    <section className="card" aria-labelledby="wr-codes-issued-h">
      <h2 id="wr-codes-issued-h" tabIndex={-1}>
        {codes.length === 0 ? 'No codes were issued' : `${formatCount(codes.length, 'code')} issued`}
      </h2>
      {codes.length === 0 ? (
        <p>Every member who needed a code already has one.</p>
      ) : (
        <>
          <p role="status">Send each member their letter now. The codes are on this page only until you leave it.</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                saveBlob(new Blob([codesCsv(codes)], { type: 'text/csv;charset=utf-8' }), `written-resolution-${resolution.circulatedOn}-agreement-codes.csv`);
                setDownloaded(true);
              }}
            >
              Download the mail-merge file (CSV)
            </button>
            <button type="button" className="btn btn-secondary" onClick={onPrint}>
              Print the letters
            </button>
          </div>
          {downloaded ? <p className="muted">Downloaded. Keep the file safe: anyone with a code could agree in that member’s name. Delete it once the letters are sent.</p> : null}
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">The agreement codes issued</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Member number
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Agreement code</th>
                </tr>
              </thead>
              <tbody>
                {codes.slice(0, SHOWN).map((c) => (
                  <tr key={c.signatoryId}>
                    <td className="num">{c.memberNumber ?? ''}</td>
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

function OneMember({ resolution, busy, onIssue }: { resolution: WrittenResolution; busy: boolean; onIssue: (s: Signatory) => void }) {
  const [text, setText] = useState('');
  const [confirm, setConfirm] = useState<Signatory | null>(null);
  const search = text.trim().toLowerCase();
  const found = search === '' ? [] : resolution.signatories.filter((s) => s.name.toLowerCase().includes(search)).slice(0, 10);
  return (
    <section className="card" aria-labelledby="wr-codes-one-h">
      <h2 id="wr-codes-one-h">One member</h2>
      <p>Issue a code to one eligible member, or reissue a lost one. Reissuing cancels the old code: it stops working at once.</p>
      <div className="field">
        <label htmlFor="wr-codes-search">Name</label>
        <input id="wr-codes-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      </div>
      <p className="visually-hidden" role="status">
        {search ? `${found.length} found.` : ''}
      </p>
      {found.length > 0 ? (
        <ul className="plain-list">
          {found.map((s) => (
            <li key={s.id} className="wr-codes-found-row">
              <span>
                <strong>{s.name}</strong>
                <span className="muted"> · {s.agreedOn ? 'has agreed' : s.hasCode ? 'has a code' : 'no code'}</span>
              </span>
              {s.agreedOn ? null : (
                <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => (s.hasCode ? setConfirm(s) : onIssue(s))}>
                  {s.hasCode ? 'Reissue code' : 'Issue a code'}
                  <span className="visually-hidden">: {s.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : search ? (
        <p>No eligible member matches “{text.trim()}”.</p>
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
