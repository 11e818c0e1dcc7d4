import { useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { ReportDoc, ReportRequest, ReportShown } from '../../../../shared/contract/reports';
import { formatLegalDate } from '../../lib/dates';
import { pdfSaver, saveAsPdf } from '../../lib/print';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { Section, type BlockContext } from './Blocks';
import { ExportButton } from './ExportButton';
import { contentsOf, periodText, producedText, requestFromAddress, sectionAnchor, findSection, tablesById, type ContentsEntry } from './report-format';
import { REPORT_NAMES } from './report-names';
import { TraceContext, TraceDialog, type TraceAsk } from './TraceDialog';
import { useReportBuild } from './use-report-build';
import './reports.css';

/**
 * One report, produced from the address (`#/reports/annual?asAt=2026-03-31&from=2025-04-01`):
 * built as a job with its progress and a Cancel button, then drawn generically from its
 * ReportDoc, whichever of the seven kinds it is. The same page is what prints to PDF.
 */
export function ReportPage() {
  const { kind } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const parsed = useMemo(() => requestFromAddress(kind, search), [kind, search]);
  const request = parsed.ok ? parsed.request : null;
  const { state, cancel, again } = useReportBuild(request, location.key);
  const name = (kind && REPORT_NAMES[kind as keyof typeof REPORT_NAMES]) || 'Report';
  // Whether this page watched the report being produced (not one shown again from Back).
  // Kept in state (set during render, guarded, as React allows for information from earlier renders).
  const [producedHere, setProducedHere] = useState(false);
  if ((state.kind === 'starting' || state.kind === 'running') && !producedHere) setProducedHere(true);

  if (!parsed.ok) {
    return (
      <div className="page">
        <PageHeader title="Report" />
        <Banner tone="error" title="This report cannot be produced">
          <p>{parsed.problem}</p>
        </Banner>
        <Link to="/reports">Back to reports</Link>
      </div>
    );
  }
  // Announced politely when the progress bar (and its Cancel) gives way to the report; the report's
  // heading takes the focus as it opens (PageHeader). The region is rendered in both states, so
  // the words are a change to a live region already on the page, which screen readers announce.
  const announcement = (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="rpt-announce">
      {state.kind === 'done' && producedHere ? 'Report produced.' : ''}
    </p>
  );
  if (state.kind === 'done') {
    return (
      <>
        {announcement}
        <ReportView doc={state.doc} buildId={state.buildId} request={parsed.request} again={again} />
      </>
    );
  }
  return (
    <>
      {announcement}
      <div className="page rpt-building">
        <p className="breadcrumb no-print">
          <Link to="/reports">Reports</Link>
        </p>
        <PageHeader title={name} lede={`${requestText(parsed.request)}. Producing the report from the records as they stood then.`} />
        {state.kind === 'starting' || state.kind === 'running' ? (
          <div className="card rpt-progress">
            <ProgressBar done={state.kind === 'running' ? state.done : 0} total={state.kind === 'running' ? state.total : 1} label={state.kind === 'running' ? state.message : 'Starting'} />
            <p className="muted">You can carry on using the app while the report is produced.</p>
            {state.kind === 'running' && state.cancellable ? (
              // Not disabled while it stops, so it keeps the focus; asking again is harmless.
              <button type="button" className="btn btn-secondary" onClick={() => void cancel()}>
                {state.cancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            ) : null}
          </div>
        ) : null}
        {state.kind === 'cancelled' ? <Stopped title="The report was not produced" message={state.message} again={again} /> : null}
        {state.kind === 'failed' ? <Stopped title="The report could not be produced" message={state.message} again={again} error /> : null}
      </div>
    </>
  );
}

function Stopped({ title, message, again, error = false }: { title: string; message: string; again: () => void; error?: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  // The Cancel button that had the focus is gone: the focus goes to the way to start again.
  useEffect(() => button.current?.focus(), []);
  return (
    <>
      <Banner tone={error ? 'error' : 'info'} title={title}>
        <p role="status">{message}</p>
      </Banner>
      <div className="inline-controls">
        <button ref={button} type="button" className="btn btn-primary" onClick={again}>
          Produce it again
        </button>
        <Link className="btn btn-secondary" to="/reports">
          Back to reports
        </Link>
      </div>
    </>
  );
}

function requestText(r: ReportRequest): string {
  return periodText({ from: r.from ?? null, to: r.asAt });
}

function ReportView({ doc, buildId, request, again }: { doc: ReportDoc; buildId: string; request: ReportRequest; again: () => void }) {
  const [tracing, setTracing] = useState<TraceAsk | null>(null);
  const body = useRef<HTMLDivElement>(null);
  // The files are of this document as shown: asked for by its build, with what it states it was read from.
  const ctx: BlockContext = useMemo(() => ({ tables: tablesById(doc), request, shown: { buildId, organisationId: doc.organisation.id, auditHead: doc.auditHead } }), [doc, buildId, request]);
  const period = periodText(doc.period);
  // The PDF's title (and the file name the save dialog suggests).
  useEffect(() => {
    document.title = `${doc.title} – ${doc.organisation.name} – ${period}`;
  }, [doc, period]);
  return (
    <TraceContext.Provider value={setTracing}>
      <div className="page rpt-page">
        <p className="breadcrumb no-print">
          <Link to="/reports">Reports</Link>
        </p>
        <header className="rpt-head">
          <p className="rpt-org">{doc.organisation.name}</p>
          <PageHeader title={doc.title} />
          {doc.title.includes(period.replace(/^As at /, '')) ? null : <p className="rpt-period">{period}</p>}
          <p className="rpt-produced">{producedText(doc)}</p>
        </header>

        <Outputs doc={doc} request={request} shown={ctx.shown} again={again} body={body} />

        <nav className="rpt-contents" aria-labelledby="rpt-contents-h">
          <h2 id="rpt-contents-h">Contents</h2>
          <Contents entries={contentsOf(doc.sections)} />
        </nav>

        <Missing doc={doc} />

        <div ref={body} className="rpt-body">
          {doc.sections.map((s) => (
            <Section key={s.id} section={s} level={2} ctx={ctx} />
          ))}
        </div>
      </div>
      <TraceDialog ask={tracing} onClose={() => setTracing(null)} />
    </TraceContext.Provider>
  );
}

/** Moves to a section by its heading without touching the address (the app's routes live in the hash). */
function goTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  e.preventDefault();
  const heading = document.getElementById(sectionAnchor(id));
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

function Contents({ entries }: { entries: ContentsEntry[] }) {
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.id}>
          <a href={`#${sectionAnchor(e.id)}`} onClick={(ev) => goTo(ev, e.id)}>
            {e.title}
          </a>
          {e.children.length > 0 ? <Contents entries={e.children} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** What the records could not fill, each linked to its section: the secretary's list of things to write (not printed). */
function Missing({ doc }: { doc: ReportDoc }) {
  if (doc.missing.length === 0) return null;
  return (
    <section className="card rpt-missing no-print" aria-labelledby="rpt-missing-h">
      <h2 id="rpt-missing-h">What the app could not fill</h2>
      <p>These parts are marked “To write” in the report. The records do not hold them, so the secretary writes them before the report is published.</p>
      <ul>
        {doc.missing.map((m, i) => {
          const section = findSection(doc.sections, m.section);
          return (
            <li key={i}>
              {section ? (
                <a href={`#${sectionAnchor(section.id)}`} onClick={(ev) => goTo(ev, section.id)}>
                  {section.title}
                </a>
              ) : null}
              {section ? ': ' : null}
              {m.what}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Print or save as PDF, the Word file, the spreadsheet, and producing the report again. */
function Outputs({ doc, request, shown, again, body }: { doc: ReportDoc; request: ReportRequest; shown: ReportShown; again: () => void; body: RefObject<HTMLDivElement | null> }) {
  const canSave = pdfSaver() !== null;
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState('');
  const print = async () => {
    if (!canSave) {
      window.print();
      return;
    }
    setSaving(true);
    const r = await saveAsPdf(document.title);
    setSaving(false);
    setOutcome(r.kind === 'saved' ? `Saved${r.path ? ` to ${r.path}` : ''}.` : r.kind === 'cancelled' ? 'Not saved.' : `The PDF could not be saved: ${r.message}`);
  };
  return (
    <section className="card rpt-outputs no-print" aria-label="Print and download">
      <div className="rpt-output-buttons">
        <button type="button" className="btn btn-primary" aria-disabled={saving} onClick={() => (saving ? undefined : void print())}>
          {canSave ? (saving ? 'Saving…' : 'Save as PDF') : 'Print or save as PDF'}
        </button>
        {canSave ? (
          <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
            Print
          </button>
        ) : null}
        <ExportButton ask={{ request, shown, format: 'docx' }} label="Download Word (DOCX)" chartsFrom={() => body.current} />
        <ExportButton ask={{ request, shown, format: 'xlsx' }} label="Download spreadsheet (XLSX)" />
        <button type="button" className="btn btn-secondary" onClick={again}>
          Produce again
        </button>
      </div>
      <p className="rpt-output-status" role="status">
        {outcome}
      </p>
      <p className="muted small">
        The Word file, the spreadsheet and each table’s CSV are written from this report as it is shown here (the records as they stood on {formatLegalDate(doc.period.to)}, read at audit event {doc.auditHead.seq}), so they hold the same figures even if a record is corrected meanwhile. To include a correction, choose “Produce again”.
      </p>
    </section>
  );
}
