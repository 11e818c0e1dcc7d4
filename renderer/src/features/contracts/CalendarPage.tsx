import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { downloadExport } from '../../api/download';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { formatBytes, formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { ContractsNav } from './ContractsNav';
import { CalendarGrid } from './calendar/CalendarGrid';
import { DutyList } from './calendar/DutyList';
import { addMonths, byDay, dayInMonth, gridRange, longDay, monthFromSearch, monthLabel, monthOf } from './calendar/month-grid';
import './calendar/calendar.css';

/**
 * Every dated duty of every contract on a month's calendar (extension decisions and notices,
 * break notices, price reviews, KPI reports, end dates): overdue ones flagged until recorded as
 * done, done ones shown as done. The grid is walked by keyboard; the same duties are listed day
 * by day below it, with links to their contracts; and the whole timeline downloads as an
 * iCalendar file for Outlook.
 */
export function CalendarPage() {
  const today = todayUk();
  const [params, setParams] = useSearchParams();
  const month = monthFromSearch(params.get('month'), today);
  const selected = dayInMonth(params.get('day'), month, today);
  const [byKey, setByKey] = useState(false);
  const dayHeading = useRef<HTMLHeadingElement>(null);
  const range = gridRange(month);
  const timeline = useApiQuery('contracts.timeline', { from: range.from, to: range.to, includeOverdue: false, limit: 5000 }, { placeholderData: (previous) => previous });
  // Every overdue duty, whatever month is shown: they stay in view until recorded as done.
  const overdueQuery = useApiQuery('contracts.timeline', { from: today, to: today, includeOverdue: true, limit: 5000 });

  const go = (date: string, key: boolean) => {
    setByKey(key);
    setParams({ month: monthOf(date), day: date }, { replace: true });
  };
  const goMonth = (m: string) => {
    setByKey(false);
    setParams({ month: m, day: dayInMonth(null, m, today) }, { replace: true });
  };

  const entries = timeline.data?.entries ?? [];
  const shown = entries.filter((e) => e.dueOn >= range.from && e.dueOn <= range.to);
  const overdue = (overdueQuery.data?.entries ?? []).filter((e) => e.overdue);
  const days = byDay(shown);
  const inMonth = shown.filter((e) => e.dueOn.startsWith(month));
  const monthDays = [...byDay(inMonth).entries()];
  const selectedEntries = days.get(selected) ?? [];
  const overdueCount = overdueQuery.data?.overdueCount ?? 0;

  return (
    <div className="page page-wide cal-page">
      <PageHeader
        title="Contract calendar"
        lede="What must happen when, across every contract: extension decisions and notices, break notices, price reviews, KPI reports and end dates. A duty not done by its date stays flagged as overdue until it is recorded as done on its contract."
        actions={<CalendarDownload />}
      />
      <ContractsNav current="calendar" />

      {timeline.error ? (
        <Banner tone="error" title="The calendar could not be read">
          <p>{timeline.error.message}</p>
        </Banner>
      ) : null}

      {overdueCount > 0 ? (
        <Banner tone="error" title={overdueCount === 1 ? 'One duty is overdue' : `${overdueCount.toLocaleString('en-GB')} duties are overdue`}>
          <p>
            {overdueCount === 1 ? 'It stays' : 'They stay'} flagged until recorded as done on {overdueCount === 1 ? 'its contract' : 'their contracts'}.{' '}
            <a href="#cal-overdue-h" onClick={(e) => {
              e.preventDefault();
              document.getElementById('cal-overdue-h')?.focus();
            }}>
              See {overdueCount === 1 ? 'it' : 'them'} below the calendar
            </a>
          </p>
        </Banner>
      ) : null}

      <section className="card cal-card" aria-labelledby="cal-month-h">
        <div className="cal-toolbar">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => goMonth(addMonths(month, -1))}>
            <span aria-hidden="true">‹ </span>Previous month
          </button>
          <h2 id="cal-month-h" aria-live="polite">
            {monthLabel(month)}
          </h2>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => goMonth(addMonths(month, 1))}>
            Next month<span aria-hidden="true"> ›</span>
          </button>
          {month !== monthOf(today) ? (
            <button type="button" className="btn btn-link" onClick={() => go(today, false)}>
              Back to this month
            </button>
          ) : null}
          <span className="spacer" />
          <ul className="cal-legend" aria-label="Key">
            <li>
              <span className="cal-chip-mark due" aria-hidden="true">•</span> Due
            </li>
            <li>
              <span className="cal-chip-mark overdue" aria-hidden="true">!</span> Overdue
            </li>
            <li>
              <span className="cal-chip-mark done" aria-hidden="true">✓</span> Done
            </li>
          </ul>
        </div>
        <p className="hint cal-keys" id="cal-keys">
          In the calendar, the arrow keys move by a day or a week, Home and End to the start and end of the week, Page Up and Page Down by a month (with Shift, by a
          year). Enter goes to the day’s duties.
        </p>
        <div className="cal-layout">
          <div className="cal-grid-wrap">
            <CalendarGrid
              month={month}
              today={today}
              selected={selected}
              days={days}
              labelledBy="cal-month-h"
              describedBy="cal-keys"
              focusSelected={byKey}
              onSelect={go}
              onOpenDay={() => dayHeading.current?.focus()}
            />
            {timeline.isFetching && !timeline.data ? <p role="status">Loading…</p> : null}
          </div>
          <aside className="cal-day-panel" aria-labelledby="cal-day-h">
            <h2 id="cal-day-h" tabIndex={-1} ref={dayHeading}>
              {longDay(selected)}
            </h2>
            {selected === today ? <p className="muted small">Today</p> : null}
            {selectedEntries.length > 0 ? (
              <DutyList entries={selectedEntries} label={`Duties on ${longDay(selected)}`} />
            ) : (
              <p className="muted">No duties fall on this day.</p>
            )}
          </aside>
        </div>
      </section>

      {overdue.length > 0 ? (
        <section className="card" aria-labelledby="cal-overdue-h">
          <h2 id="cal-overdue-h" tabIndex={-1}>
            Overdue
          </h2>
          <DutyList
            entries={overdue}
            label="Overdue duties"
            showDate
            action={(e) => (
              <button type="button" className="btn btn-link" onClick={() => go(e.dueOn, true)}>
                Show {formatLegalDate(e.dueOn)} on the calendar
              </button>
            )}
          />
          {overdueQuery.data?.truncated ? <p className="muted">Only the first 5,000 overdue duties are listed.</p> : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="cal-list-h">
        <h2 id="cal-list-h">Duties in {monthLabel(month)}, day by day</h2>
        {timeline.data && monthDays.length === 0 ? (
          <div className="empty cal-empty">
            <p>No duties fall in {monthLabel(month)}.</p>
            <p>
              Duties come from the dates recorded on each contract. <Link to="/contracts">Go to contracts</Link>
            </p>
          </div>
        ) : (
          <ol className="cal-month-list">
            {monthDays.map(([date, list]) => (
              <li key={date}>
                <h3 id={`cal-list-${date}`}>{longDay(date)}</h3>
                <DutyList entries={list} label={`Duties on ${longDay(date)}`} />
              </li>
            ))}
          </ol>
        )}
        {timeline.data?.truncated ? <p className="muted">Only the first 5,000 duties are shown: choose a month nearer to today to see the rest.</p> : null}
      </section>
    </div>
  );
}

type Step = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** "Download calendar (.ics)": every contract's duties as one iCalendar file, for Outlook and other calendars. */
function CalendarDownload() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const run = async () => {
    setStep({ kind: 'busy' });
    try {
      const made = await call('contracts.exportCalendar', {});
      if (!made.ok) {
        setStep({ kind: 'failed', text: made.error.message });
        return;
      }
      const file = await downloadExport(made.value.fileId);
      setStep({ kind: 'done', text: `${file.fileName} downloaded (${formatCount(made.value.events, 'event')}, ${formatBytes(file.sizeBytes)}). Importing it again after dates change updates the same events.` });
    } catch (e) {
      setStep({ kind: 'failed', text: e instanceof Error ? e.message : 'The calendar could not be downloaded.' });
    }
  };
  return (
    <div className="cal-download">
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={step.kind === 'busy'}>
        Download calendar (.ics)
      </button>
      <p className={`cal-download-outcome${step.kind === 'failed' ? ' is-error' : ''}`} role="status">
        {step.kind === 'busy' ? 'Preparing the calendar…' : step.kind === 'done' || step.kind === 'failed' ? step.text : ''}
      </p>
    </div>
  );
}

export default CalendarPage;
