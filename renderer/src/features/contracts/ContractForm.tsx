import { useRef, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldArrayPath } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { KPI_FREQUENCIES, KPI_FREQUENCY_LABEL, type ContractDetail } from '../../../../shared/contract/contracts';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { fullName } from '../../lib/people';
import { Banner } from '../../ui/Banner';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { PageHeader } from '../../ui/PageHeader';
import { AddOrganisationDialog } from '../organisations/OrganisationForm';
import { isCurrentDirector } from '../officers/format';
import {
  contractPaths,
  contractResolver,
  contractToValues,
  EMPTY_BREAK,
  EMPTY_CONTRACT,
  EMPTY_EXTENSION,
  EMPTY_KPI,
  EMPTY_PRICE_REVIEW,
  formPathOf,
  ROUTE_GROUPS,
  previewTerm,
  ROUTE_LABEL,
  routeNote,
  type ContractValues,
} from './contract-form';
import { CpvPicker, type CpvInfo } from './CpvPicker';
import './contracts.css';

/** Record a contract or a bid (/contracts/new; ?commissioner=<id> chooses the commissioner). */
export function NewContractPage() {
  const [params] = useSearchParams();
  const commissioner = params.get('commissioner') ?? '';
  return (
    <div className="page page-narrow ctr-form-page">
      <p className="ctr-back">
        <Link to="/contracts">Contracts</Link>
      </p>
      <PageHeader
        title="Record a contract"
        lede="A contract the mutual holds, or a bid it is preparing. Dated duties (extension decisions, notice deadlines, price reviews, KPI reports, the end) are worked out from what you enter here."
      />
      <ContractFormBody initial={{ ...EMPTY_CONTRACT, counterpartyId: commissioner }} known={{}} />
    </div>
  );
}

/** Change a contract (/contracts/:id/edit): its parts keep their ids, so duties keep their done state. */
export function EditContractPage() {
  const { id = '' } = useParams();
  const contract = useApiQuery('contracts.get', { id });
  if (contract.error) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Change contract" />
        <Banner tone="error" title="The contract could not be read">
          <p>{contract.error.message}</p>
        </Banner>
        <Link to="/contracts">Back to contracts</Link>
      </div>
    );
  }
  if (!contract.data) return <p role="status">Loading…</p>;
  const c = contract.data;
  return (
    <div className="page page-narrow ctr-form-page">
      <p className="ctr-back">
        <Link to={`/contracts/${id}`}>{c.title}</Link>
      </p>
      <PageHeader title="Change contract" lede="Changes are recorded in the audit log with what they were before. Duties already recorded as done stay done." />
      {c.terminatedOn ? (
        <Banner tone="info" title="This contract has ended early">
          <p>Changes are still recorded, but the contract stays terminated.</p>
        </Banner>
      ) : null}
      <ContractFormBody initial={contractToValues(c)} id={id} known={knownServices(c)} />
    </div>
  );
}

function knownServices(c: ContractDetail): Record<string, CpvInfo> {
  return Object.fromEntries(c.services.map((s) => [s.code, s]));
}

type ListName = 'extensions' | 'breaks' | 'priceReviews' | 'kpis';

