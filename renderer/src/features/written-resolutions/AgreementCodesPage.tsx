import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IssuedAgreementCode, WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { formFamily } from '../../../../shared/domain/legal-form';
import { neutraliseCell } from '../../../../shared/rules/csv-safety';
import { call } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { IssuedCodesPanel, LeaveWithoutCodesDialog, ReissueCodeDialog, useShownCodes } from '../ballots/kiosk/issued-codes';
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
  const { issued, add, printing, print, blocker } = useShownCodes<IssuedAgreementCode>((a, b) => a.signatoryId === b.signatoryId);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    add(r.value.codes);
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
      <LeaveWithoutCodesDialog blocker={blocker} count={issued?.length ?? 0} />
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
  return (
    <IssuedCodesPanel
      codes={codes}
      headingId="wr-codes-issued-h"
      className="card"
      rowKey={(c) => c.signatoryId}
      onDownload={() => saveBlob(new Blob([codesCsv(codes)], { type: 'text/csv;charset=utf-8' }), `written-resolution-${resolution.circulatedOn}-agreement-codes.csv`)}
      onPrint={onPrint}
      words={{
        noneNeeded: 'Every member who needed a code already has one.',
        sendNow: 'Send each member their letter now. The codes are on this page only until you leave it.',
        printLabel: 'Print the letters',
        downloaded: 'Downloaded. Keep the file safe: anyone with a code could agree in that member’s name. Delete it once the letters are sent.',
        caption: 'The agreement codes issued',
        codeHeader: 'Agreement code',
      }}
    />
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
