import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { inspectionMethods, type InspectionRequest } from '../../../../shared/contract/inspections';
import { SOCIETY_INSPECTION } from '../../../../shared/rules/inspection';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { mappedResolver } from '../../lib/mapped-resolver';
import { useDialogSubmit } from '../../ui/useDialogForm';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { DataTable } from '../../ui/DataTable';

const logSchema = inspectionMethods['inspections.log'].input;
const closeSchema = inspectionMethods['inspections.close'].input;
type LogInput = z.output<typeof logSchema>;
type CloseInput = z.output<typeof closeSchema>;

const OUTCOME_LABEL: Record<Exclude<InspectionRequest['outcome'], 'open'>, string> = {
  inspected: 'Register inspected',
  copy_provided: 'Copy provided',
  declined: 'Declined',
};

/**
 * Inspection of the register by legal form. A company logs requests to inspect the register or to
 * be sent a copy (CA 2006 s116-117), each with the due date the law sets, flagged once overdue,
 * and closed with what was done. A society keeps no such log: CCBS Act 2014 s103 lets members,
 * and anyone with an interest in its funds, inspect at all reasonable hours without a purpose,
 * deadline or court route, so the page explains that instead.
 */
export function InspectionLog() {
  const app = useApiQuery('app.status', {});
  if (!app.data) return null;
  return app.data.legalFamily === 'society' ? <SocietyInspection /> : <CompanyInspectionLog />;
}

function SocietyInspection() {
  return (
    <section className="card" aria-labelledby="inspections-h">
      <h2 id="inspections-h">Inspection of the register</h2>
      <p className="law-note">{SOCIETY_INSPECTION.explanation}</p>
      <p className="muted small">
        There is no request to log and no deadline to track: show the person the inspection copy (above). The rules on requests with a purpose and an
        answer within five working days (CA 2006 s116-s117) are for companies.
      </p>
    </section>
  );
}

