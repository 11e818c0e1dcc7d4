import type { RefObject } from 'react';
import { Link } from 'react-router';
import {
  contractImportApplyResultSchema,
  type ContractImportAnalysis,
  type ContractImportApplyResult,
  type ContractImportPlan,
} from '../../../../../shared/contract/contract-import';
import { COUNTERPARTY_KIND_LABEL } from '../../../../../shared/contract/counterparties';
import { formatPence } from '../../../../../shared/rules/shareholding';
import { formatShortDate } from '../../../lib/dates';
import { formatCount } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ProgressBar } from '../../../ui/ProgressBar';
import { PlanCard, useApplyPlan } from '../../hr-import/use-apply-plan';
import { appliedSentence, extensionsText, problemsByLine, routeParts, rowsText } from './import-format';

/**
 * Step 3: what the import would record, row by row, and every problem beside the row it is on.
 * The import is all or nothing: while any row has a problem nothing can be applied, and the
 * secretary corrects the spreadsheet and reads it again. Applying (after a confirmation that
 * says exactly what will happen) runs as a job with progress; then the outcome.
 */
export function ContractPlanReview(props: {
  analysis: ContractImportAnalysis;
  plan: ContractImportPlan;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onApplied: (result: ContractImportApplyResult) => void;
  onChangeMatching: () => void;
  onStartAgain: () => void;
}) {
  const { analysis, plan, headingRef, onApplied, onChangeMatching, onStartAgain } = props;
  const { confirming, setConfirming, applying, starting, problem, result, resultRef, apply } = useApplyPlan({
    method: 'contractImport.apply',
    planId: plan.planId,
    parse: (r) => contractImportApplyResultSchema.parse(r),
    onApplied,
  });
  const c = plan.counts;
  const busy = starting || applying !== null;
  const badRows = problemsByLine(plan.rejected, analysis.headers);

  return (
    <section className="card import-step" aria-labelledby="ci-plan-h">
      <h2 id="ci-plan-h" tabIndex={-1} ref={headingRef}>
        {result ? 'The import has been applied' : plan.canApply ? 'What the import would record' : 'Rows to correct before anything can be imported'}
      </h2>
      <p className="import-file-facts">
        <span>
          File <strong>{plan.fileName}</strong>
        </span>
        <span>
          <strong>{c.rows.toLocaleString('en-GB')}</strong> row{c.rows === 1 ? '' : 's'}
        </span>
      </p>

      {result ? (
        <div ref={resultRef} tabIndex={-1}>
          <Banner tone="success" title="The contracts are recorded">
            <p>
              {appliedSentence(result)} Their dated duties are on the calendar, and every change is in the audit log
              {result.auditEvents > 0 ? ` (${formatCount(result.auditEvents, 'entry', 'entries')})` : ''}.
            </p>
            <p>
              <Link to="/contracts">Open the contracts</Link> · <Link to="/contracts/calendar">Open the calendar</Link>
            </p>
          </Banner>
        </div>
      ) : null}

      {problem ? (
        <Banner tone="error" title="The import was not applied">
          <p>{problem.message} Nothing was recorded.</p>
        </Banner>
      ) : null}

      {!result && !plan.canApply ? (
        <Banner tone="error" title={`${formatCount(c.rejectedRows, 'row has', 'rows have')} ${c.rejected === c.rejectedRows ? 'a problem' : `${c.rejected.toLocaleString('en-GB')} problems between them`}`}>
          <p>
            The import is all or nothing, so nothing can be recorded until every row is right. Correct the rows listed below in your spreadsheet, save it,
            and read it again: the columns you matched are remembered.
          </p>
        </Banner>
      ) : null}

      <ul className="plan-cards ci-cards" aria-label="Summary">
        <PlanCard kind="admit" count={result ? result.created : c.create} what={result ? 'recorded' : 'to record'} note="contracts" />
        <PlanCard kind="update" count={result ? result.commissionersCreated : c.newCommissioners} what={result ? 'added' : 'to add'} note="new commissioners" />
        <PlanCard kind="unchanged" count={c.matchedCommissioners} what="matched" note="commissioners already listed" />
        <PlanCard kind="rejected" count={c.rejectedRows} what="to correct" note={c.rejectedRows === 1 ? 'row with a problem' : 'rows with problems'} />
      </ul>

      {badRows.length > 0 ? (
        <section aria-labelledby="ci-problems-h" className="ci-block">
          <h3 id="ci-problems-h">Rows with problems</h3>
          <div className="plan-table-scroll" tabIndex={0} role="region" aria-labelledby="ci-problems-h">
            <table className="data plan-table ci-problems">
              <caption className="visually-hidden">Every row with a problem: the row, the column, what it holds and what is wrong</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">In the file</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {badRows.flatMap(({ line, problems }) =>
                  problems.map((p, i) => (
                    <tr key={`${line}:${i}`} className={i === 0 ? 'ci-row-first' : 'ci-row-more'}>
                      <td className="line">{i === 0 ? line : <span className="visually-hidden">{line}</span>}</td>
                      <td className="nowrap">{p.column}</td>
                      <td className="value-cell">{p.value === '' ? <span className="empty-value">(empty)</span> : <span className="value">{p.value}</span>}</td>
                      <td className="reason">{p.reason}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {plan.rejected.length < c.rejected ? (
            <p className="list-note">
              Showing the first {plan.rejected.length.toLocaleString('en-GB')} of {c.rejected.toLocaleString('en-GB')} problems.
            </p>
          ) : null}
        </section>
      ) : null}

      {plan.contracts.length > 0 ? (
        <section aria-labelledby="ci-contracts-h" className="ci-block">
          <h3 id="ci-contracts-h">{result ? 'Contracts recorded' : plan.canApply ? 'Contracts the import would record' : 'Rows that are right'}</h3>
          <div className="plan-table-scroll ci-scroll" tabIndex={0} role="region" aria-labelledby="ci-contracts-h">
            <table className="data plan-table">
              <caption className="visually-hidden">Each contract as it would be recorded, by row of the file</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Reference and title</th>
                  <th scope="col">Commissioner</th>
                  <th scope="col" className="ci-route">
                    Route
                  </th>
                  <th scope="col">Term</th>
                  <th scope="col">Extensions</th>
                  <th scope="col" className="num">
                    A year
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.contracts.map((k) => (
                  <tr key={k.line}>
                    <td className="line">{k.line}</td>
                    <th scope="row">
                      {k.reference}
                      <span className="ci-title">{k.title}</span>
                    </th>
                    <td>
                      {k.commissionerName}
                      {k.newCommissioner ? <span className="badge badge-warning ci-new">New</span> : null}
                    </td>
                    <td>
                      {routeParts(k.route).name}
                      {routeParts(k.route).note ? <span className="ci-note">{routeParts(k.route).note}</span> : null}
                    </td>
                    <td>
                      <span className="nowrap">{k.startOn ? formatShortDate(k.startOn) : '–'} to</span> <span className="nowrap">{k.endOn ? formatShortDate(k.endOn) : '–'}</span>
                    </td>
                    <td>{extensionsText(k.extensionMonths)}</td>
                    <td className="num">{k.annualValuePence === null ? '–' : formatPence(k.annualValuePence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.contracts.length < c.rows - c.rejectedRows ? (
            <p className="list-note">Showing the first {plan.contracts.length.toLocaleString('en-GB')} rows.</p>
          ) : null}
        </section>
      ) : null}

      {plan.newCommissioners.length > 0 || plan.matchedCommissioners.length > 0 ? (
        <section aria-labelledby="ci-commissioners-h" className="ci-block">
          <h3 id="ci-commissioners-h">Commissioners</h3>
          <div className="ci-commissioners">
            {plan.newCommissioners.length > 0 ? (
              <div>
                <h4>{result ? 'Added to the organisations list' : 'To add to the organisations list'}</h4>
                <ul>
                  {plan.newCommissioners.map((n) => (
                    <li key={n.name}>
                      <strong>{n.name}</strong> ({COUNTERPARTY_KIND_LABEL[n.kind]}
                      {n.odsCode ? `, ODS code ${n.odsCode}` : ''}) <span className="muted">{rowsText(n.lines)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {plan.matchedCommissioners.length > 0 ? (
              <div>
                <h4>Matched to organisations already listed</h4>
                <ul>
                  {plan.matchedCommissioners.map((m) => (
                    <li key={`${m.inFile}:${m.name}`}>
                      “{m.inFile}” is <strong>{m.name}</strong> <span className="muted">(by {m.by === 'ods_code' ? 'ODS code' : 'name'}; {rowsText(m.lines)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      {applying ? <ProgressBar done={applying.done} total={applying.total} label={applying.message ? `Recording: ${applying.message}` : 'Recording the contracts'} /> : null}

      <div className="plan-actions">
        {!result && plan.canApply && c.create > 0 ? (
          <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)} disabled={busy}>
            Record these contracts
          </button>
        ) : null}
        {!result ? (
          <button type="button" className="btn btn-secondary" onClick={onChangeMatching} disabled={busy}>
            Change the column matching
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className={`btn ${result || !plan.canApply ? 'btn-primary' : 'btn-secondary'}`} onClick={onStartAgain} disabled={busy}>
          {result ? 'Import another file' : 'Read a corrected file'}
        </button>
      </div>

      <ConfirmDialog open={confirming} title="Record these contracts?" confirmLabel="Record the contracts" onCancel={() => setConfirming(false)} onConfirm={() => void apply()}>
        <p>From {plan.fileName}, the import will:</p>
        <ul className="confirm-list">
          <li>record {formatCount(c.create, 'contract')}, each with its dated duties;</li>
          {c.newCommissioners > 0 ? <li>add {formatCount(c.newCommissioners, 'commissioner')} to the organisations list;</li> : null}
          <li>record each change in the audit log.</li>
        </ul>
        <p>Everything is saved together or not at all.</p>
      </ConfirmDialog>
    </section>
  );
}
