import { useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { applyResultSchema, planSchema, type ImportAnalysis, type ImportApplyResult, type ImportPlan } from '../../../../shared/contract/hr-import';
import { call } from '../../api/client';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProgressBar } from '../../ui/ProgressBar';
import type { PlanSettings } from './MapColumns';
import { followJob, isAbort } from './follow-job';
import { hasChanges } from './plan-format';
import { PlanTabs } from './PlanTabs';
import { PlanCard, useApplyPlan } from './use-apply-plan';
import { formatLegalDate } from '../../lib/dates';

const CONFLICT = 'CONFLICT';

/**
 * Step 3: what the import would change, count by count and row by row; applying it (after a
 * confirmation that says exactly what will happen) with a progress bar; and the outcome.
 */
export function PlanReview(props: {
  analysis: ImportAnalysis;
  plan: ImportPlan;
  settings: PlanSettings;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReplanned: (plan: ImportPlan) => void;
  onApplied: (result: ImportApplyResult) => void;
  onChangeMatching: () => void;
  onStartAgain: () => void;
}) {
  const { analysis, plan, settings, headingRef, onReplanned, onApplied, onChangeMatching, onStartAgain } = props;
  const { confirming, setConfirming, applying, setStarting, starting, problem, setProblem, result, resultRef, apply, leaveSignal } = useApplyPlan({
    method: 'hrImport.apply',
    planId: plan.planId,
    parse: (r) => applyResultSchema.parse(r),
    onApplied,
  });
  const [checking, setChecking] = useState<JobStatus | null>(null);
  const c = plan.counts;
  const busy = starting || applying !== null || checking !== null;

  const checkAgain = async () => {
    setProblem(null);
    setStarting(true);
    const signal = leaveSignal();
    try {
      const started = await call('hrImport.plan', { importId: analysis.importId, ...settings });
      if (!started.ok) {
        setProblem(started.error);
        return;
      }
      const end = await followJob(started.value.jobId, setChecking, signal);
      setChecking(null);
      if (end.state === 'succeeded') onReplanned(planSchema.parse(end.result));
      else setProblem({ code: end.error?.code ?? 'INTERNAL', message: end.error?.message ?? 'The file could not be checked.' });
    } catch (e) {
      if (isAbort(e)) return;
      setChecking(null);
      setProblem({ code: 'INTERNAL', message: (e as Error).message });
    } finally {
      setStarting(false);
    }
  };

  const changes = hasChanges(plan);
  const date = formatLegalDate(plan.asOf);
  return (
    <section className="card import-step" aria-labelledby="step-plan-h">
      <h2 id="step-plan-h" tabIndex={-1} ref={headingRef}>
        {result ? 'The import has been applied' : 'What the import would change'}
      </h2>
      <p className="import-file-facts">
        <span>
          File <strong>{plan.fileName}</strong>
        </span>
        <span>
          <strong>{c.rows.toLocaleString('en-GB')}</strong> row{c.rows === 1 ? '' : 's'}
        </span>
        <span>
          Admission date <strong>{date}</strong>
        </span>
      </p>

      {result ? (
        <div ref={resultRef} tabIndex={-1}>
          <Banner tone="success" title="The register is up to date">
            <p className="result-numbers">
              {resultSentence(result)} Every change is in the audit log, with one entry for the import as a whole.
            </p>
            {result.electronicCommsEnded ? <p>{result.electronicCommsEnded.message}</p> : null}
            <p>
              <Link to="/register">Open the register</Link>
            </p>
          </Banner>
        </div>
      ) : null}

      {problem ? (
        <Banner tone="error" title={problem.code === CONFLICT ? 'The register has changed since this plan was made' : 'The import was not applied'}>
          <p>{problem.message} Nothing was changed.</p>
          {problem.code === CONFLICT ? (
            <button type="button" className="btn btn-secondary" onClick={() => void checkAgain()} disabled={busy}>
              Check the file again
            </button>
          ) : null}
        </Banner>
      ) : null}
      {checking ? <ProgressBar done={checking.done} total={checking.total} label={checking.message || 'Checking the file'} /> : null}

      {!result && !changes ? (
        <Banner tone="success" title="Nothing to change">
          <p>
            The register already matches this file
            {c.rejected > 0 || c.notEligible > 0 ? ', apart from the rows listed below that cannot be used yet' : ''}.
          </p>
        </Banner>
      ) : null}

      <ul className="plan-cards" aria-label="Summary">
        <PlanCard kind="admit" count={c.admit} what={result ? 'admitted' : 'to admit'} note="new members" />
        <PlanCard kind="cease" count={c.cease} what={result ? 'ceased' : 'to cease'} note="left employment" />
        <PlanCard kind="update" count={c.update} what={result ? 'updated' : 'to update'} note="particulars changed" />
        <PlanCard kind="unchanged" count={c.unchanged} what="unchanged" note="already up to date" />
        <PlanCard kind="not-eligible" count={c.notEligible} what="not eligible yet" note="not admitted" />
        <PlanCard kind="rejected" count={c.rejected} what="rejected" note={c.rejected === 1 ? 'row to correct' : 'rows to correct'} />
      </ul>

      {c.split > 0 && !result ? (
        <Banner tone="info" title={`${formatCount(c.split, 'row')} split from one column`}>
          <p>
            Names or addresses given in one column were split into the register’s particulars. Check the split in the “Split from one column” tab before you
            apply the changes.
          </p>
        </Banner>
      ) : null}

      {plan.electronicCommsEnded && !result ? (
        <Banner tone="warning" title={`E-mail notices: ${formatCount(plan.electronicCommsEnded.count, 'agreement')} to end`}>
          <p>{plan.electronicCommsEnded.message}</p>
        </Banner>
      ) : null}

      {c.notInFile > 0 ? (
        <Banner tone="info" title={`${formatCount(c.notInFile, 'current member')} of employee classes ${c.notInFile === 1 ? 'is' : 'are'} not in this file`}>
          <p>
            {c.notInFile === 1 ? 'Their membership is' : 'Their memberships are'} not ended: the file may be a partial export. Leavers are recognised by a
            leaving date in the file; you can also end a membership on the member’s page.
          </p>
        </Banner>
      ) : null}

      <PlanTabs key={result ? 'applied' : 'planned'} plan={plan} admittedNumbers={result ? { first: result.firstMemberNumber ?? 0 } : null} />

      {applying ? <ProgressBar done={applying.done} total={applying.total} label={applying.message ? `Applying: ${applying.message}` : 'Applying'} /> : null}

      <div className="plan-actions">
        {!result && changes ? (
          <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)} disabled={busy}>
            Apply these changes
          </button>
        ) : null}
        {!result ? (
          <button type="button" className="btn btn-secondary" onClick={onChangeMatching} disabled={busy}>
            Change the column matching
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className={`btn ${result || !changes ? 'btn-primary' : 'btn-secondary'}`} onClick={onStartAgain} disabled={busy}>
          {result ? 'Import another file' : 'Start again with a corrected file'}
        </button>
      </div>

      <ConfirmDialog open={confirming} title="Apply these changes to the register?" confirmLabel="Apply the changes" onCancel={() => setConfirming(false)} onConfirm={() => void apply()}>
        <p>From {plan.fileName}, the import will:</p>
        <ul className="confirm-list">
          {c.admit > 0 ? (
            <li>
              enter {formatCount(c.admit, 'new member')} in the register, admitted on {date}
              {plan.allotsShares ? ', each allotted one share paid in full at its nominal value' : ''};
            </li>
          ) : null}
          {c.cease > 0 ? (
            <li>
              end {formatCount(c.cease, 'membership')} (left employment), each on the day employment ended
              {c.admittedAndCeased > 0
                ? `, ${c.admittedAndCeased === 1 ? 'one of them' : `${c.admittedAndCeased.toLocaleString('en-GB')} of them`} admitted by this import, having left after the admission date`
                : ''}
              ;
            </li>
          ) : null}
          {c.update > 0 ? <li>update the particulars of {formatCount(c.update, 'member')};</li> : null}
          {plan.electronicCommsEnded ? <li>end the agreement to notices by e-mail of {formatCount(plan.electronicCommsEnded.count, 'member')} whose e-mail address changes;</li> : null}
          <li>record each change in the audit log, with one entry for the import.</li>
        </ul>
        <p>
          {[c.rejected > 0 ? formatCount(c.rejected, 'rejected row') : null, c.notEligible > 0 ? `${c.notEligible.toLocaleString('en-GB')} not yet eligible` : null]
            .filter(Boolean)
            .join(' and ') || 'No rows'}{' '}
          {c.rejected + c.notEligible === 1 ? 'is' : 'are'} left out
          {c.notInFile > 0 ? `, and the ${formatCount(c.notInFile, 'member')} not in the file ${c.notInFile === 1 ? 'stays' : 'stay'} as they are` : ''}.
        </p>
        <p>Everything is saved together or not at all. Other changes are paused until it finishes.</p>
      </ConfirmDialog>
    </section>
  );
}

function resultSentence(r: ImportApplyResult): string {
  const parts: string[] = [];
  if (r.admitted > 0) {
    const numbers =
      r.firstMemberNumber === r.lastMemberNumber
        ? `member number ${r.firstMemberNumber}`
        : `member numbers ${r.firstMemberNumber} ${r.lastMemberNumber! - r.firstMemberNumber! === 1 ? 'and' : 'to'} ${r.lastMemberNumber}`;
    parts.push(`${formatCount(r.admitted, 'member')} admitted (${numbers})`);
  }
  if (r.ceased > 0) parts.push(`${formatCount(r.ceased, 'membership')} ended`);
  if (r.updated > 0) parts.push(r.updated === 1 ? '1 member’s particulars updated' : `${r.updated.toLocaleString('en-GB')} members’ particulars updated`);
  if (parts.length === 0) return 'Nothing needed to change.';
  const last = parts.pop()!;
  return `${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}
