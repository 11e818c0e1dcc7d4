import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ReportValue, Trace, traceRowSchema } from '../../../../shared/contract/reports';
import { request } from '../../api/client';
import { formatCount } from '../../lib/format';
import { useModalDialog } from '../../ui/useModalDialog';
import { traceName } from './report-format';

type TraceRow = z.output<typeof traceRowSchema>;

/** What a traceable value asks for: the records behind it, and what it is, for the dialog's heading until they come. */
export interface TraceAsk {
  trace: Trace;
  what: string;
  display: string;
}

/** Lets any value of the report open the one trace dialog the report page keeps. */
export const TraceContext = createContext<(ask: TraceAsk) => void>(() => undefined);

/**
 * A value as the report shows it; with records behind it, a button ("312") that lists them.
 * The button reads as the figure in print (no underline) and says what it opens to a screen reader.
 */
export function Value({ value, what }: { value: ReportValue; what: string }) {
  const open = useContext(TraceContext);
  if (!value.trace) return <>{value.display}</>;
  const trace = value.trace;
  return (
    <button type="button" className="rpt-trace" aria-haspopup="dialog" aria-label={traceName(value.display, what)} onClick={() => open({ trace, what, display: value.display })}>
      {value.display}
    </button>
  );
}

const PAGE = 50;

/**
 * The records behind one figure (reports.trace), a page at a time: a native modal dialog, so
 * the browser traps the focus, Escape closes it and the focus returns to the figure. Each record
 * links to its own page where it has one.
 */
export function TraceDialog({ ask, onClose }: { ask: TraceAsk | null; onClose: () => void }) {
  const ref = useModalDialog(ask !== null, onClose);
  const [opened, setOpened] = useState(0);
  const [shown, setShown] = useState<TraceAsk | null>(null);
  // A new figure starts its list afresh (a new key), read as the dialog opens.
  if (ask !== shown) {
    setShown(ask);
    if (ask) setOpened((n) => n + 1);
  }
  return (
    <dialog ref={ref} className="modal modal-wide rpt-trace-dialog" aria-labelledby="rpt-trace-title" aria-describedby="rpt-trace-count">
      {ask ? <TraceRecords key={opened} ask={ask} onClose={onClose} /> : null}
    </dialog>
  );
}

function TraceRecords({ ask, onClose }: { ask: TraceAsk; onClose: () => void }) {
  const [page, setPage] = useState<{ title: string; total: number; rows: TraceRow[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const read = (offset: number) =>
    request('reports.trace', { trace: ask.trace, offset, limit: PAGE }).then(
      (next) => setPage((before) => ({ title: next.title, total: next.total, rows: offset === 0 || !before ? next.rows : [...before.rows, ...next.rows] })),
      (e: unknown) => setProblem(e instanceof Error ? e.message : 'The records could not be read.'),
    );

  useEffect(() => {
    void read(0);
    // Read once, as the list opens; later pages on request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // "Show more" goes once the last page is read, taking the focus with it: the focus moves to the
  // first record it brought (its link, or the row), so the reader carries on where the list grew.
  const list = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || !page || page.rows.length <= from) return;
    focusFrom.current = null;
    // While more remain, the button stays and keeps the focus for the next press.
    if (page.rows.length < page.total) return;
    const row = list.current?.children[from] as HTMLElement | undefined;
    (row?.querySelector('a') ?? row)?.focus();
  }, [page]);

  const more = () => {
    if (busy || !page) return;
    focusFrom.current = page.rows.length;
    setBusy(true);
    setProblem(null);
    void read(page.rows.length).finally(() => setBusy(false));
  };
  const rows = page?.rows ?? [];
  return (
    <>
      <h2 id="rpt-trace-title">{page?.title ?? `${ask.what}: ${ask.display}`}</h2>
      <p id="rpt-trace-count" role="status">
        {page === null ? (problem ? '' : 'Reading the records…') : page.total === 0 ? 'No records.' : `${formatCount(page.total, 'record')}${rows.length < page.total ? `, ${rows.length.toLocaleString('en-GB')} shown` : ''}.`}
      </p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ol className="rpt-trace-list" ref={list}>
          {rows.map((r) => (
            <li key={r.id} tabIndex={-1}>
              {r.href ? <a href={r.href}>{r.label}</a> : <span className="rpt-trace-label">{r.label}</span>}
              {r.detail ? <span className="rpt-trace-detail"> – {r.detail}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="dialog-actions">
        {page && rows.length < page.total ? (
          // Not disabled while it reads, so it keeps the focus for the next press.
          <button type="button" className="btn btn-secondary" aria-disabled={busy} onClick={more}>
            {busy ? 'Reading…' : `Show more (${formatCount(page.total - rows.length, 'more record')})`}
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
