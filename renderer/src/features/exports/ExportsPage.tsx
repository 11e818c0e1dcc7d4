import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { RegisterView } from '../../../../shared/contract/exports';
import { call } from '../../api/client';
import { downloadExport } from '../../api/download';
import { useJob } from '../../api/jobs';
import { useApiQuery } from '../../api/queries';
import { formatBytes, formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { InspectionLog } from './InspectionLog';
import { RegisterSettingsForm } from './RegisterSettingsForm';
import './exports.css';
import { formatLegalDate } from '../../lib/dates';

type Status = 'current' | 'all';
type Format = 'csv' | 'xlsx';
interface ExportResult {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  rows: number;
  view: RegisterView;
  format: Format;
}

const VIEW_NAME: Record<RegisterView, string> = { inspection: 'Inspection copy', full: 'Full register' };

/**
 * Exports of the register (inspection copy and full register as PDF, CSV and XLSX), what every
 * copy says about the register (last amended and alterations to be made, CA 2006 s120; the
 * s123 statements), the index of members' names (s115), the board record for printing,
 * inspection (companies' request log, s116-s117, or a society's s103), and the way to entries
 * due for removal under the rule for the legal form.
 */
export function ExportsPage() {
  const app = useApiQuery('app.status', {});
  const company = app.data?.legalFamily !== 'society';
  // afterNumber 0 reads the same first page without recording a print in the audit log.
  const summary = useApiQuery('exports.registerPage', { view: 'inspection', status: 'all', afterNumber: 0, limit: 1 });
  const removable = useApiQuery('members.removable', {});
  const facts = useApiQuery('members.registerFacts', {});
  const [status, setStatus] = useState<Status>('all');
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [saved, setSaved] = useState<ExportResult | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const job = useJob(jobId, 'exports.register');
  const handled = useRef<string | null>(null);

  const download = useCallback(async (result: ExportResult) => {
    setDownloadError(null);
    try {
      await downloadExport(result.fileId);
      setSaved(result);
    } catch (e) {
      setDownloadError((e as Error).message);
    }
  }, []);

  // A finished export downloads once, by itself.
  useEffect(() => {
    if (!job || job.state !== 'succeeded' || handled.current === job.id) return;
    handled.current = job.id;
    // Downloading updates state only after the file is fetched, never during the effect itself.
    if (job.result) void Promise.resolve(job.result).then(download);
  }, [job, download]);

  const start = async (view: RegisterView, format: Format) => {
    setStartError(null);
    setSaved(null);
    setDownloadError(null);
    const r = await call('exports.register', { view, format, status });
    if (r.ok) setJobId(r.value.jobId);
    else setStartError(r.error.message);
  };

  const running = job?.state === 'running';
  const printLink = (view: RegisterView) => `/print/register?view=${view}&status=${status}`;
  const lastAmended = summary.data?.lastAmended ?? null;
  const removableCount = removable.data?.rows.length ?? 0;

  return (
    <div className="page exports-page">
      <PageHeader
        title="Exports and inspection"
        lede={
          company
            ? 'Copies of the register for inspection and for your own use, the index of members’ names, the board and officers record, and the log of requests to inspect the register.'
            : 'Copies of the register for inspection and for your own use, the register of officers, and how members inspect the register.'
        }
      />

      <section className="card" aria-labelledby="register-h">
        <header>
          <h2 id="register-h">Register of members</h2>
        </header>
        <dl className="facts register-facts">
          <dt>Last amended</dt>
          <dd>
            {summary.data ? (lastAmended ? formatLegalDate(lastAmended) : 'Not yet amended') : '…'}
            <span className="cell-note">
              Every copy states this date and whether further alterations are to be made{company ? ', as CA 2006 s120 requires' : ''}.
            </span>
          </dd>
          <dt>Alterations to be made</dt>
          <dd data-testid="pending-alterations">
            {facts.data ? (
              facts.data.pending.length === 0 ? (
                'None'
              ) : (
                <ul className="facts-list">
                  {facts.data.pending.map((p) => (
                    <li key={p.kind + p.description}>{p.description}</li>
                  ))}
                </ul>
              )
            ) : (
              '…'
            )}
            <span className="cell-note">Counted: cessations an entry shows are due, and an HR import checked but not yet applied.</span>
          </dd>
          {facts.data && facts.data.singleMember.length > 0 ? (
            <>
              <dt>Single-member statements</dt>
              <dd>
                <ul className="facts-list">
                  {facts.data.singleMember.map((s) => (
                    <li key={s.on + s.source}>
                      {s.statement} <span className="cell-note">{s.source}; with the entry of member {s.memberNumber}, {s.name}.</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>Entries</dt>
          <dd>{summary.data ? formatCount(summary.data.total, 'entry', 'entries') : '…'} (current and former members)</dd>
        </dl>

        <fieldset className="status-choice">
          <legend className="legend-small">Which entries</legend>
          <div className="radios radios-inline">
            <div className="checkbox">
              <input type="radio" id="status-all" name="status" checked={status === 'all'} onChange={() => setStatus('all')} />
              <label htmlFor="status-all">The whole register (current and former members)</label>
            </div>
            <div className="checkbox">
              <input type="radio" id="status-current" name="status" checked={status === 'current'} onChange={() => setStatus('current')} />
              <label htmlFor="status-current">Current members only</label>
            </div>
          </div>
        </fieldset>

        <div className="export-options">
          <div className="export-option">
            <h3>Inspection copy</h3>
            <p>
              {company
                ? 'What a person inspecting the register, or asking for a copy, is shown (CA 2006 s116): the particulars s113 requires and nothing else. No e-mail addresses or other contact details.'
                : 'What a member, or anyone with an interest in the society’s funds, may inspect at all reasonable hours (CCBS Act 2014 s103): every entry except the shares held and paid and loans and deposits (s30(2)(c)-(d)). E-mail addresses and their purposes are shown.'}
            </p>
            <div className="export-buttons">
              <Link className="btn btn-primary" to={printLink('inspection')}>
                Inspection copy (PDF)
              </Link>
              <button type="button" className="btn btn-secondary" disabled={running} onClick={() => start('inspection', 'csv')}>
                <span className="visually-hidden">Inspection copy (</span>CSV<span className="visually-hidden">)</span>
              </button>
              <button type="button" className="btn btn-secondary" disabled={running} onClick={() => start('inspection', 'xlsx')}>
                <span className="visually-hidden">Inspection copy (</span>XLSX<span className="visually-hidden">)</span>
              </button>
            </div>
          </div>
          <div className="export-option">
            <h3>Full register</h3>
            <p>
              {company
                ? 'Every particular, with the e-mail addresses held for notices. For the company’s own use: do not give this copy to someone inspecting the register.'
                : 'Every particular CCBS Act 2014 s30 requires, including e-mail addresses, shares, and loans and deposits. For the society’s own use.'}
            </p>
            <div className="export-buttons">
              <button type="button" className="btn btn-secondary" disabled={running} onClick={() => start('full', 'csv')}>
                Full register (CSV)
              </button>
              <button type="button" className="btn btn-secondary" disabled={running} onClick={() => start('full', 'xlsx')}>
                <span className="visually-hidden">Full register (</span>XLSX<span className="visually-hidden">)</span>
              </button>
              <Link className="btn btn-secondary" to={printLink('full')}>
                <span className="visually-hidden">Full register (</span>PDF<span className="visually-hidden">)</span>
              </Link>
            </div>
          </div>
        </div>
        <p className="muted small">
          PDF copies open as a printable page: use “Print or save as PDF” there. Spreadsheets are written in the background from the register as it
          was when you asked, and downloaded when ready; you can carry on working meanwhile.
        </p>

        {startError ? <Banner tone="error" title="The export did not start">{startError}</Banner> : null}
        {running ? <ProgressBar done={job.done} total={Math.max(job.total, 1)} label={job.message || 'Preparing the export'} /> : null}
        {job?.state === 'failed' ? <Banner tone="error" title="The export failed">{job.error?.message}</Banner> : null}
        {downloadError ? <Banner tone="error" title="The file could not be downloaded">{downloadError}</Banner> : null}
        {saved ? (
          <Banner tone="success" title="Export ready">
            <p>
              {VIEW_NAME[saved.view]} as {saved.format.toUpperCase()}: <span className="hash">{saved.fileName}</span> ({formatCount(saved.rows, 'entry', 'entries')},{' '}
              {formatBytes(saved.sizeBytes)}). Look in your downloads folder.{' '}
              <button type="button" className="btn-link" onClick={() => void download(saved)}>
                Download again
              </button>
            </p>
          </Banner>
        ) : null}
      </section>

      <section className="card" aria-labelledby="index-h">
        <h2 id="index-h">Index of members’ names</h2>
        <p className="muted">{facts.data ? facts.data.index.statement : '…'}</p>
        <div className="export-buttons">
          <Link className="btn btn-secondary" to="/print/member-index">
            Index of members’ names (PDF)
          </Link>
        </div>
        {facts.data ? <RegisterSettingsForm family={facts.data.family} settings={facts.data.settings} /> : null}
      </section>

      <InspectionLog />

      <div className="grid-2">
        <section className="card" aria-labelledby="officers-h">
          <h2 id="officers-h">{company ? 'Board and officers record' : 'Register of officers'}</h2>
          <p className="muted">
            {company
              ? 'Current directors, secretary and other officers with their service addresses. Since 18 November 2025 a company keeps no register of directors or secretaries: the public record is at Companies House. The confidential internal copy adds full dates of birth and residential addresses, held only to file them at Companies House (CA 2006 s240-241): never show it to anyone inspecting records.'
              : 'Current officers with their addresses, from the register of members and officers (CCBS Act 2014 s30). The confidential copy adds residential addresses: keep it to yourself.'}
          </p>
          <div className="export-buttons">
            <Link className="btn btn-secondary" to="/print/officers?statutory=0">
              {company ? 'Board and officers record (PDF)' : 'Register of officers (PDF)'}
            </Link>
            <Link className="btn btn-secondary" to="/print/officers?statutory=1">
              Confidential internal copy (PDF)
            </Link>
          </div>
        </section>

        <section className="card" aria-labelledby="removal-h">
          <h2 id="removal-h">Former members’ entries</h2>
          <p className="muted">
            {company
              ? 'A former member’s entry may be removed once 10 years have passed since they ceased to be a member (CA 2006 s121).'
              : removable.data?.source ?? 'The CCBS Act 2014 sets no period after which a former member’s entry may be removed; the society’s rules decide.'}{' '}
            Removing an entry also erases their personal data from the audit log.
          </p>
          <Link className="btn btn-secondary" to="/register/removals">
            Entries due for removal ({removable.data ? removableCount.toLocaleString('en-GB') : '…'})
          </Link>
        </section>
      </div>
    </div>
  );
}
