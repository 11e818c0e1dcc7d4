import { useCallback, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  CONTRACT_DECISION_PURPOSE_LABEL,
  CONTRACT_DOCUMENT_KINDS,
  CONTRACT_DOCUMENT_KIND_LABEL,
  CONTRACT_DOCUMENT_MAX_BYTES,
  KPI_FREQUENCY_LABEL,
  type ContractDetail,
  type Duty,
} from '../../../../shared/contract/contracts';
import { DECISION_OUTCOME_LABEL, type DecisionOutcome } from '../../../../shared/contract/decisions';
import { formFamily, type FormFamily } from '../../../../shared/domain/legal-form';
import { conflictRuleFor } from '../../../../shared/rules/conflicts';
import { formatPence } from '../../../../shared/rules/shareholding';
import { call, request } from '../../api/client';
import { downloadExport } from '../../api/download';
import { useApiQuery } from '../../api/queries';
import { formatInstant, formatLegalDate, todayUk } from '../../lib/dates';
import { formatBytes, formatCount } from '../../lib/format';
import { fullName } from '../../lib/people';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { useToast } from '../../ui/Toasts';
import { uploadPaper } from '../meetings/documents';
import { addDays, documentProblem, routeWords } from './contract-form';
import { DutyDoneDialog, ExtensionDecisionDialog, LinkDecisionDialog, TerminateDialog, VariationDialog } from './ContractDialogs';
import { ContractStatusBadge, OverdueBadge } from './ContractStatusBadge';
import { CpvMarks } from './CpvPicker';
import { S33Panel } from './S33Panel';
import './contracts.css';

/** One contract (/contracts/:id): its terms, options, duties, documents, decisions and conflicts. */
export function ContractPage() {
  const { id = '' } = useParams();
  const contract = useApiQuery('contracts.get', { id });
  // Conflicts are a company's under CA 2006 and its articles, a society's under its registered rules.
  const organisation = useApiQuery('organisation.get', {});
  if (contract.error) {
    return (
      <div className="page">
        <Banner tone="error" title="This contract could not be opened">
          <p>{contract.error.message}</p>
        </Banner>
        <Link to="/contracts">Back to contracts</Link>
      </div>
    );
  }
  if (!contract.data) return <p role="status">Loading…</p>;
  return <ContractView c={contract.data} family={organisation.data ? formFamily(organisation.data.legalForm) : 'company'} />;
}

const DUTIES_SHOWN = 10;

/** After a dialog closes, if the control that opened it has gone, the focus goes to this heading. */
function refocus(headingId: string): void {
  window.setTimeout(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) document.getElementById(headingId)?.focus();
  }, 50);
}
const none = (words: string) => <span className="muted">{words}</span>;
const date = (d: string | null, missing = 'Not set') => (d ? formatLegalDate(d) : none(missing));
const money = (p: number | null) => (p === null ? none('Not set') : formatPence(p));

