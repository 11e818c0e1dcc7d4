import type { ContractImportAnalysis, ContractImportPlan } from '../../../../shared/contract/contract-import';
import { PageHeader } from '../../ui/PageHeader';
import { ContractsNav } from './ContractsNav';
import { ImportStepList } from '../hr-import/ImportStepList';
import { useImportStages } from '../hr-import/use-import-stages';
import { ChooseContractsFile } from './import/ChooseContractsFile';
import { ContractPlanReview } from './import/ContractPlanReview';
import { MapContractColumns, type ContractPlanSettings } from './import/MapContractColumns';
import '../hr-import/import.css';
import './import/import.css';

const STEPS = ['Choose the file', 'Match the columns', 'Check the plan', 'Applied'];

const firstSettings = (analysis: ContractImportAnalysis): ContractPlanSettings => ({ mapping: analysis.mapping, dateFormat: analysis.dateFormat });

/**
 * Import of an existing contracts spreadsheet (CSV or XLSX) with the HR import's flow: choose
 * the file, match its columns (remembered for the next file with the same headings), check the
 * plan (every row checked with the rules a contract is recorded under, every problem listed
 * beside its row, nothing written), then apply it, all or nothing.
 */
export function ImportContractsPage() {
  const { stage, setStage, headingRef, onRead, onPlanned, onApplied, startAgain, current } = useImportStages<ContractImportAnalysis, ContractPlanSettings, ContractImportPlan>(
    firstSettings,
  );

  return (
    <div className="page">
      <PageHeader
        title="Import contracts"
        lede="Bring in the contracts you already keep in a spreadsheet. Every row is checked with the same rules as a contract entered by hand; nothing is recorded until you have seen the plan and applied it, and then all the rows are recorded together or none is."
      />
      <ContractsNav current="import" />
      <ImportStepList labels={STEPS} current={current} />
      {stage.step === 'file' ? <ChooseContractsFile onRead={onRead} headingRef={headingRef} /> : null}
      {stage.step === 'map' ? (
        <MapContractColumns key={stage.analysis.importId} analysis={stage.analysis} settings={stage.settings} headingRef={headingRef} onPlanned={onPlanned} onChooseAnother={startAgain} />
      ) : null}
      {stage.step === 'plan' ? (
        <ContractPlanReview
          key={stage.plan.planId}
          analysis={stage.analysis}
          plan={stage.plan}
          headingRef={headingRef}
          onApplied={onApplied}
          onChangeMatching={() => setStage({ step: 'map', analysis: stage.analysis, settings: stage.settings })}
          onStartAgain={startAgain}
        />
      ) : null}
    </div>
  );
}

export default ImportContractsPage;
