import { useState, type RefObject } from 'react';
import {
  CONTRACT_IMPORT_FIELD_LABEL,
  CONTRACT_IMPORT_FIELDS,
  contractImportPlanSchema,
  type ContractImportAnalysis,
  type ContractImportField,
  type ContractImportMapping,
  type ContractImportPlan,
} from '../../../../../shared/contract/contract-import';
import { DATE_FORMAT_LABEL, DATE_FORMATS, type DateFormat } from '../../../../../shared/domain/spreadsheet-import';
import type { JobStatus } from '../../../../../shared/contract/jobs';
import { call } from '../../../api/client';
import { Banner } from '../../../ui/Banner';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Field } from '../../../ui/Field';
import { followJob, isAbort, useLeaveSignal } from '../../hr-import/follow-job';
import { CheckFileActions, ColumnOptions, FirstRowsPreview, firstValue, ImportFileFacts, MappingExample, MappingLabel, MappingSource } from '../../hr-import/MappingParts';
import { dateFormatExample } from '../../hr-import/plan-format';
import { isRequiredField, mappingProblems } from './import-format';

/** What the secretary chose in this step; kept so "Change the column matching" comes back to it. */
export interface ContractPlanSettings {
  mapping: ContractImportMapping;
  dateFormat: DateFormat;
}

const NOT_IN_FILE = '';
const DATE_FIELDS: ContractImportField[] = ['awardOn', 'startOn', 'endOn', 'bidDueOn'];
const fieldDomId = (f: ContractImportField) => `ci-map-${f}`;

/**
 * Step 2: which column holds each particular (remembered from the last import of a file with
 * the same headings, otherwise guessed from the headings), and how dates are written; then every
 * row is checked with the rules a contract is recorded under. Nothing is written.
 */
export function MapContractColumns(props: {
  analysis: ContractImportAnalysis;
  settings: ContractPlanSettings;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPlanned: (plan: ContractImportPlan, settings: ContractPlanSettings) => void;
  onChooseAnother: () => void;
}) {
  const { analysis, headingRef, onPlanned, onChooseAnother } = props;
  const [mapping, setMapping] = useState<ContractImportMapping>(props.settings.mapping);
  const [dateFormat, setDateFormat] = useState<DateFormat>(props.settings.dateFormat);
  const [errors, setErrors] = useState<Partial<Record<ContractImportField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const leaveSignal = useLeaveSignal();
  const checking = starting || job !== null;

  const example = (column: string | null) => (column ? firstValue(analysis, column) : undefined);
  const dateSample = DATE_FIELDS.map((f) => example(mapping[f])).find(Boolean);

  const check = async () => {
    setGeneral(null);
    const problems = mappingProblems(mapping);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAttempt((a) => a + 1);
      return;
    }
    const signal = leaveSignal();
    setStarting(true);
    try {
      const started = await call('contractImport.plan', { importId: analysis.importId, mapping, dateFormat });
      if (!started.ok) {
        // The core's own check of the mapping answers field by field ('mapping.reference'), as the form does.
        const fieldErrors = Object.entries(started.error.fieldErrors ?? {}).filter(([k]) => k.startsWith('mapping.'));
        if (fieldErrors.length > 0) {
          setErrors(Object.fromEntries(fieldErrors.map(([k, v]) => [k.slice('mapping.'.length), v])) as Partial<Record<ContractImportField, string>>);
          setAttempt((a) => a + 1);
        } else setGeneral(started.error.message);
        return;
      }
      const end = await followJob(started.value.jobId, setJob, signal);
      setJob(null);
      if (end.state === 'succeeded') onPlanned(contractImportPlanSchema.parse(end.result), { mapping, dateFormat });
      else setGeneral(end.error?.message ?? 'The file could not be checked.');
    } catch (e) {
      if (isAbort(e)) return;
      setJob(null);
      setGeneral((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  const summary = CONTRACT_IMPORT_FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: fieldDomId(f), message: errors[f]! }));
  const mappedTo = (column: string) => CONTRACT_IMPORT_FIELDS.find((f) => mapping[f] === column);

  return (
    <section className="card import-step" aria-labelledby="ci-map-h">
      <h2 id="ci-map-h" tabIndex={-1} ref={headingRef}>
        Match the columns
      </h2>
      <ImportFileFacts
        fileName={analysis.fileName}
        sheetName={analysis.sheetName}
        rows={analysis.rows}
        columns={analysis.headers.length}
        checking={checking}
        onChooseAnother={onChooseAnother}
      />
      <MappingSource remembered={analysis.remembered} remembers="columns and date format" />
      <ErrorSummary items={summary} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title="The file was not checked">
          <p>{general}</p>
        </Banner>
      ) : null}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <fieldset>
          <legend>Which column holds each particular</legend>
          <p className="fieldset-hint">
            <span className="required-mark" aria-hidden="true">
              *
            </span>{' '}
            marks the particulars every row needs (the commissioner by its name or by its ODS code). Leave a particular as “Not in this file” if your
            spreadsheet does not hold it.
          </p>
          <div className="mapping-grid">
            {CONTRACT_IMPORT_FIELDS.map((f) => {
              const required = isRequiredField(f) || f === 'commissioner';
              const ex = example(mapping[f]);
              return (
                <Field
                  key={f}
                  id={fieldDomId(f)}
                  error={errors[f]}
                  label={<MappingLabel label={CONTRACT_IMPORT_FIELD_LABEL[f]} required={required} needed={f === 'commissioner' ? 'needed, or its ODS code' : undefined} />}
                  source={<MappingExample example={ex} chosen={Boolean(mapping[f])} />}
                >
                  <select
                    value={mapping[f] ?? NOT_IN_FILE}
                    disabled={checking}
                    onChange={(e) => {
                      const v = e.target.value;
                      setMapping((m) => ({ ...m, [f]: v === NOT_IN_FILE ? null : v }));
                      setErrors((es) => ({ ...es, [f]: undefined }));
                    }}
                  >
                    <ColumnOptions headers={analysis.headers} />
                  </select>
                </Field>
              );
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend>How to read the file</legend>
          <div className="field">
            <fieldset className="radio-fieldset" aria-describedby="ci-date-example">
              <legend className="legend-small">Dates in the file are written</legend>
              <div className="radio-list">
                {DATE_FORMATS.map((f) => (
                  <label key={f}>
                    <input type="radio" name="ci-date-format" value={f} checked={dateFormat === f} onChange={() => setDateFormat(f)} disabled={checking} />
                    {DATE_FORMAT_LABEL[f]}
                  </label>
                ))}
              </div>
              <span className="hint" id="ci-date-example">
                {dateFormatExample(dateFormat, dateSample)}. Dates in an Excel workbook’s date cells are read as they are, whatever this says.
              </span>
            </fieldset>
          </div>
        </fieldset>

        <FirstRowsPreview
          headingId="ci-preview-h"
          lineHeader="Row"
          analysis={analysis}
          fills={(h) => {
            const to = mappedTo(h);
            return to ? CONTRACT_IMPORT_FIELD_LABEL[to] : undefined;
          }}
        />

        <CheckFileActions job={job} checking={checking} note="Nothing is recorded yet: you will see what the import would do first." />
      </form>
    </section>
  );
}
