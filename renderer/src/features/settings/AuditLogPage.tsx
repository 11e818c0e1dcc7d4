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
import { Modal } from '../../ui/Modal';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatInstant } from '../../lib/dates';
import { DateFilter } from '../../ui/DateInput';
import { DataTable } from '../../ui/DataTable';

const PAGE = 50;

export function AuditLogPage() {
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verifyJob, setVerifyJob] = useState<string | null>(null);
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const verify = useJob(verifyJob);

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
  const report = verify?.state === 'succeeded' ? (verify.result as VerifyReport) : null;

  const startVerify = async () => {
    const r = await call('audit.verify', {});
    if (r.ok) setVerifyJob(r.value.jobId);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h2>Audit log</h2>
          <p className="lede">
            Every change, in order. Each event is sealed with a SHA-256 hash of its contents and of the event before it, so any later change to
            the log shows up when it is verified (CA 2006 s1138).
          </p>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={startVerify} disabled={verify?.state === 'running'}>
            Verify
          </button>
        </div>
      </div>
      {verify?.state === 'running' ? <ProgressBar done={verify.done} total={Math.max(verify.total, 1)} label={verify.message || 'Verifying'} /> : null}
      {report?.ok ? (
        <Banner tone="success" title="Verified: the audit log is intact">
          <p>
            {formatCount(report.events, 'event')} checked and the database file passed its integrity check. Head hash{' '}
            <span className="hash">{report.headHash}</span>.
          </p>
        </Banner>
      ) : null}
      {report && !report.ok ? (
        <Banner tone="error" title="The audit log does not verify">
          <p>{report.problem}</p>
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
