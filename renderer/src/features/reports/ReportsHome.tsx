import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { reportCatalogueSchema, ReportRequest } from '../../../../shared/contract/reports';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { dateInputProblem } from '../../lib/date-parts';
import { Banner } from '../../ui/Banner';
import { DateInput } from '../../ui/DateInput';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { PageHeader } from '../../ui/PageHeader';
import { reportPath } from './report-format';
import './reports.css';

type Entry = z.output<typeof reportCatalogueSchema>['reports'][number];

/**
 * The reports this organisation can produce (reports.catalogue), each with what it is for and
 * the law it follows. One its legal form rules out is listed with the reason, not hidden.
 * Choosing one asks for its dates (and for the AGM pack, the general meeting) and opens the
 * report's page, which produces it.
 */
export function ReportsHome() {
  const catalogue = useApiQuery('reports.catalogue', {});
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="page rpt-home">
      <PageHeader
        title="Reports"
        lede="Governance reports produced from your records as they stood on the date you choose: the same report for the same date gives the same figures next year. Each figure links to the records behind it."
      />
      {catalogue.error ? (
        <Banner tone="error" title="The reports could not be listed">
          <p>{catalogue.error.message}</p>
        </Banner>
      ) : null}
      {!catalogue.data && !catalogue.error ? <p role="status">Loading…</p> : null}
      {catalogue.data ? (
        <ul className="rpt-catalogue plain-list">
          {catalogue.data.reports.map((r) => (
            <li key={r.kind} className={`card rpt-entry${r.available ? '' : ' is-unavailable'}`}>
              <h2 id={`rpt-entry-${r.kind}`}>{r.title}</h2>
              <p>{r.summary}</p>
              {r.law ? (
                <p className="rpt-law small">
                  <span className="rpt-law-h">Law: </span>
                  {r.law}
                </p>
              ) : null}
              {r.available ? (
                <>
                  <button
                    type="button"
                    className="btn btn-secondary"
                    aria-expanded={open === r.kind}
                    aria-controls={`rpt-ask-${r.kind}`}
                    aria-describedby={`rpt-entry-${r.kind}`}
                    onClick={() => setOpen(open === r.kind ? null : r.kind)}
                  >
                    {open === r.kind ? 'Hide the dates' : 'Choose dates and produce'}
                  </button>
                  <div id={`rpt-ask-${r.kind}`} hidden={open !== r.kind}>
                    {open === r.kind ? <AskForm entry={r} /> : null}
                  </div>
                </>
              ) : (
                <p className="rpt-unavailable">
                  <span className="badge badge-muted">Not available</span> {r.unavailableReason ?? 'This organisation cannot produce this report.'}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The dates (a period, or the date it is as at) and, for the AGM pack, the general meeting. */
function AskForm({ entry }: { entry: Entry }) {
  const navigate = useNavigate();
  const [asAt, setAsAt] = useState(entry.defaultAsAt);
  const [from, setFrom] = useState(entry.defaultFrom ?? '');
  const [meetingId, setMeetingId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tries, setTries] = useState(0);
  const id = (what: string) => `rpt-${entry.kind}-${what}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const asAtProblem = dateInputProblem(asAt) ?? (asAt === '' ? `Enter the date the report is ${entry.period ? 'to' : 'as at'}.` : undefined);
    if (asAtProblem) found[id('as-at')] = asAtProblem;
    if (entry.period) {
      const fromProblem = dateInputProblem(from) ?? (from === '' ? 'Enter the start of the period.' : undefined);
      if (fromProblem) found[id('from')] = fromProblem;
      else if (!asAtProblem && from > asAt) found[id('from')] = `The start of the period must be on or before ${formatLegalDate(asAt)}.`;
    }
    if (entry.needsMeeting && meetingId === '') found[id('meeting')] = 'Choose the general meeting the pack is for.';
    setErrors(found);
    setTries((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const request: ReportRequest = { kind: entry.kind, asAt };
    if (entry.period) request.from = from;
    if (entry.needsMeeting) request.meetingId = meetingId;
    void navigate(reportPath(request));
  };

  const items: SummaryItem[] = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }));
  return (
    <form className="rpt-ask" onSubmit={submit} noValidate aria-label={`Produce the ${entry.title}`}>
      <ErrorSummary items={items} focusKey={tries} />
      {entry.period ? (
        <DateInput id={id('from')} label="Period from" messageLabel="The start of the period" value={from} onChange={setFrom} error={errors[id('from')]} />
      ) : null}
      <DateInput id={id('as-at')} label={entry.period ? 'Period to' : 'As at'} messageLabel={entry.period ? 'The end of the period' : 'The report’s date'} value={asAt} onChange={setAsAt} error={errors[id('as-at')]} hint={entry.period ? 'The last day of the period, usually the financial year end.' : undefined} />
      {entry.needsMeeting ? <MeetingChoice id={id('meeting')} value={meetingId} onChange={setMeetingId} error={errors[id('meeting')]} /> : null}
      <button type="submit" className="btn btn-primary">
        Produce the report
      </button>
    </form>
  );
}

/** The general meetings (annual and other), latest first, to choose the one an AGM pack is for. */
function MeetingChoice({ id, value, onChange, error }: { id: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  const annual = useApiQuery('meetings.list', { when: 'all', kind: 'annual_general', limit: 200 });
  const general = useApiQuery('meetings.list', { when: 'all', kind: 'general', limit: 200 });
  const meetings = [...(annual.data ?? []), ...(general.data ?? [])].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
  const failed = annual.error ?? general.error;
  const loading = !failed && (!annual.data || !general.data);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>General meeting</label>
      {error ? (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {failed ? (
        // Takes the id (and the focus from the error summary's link) in place of the list it stands for.
        <div id={id} tabIndex={-1}>
          <Banner tone="error" title="The meetings could not be read">
            <p>{failed.message}</p>
          </Banner>
        </div>
      ) : !loading && meetings.length === 0 ? (
        // Takes the id (and the focus from the error summary's link) in place of the list it stands for.
        <p className="hint" id={id} tabIndex={-1}>
          No general meeting is recorded yet. Plan the meeting under Meetings first; the pack is drawn from its notice and agenda.
        </p>
      ) : (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          <option value="">{loading ? 'Loading the meetings…' : 'Choose a meeting'}</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}, {formatLegalDate(m.heldOn)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
