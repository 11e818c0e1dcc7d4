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
import { DATE_FORMAT_LABEL, DATE_FORMATS, type DateFormat } from '../../../../../shared/contract/hr-import';
import type { JobStatus } from '../../../../../shared/contract/jobs';
import { call } from '../../../api/client';
import { Banner } from '../../../ui/Banner';
import { DataTable, type ColumnDef } from '../../../ui/DataTable';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Field } from '../../../ui/Field';
import { ProgressBar } from '../../../ui/ProgressBar';
import { followJob, isAbort, useLeaveSignal } from '../../hr-import/follow-job';
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

  const example = (column: string | null) => {
    if (!column) return undefined;
    const i = analysis.headers.indexOf(column);
    return i < 0 ? undefined : analysis.sample.map((r) => r[i] ?? '').find((v) => v.trim() !== '');
  };
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
      <p className="import-file-facts">
        <span>
          File <strong>{analysis.fileName}</strong>
          {analysis.sheetName ? (
            <>
              {' '}
              (worksheet <strong>{analysis.sheetName}</strong>)
            </>
          ) : null}
        </span>
        <span>
          <strong>{analysis.rows.toLocaleString('en-GB')}</strong> row{analysis.rows === 1 ? '' : 's'} of data
        </span>
        <span>
          <strong>{analysis.headers.length}</strong> columns
        </span>
        <button type="button" className="btn btn-link" onClick={onChooseAnother} disabled={checking}>
          Choose a different file
        </button>
      </p>
      {analysis.remembered ? (
        <Banner tone="info" title="Remembered from your last import">
          <p>The columns and date format are as you chose them last time for a file with these headings. Check them before you go on.</p>
        </Banner>
      ) : (
        <Banner tone="info" title="Matched from the column headings">
          <p>Check each match. Your choices are remembered for the next file with these headings.</p>
        </Banner>
      )}
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
                  label={
                    <>
                      {CONTRACT_IMPORT_FIELD_LABEL[f]}
                      {required ? (
                        <>
                          <span className="required-mark" aria-hidden="true">
                            *
                          </span>
                          <span className="visually-hidden"> (needed{f === 'commissioner' ? ', or its ODS code' : ''})</span>
                        </>
                      ) : null}
                    </>
                  }
                  source={
                    <span className="mapping-example">
                      {ex ? (
                        <>
                          First value: <span className="value">{ex}</span>
                        </>
                      ) : mapping[f] ? (
                        'Empty in the first rows'
                      ) : (
                        '\u00a0'
                      )}
                    </span>
                  }
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
                    <option value={NOT_IN_FILE}>Not in this file</option>
                    {analysis.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
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

        <h3 id="ci-preview-h">The first rows of the file</h3>
        <div className="preview-scroll" tabIndex={0} role="region" aria-labelledby="ci-preview-h">
          <DataTable
            data={analysis.sample.map((values, i) => ({ line: analysis.sampleLines[i] ?? i + 2, values }))}
            caption="The first rows of the file, each column with the field it fills"
            rowKey={(r) => String(r.line)}
            className="preview-table"
            wrap={false}
            columns={[
              { id: 'line', header: 'Row', cell: ({ row: { original: r } }) => r.line },
              ...analysis.headers.map((h, j): ColumnDef<{ line: number; values: string[] }> => {
                const to = mappedTo(h);
                return {
                  id: `column-${j}`,
                  header: () => (
                    <>
                      {h}
                      <span className="maps-to">{to ? `→ ${CONTRACT_IMPORT_FIELD_LABEL[to]}` : 'not used'}</span>
                    </>
                  ),
                  ...(to ? { meta: { className: 'mapped' } } : {}),
                  cell: ({ row: { original: r } }) => r.values[j],
                };
              }),
            ]}
          />
        </div>

        {job ? <ProgressBar done={job.done} total={job.total} label={job.message || 'Checking the file'} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={checking}>
            Check the file
          </button>
          <span className="muted">Nothing is recorded yet: you will see what the import would do first.</span>
        </div>
      </form>
    </section>
  );
}
