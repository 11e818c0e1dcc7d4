import { useState, type RefObject } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { MembershipClass } from '../../../../shared/contract/classes';
import {
  COMBINED_IMPORT_FIELDS,
  DATE_FORMAT_LABEL,
  DATE_FORMATS,
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  hrImportMethods,
  planSchema,
  REQUIRED_IMPORT_FIELDS,
  type DateFormat,
  type ImportAnalysis,
  type ImportField,
  type ImportMapping,
  type ImportPlan,
} from '../../../../shared/contract/hr-import';
import { call } from '../../api/client';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { applyServerErrors, errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { mappedResolver } from '../../lib/mapped-resolver';
import { followJob, isAbort, useLeaveSignal } from './follow-job';
import { dateFormatExample } from './plan-format';
import { todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { CheckFileActions, ColumnOptions, FirstRowsPreview, firstValue, ImportFileFacts, MappingExample, MappingLabel, MappingSource } from './MappingParts';

/** What the secretary chose in this step; kept so "Change the column matching" comes back to it. */
export interface PlanSettings {
  mapping: ImportMapping;
  defaultClassId: string;
  dateFormat: DateFormat;
  asOf: string;
}

/** Whether the file gives names and addresses in separate columns or each in one column. */
type NameLayout = 'separate' | 'full';
type AddressLayout = 'separate' | 'whole';

interface Values {
  mapping: Record<ImportField, string>;
  nameLayout: NameLayout;
  addressLayout: AddressLayout;
  defaultClassId: string;
  dateFormat: DateFormat;
  asOf: string;
}

const NAME_LAYOUT_LABEL: Record<NameLayout, string> = {
  separate: 'Given names and family name in separate columns',
  full: 'The full name in one column (such as “Amelia Okafor” or “Okafor, Amelia”)',
};
const ADDRESS_LAYOUT_LABEL: Record<AddressLayout, string> = {
  separate: 'Address lines, town and postcode in separate columns',
  whole: 'The whole address in one column (such as “4 Mill Lane, Derby DE1 3AB”)',
};

/** The fields the chosen layouts use: a full-name or whole-address column replaces the fields it holds. */
function fieldsFor(nameLayout: NameLayout, addressLayout: AddressLayout): ImportField[] {
  const hidden = new Set<ImportField>([
    ...(nameLayout === 'full' ? COMBINED_IMPORT_FIELDS.fullName : (['fullName'] as const)),
    ...(addressLayout === 'whole' ? COMBINED_IMPORT_FIELDS.wholeAddress : (['wholeAddress'] as const)),
  ]);
  return IMPORT_FIELDS.filter((f) => !hidden.has(f));
}

function isRequired(f: ImportField): boolean {
  return REQUIRED_IMPORT_FIELDS.includes(f) || f === 'fullName' || f === 'wholeAddress';
}

const planInput = hrImportMethods['hrImport.plan'].input;
type PlanInput = z.output<typeof planInput>;
const KNOWN_PATHS = ['defaultClassId', 'dateFormat', 'asOf', ...IMPORT_FIELDS.map((f) => `mapping.${f}`)];
const NOT_IN_FILE = '';

function toValues(s: PlanSettings): Values {
  return {
    mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, s.mapping[f] ?? NOT_IN_FILE])) as Record<ImportField, string>,
    nameLayout: s.mapping.fullName !== null ? 'full' : 'separate',
    addressLayout: s.mapping.wholeAddress !== null ? 'whole' : 'separate',
    defaultClassId: s.defaultClassId,
    dateFormat: s.dateFormat,
    asOf: s.asOf,
  };
}

function toSettings(v: Values): PlanSettings {
  const used = new Set(fieldsFor(v.nameLayout, v.addressLayout));
  return {
    mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, !used.has(f) || v.mapping[f] === NOT_IN_FILE ? null : v.mapping[f]])) as ImportMapping,
    defaultClassId: v.defaultClassId,
    dateFormat: v.dateFormat,
    asOf: v.asOf,
  };
}

