import { useCallback } from 'react';
import { Link } from 'react-router';
import type { MembershipClass } from '../../../../shared/contract/classes';
import type { ImportAnalysis, ImportPlan } from '../../../../shared/contract/hr-import';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { ChooseFile } from './ChooseFile';
import { ImportStepList } from './ImportStepList';
import { initialSettings, MapColumns, type PlanSettings } from './MapColumns';
import { PlanReview } from './PlanReview';
import { useImportStages } from './use-import-stages';
import './import.css';

const TITLE = 'Import from HR';
const STEPS = ['Choose the file', 'Match the columns', 'Check the plan', 'Applied'];
const LEDE =
  'Bring the register up to date from your HR system’s staff list: eligible new starters are admitted, leavers’ memberships end and changed particulars are updated. Nothing changes until you have seen the plan and applied it.';

/** Import of members from an HR system's CSV export: choose the file, match its columns, check the plan, apply it. */
export function ImportPage() {
  const classes = useApiQuery('classes.list', {});
  if (classes.error) {
    return (
      <div className="page">
        <PageHeader title={TITLE} />
        <Banner tone="error" title="The membership classes could not be read">
          <p>{classes.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!classes.data) return <p role="status">Loading…</p>;
  const employeeClasses = classes.data.filter((c) => c.isEmployeeClass);
  if (employeeClasses.length === 0) {
    return (
      <div className="page">
        <PageHeader title={TITLE} lede={LEDE} />
        <div className="card empty">
          <h2>Set up an employee membership class first</h2>
          <p>
            The import enters employees in an employee class and checks each person against that class’s terms (minimum age, contracted hours and
            length of service).{' '}
            {classes.data.length > 0 ? 'None of your classes is an employee class yet.' : 'There are no membership classes yet.'}
          </p>
          <Link className="btn btn-primary" to="/register/classes">
            Go to membership classes
          </Link>
        </div>
      </div>
    );
  }
  return <ImportSteps classes={employeeClasses} />;
}

function ImportSteps({ classes }: { classes: MembershipClass[] }) {
  const settingsFor = useCallback((analysis: ImportAnalysis) => initialSettings(analysis, classes), [classes]);
  const { stage, setStage, headingRef, onRead, onPlanned, onApplied, startAgain, current } = useImportStages<ImportAnalysis, PlanSettings, ImportPlan>(settingsFor);
  const onReplanned = useCallback((plan: ImportPlan) => setStage((s) => (s.step === 'plan' ? { ...s, plan } : s)), [setStage]);

  return (
    <div className="page">
      <PageHeader title={TITLE} lede={LEDE} />
      <ImportStepList labels={STEPS} current={current} />
      {stage.step === 'file' ? <ChooseFile onRead={onRead} headingRef={headingRef} /> : null}
      {stage.step === 'map' ? (
        <MapColumns
          key={stage.analysis.importId}
          analysis={stage.analysis}
          classes={classes}
          settings={stage.settings}
          headingRef={headingRef}
          onPlanned={onPlanned}
          onChooseAnother={startAgain}
        />
      ) : null}
      {stage.step === 'plan' ? (
        <PlanReview
          key={stage.plan.planId}
          analysis={stage.analysis}
          plan={stage.plan}
          settings={stage.settings}
          headingRef={headingRef}
          onReplanned={onReplanned}
          onApplied={onApplied}
          onChangeMatching={() => setStage({ step: 'map', analysis: stage.analysis, settings: stage.settings })}
          onStartAgain={startAgain}
        />
      ) : null}
    </div>
  );
}