function CompanyInspectionLog() {
  const list = useApiQuery('inspections.list', {});
  const [logging, setLogging] = useState(false);
  const [closing, setClosing] = useState<InspectionRequest | null>(null);
  const closeLog = useCallback(() => setLogging(false), []);
  const closeClose = useCallback(() => setClosing(null), []);
  const rows = list.data ?? [];
  const open = rows.filter((r) => r.outcome === 'open');
  const overdue = open.filter((r) => r.overdue);

  return (
    <section className="card" aria-labelledby="inspections-h">
      <header>
        <div>
          <h2 id="inspections-h">Requests to inspect or copy the register</h2>
          <p className="muted section-lede">
            Anyone may ask to inspect the register or for a copy, giving their name and address, the purpose, and whether the information will be
            shared (CA 2006 s116). Comply within 5 working days, or apply to the court if the purpose is not proper (s117).
          </p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setLogging(true)}>
          Log a request
        </button>
      </header>
      {overdue.length > 0 ? (
        <Banner tone="error" title={`${overdue.length} ${overdue.length === 1 ? 'request is' : 'requests are'} overdue`}>
          <p>The law allows 5 working days (CA 2006 s117(1)). Deal with {overdue.length === 1 ? 'it' : 'them'} now, or apply to the court under s117(3).</p>
        </Banner>
      ) : null}
      {list.error ? <Banner tone="error" title="The log could not be read">{list.error.message}</Banner> : null}
      {list.isPending ? <p role="status">Loading…</p> : null}
      {list.data ? (
        <DataTable
          data={rows}
          caption="Requests to inspect or copy the register, newest first"
          rowKey={(r) => r.id}
          className="inspection-table"
          rowProps={(r) => ({ className: r.overdue ? 'row-overdue' : undefined })}
          empty={
            <div className="empty empty-compact">
              <p>No requests logged yet. When someone asks to inspect the register or for a copy, log it here and the due date is worked out for you.</p>
            </div>
          }
          columns={[
            { id: 'received', header: 'Received', meta: { nowrap: true }, cell: ({ row: { original: r } }) => formatLegalDate(r.receivedOn) },
            {
              id: 'requester',
              header: 'Requester',
              cell: ({ row: { original: r } }) => (
                <>
                  <span className="strong">{r.requesterName}</span>
                  <span className="cell-note">{r.requesterAddress}</span>
                </>
              ),
            },
            {
              id: 'purpose',
              header: 'Purpose',
              cell: ({ row: { original: r } }) => (
                <>
                  {r.purpose}
                  <span className="cell-note">{r.willShare ? `Will be shared with: ${r.sharedWith ?? ''}` : 'Will not be shared'}</span>
                </>
              ),
            },
            {
              id: 'due',
              header: 'Due',
              cell: ({ row: { original: r } }) => (
                <>
                  <span className="nowrap">Due {formatLegalDate(r.dueOn)}</span>
                  <span className="cell-note">{r.dueSource}</span>
                </>
              ),
            },
            {
              id: 'status',
              header: 'Status',
              meta: { className: 'status-cell' },
              cell: ({ row: { original: r } }) => (
                <>
                  <Status r={r} />
                  {r.outcome === 'open' ? (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setClosing(r)}>
                      Record outcome<span className="visually-hidden"> of the request from {r.requesterName} received {formatLegalDate(r.receivedOn)}</span>
                    </button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      <FormDialog open={logging} title="Log a request to inspect or copy the register" onClose={closeLog} wide>
        <LogRequestForm onClose={closeLog} />
      </FormDialog>
      <FormDialog open={closing !== null} title="Record the outcome" onClose={closeClose}>
        {closing ? <CloseRequestForm request={closing} onClose={closeClose} /> : null}
      </FormDialog>
    </section>
  );
}

function Status({ r }: { r: InspectionRequest }) {
  if (r.outcome === 'open') {
    return r.overdue ? <span className="badge badge-danger">Overdue</span> : <span className="badge badge-warning">Open</span>;
  }
  return (
    <>
      <span className={`badge ${r.outcome === 'declined' ? 'badge-muted' : 'badge-success'}`}>{OUTCOME_LABEL[r.outcome]}</span>
      <span className="cell-note">
        {r.fulfilledOn ? formatLegalDate(r.fulfilledOn) : ''}
        {r.fulfilledOn && r.fulfilledOn > r.dueOn ? ' (late)' : ''}
        {r.outcomeNote ? `: ${r.outcomeNote}` : ''}
      </span>
    </>
  );
}

interface LogValues {
  requesterName: string;
  requesterAddress: string;
  purpose: string;
  willShare: 'yes' | 'no' | '';
  sharedWith: string;
  receivedOn: string;
}
const LOG_PATHS = ['requesterName', 'requesterAddress', 'purpose', 'willShare', 'sharedWith', 'receivedOn'];

function LogRequestForm({ onClose }: { onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<LogValues, unknown, LogInput>({
    resolver: mappedResolver(logSchema, (v: LogValues) => ({
      requesterName: v.requesterName,
      requesterAddress: v.requesterAddress,
      purpose: v.purpose,
      willShare: (v.willShare === '' ? undefined : v.willShare === 'yes') as boolean,
      sharedWith: v.willShare === 'yes' ? v.sharedWith : '',
      receivedOn: v.receivedOn,
    })) as never,
    defaultValues: { requesterName: '', requesterAddress: '', purpose: '', willShare: '', sharedWith: '', receivedOn: todayUk() },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, LOG_PATHS, onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const willShare = useWatch({ control, name: 'willShare' });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('inspections.log', input), (r) => `Request logged: due by ${formatLegalDate(r.dueOn)}.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">A request must give these details (CA 2006 s116(4)). The due date is 5 working days after the day it was received.</p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={s.attempt} />
      {s.general ? (
        <Banner tone="error" title="The request was not logged">
          <p>{s.general}</p>
        </Banner>
      ) : null}
      <div className="field-row">
        <Field {...field('requesterName')} label="Name of the person asking">
          <input type="text" autoComplete="off" {...register('requesterName')} />
        </Field>
        <DateField {...field('receivedOn')} label="Date received" control={control} name="receivedOn" />
      </div>
      <Field {...field('requesterAddress')} label="Their address" hint="For an organisation, also the name of the person responsible for the request (s116(4)(b)).">
        <textarea rows={2} {...register('requesterAddress')} />
      </Field>
      <Field {...field('purpose')} label="Purpose" hint="What they say the information will be used for (s116(4)(c)).">
        <textarea rows={2} {...register('purpose')} />
      </Field>
      <fieldset className={`field-group${errorAt(formState.errors, 'willShare') ? ' has-error' : ''}`}>
        <legend className="legend-small">Will the information be shared with anyone else?</legend>
        {errorAt(formState.errors, 'willShare') ? (
          <span className="error-message" id="willShare-error">
            <span className="visually-hidden">Error: </span>
            {errorAt(formState.errors, 'willShare')}
          </span>
        ) : null}
        <Controller
          control={control}
          name="willShare"
          render={({ field: f }) => (
            <div className="radios radios-inline">
              {(['yes', 'no'] as const).map((v, i) => (
                <Radio key={v} id={i === 0 ? 'willShare' : `willShare-${v}`} name={f.name} label={v === 'yes' ? 'Yes' : 'No'} checked={f.value === v} onChange={() => f.onChange(v)} onBlur={f.onBlur} />
              ))}
            </div>
          )}
        />
      </fieldset>
      {willShare === 'yes' ? (
        <Field {...field('sharedWith')} label="Who it will be shared with" hint="And the purpose for which each will use it (s116(4)(d)).">
          <textarea rows={2} {...register('sharedWith')} />
        </Field>
      ) : null}
      <DialogButtons submitLabel="Log the request" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface CloseValues {
  outcome: 'inspected' | 'copy_provided' | 'declined' | '';
  on: string;
  note: string;
}

function CloseRequestForm({ request, onClose }: { request: InspectionRequest; onClose: () => void }) {
  const { control, register, handleSubmit, setError, formState } = useForm<CloseValues, unknown, CloseInput>({
    resolver: mappedResolver(closeSchema, (v: CloseValues) => ({
      id: request.id,
      outcome: (v.outcome || undefined) as 'inspected',
      on: v.on,
      note: v.note,
    })) as never,
    defaultValues: { outcome: '', on: todayUk(), note: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['outcome', 'on', 'note'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const outcome = useWatch({ control, name: 'outcome' });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('inspections.close', input), (r) => `Request from ${r.requesterName} closed.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">
        Request from {request.requesterName}, received {formatLegalDate(request.receivedOn)} and due by {formatLegalDate(request.dueOn)}.
      </p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={s.attempt} />
      {s.general ? (
        <Banner tone="error" title="The outcome was not recorded">
          <p>{s.general}</p>
        </Banner>
      ) : null}
      <fieldset className={`field-group${errorAt(formState.errors, 'outcome') ? ' has-error' : ''}`}>
        <legend className="legend-small">What happened?</legend>
        {errorAt(formState.errors, 'outcome') ? (
          <span className="error-message" id="outcome-error">
            <span className="visually-hidden">Error: </span>
            {errorAt(formState.errors, 'outcome')}
          </span>
        ) : null}
        <Controller
          control={control}
          name="outcome"
          render={({ field: f }) => (
            <div className="radios">
              {(['inspected', 'copy_provided', 'declined'] as const).map((v, i) => (
                <Radio key={v} id={i === 0 ? 'outcome' : `outcome-${v}`} name={f.name} label={OUTCOME_LABEL[v]} checked={f.value === v} onChange={() => f.onChange(v)} onBlur={f.onBlur} />
              ))}
            </div>
          )}
        />
      </fieldset>
      <DateField {...field('on')} label="Date" control={control} name="on" />
      <Field
        {...field('note')}
        label={outcome === 'declined' ? 'Why it was declined' : 'Note (optional)'}
        hint={outcome === 'declined' ? 'For example: the court was asked under CA 2006 s117(3) because the purpose is not proper.' : undefined}
      >
        <textarea rows={2} {...register('note')} />
      </Field>
      <DialogButtons submitLabel="Close the request" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

function Radio(props: { id: string; name: string; label: string; checked: boolean; onChange: () => void; onBlur: () => void }) {
  return (
    <div className="checkbox">
      <input type="radio" id={props.id} name={props.name} checked={props.checked} onChange={props.onChange} onBlur={props.onBlur} />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}
