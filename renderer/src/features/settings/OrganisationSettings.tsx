import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { particularsSchema, type Organisation } from '../../../../shared/contract/organisation';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import { societyJurisdictionProblem } from '../../../../shared/rules/society-jurisdiction';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { MinutesTargetSettings } from './MinutesTargetSettings';
import { ParticularsFields } from './OrganisationFields';
import { formatInstant } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';

type Values = Omit<Organisation, 'id' | 'createdAt' | 'updatedAt'>;

const KNOWN = [
  'name', 'legalForm', 'registrationNumber', 'incorporatedOn', 'financialYearEnd',
  'registeredOffice.line1', 'registeredOffice.line2', 'registeredOffice.town', 'registeredOffice.county', 'registeredOffice.postcode', 'registeredOffice.country',
];

export function OrganisationSettings() {
  const org = useApiQuery('organisation.get', {});
  if (!org.data) return <p role="status">Loading…</p>;
  return (
    <>
      <OrganisationForm org={org.data} key={org.data.updatedAt} />
      <MinutesTargetSettings />
    </>
  );
}

function OrganisationForm({ org }: { org: Organisation }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { id: _id, createdAt: _c, updatedAt: _u, ...initial } = org;
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: withDateChecks(zodResolver(particularsSchema) as never) as never,
    defaultValues: { ...initial, registeredOffice: { line2: '', county: '', ...initial.registeredOffice } },
    shouldFocusError: false,
  });
  const legalForm = useWatch({ control, name: 'legalForm' }) as LegalForm;
  // A society recorded in Northern Ireland before set-up refused it: say why the particulars cannot be saved as they are.
  const jurisdiction = societyJurisdictionProblem(org.legalForm, org.registeredOffice.country);

  const onValid = async (values: Values) => {
    setGeneral(null);
    const result = await call('organisation.update', values);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast('Particulars saved.');
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN));
    setAttempt((a) => a + 1);
  };

  return (
    <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate aria-labelledby="org-settings-h">
      <h2 id="org-settings-h">Organisation</h2>
      <p className="muted">Last changed {formatInstant(org.updatedAt)}.</p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? <Banner tone="error" title="Not saved">{general}</Banner> : null}
      {jurisdiction ? (
        <Banner tone="warning" title="This society’s registers are not kept under the Act this app follows">
          <p>{jurisdiction}</p>
        </Banner>
      ) : null}
      <div className="card">
        <fieldset>
          <legend>About the organisation</legend>
          <ParticularsFields register={register} control={control} errors={formState.errors} prefix="" legalForm={legalForm} section="organisation" />
        </fieldset>
      </div>
      <div className="card">
        <fieldset>
          <legend>Registered office</legend>
          <ParticularsFields register={register} control={control} errors={formState.errors} prefix="" legalForm={legalForm} section="office" />
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting || !formState.isDirty}>
          Save particulars
        </button>
        {!formState.isDirty ? <span className="muted">No unsaved changes.</span> : null}
      </div>
    </form>
  );
}