function ContractFormBody({ initial, id, known: knownAtStart }: { initial: ContractValues; id?: string; known: Record<string, CpvInfo> }) {
  const navigate = useNavigate();
  const editing = id !== undefined;
  // Checked again only on submit, as GOV.UK forms are: re-checking as each key is typed made the
  // error summary appear and disappear ("1" is a sum, "1," is not) and take the focus mid-word.
  const form = useForm<ContractValues>({ resolver: contractResolver(id), defaultValues: initial, shouldFocusError: false, reValidateMode: 'onSubmit' });
  const { register, control, handleSubmit, setError, setValue, formState } = form;
  const extensions = useWatch({ control, name: 'extensions' });
  const breaks = useWatch({ control, name: 'breaks' });
  const priceReviews = useWatch({ control, name: 'priceReviews' });
  const kpis = useWatch({ control, name: 'kpis' });
  const route = useWatch({ control, name: 'route' });
  const outcome = useSubmitOutcome(setError, contractPaths({ extensions, breaks, priceReviews, kpis }), formPathOf);
  const orgs = useApiQuery('counterparties.list', {});
  const officers = useApiQuery('officers.list', { status: 'current' });
  const [known, setKnown] = useState(knownAtStart);
  const [addingOrg, setAddingOrg] = useState(false);
  const e = (p: string) => errorAt(formState.errors, p);

  const onValid = async (parsed: ContractValues) => {
    outcome.clear();
    const input = parsed as unknown as Record<string, unknown>;
    const result = editing ? await call('contracts.update', input as never) : await call('contracts.create', input as never);
    await outcome.settle(
      result,
      (c) => (editing ? `${c.title} changed.` : `${c.title} recorded.`),
      (c) => navigate(`/contracts/${c.id}`),
    );
  };

  return (
    <>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title={editing ? 'Not changed' : 'Not recorded'} />
      <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={editing ? 'Change contract' : 'Record a contract'} className="ctr-form">
        <section className="card" aria-labelledby="ctr-f-what">
          <h2 id="ctr-f-what">The contract</h2>
          {/* Controlled, so an organisation added from the dialog is chosen even if its option arrives a render later. */}
          <Controller
            control={control}
            name="counterpartyId"
            render={({ field }) => (
              <Field
                id="counterpartyId"
                label="Commissioner"
                error={e('counterpartyId')}
                hint={orgs.data && orgs.data.length === 0 ? 'No organisation is on the list yet: add the commissioner below.' : 'The council, NHS body or other organisation that awarded it.'}
              >
                <select name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                  <option value="">Choose the commissioner</option>
                  {(orgs.data ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          />
          <p className="ctr-inline-add">
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAddingOrg(true)}>
              Add a new organisation<span className="visually-hidden"> as the commissioner</span>
            </button>
          </p>
          <Field id="reference" label="Commissioner’s contract reference" error={e('reference')} hint="As on the contract or award letter, for example “RBC/ASC/2026/014”.">
            <input type="text" autoComplete="off" spellCheck={false} {...register('reference')} />
          </Field>
          <Field id="title" label="Title" error={e('title')} hint="For example “Community adult social care services”.">
            <input type="text" autoComplete="off" {...register('title')} />
          </Field>
          <Field id="description" label="Description of the services (optional)" error={e('description')}>
            <textarea rows={3} {...register('description')} />
          </Field>
        </section>

        <section className="card" aria-labelledby="ctr-f-services">
          <h2 id="ctr-f-services">Services and legal basis</h2>
          <Controller
            control={control}
            name="services"
            render={({ field }) => (
              <CpvPicker id="services" value={field.value} onChange={field.onChange} error={e('services')} known={known} onLearn={(info) => setKnown((k) => ({ ...k, [info.code]: info }))} />
            )}
          />
          <Field
            id="route"
            label="Procurement route and legal basis"
            error={e('route')}
            hint={routeNote(route) ?? 'The law the award was made under. It sets the longest term the app allows, extensions included (a contract reserved under s33 may run at most five years).'}
          >
            <select {...register('route')}>
              <option value="">Choose the route</option>
              {ROUTE_GROUPS.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.routes.map((r) => (
                    <option key={r} value={r}>
                      {ROUTE_LABEL[r]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
        </section>

        <section className="card" aria-labelledby="ctr-f-dates">
          <h2 id="ctr-f-dates">Dates</h2>
          <p className="muted">For a bid in preparation leave the award, start and end dates empty: it shows as in the pipeline until it is awarded.</p>
          <div className="ctr-dates">
            <DateField id="bidDueOn" label="Bid due (optional)" error={e('bidDueOn')} control={control} name="bidDueOn" />
            <DateField id="awardOn" label="Award date (optional)" error={e('awardOn')} control={control} name="awardOn" />
            <DateField id="startOn" label="Start date (optional)" error={e('startOn')} control={control} name="startOn" />
            <DateField id="endOn" label="End of the initial term (optional)" hint="Before any extension." error={e('endOn')} control={control} name="endOn" />
          </div>
        </section>

        <section className="card" aria-labelledby="ctr-f-money">
          <h2 id="ctr-f-money">Value and management</h2>
          <div className="field-row">
            <Field id="annualValuePence" label="Annual value in pounds (optional)" error={e('annualValuePence')} hint="For example 125000 or 125,000.00">
              <input type="text" inputMode="decimal" autoComplete="off" spellCheck={false} className="ctr-money" {...register('annualValuePence')} />
            </Field>
            <Field id="wholeLifeValuePence" label="Whole-life value in pounds (optional)" error={e('wholeLifeValuePence')} hint="Over the initial term and every extension">
              <input type="text" inputMode="decimal" autoComplete="off" spellCheck={false} className="ctr-money" {...register('wholeLifeValuePence')} />
            </Field>
          </div>
          <div className="field-row">
            <Field id="managerOfficerId" label="Contract manager (optional)" error={e('managerOfficerId')} hint="A director or officer, if it is one of them.">
              <select {...register('managerOfficerId')}>
                <option value="">Not a director or officer</option>
                {(officers.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {fullName(o)}
                    {isCurrentDirector(o) ? ' (director)' : ''}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="managerName" label="Or the manager’s name (optional)" error={e('managerName')} hint="Anyone else in the mutual who manages it.">
              <input type="text" autoComplete="off" {...register('managerName')} />
            </Field>
          </div>
        </section>

        <Rows
          form={form}
          name="extensions"
          title="Extension options"
          intro="Each option the contract gives to extend it, in order. The decision and notice dates become dated duties, flagged until they are recorded as done."
          rowLabel="Extension option"
          addLabel="Add an extension option"
          empty={EMPTY_EXTENSION}
          focusField="lengthMonths"
          none="No extension options."
          renderRow={(i) => (
            <>
              <Field id={fieldId(`extensions.${i}.lengthMonths`)} label="Length in months" error={e(`extensions.${i}.lengthMonths`)}>
                <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register(`extensions.${i}.lengthMonths`)} />
              </Field>
              <DateField id={fieldId(`extensions.${i}.decisionBy`)} label="Decide by (optional)" error={e(`extensions.${i}.decisionBy`)} control={control} name={`extensions.${i}.decisionBy`} />
              <DateField id={fieldId(`extensions.${i}.noticeBy`)} label="Give notice by (optional)" error={e(`extensions.${i}.noticeBy`)} control={control} name={`extensions.${i}.noticeBy`} />
            </>
          )}
        />

        <TermSummary form={form} />

        <Rows
          form={form}
          name="breaks"
          title="Break clauses"
          intro="Where either side may end the contract early on notice."
          rowLabel="Break clause"
          addLabel="Add a break clause"
          empty={EMPTY_BREAK}
          focusField="description"
          none="No break clauses."
          renderRow={(i) => (
            <>
              <Field id={fieldId(`breaks.${i}.description`)} label="What the clause allows" error={e(`breaks.${i}.description`)} hint="For example “Either party on 6 months’ notice after year 2”.">
                <input type="text" autoComplete="off" {...register(`breaks.${i}.description`)} />
              </Field>
              <DateField id={fieldId(`breaks.${i}.earliestOn`)} label="Earliest date it can take effect (optional)" error={e(`breaks.${i}.earliestOn`)} control={control} name={`breaks.${i}.earliestOn`} />
              <Field id={fieldId(`breaks.${i}.noticeDays`)} label="Notice period in days" error={e(`breaks.${i}.noticeDays`)}>
                <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register(`breaks.${i}.noticeDays`)} />
              </Field>
            </>
          )}
        />

        <Rows
          form={form}
          name="priceReviews"
          title="Price reviews"
          intro="Dates the price is reviewed (an annual uplift, for example)."
          rowLabel="Price review"
          addLabel="Add a price review"
          empty={EMPTY_PRICE_REVIEW}
          focusField="reviewOn"
          none="No price reviews."
          renderRow={(i) => (
            <>
              <DateField id={fieldId(`priceReviews.${i}.reviewOn`)} label="Review date" error={e(`priceReviews.${i}.reviewOn`)} control={control} name={`priceReviews.${i}.reviewOn`} />
              <Field id={fieldId(`priceReviews.${i}.note`)} label="Note (optional)" error={e(`priceReviews.${i}.note`)}>
                <input type="text" autoComplete="off" {...register(`priceReviews.${i}.note`)} />
              </Field>
            </>
          )}
        />

        <Rows
          form={form}
          name="kpis"
          title="Key performance indicators"
          intro="Each KPI the commissioner asks to be reported, and how often: every report becomes a dated duty."
          rowLabel="KPI"
          addLabel="Add a KPI"
          empty={EMPTY_KPI}
          focusField="name"
          none="No KPIs."
          renderRow={(i) => (
            <>
              <Field id={fieldId(`kpis.${i}.name`)} label="Name" error={e(`kpis.${i}.name`)}>
                <input type="text" autoComplete="off" {...register(`kpis.${i}.name`)} />
              </Field>
              <Field id={fieldId(`kpis.${i}.target`)} label="Target (optional)" error={e(`kpis.${i}.target`)}>
                <input type="text" autoComplete="off" {...register(`kpis.${i}.target`)} />
              </Field>
              <Field id={fieldId(`kpis.${i}.frequency`)} label="Reported" error={e(`kpis.${i}.frequency`)}>
                <select {...register(`kpis.${i}.frequency`)}>
                  <option value="">Choose how often</option>
                  {KPI_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {KPI_FREQUENCY_LABEL[f]}
                    </option>
                  ))}
                </select>
              </Field>
              <DateField id={fieldId(`kpis.${i}.firstDueOn`)} label="First report due" error={e(`kpis.${i}.firstDueOn`)} control={control} name={`kpis.${i}.firstDueOn`} />
            </>
          )}
        />

        <section className="card" aria-labelledby="ctr-f-notes">
          <h2 id="ctr-f-notes">Notes</h2>
          <Field id="notes" label="Notes (optional)" error={e('notes')}>
            <textarea rows={3} {...register('notes')} />
          </Field>
        </section>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : editing ? 'Save changes' : 'Record the contract'}
          </button>
          <Link to={editing ? `/contracts/${id}` : '/contracts'}>Cancel</Link>
        </div>
      </form>
      <AddOrganisationDialog
        open={addingOrg}
        onClose={() => setAddingOrg(false)}
        onAdded={(c) => setValue('counterpartyId', c.id, { shouldDirty: true })}
      />
    </>
  );
}

/**
 * A repeatable group of fields (extension options, break clauses…): each row a fieldset named by
 * its number, with its own Remove button; adding a row puts the focus in its first field, and
 * removing one puts it on the section's Add button, so a keyboard user is never left nowhere.
 */
function Rows<N extends ListName>(props: {
  form: ReturnType<typeof useForm<ContractValues>>;
  name: N;
  title: string;
  intro: string;
  rowLabel: string;
  addLabel: string;
  empty: ContractValues[N][number];
  focusField: string;
  none: string;
  renderRow: (i: number) => ReactNode;
}) {
  const { form, name, title, intro, rowLabel, addLabel, empty, focusField, none, renderRow } = props;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: name as FieldArrayPath<ContractValues>, keyName: 'key' });
  const addRef = useRef<HTMLButtonElement>(null);
  const rootError = errorAt(form.formState.errors, name) ?? errorAt(form.formState.errors, `${name}.root`);
  const headingId = `ctr-f-${name}`;
  return (
    <section className="card ctr-rows" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{intro}</p>
      {rootError ? (
        <p className="error-message">
          <span className="visually-hidden">Error: </span>
          {rootError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="muted">{none}</p> : null}
      {fields.map((f, i) => (
        <fieldset key={(f as { key: string }).key} className="ctr-row">
          <legend>
            {rowLabel} {i + 1}
          </legend>
          <div className="ctr-row-fields">{renderRow(i)}</div>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              remove(i);
              addRef.current?.focus();
            }}
          >
            Remove<span className="visually-hidden"> {rowLabel.toLowerCase()} {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        ref={addRef}
        id={name}
        type="button"
        className="btn btn-secondary"
        onClick={() => append({ ...empty } as never, { shouldFocus: true, focusName: `${name}.${fields.length}.${focusField}` })}
      >
        {addLabel}
      </button>
    </section>
  );
}

/** What the dates and options typed so far come to, before anything is sent; the core checks it again. */
function TermSummary({ form }: { form: ReturnType<typeof useForm<ContractValues>> }) {
  const [route, startOn, endOn, extensions] = useWatch({ control: form.control, name: ['route', 'startOn', 'endOn', 'extensions'] });
  const t = previewTerm({ route, startOn, endOn, extensions });
  if (!t) return null;
  return (
    <section className="card ctr-term" aria-labelledby="ctr-f-term">
      <h2 id="ctr-f-term">Term</h2>
      <dl className="facts">
        <dt>Initial term</dt>
        <dd>{t.initial}</dd>
        {t.withOptions ? (
          <>
            <dt>With every extension option</dt>
            <dd>
              {t.withOptions.term}, to {formatLegalDate(t.withOptions.endOn)}
            </dd>
          </>
        ) : null}
      </dl>
      {t.overLimit ? (
        <div className="banner banner-warning ctr-term-warning">
          <p>{t.overLimit} Shorten the term or an option, or choose another route.</p>
        </div>
      ) : null}
    </section>
  );
}
