import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { Officer } from '../../../../shared/contract/officers';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { isCurrentDirector } from './format';
import { fullName } from '../../lib/people';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { resolveMemberNumber } from '../../lib/member-link';
import { formPath, officerFormSchema, officerToValues, PARTICULAR_PATHS, toParticularsInput, toResidentialInput, withWholeFormChecks, type OfficerValues } from './officer-form';
import { ParticularsFields } from './OfficerFields';
import { ResidentialSection, ServiceAddressSection, WhyParticulars } from './OfficerSections';
import './officers.css';
import { withDateChecks } from '../../lib/mapped-resolver';

/** Change an officer's particulars, including the residential address: the one screen that shows it. */
export function EditOfficerPage() {
  const { id = '' } = useParams();
  const officer = useApiQuery('officers.get', { id });
  const residential = useApiQuery('officers.residentialAddress', { id }, { staleTime: 0, gcTime: 0 });
  const memberId = officer.data?.memberId ?? null;
  const member = useApiQuery('members.get', { id: memberId ?? '' }, { enabled: memberId !== null });
  const error = officer.error ?? residential.error;
  if (error) {
    return (
      <div className="page page-narrow">
        <Banner tone="error" title="This entry could not be opened">
          <p>{error.message}</p>
        </Banner>
        <Link to="/officers">Back to directors and officers</Link>
      </div>
    );
  }
  if (!officer.data || residential.data === undefined || (memberId !== null && !member.data && !member.error)) return <p role="status">Loading…</p>;
  return <EditForm officer={officer.data} values={officerToValues(officer.data, residential.data, member.data?.memberNumber ?? null)} key={officer.data.updatedAt} />;
}

function EditForm({ officer, values }: { officer: Officer; values: OfficerValues }) {
  const status = useApiQuery('app.status', {});
  const navigate = useNavigate();
  const family = status.data?.legalFamily ?? null;
  const directorRequired = family === 'company' && isCurrentDirector(officer);
  const { register, control, handleSubmit, setError, formState } = useForm<OfficerValues>({
    resolver: withWholeFormChecks<OfficerValues>(withDateChecks(zodResolver(officerFormSchema, undefined, { raw: true })) as never, () => directorRequired),
    defaultValues: values,
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, PARTICULAR_PATHS, formPath);
  const same = useWatch({ control, name: 'residentialSame' });
  const back = `/officers/${officer.id}`;

  const onValid = async (v: OfficerValues) => {
    outcome.clear();
    const member = await resolveMemberNumber(v.particulars.memberNumber);
    if (!member.ok) return outcome.fieldError('particulars.memberNumber', member.message);
    const result = await call('officers.update', { id: officer.id, particulars: toParticularsInput(v.particulars, member.memberId), residentialAddress: toResidentialInput(v) });
    await outcome.settle(result, () => 'Particulars saved.', () => navigate(back));
  };

  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to={back}>{fullName(officer)}</Link>
      </p>
      <PageHeader title={`Change the particulars of ${fullName(officer)}`} lede="Every change is recorded in the audit log with what it was before." />
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not saved" />
      <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Change particulars">
        <div className="card">
          <fieldset>
            <legend>Particulars</legend>
            <WhyParticulars family={family} />
            <ParticularsFields register={register} control={control} errors={formState.errors} directorRequired={directorRequired} family={family} />
          </fieldset>
        </div>
        <ServiceAddressSection register={register} errors={formState.errors} />
        <ResidentialSection register={register} errors={formState.errors} same={same} required={directorRequired} family={family} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting || !formState.isDirty}>
            Save particulars
          </button>
          <Link to={back} className="btn btn-secondary">
            Cancel
          </Link>
          {!formState.isDirty ? <span className="muted">No unsaved changes.</span> : null}
        </div>
      </form>
    </div>
  );
}
