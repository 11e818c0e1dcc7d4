import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { COUNTERPARTY_KINDS, COUNTERPARTY_KIND_LABEL, counterpartyInput, type Counterparty } from '../../../../shared/contract/counterparties';
import { id as recordId } from '../../../../shared/contract/fields';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { mappedResolver } from '../../lib/mapped-resolver';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { PageHeader } from '../../ui/PageHeader';
import { EMPTY_ORGANISATION, ORGANISATION_PATHS, organisationToValues, showsOdsCode, toOrganisationInput, type OrganisationValues } from './organisation-form';
import './organisations.css';

/** Add an organisation (/organisations/new). */
export function AddOrganisationPage() {
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to="/organisations">Organisations</Link>
      </p>
      <PageHeader
        title="Add an organisation"
        lede="A commissioner, an NHS body, another mutual or a supplier. One list serves contracts, declarations of interest, nominee directors and agenda items."
      />
      <OrganisationFormBody initial={EMPTY_ORGANISATION} onSaved={(c) => navigate(`/organisations/${c.id}`)} cancelTo="/organisations" />
    </div>
  );
}

/** Change an organisation's details (/organisations/:id/edit). */
export function EditOrganisationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const org = useApiQuery('counterparties.get', { id });
  if (org.error) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Change organisation" />
        <Banner tone="error" title="The organisation could not be read">
          <p>{org.error.message}</p>
        </Banner>
        <Link to="/organisations">Back to organisations</Link>
      </div>
    );
  }
  if (!org.data) return <p role="status">Loading…</p>;
  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to={`/organisations/${id}`}>{org.data.name}</Link>
      </p>
      <PageHeader title={`Change ${org.data.name}`} lede="Changes are recorded in the audit log with what they were before." />
      <OrganisationFormBody initial={organisationToValues(org.data)} id={id} onSaved={(c) => navigate(`/organisations/${c.id}`)} cancelTo={`/organisations/${id}`} />
    </div>
  );
}

/** Add an organisation without leaving the form that needs it (a contract's commissioner). */
export function AddOrganisationDialog({
  open,
  onClose,
  onAdded,
  initialName = '',
  description = 'It joins the organisations list and is chosen as the commissioner.',
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (c: Counterparty) => void;
  initialName?: string;
  description?: string;
}) {
  return (
    <FormDialog open={open} title="Add an organisation" onClose={onClose} wide description={description}>
      <OrganisationFormBody
        initial={{ ...EMPTY_ORGANISATION, name: initialName }}
        onSaved={(c) => {
          onAdded(c);
          onClose();
        }}
        onCancel={onClose}
      />
    </FormDialog>
  );
}

function OrganisationFormBody({ initial, id, onSaved, cancelTo, onCancel }: { initial: OrganisationValues; id?: string; onSaved: (c: Counterparty) => void; cancelTo?: string; onCancel?: () => void }) {
  const editing = id !== undefined;
  const schema = editing ? counterpartyInput.extend({ id: recordId }) : counterpartyInput;
  const { register, control, handleSubmit, setError, formState } = useForm<OrganisationValues>({
    resolver: mappedResolver(schema as typeof counterpartyInput, (v: OrganisationValues) => (editing ? { ...toOrganisationInput(v), id } : toOrganisationInput(v)) as never) as never,
    defaultValues: initial,
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const outcome = useSubmitOutcome(setError, ORGANISATION_PATHS);
  const kind = useWatch({ control, name: 'kind' });
  const onValid = async (parsed: OrganisationValues) => {
    outcome.clear();
    const input = parsed as unknown as Record<string, unknown>;
    const result = editing ? await call('counterparties.update', input as never) : await call('counterparties.create', input as never);
    await outcome.settle(result, (c) => (editing ? `${c.name} changed.` : `${c.name} added to the organisations list.`), onSaved);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={editing ? 'Change organisation' : 'Add an organisation'} className="org-form">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title={editing ? 'Not changed' : 'Not added'} />
      <Field id="name" label="Name" error={e('name')} hint="As the organisation calls itself, for example “Riverside Borough Council”.">
        <input type="text" autoComplete="organization" {...register('name')} />
      </Field>
      <Field id="kind" label="Kind of organisation" error={e('kind')}>
        <select {...register('kind')}>
          <option value="">Choose the kind</option>
          {COUNTERPARTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {COUNTERPARTY_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="org-identifiers">
        <legend className="legend-small">Identifiers (optional)</legend>
        <p className="hint">Only those the organisation has.</p>
        <div className="field-row">
          {showsOdsCode(kind) ? (
            <Field id="odsCode" label="NHS ODS code" error={e('odsCode')} hint="3 to 6 letters and digits, such as RX1 or QHG.">
              <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register('odsCode')} />
            </Field>
          ) : null}
          <Field id="companiesHouseNumber" label="Companies House number" error={e('companiesHouseNumber')} hint="8 characters, such as 01234567 or SC123456.">
            <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register('companiesHouseNumber')} />
          </Field>
        </div>
        <div className="field-row">
          <Field id="charityNumber" label="Charity number" error={e('charityNumber')}>
            <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register('charityNumber')} />
          </Field>
          <Field id="societyNumber" label="FCA society number" error={e('societyNumber')} hint="For a co-operative or community benefit society.">
            <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register('societyNumber')} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend className="legend-small">Contact (optional)</legend>
        <Field id="contactName" label="Contact’s name" error={e('contactName')} hint="For a commissioner, usually the contract or commissioning manager.">
          <input type="text" autoComplete="off" {...register('contactName')} />
        </Field>
        <div className="field-row">
          <Field id="contactEmail" label="E-mail address" error={e('contactEmail')}>
            <input type="email" autoComplete="off" spellCheck={false} {...register('contactEmail')} />
          </Field>
          <Field id="contactPhone" label="Telephone" error={e('contactPhone')}>
            <input type="tel" autoComplete="off" {...register('contactPhone')} />
          </Field>
        </div>
        <Field id="address" label="Address" error={e('address')}>
          <textarea rows={3} {...register('address')} />
        </Field>
      </fieldset>
      {onCancel ? null : (
        // Left out of the dialog: the form it opens over has a Notes field of its own (one id per page).
        <Field id="notes" label="Notes (optional)" error={e('notes')}>
          <textarea rows={3} {...register('notes')} />
        </Field>
      )}
      {onCancel ? (
        <DialogButtons submitLabel={editing ? 'Save changes' : 'Add organisation'} busy={formState.isSubmitting} onCancel={onCancel} />
      ) : (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {editing ? 'Save changes' : 'Add organisation'}
          </button>
          <Link to={cancelTo ?? '/organisations'}>Cancel</Link>
        </div>
      )}
    </form>
  );
}
