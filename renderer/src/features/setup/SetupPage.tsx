import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { ParticularsFields } from '../settings/OrganisationFields';
import { RulesFields } from '../settings/RulesFields';
import { useSetUpForm } from '../settings/useSetUpForm';

/**
 * First run: the secretary records the organisation and its governing-document rules. The
 * rules start at the defaults for the chosen legal form, each showing its source.
 */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { form, legalForm, proxiesAllowed, general, attempt, onSubmit } = useSetUpForm({
    save: (values) => call('organisation.setUp', values),
    onSaved: async (organisation) => {
      await queryClient.invalidateQueries();
      toast(`${organisation.name} is set up.`);
      navigate('/', { replace: true });
    },
    clearGeneralOnInvalid: true,
  });
  const { register, control, formState } = form;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    document.title = 'Set up your mutual – Mutual Governance';
  }, []);

  const summary = flattenErrors(formState.errors);

  return (
    <div className="centre-page">
      <div className="topline" aria-hidden="true">
        Mutual Governance
      </div>
      <h1 tabIndex={-1} ref={headingRef}>
        Set up your mutual
      </h1>
      <p className="lede muted">
        This file will keep the statutory registers, meetings, votes and audit log of one organisation. You can change all of this later in
        Settings; every change is recorded in the audit log.
      </p>
      <ErrorSummary items={summary} focusKey={attempt} />
      {general ? <Banner tone="error" title="The organisation was not set up">{general}</Banner> : null}
      <form onSubmit={onSubmit} noValidate aria-label="Set up your mutual">
        <div className="card">
          <fieldset>
            <legend>About the organisation</legend>
            <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="organisation" />
          </fieldset>
        </div>
        <div className="card">
          <fieldset>
            <legend>Registered office</legend>
            <p className="fieldset-hint">The official address on the public register.</p>
            <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="office" />
          </fieldset>
        </div>
        <div className="card">
          <fieldset>
            <legend>Rules from your governing document</legend>
            <p className="fieldset-hint">
              Your articles of association or registered rules. The app computes notice periods, quorums and majorities from these. Each starts at
              the default for your legal form; change any your document sets differently.
            </p>
            <RulesFields register={register} errors={formState.errors} legalForm={legalForm} prefix="rules." proxiesAllowed={proxiesAllowed} />
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Setting up…' : 'Set up the organisation'}
          </button>
        </div>
      </form>
    </div>
  );
}
