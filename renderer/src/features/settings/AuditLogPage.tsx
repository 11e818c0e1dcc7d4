import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditFilter, VerifyReport } from '../../../../shared/contract/audit';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../../shared/domain/audit-actions';
import { isLegalDate } from '../../../../shared/rules/legal-date';
import { call, request } from '../../api/client';
import { useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatInstant } from '../../lib/dates';
import { DateFilter } from '../../ui/DateInput';
import { DataTable } from '../../ui/DataTable';

const PAGE = 50;

/** The heads kept outside the file that verify compared the log with, and what it found. */
function AnchorList({ anchors }: { anchors: VerifyReport['anchors'] }) {
  return (
    <>
      <p>Compared with the fingerprints kept outside the file:</p>
      <ul>
        {anchors.map((a) => (
          <li key={`${a.source}-${a.seq}`}>
            {a.matches ? '✓ ' : '✗ '}
            {a.message}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verifyJob, setVerifyJob] = useState<string | null>(null);
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const verify = useJob(verifyJob, 'audit.verify');

  const filter: AuditFilter = {
    ...(action ? { action } : {}),
    ...(isLegalDate(from) ? { from } : {}),
    ...(isLegalDate(to) ? { to } : {}),
    limit: PAGE,
  };
  const rangeError = isLegalDate(from) && isLegalDate(to) && from > to ? 'The end date must be on or after the start date.' : null;
  const events = useInfiniteQuery({
    queryKey: ['audit.list', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => request('audit.list', pageParam ? { ...filter, beforeSeq: pageParam } : filter),
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    enabled: !rangeError,
  });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const report = verify?.state === 'succeeded' ? (verify.result ?? null) : null;

  const [fingerprint, setFingerprint] = useState('');
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const startVerify = async () => {
    setVerifyError(null);
    const typed = fingerprint.trim();
    const r = await call('audit.verify', typed ? { fingerprints: [typed] } : {});
    if (r.ok) setVerifyJob(r.value.jobId);
    else setVerifyError(r.error.fieldErrors?.['fingerprints.0'] ?? r.error.message);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h2>Audit log</h2>
          <p className="lede">
            Every change to this organisation’s records, and to the file itself (restores and upgrades), in order; another organisation kept in
            the same file sees only its own. Each event is sealed with a SHA-256 hash of its contents and of the event before it, so any later
            change to the log shows up when it is verified (CA 2006 s1138).
          </p>
        </div>
      </div>
      <form
        className="card verify-form"
        aria-labelledby="verify-h"
        onSubmit={(e) => {
          e.preventDefault();
          void startVerify();
        }}
      >
        <h3 id="verify-h">Verify the log and the registers</h3>
        <p className="muted">
          Recomputes every event’s hash (the log is one chain for the whole file, so every organisation’s events are checked), checks the database file, and compares every register entry with the state its last event recorded, so a
          change made to the file outside the app is found and named. It also compares the log with the fingerprints kept with your backups and
          exports. To check against a printed copy, type the fingerprint printed on it.
        </p>
        <Field id="verify-fingerprint" label="Fingerprint from a printed copy (optional)" hint="For example, #1234 · 3f9a c2e1 07bd" error={verifyError ?? undefined}>
          <input type="text" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={verify?.state === 'running'}>
          Verify
        </button>
      </form>
      {verify?.state === 'running' ? <ProgressBar done={verify.done} total={Math.max(verify.total, 1)} label={verify.message || 'Verifying'} /> : null}
      {report?.ok ? (
        <Banner tone="success" title="Verified: the audit log is intact and the registers match it">
          <p>
            {formatCount(report.events, 'event')} recomputed, {formatCount(report.records.checked, 'record')} compared with the log, and the database file
            passed its integrity check.
          </p>
          <p>
            Fingerprint now: <strong className="fingerprint">{report.fingerprint}</strong>. Note it down, or keep the latest printed copy: if the end of
            the log were ever rewritten, this fingerprint would no longer be found in it.
          </p>
          {report.anchors.length > 0 ? <AnchorList anchors={report.anchors} /> : null}
        </Banner>
      ) : null}
      {report && !report.ok ? (
        <Banner tone="error" title={report.integrity === 'damaged' ? 'The database file is damaged' : 'The audit log does not verify'}>
          <p>{report.problem}</p>
          {report.records.problems.length > 1 ? (
            <>
              <p>Records that do not match the log:</p>
              <ul>
                {report.records.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
                {report.records.more > 0 ? <li>and {formatCount(report.records.more, 'more record')}</li> : null}
              </ul>
            </>
          ) : null}
          {report.anchors.some((a) => !a.matches) ? <AnchorList anchors={report.anchors} /> : null}
          <p>Restore your latest good backup (Settings › Data and backups) and keep this file for investigation.</p>
        </Banner>
      ) : null}
      {verify?.state === 'failed' ? <Banner tone="error" title="Verification could not finish">{verify.error?.message}</Banner> : null}

      <form className="card" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="audit-action">What happened</label>
            <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">All events</option>
              {Object.entries(AUDIT_ACTIONS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <DateFilter id="audit-from" label="From" value={from} onChange={setFrom} />
          <DateFilter id="audit-to" label="To" value={to} error={rangeError} onChange={setTo} />
        </div>
      </form>

      <section className="card" aria-labelledby="audit-events-h">
        <h3 id="audit-events-h" className="visually-hidden">
          Events
        </h3>
        {events.isLoading ? <p role="status">Loading…</p> : null}
        {events.data && rows.length === 0 ? <p className="empty">No events match these filters.</p> : null}
        {rows.length > 0 ? (
          <DataTable
            data={rows}
            caption="Audit events, newest first"
            rowKey={(e) => String(e.seq)}
            columns={[
              { id: 'seq', header: '#', meta: { numeric: true }, cell: ({ row: { original: e } }) => e.seq },
              { id: 'at', header: 'When', meta: { nowrap: true }, cell: ({ row: { original: e } }) => formatInstant(e.at) },
              { id: 'event', header: 'Event', cell: ({ row: { original: e } }) => auditActionLabel(e.action) },
              { id: 'summary', header: 'Details', cell: ({ row: { original: e } }) => e.summary },
              { id: 'actor', header: 'By', cell: ({ row: { original: e } }) => e.actor },
              {
                id: 'actions',
                header: 'Actions',
                meta: { headerHidden: true },
                cell: ({ row: { original: e } }) => (
                  <button type="button" className="btn btn-link" onClick={() => setOpenSeq(e.seq)}>
                    View<span className="visually-hidden"> event {e.seq}</span>
                  </button>
                ),
              },
            ]}
          />
        ) : null}
        {events.hasNextPage ? (
          <button type="button" className="btn btn-secondary" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? 'Loading…' : 'Show older events'}
          </button>
        ) : null}
      </section>
      <Modal open={openSeq !== null} title={openSeq !== null ? `Audit event #${openSeq}` : ''} onClose={() => setOpenSeq(null)}>
        {openSeq !== null ? <EventDetail seq={openSeq} /> : null}
      </Modal>
    </>
  );
}

function EventDetail({ seq }: { seq: number }) {
  const event = useApiQuery('audit.get', { seq });
  if (!event.data) return <p role="status">Loading…</p>;
  const e = event.data;
  return (
    <>
      <dl className="facts">
        <dt>When</dt>
        <dd>{formatInstant(e.at)}</dd>
        <dt>Event</dt>
        <dd>{auditActionLabel(e.action)}</dd>
        <dt>By</dt>
        <dd>{e.actor}</dd>
        <dt>Summary</dt>
        <dd>{e.summary}</dd>
        <dt>Hash</dt>
        <dd className="hash">{e.hash}</dd>
        <dt>Previous hash</dt>
        <dd className="hash">{e.prevHash}</dd>
      </dl>
      {e.payload ? (
        <div className="grid-2">
          <div>
            <h3>Before</h3>
            <pre className="json">{JSON.stringify(e.payload.before, null, 2)}</pre>
          </div>
          <div>
            <h3>After</h3>
            <pre className="json">{JSON.stringify(e.payload.after, null, 2)}</pre>
          </div>
        </div>
      ) : (
        <p className="muted">The before and after record was erased on {e.redactedAt ? formatInstant(e.redactedAt) : 'request'}, as the law allows; the event itself remains sealed.</p>
      )}
    </>
  );
}