export function initialSettings(analysis: ImportAnalysis, classes: MembershipClass[]): PlanSettings {
  return {
    mapping: analysis.mapping,
    defaultClassId: analysis.defaultClassId ?? (classes.length === 1 ? classes[0]!.id : ''),
    dateFormat: analysis.dateFormat,
    asOf: todayUk(),
  };
}

/**
 * Step 2: which column of the file holds each particular (remembered from last time for files
 * with the same headings), the class for rows that name none, how dates are written, and the
 * admission date; then the file is checked against the register.
 */
export function MapColumns(props: {
  analysis: ImportAnalysis;
  classes: MembershipClass[];
  settings: PlanSettings;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onPlanned: (plan: ImportPlan, settings: PlanSettings) => void;
  onChooseAnother: () => void;
}) {
  const { analysis, classes, settings, headingRef, onPlanned, onChooseAnother } = props;
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [job, setJob] = useState<JobStatus | null>(null);
  const leaveSignal = useLeaveSignal();
  const { register, control, handleSubmit, setError, formState } = useForm<Values, unknown, PlanInput>({
    resolver: mappedResolver(planInput, (v: Values) => ({ importId: analysis.importId, ...toSettings(v) })) as never,
    defaultValues: toValues(settings),
    shouldFocusError: false,
  });
  const values = useWatch({ control }) as Values;
  const nameLayout = values.nameLayout;
  const addressLayout = values.addressLayout;
  // What the file's columns fill, as the check will read them (fields of the other layout left out).
  const mapping = toSettings(values).mapping;
  const dateFormat = values.dateFormat;
  const shown = fieldsFor(nameLayout, addressLayout);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });

  const checking = job !== null || formState.isSubmitting;
  const example = (column: string) => firstValue(analysis, column);
  const dateSample = [mapping.employmentStart, mapping.employmentEnd, mapping.dateOfBirth].map((c) => (c ? example(c) : undefined)).find(Boolean);

  const onValid = async (input: PlanInput) => {
    setGeneral(null);
    const signal = leaveSignal();
    const started = await call('hrImport.plan', input);
    if (!started.ok) {
      setGeneral(applyServerErrors(setError, started.error, KNOWN_PATHS));
      setAttempt((a) => a + 1);
      return;
    }
    try {
      const end = await followJob(started.value.jobId, setJob, signal);
      setJob(null);
      if (end.state === 'succeeded') {
        onPlanned(planSchema.parse(end.result), { mapping: input.mapping, defaultClassId: input.defaultClassId, dateFormat: input.dateFormat, asOf: input.asOf });
      } else setGeneral(end.error?.message ?? 'The file could not be checked.');
    } catch (e) {
      if (isAbort(e)) return;
      setJob(null);
      setGeneral((e as Error).message);
    }
  };

  const summary = flattenErrors(formState.errors);
  return (
    <section className="card import-step" aria-labelledby="step-map-h">
      <h2 id="step-map-h" tabIndex={-1} ref={headingRef}>
        Match the columns
      </h2>
      <ImportFileFacts fileName={analysis.fileName} rows={analysis.rows} columns={analysis.headers.length} checking={checking} onChooseAnother={onChooseAnother} />
      <MappingSource remembered={analysis.remembered} remembers="columns, date format and class" />
      <ErrorSummary items={summary} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title="The file was not checked">
          <p>{general}</p>
        </Banner>
      ) : null}

      <form noValidate onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
        <fieldset>
          <legend>Which column holds each particular</legend>
          <p className="fieldset-hint">
            <span className="required-mark" aria-hidden="true">
              *
            </span>{' '}
            marks the particulars every row needs. Leave a particular as “Not in this file” if your export does not hold it: members’ existing
            records of it are then left as they are.
          </p>
          <div className="layout-choices">
            <fieldset className="radio-fieldset">
              <legend className="legend-small">Names in the file</legend>
              <div className="radio-list">
                {(['separate', 'full'] as const).map((l) => (
                  <label key={l}>
                    <input type="radio" value={l} {...register('nameLayout')} disabled={checking} />
                    {NAME_LAYOUT_LABEL[l]}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="radio-fieldset">
              <legend className="legend-small">Addresses in the file</legend>
              <div className="radio-list">
                {(['separate', 'whole'] as const).map((l) => (
                  <label key={l}>
                    <input type="radio" value={l} {...register('addressLayout')} disabled={checking} />
                    {ADDRESS_LAYOUT_LABEL[l]}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {nameLayout === 'full' || addressLayout === 'whole' ? (
            <p className="fieldset-hint">
              {[nameLayout === 'full' ? 'Full names are split into given names and the family name (the last word, with any “de”, “van” or “Ní” before it)' : null,
                addressLayout === 'whole' ? 'whole addresses into lines, town and postcode (the postcode at the end, the town just before it, a county left out)' : null]
                .filter(Boolean)
                .join('; ')}
              . You will see every split in the plan before anything is saved; rows that cannot be split are listed with the reason.
            </p>
          ) : null}
          <div className="mapping-grid">
            {shown.map((f) => {
              const required = isRequired(f);
              const chosen = mapping[f];
              const ex = chosen ? example(chosen) : undefined;
              return (
                <Field
                  key={f}
                  {...field(`mapping.${f}`)}
                  label={<MappingLabel label={IMPORT_FIELD_LABEL[f]} required={required} />}
                  source={
                    <MappingExample
                      example={ex}
                      chosen={Boolean(chosen)}
                      empty={
                        f === 'className'
                          ? 'Everyone joins the class chosen below'
                          : f === 'postcode' && addressLayout === 'whole'
                            ? 'Taken from the end of the whole address'
                            : undefined
                      }
                    />
                  }
                >
                  <select {...register(`mapping.${f}`)} disabled={checking}>
                    <ColumnOptions headers={analysis.headers} />
                  </select>
                </Field>
              );
            })}
          </div>
        </fieldset>

        <fieldset>
          <legend>How to read the file</legend>
          <div className="import-settings">
            <Field
              {...field('defaultClassId')}
              label="Membership class"
              hint={mapping.className ? 'For rows whose class column is empty.' : 'New members join this class.'}
            >
              <select {...register('defaultClassId')} disabled={checking}>
                {classes.length !== 1 ? <option value="">Choose a class</option> : null}
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <div className={`field${field('dateFormat').error ? ' has-error' : ''}`}>
              <fieldset className="radio-fieldset" aria-describedby="dateFormat-example">
                <legend className="legend-small">Dates in the file are written</legend>
                <div className="radio-list">
                  {DATE_FORMATS.map((f) => (
                    <label key={f}>
                      <input type="radio" value={f} {...register('dateFormat')} disabled={checking} id={f === 'dmy' ? 'dateFormat' : undefined} />
                      {DATE_FORMAT_LABEL[f]}
                    </label>
                  ))}
                </div>
                <span className="hint" id="dateFormat-example">
                  {dateFormatExample(dateFormat, dateSample)}
                </span>
              </fieldset>
            </div>
            <DateField
              {...field('asOf')}
              label="Admission date"
              hint="New members are entered on this date, and eligibility is judged on it. Anyone whose employment has ended by today is recorded as leaving on their leaving date. It cannot be in the future." control={control} name="asOf" disabled={checking} />
          </div>
        </fieldset>

        <FirstRowsPreview
          headingId="preview-h"
          lineHeader="Line"
          analysis={analysis}
          fills={(h) => {
            const to = shown.find((f) => mapping[f] === h);
            return to ? IMPORT_FIELD_LABEL[to] : undefined;
          }}
        />

        <CheckFileActions job={job} checking={checking} note="Nothing is changed yet: you will see what the import would do first." />
      </form>
    </section>
  );
}