function ContractView({ c, family }: { c: ContractDetail; family: FormFamily }) {
  const [varying, setVarying] = useState(false);
  const [ending, setEnding] = useState(false);
  const [deciding, setDeciding] = useState<ContractDetail['extensions'][number] | null>(null);
  const [doing, setDoing] = useState<Duty | null>(null);
  const [linking, setLinking] = useState(false);
  const closeVary = useCallback(() => setVarying(false), []);
  // A decision or a termination removes the button that opened its dialog: the focus then goes to
  // its section's heading instead of being lost at the top of the document.
  const closeEnd = useCallback(() => {
    setEnding(false);
    refocus('ctr-end-h');
  }, []);
  const closeDecide = useCallback(() => {
    setDeciding(null);
    refocus('ctr-ext-h');
  }, []);
  const closeDo = useCallback(() => {
    setDoing(null);
    refocus('ctr-duties-h');
  }, []);
  const closeLink = useCallback(() => setLinking(false), []);
  const overdue = c.duties.filter((d) => d.overdue);
  const managerOfficer = useApiQuery('officers.get', { id: c.managerOfficerId ?? '' }, { enabled: c.managerOfficerId !== null });
  const manager = c.managerName ?? (managerOfficer.data ? fullName(managerOfficer.data) : null);
  return (
    <div className="page page-wide">
      <p className="ctr-back">
        <Link to="/contracts">Contracts</Link>
      </p>
      <PageHeader
        title={c.title}
        lede={
          <>
            <Link to={`/organisations/${c.counterpartyId}`}>{c.counterpartyName}</Link> · reference <span className="ctr-ref">{c.reference}</span>
          </>
        }
        actions={
          <>
            <Link className="btn btn-secondary" to={`/contracts/${c.id}/edit`}>
              Change contract
            </Link>
            <CalendarButton contractId={c.id} />
          </>
        }
      />
      {c.conflicted.length > 0 ? (
        <div className="banner banner-warning ctr-conflicts" role="note" aria-labelledby="ctr-conflicts-h">
          <h2 id="ctr-conflicts-h">
            Directors with an interest in {c.counterpartyName}: {c.conflicted.map((d) => d.name).join(', ')}
          </h2>
          <ul>
            {c.conflicted.map((d) => (
              <li key={d.interestId}>
                <Link to={`/officers/${d.officerId}`}>{d.name}</Link>: {d.nature} (declared {formatLegalDate(d.declaredOn)})
              </li>
            ))}
          </ul>
          <p>They are conflicted on this contract: they are left out of the quorum and the vote on board items about it, unless your {family === 'company' ? 'articles' : 'rules'} say otherwise ({conflictRuleFor(family).source}).</p>
        </div>
      ) : null}
      {overdue.length > 0 ? (
        <Banner tone="error" title={overdue.length === 1 ? 'A duty on this contract is overdue' : `${overdue.length} duties on this contract are overdue`}>
          <p>{overdue.map((d) => `${d.title} (due ${formatLegalDate(d.dueOn)})`).join('; ')}. Each stays flagged until it is recorded as done below.</p>
        </Banner>
      ) : null}

      <div className="ctr-grid">
        <section className="card" aria-labelledby="ctr-summary-h">
          <header>
            <h2 id="ctr-summary-h">Summary</h2>
            <ContractStatusBadge status={c.status} long />
          </header>
          <dl className="facts">
            <dt>Commissioner</dt>
            <dd>
              <Link to={`/organisations/${c.counterpartyId}`}>{c.counterpartyName}</Link>
            </dd>
            <dt>Procurement route</dt>
            <dd>{routeWords(c.route)}</dd>
            {c.status === 'pipeline' || c.bidDueOn ? (
              <>
                <dt>Bid due</dt>
                <dd>{date(c.bidDueOn)}</dd>
              </>
            ) : null}
            <dt>Awarded</dt>
            <dd>{date(c.awardOn)}</dd>
            <dt>Starts</dt>
            <dd>{date(c.startOn)}</dd>
            <dt>End of the initial term</dt>
            <dd>{date(c.endOn)}</dd>
            <dt>Current end</dt>
            <dd>
              <strong>{date(c.currentEndOn)}</strong>
            </dd>
            <dt>Latest possible end</dt>
            <dd>{date(c.maximumEndOn)}</dd>
            <dt>Maximum term</dt>
            <dd>{c.maximumTerm ? `${c.maximumTerm}, with every extension option not declined` : none('Not known until the dates are set')}</dd>
            {c.terminatedOn ? (
              <>
                <dt>Ended early</dt>
                <dd>
                  {formatLegalDate(c.terminatedOn)}
                  {c.terminationReason ? <span className="ctr-sub">{c.terminationReason}</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="ctr-money-h">
          <header>
            <h2 id="ctr-money-h">Value, management and services</h2>
          </header>
          <dl className="facts">
            <dt>Annual value</dt>
            <dd>{money(c.annualValuePence)}</dd>
            <dt>Whole-life value</dt>
            <dd>{money(c.wholeLifeValuePence)}</dd>
            <dt>Contract manager</dt>
            <dd>{c.managerOfficerId ? <Link to={`/officers/${c.managerOfficerId}`}>{manager ?? 'Director or officer'}</Link> : (manager ?? none('Not named'))}</dd>
          </dl>
          {c.description ? <p className="ctr-pre">{c.description}</p> : null}
          {c.notes ? <p className="ctr-pre muted">{c.notes}</p> : null}
          <h3 className="ctr-h3" id="ctr-services-h">
            Services
          </h3>
          {c.services.length === 0 ? (
            <p className="muted">
              No service categories recorded. <Link to={`/contracts/${c.id}/edit`}>Add the CPV codes</Link>: they decide whether it is a light touch contract and whether it could be
              reserved to the mutual.
            </p>
          ) : (
            <ul className="plain-list ctr-services" aria-labelledby="ctr-services-h">
              {c.services.map((s) => (
                <li key={s.code}>
                  <span className="ctr-chip-code">{s.code}</span> {s.description} <CpvMarks s={s} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <DutiesSection c={c} onDone={setDoing} />

      <section className="card" aria-labelledby="ctr-ext-h">
        <header>
          <h2 id="ctr-ext-h" tabIndex={-1}>Extension options</h2>
        </header>
        <DataTable
          data={c.extensions}
          caption={`Extension options of ${c.title}`}
          rowKey={(e) => e.id}
          empty={<p className="muted">No extension options. <Link to={`/contracts/${c.id}/edit`}>Add them</Link> if the contract gives any.</p>}
          columns={[
            { id: 'n', header: 'Option', meta: { rowHeader: true }, cell: ({ row: { original: e } }) => `Option ${e.position}: ${formatCount(e.lengthMonths, 'month')}` },
            { id: 'decide', header: 'Decide by', meta: { nowrap: true }, cell: ({ row: { original: e } }) => date(e.decisionBy) },
            { id: 'notice', header: 'Notice by', meta: { nowrap: true }, cell: ({ row: { original: e } }) => date(e.noticeBy) },
            {
              id: 'outcome',
              header: 'Decision',
              cell: ({ row: { original: e } }) =>
                e.exercisedOn ? (
                  <span className="badge badge-success">Exercised {formatLegalDate(e.exercisedOn)}</span>
                ) : e.declinedOn ? (
                  <span className="badge badge-muted">Declined {formatLegalDate(e.declinedOn)}</span>
                ) : (
                  none('Not yet decided')
                ),
            },
            {
              id: 'act',
              header: 'Actions',
              meta: { headerHidden: true, className: 'ctr-row-action' },
              cell: ({ row: { original: e } }) =>
                e.exercisedOn || e.declinedOn || c.terminatedOn ? null : (
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => setDeciding(e)}>
                    Record decision<span className="visually-hidden"> on extension option {e.position}</span>
                  </button>
                ),
            },
          ]}
        />
      </section>

      <S33Panel contractId={c.id} />

      {c.breaks.length + c.priceReviews.length + c.kpis.length > 0 ? (
        <div className="ctr-grid">
          <section className="card" aria-labelledby="ctr-breaks-h">
            <header>
              <h2 id="ctr-breaks-h">Break clauses and price reviews</h2>
            </header>
            {c.breaks.length === 0 && c.priceReviews.length === 0 ? <p className="muted">None.</p> : null}
            <ul className="plain-list">
              {c.breaks.map((b) => (
                <li key={b.id}>
                  {b.description}
                  <span className="ctr-sub">
                    {formatCount(b.noticeDays, 'day')}’ notice{b.earliestOn ? `, from ${formatLegalDate(b.earliestOn)}` : ''}
                  </span>
                </li>
              ))}
              {c.priceReviews.map((p) => (
                <li key={p.id}>
                  Price review, {formatLegalDate(p.reviewOn)}
                  {p.note ? <span className="ctr-sub">{p.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="ctr-kpis-h">
            <header>
              <h2 id="ctr-kpis-h">Key performance indicators</h2>
            </header>
            {c.kpis.length === 0 ? <p className="muted">None.</p> : null}
            <ul className="plain-list">
              {c.kpis.map((k) => (
                <li key={k.id}>
                  {k.name}
                  {k.target ? `: ${k.target}` : ''}
                  <span className="ctr-sub">
                    {KPI_FREQUENCY_LABEL[k.frequency]}, first due {formatLegalDate(k.firstDueOn)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}

      <section className="card" aria-labelledby="ctr-decisions-h">
        <header>
          <h2 id="ctr-decisions-h">Board decisions</h2>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setLinking(true)}>
            Link a decision
          </button>
        </header>
        <DecisionsTable c={c} />
        {c.agendaItems.length > 0 ? (
          <>
            <h3 className="ctr-h3">Agenda items about it</h3>
            <ul className="plain-list">
              {c.agendaItems.map((a) => (
                <li key={a.id}>
                  <Link to={`/meetings/${a.meetingId}`}>{a.title}</Link>
                  <span className="ctr-sub">
                    {a.meetingTitle}, {formatLegalDate(a.heldOn)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="ctr-var-h">
        <header>
          <h2 id="ctr-var-h">Variations</h2>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setVarying(true)}>
            Record a variation
          </button>
        </header>
        <DataTable
          data={c.variations}
          caption={`Variations to ${c.title}`}
          rowKey={(v) => v.id}
          empty={<p className="muted">No variations recorded.</p>}
          columns={[
            { id: 'on', header: 'Made', meta: { nowrap: true }, cell: ({ row: { original: v } }) => formatLegalDate(v.madeOn) },
            { id: 'what', header: 'What it changed', cell: ({ row: { original: v } }) => v.description },
            {
              id: 'value',
              header: 'Change in value',
              meta: { numeric: true, nowrap: true },
              cell: ({ row: { original: v } }) => (v.valueChangePence === 0 ? none('None') : `${v.valueChangePence > 0 ? '+' : ''}${formatPence(v.valueChangePence)}`),
            },
            { id: 'end', header: 'New end', meta: { nowrap: true }, cell: ({ row: { original: v } }) => date(v.newEndOn, 'Unchanged') },
          ]}
        />
      </section>

      <DocumentsSection c={c} />

      <section className="card" aria-labelledby="ctr-end-h">
        <header>
          <h2 id="ctr-end-h" tabIndex={-1}>Ending early</h2>
        </header>
        {c.terminatedOn ? (
          <p>
            Ended on {formatLegalDate(c.terminatedOn)}. {c.terminationReason}
          </p>
        ) : (
          <>
            <p className="muted">If the contract is ended before its current end (by a break clause, by agreement or for breach), record when and why.</p>
            <button type="button" className="btn btn-secondary" onClick={() => setEnding(true)}>
              Record that it ended early
            </button>
          </>
        )}
      </section>

      <VariationDialog contract={c} open={varying} onClose={closeVary} />
      <TerminateDialog contract={c} open={ending} onClose={closeEnd} />
      <ExtensionDecisionDialog contract={c} extension={deciding} onClose={closeDecide} />
      <DutyDoneDialog contract={c} duty={doing} onClose={closeDo} />
      <LinkDecisionDialog contract={c} open={linking} onClose={closeLink} />
    </div>
  );
}

/** Downloads this contract's dates as an .ics file for Outlook. */
function CalendarButton({ contractId }: { contractId: string }) {
  const [state, setState] = useState<{ busy: boolean; text: string; error: boolean }>({ busy: false, text: '', error: false });
  const run = async () => {
    setState({ busy: true, text: 'Making the calendar file…', error: false });
    const r = await call('contracts.exportCalendar', { contractId });
    if (!r.ok) {
      setState({ busy: false, text: r.error.message, error: true });
      return;
    }
    try {
      const file = await downloadExport(r.value.fileId);
      setState({ busy: false, text: `${file.fileName} downloaded: ${formatCount(r.value.events, 'date')} for Outlook or any calendar.`, error: false });
    } catch (e) {
      setState({ busy: false, text: e instanceof Error ? e.message : 'The calendar file could not be downloaded.', error: true });
    }
  };
  return (
    <span className="ctr-ics">
      <button type="button" className="btn btn-secondary" onClick={() => void run()} disabled={state.busy}>
        Download calendar (.ics)
      </button>
      <span className={state.error ? 'ctr-inline-error' : 'ctr-inline-ok'} role="status">
        {state.text}
      </span>
    </span>
  );
}

function DutiesSection({ c, onDone }: { c: ContractDetail; onDone: (d: Duty) => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [reopening, setReopening] = useState<Duty | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const sorted = [...c.duties].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  // Every overdue duty, those done lately and the next ones: a contract with monthly KPIs over ten
  // years has hundreds of dates, all of them a click away.
  const today = todayUk();
  const lately = addDays(today, -90);
  const upcoming = sorted.filter((d) => !d.overdue && d.dueOn >= today).slice(0, DUTIES_SHOWN);
  const shown = all ? sorted : sorted.filter((d) => d.overdue || (d.done !== null && d.dueOn < today && d.dueOn >= lately) || upcoming.includes(d));
  return (
    <section className="card" aria-labelledby="ctr-duties-h">
      <header>
        <h2 id="ctr-duties-h" tabIndex={-1}>Dates and duties</h2>
      </header>
      <p className="muted">Worked out from the contract’s dates. A duty not done by its date stays flagged as overdue until it is recorded as done.</p>
      {failure ? <p className="ctr-inline-error">{failure}</p> : null}
      <DataTable
        data={shown}
        caption={`Dates and duties of ${c.title}`}
        rowKey={(d) => d.key}
        rowProps={(d) => ({ className: d.overdue ? 'ctr-row-overdue' : undefined })}
        empty={<p className="muted">No dated duties yet: they come from the end date, extension options, break clauses, price reviews and KPIs.</p>}
        columns={[
          { id: 'due', header: 'Due', meta: { nowrap: true }, cell: ({ row: { original: d } }) => formatLegalDate(d.dueOn) },
          { id: 'what', header: 'Duty', meta: { rowHeader: true }, cell: ({ row: { original: d } }) => d.title },
          {
            id: 'state',
            header: 'Status',
            cell: ({ row: { original: d } }) =>
              d.done ? (
                <>
                  <span className="badge badge-success">Done {formatLegalDate(d.done.doneOn)}</span>
                  <span className="ctr-sub">
                    Recorded by {d.done.recordedBy}, {formatInstant(d.done.recordedAt)}
                    {d.done.note ? `: ${d.done.note}` : ''}
                  </span>
                </>
              ) : d.overdue ? (
                <OverdueBadge count={1} />
              ) : d.kind === 'end' ? (
                none(d.dueOn < today ? 'Passed' : 'Date to note')
              ) : (
                none('To do')
              ),
          },
          {
            id: 'act',
            header: 'Actions',
            meta: { headerHidden: true, className: 'ctr-row-action' },
            cell: ({ row: { original: d } }) =>
              d.done ? (
                <button type="button" className="btn btn-link" onClick={() => setReopening(d)}>
                  Undo<span className="visually-hidden"> recording {d.title} as done</span>
                </button>
              ) : d.kind === 'end' ? null : (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => onDone(d)}>
                  Record as done<span className="visually-hidden"> for {d.title}, due {formatLegalDate(d.dueOn)}</span>
                </button>
              ),
          },
        ]}
      />
      {sorted.length > shown.length || all ? (
        <p className="ctr-more">
          <button type="button" className="btn btn-link" onClick={() => setAll((a) => !a)} aria-expanded={all}>
            {all ? 'Show only what is overdue, done lately or next' : `Show all ${sorted.length.toLocaleString('en-GB')} dates`}
          </button>
        </p>
      ) : null}
      <ConfirmDialog
        open={reopening !== null}
        title="Record that it was not done?"
        confirmLabel="Record as not done"
        onCancel={() => setReopening(null)}
        onConfirm={async () => {
          const d = reopening;
          setReopening(null);
          if (!d) return;
          const r = await call('contracts.reopenDuty', { contractId: c.id, key: d.key });
          if (!r.ok) return setFailure(r.error.message);
          setFailure(null);
          await queryClient.invalidateQueries();
          toast(`${d.title} is due again.`);
        }}
      >
        {reopening ? <p>{reopening.title} will show as due again{reopening.dueOn < todayUk() ? ' and overdue' : ''}. Use this only if it was recorded as done by mistake.</p> : null}
      </ConfirmDialog>
    </section>
  );
}

function DecisionsTable({ c }: { c: ContractDetail }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [unlinking, setUnlinking] = useState<ContractDetail['decisions'][number] | null>(null);
  return (
    <>
      <DataTable
        data={c.decisions}
        caption={`Board decisions about ${c.title}`}
        rowKey={(d) => d.decisionId}
        empty={<p className="muted">No decision linked yet. Link the board’s decisions to bid for, sign, extend or end the contract from the decisions register.</p>}
        columns={[
          { id: 'purpose', header: 'Approved', cell: ({ row: { original: d } }) => CONTRACT_DECISION_PURPOSE_LABEL[d.purpose] },
          { id: 'text', header: 'Decision', meta: { rowHeader: true }, cell: ({ row: { original: d } }) => d.text },
          {
            id: 'when',
            header: 'Decided',
            cell: ({ row: { original: d } }) => (
              <>
                <span className="nowrap">{formatLegalDate(d.decidedOn)}</span>
                {d.meetingId ? (
                  <span className="ctr-sub">
                    <Link to={`/meetings/${d.meetingId}`}>{d.meetingTitle ?? 'Meeting'}</Link>
                  </span>
                ) : null}
              </>
            ),
          },
          { id: 'outcome', header: 'Outcome', cell: ({ row: { original: d } }) => DECISION_OUTCOME_LABEL[d.outcome as DecisionOutcome] ?? d.outcome },
          {
            id: 'act',
            header: 'Actions',
            meta: { headerHidden: true, className: 'ctr-row-action' },
            cell: ({ row: { original: d } }) => (
              <button type="button" className="btn btn-link" onClick={() => setUnlinking(d)}>
                Unlink<span className="visually-hidden"> the decision of {formatLegalDate(d.decidedOn)}</span>
              </button>
            ),
          },
        ]}
      />
      <ConfirmDialog
        open={unlinking !== null}
        title="Unlink this decision?"
        confirmLabel="Unlink"
        onCancel={() => setUnlinking(null)}
        onConfirm={async () => {
          const d = unlinking;
          setUnlinking(null);
          if (!d) return;
          const r = await call('contracts.unlinkDecision', { contractId: c.id, decisionId: d.decisionId });
          if (r.ok) {
            await queryClient.invalidateQueries();
            toast('Decision unlinked. It stays in the decisions register.');
          } else toast(r.error.message);
        }}
      >
        <p>The decision stays in the decisions register; only its link to this contract is removed.</p>
      </ConfirmDialog>
    </>
  );
}

function DocumentsSection({ c }: { c: ContractDetail }) {
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), title: useId(), kind: useId() };
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<(typeof CONTRACT_DOCUMENT_KINDS)[number]>('contract');
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<{ field: 'file' | 'title'; text: string } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<ContractDetail['documents'][number] | null>(null);
  const attach = async () => {
    const file = fileRef.current?.files?.[0];
    const p = documentProblem(file, CONTRACT_DOCUMENT_MAX_BYTES);
    if (p || !file) {
      setProblem({ field: 'file', text: p ?? 'Choose the file.' });
      fileRef.current?.focus();
      return;
    }
    const docTitle = title.trim() || file.name.replace(/\.[^.]+$/, '');
    setProblem(null);
    setMessage(null);
    setUpload({ sent: 0, total: file.size });
    try {
      const uploadId = await uploadPaper(file, (sent, total) => setUpload({ sent, total }));
      const r = await call('contracts.attachDocument', { contractId: c.id, uploadId, title: docTitle, kind });
      if (r.ok) {
        await queryClient.invalidateQueries();
        setMessage({ error: false, text: `${file.name} kept with the contract.` });
        setTitle('');
        if (fileRef.current) fileRef.current.value = '';
      } else if (r.error.fieldErrors?.['title']) {
        setProblem({ field: 'title', text: r.error.fieldErrors['title'] });
      } else {
        setProblem({ field: 'file', text: r.error.fieldErrors?.['uploadId'] ?? r.error.message });
      }
    } catch (e) {
      setProblem({ field: 'file', text: e instanceof Error ? e.message : 'The file could not be sent.' });
    } finally {
      setUpload(null);
    }
  };
  const download = async (d: ContractDetail['documents'][number]) => {
    try {
      const made = await request('contracts.readDocument', { contractId: c.id, documentId: d.id });
      await downloadExport(made.fileId);
      setMessage({ error: false, text: `${d.fileName} downloaded.` });
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : 'The document could not be read.' });
    }
  };
  const fileError = problem?.field === 'file' ? problem.text : undefined;
  const titleError = problem?.field === 'title' ? problem.text : undefined;
  return (
    <section className="card" aria-labelledby="ctr-docs-h">
      <header>
        <h2 id="ctr-docs-h">Documents</h2>
      </header>
      <DataTable
        data={c.documents}
        caption={`Documents kept with ${c.title}`}
        rowKey={(d) => d.id}
        empty={<p className="muted">No documents yet. Keep the signed contract, variations and letters here: they are stored inside the database file with their SHA-256 fingerprint.</p>}
        columns={[
          {
            id: 'title',
            header: 'Document',
            meta: { rowHeader: true },
            cell: ({ row: { original: d } }) => (
              <>
                {d.title}
                <span className="ctr-sub">{d.fileName}</span>
              </>
            ),
          },
          { id: 'kind', header: 'Kind and size', meta: { nowrap: true }, cell: ({ row: { original: d } }) => `${CONTRACT_DOCUMENT_KIND_LABEL[d.kind]}, ${formatBytes(d.sizeBytes)}` },
          { id: 'added', header: 'Added', meta: { nowrap: true }, cell: ({ row: { original: d } }) => formatInstant(d.addedAt) },
          {
            id: 'sha',
            header: 'SHA-256',
            cell: ({ row: { original: d } }) => (
              <span className="hash ctr-sha" title={d.sha256}>
                {d.sha256}
              </span>
            ),
          },
          {
            id: 'act',
            header: 'Actions',
            meta: { headerHidden: true, className: 'ctr-row-action' },
            cell: ({ row: { original: d } }) => (
              <>
                <button type="button" className="btn btn-secondary btn-small" onClick={() => void download(d)}>
                  Download<span className="visually-hidden"> {d.title}</span>
                </button>
                <button type="button" className="btn btn-link" onClick={() => setRemoving(d)}>
                  Remove<span className="visually-hidden"> {d.title}</span>
                </button>
              </>
            ),
          },
        ]}
      />
      <details className="ctr-attach" open={c.documents.length === 0 ? true : undefined}>
        <summary>Add a document</summary>
        <div className="ctr-attach-body">
          <div className={`field${fileError ? ' has-error' : ''}`}>
            <label htmlFor={ids.file}>File</label>
            <span className="hint" id={`${ids.file}-hint`}>
              PDF, Word (.docx), Excel (.xlsx), PNG or JPEG, up to 50 MB. Its type is checked from its contents.
            </span>
            {fileError ? (
              <span className="error-message" id={`${ids.file}-error`}>
                <span className="visually-hidden">Error: </span>
                {fileError}
              </span>
            ) : null}
            <input
              ref={fileRef}
              id={ids.file}
              type="file"
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[fileError ? `${ids.file}-error` : null, `${ids.file}-hint`].filter(Boolean).join(' ')}
              onChange={() => setProblem(null)}
            />
          </div>
          <div className="field-row">
            <div className={`field${titleError ? ' has-error' : ''}`}>
              <label htmlFor={ids.title}>Title (optional)</label>
              <span className="hint" id={`${ids.title}-hint`}>
                Left blank, the file name is used.
              </span>
              {titleError ? (
                <span className="error-message" id={`${ids.title}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {titleError}
                </span>
              ) : null}
              <input
                id={ids.title}
                type="text"
                autoComplete="off"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={[titleError ? `${ids.title}-error` : null, `${ids.title}-hint`].filter(Boolean).join(' ')}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.kind}>Kind</label>
              <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                {CONTRACT_DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CONTRACT_DOCUMENT_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="button" className="btn btn-secondary" disabled={upload !== null} onClick={() => void attach()}>
            Keep with the contract
          </button>
          {upload ? <ProgressBar done={upload.sent} total={upload.total} label="Sending the document" /> : null}
        </div>
      </details>
      <p className={message?.error ? 'ctr-inline-error' : 'ctr-inline-ok'} role="status">
        {message?.text ?? ''}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this document?"
        confirmLabel="Remove document"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const d = removing;
          setRemoving(null);
          if (!d) return;
          const r = await call('contracts.removeDocument', { contractId: c.id, documentId: d.id });
          if (r.ok) {
            await queryClient.invalidateQueries();
            setMessage({ error: false, text: `${d.title} removed.` });
          } else setMessage({ error: true, text: r.error.message });
        }}
      >
        {removing ? (
          <p>
            {removing.title} ({removing.fileName}) will no longer be kept with the contract. Its removal is recorded in the audit log.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
