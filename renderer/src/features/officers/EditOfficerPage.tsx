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
import { editOfficerFormSchema, formPath, officerToValues, PARTICULAR_PATHS, toParticularsInput, toResidentialInput, withWholeFormChecks, type OfficerValues } from './officer-form';
import { ParticularsFields } from './OfficerFields';
import { ResidentialSection, ServiceAddressSection, WhyParticulars } from './OfficerSections';
import './officers.css';
import { withDateChecks } from '../../lib/mapped-resolver';
import { todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { errorAt } from '../../ui/form-errors';

type EditValues = OfficerValues & { changedOn: string };

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
  return <EditForm officer={officer.data} values={{ ...officerToValues(officer.data, residential.data, member.data?.memberNumber ?? null), changedOn: todayUk() }} key={officer.data.updatedAt} />;
}

function EditForm({ officer, values }: { officer: Officer; values: EditValues }) {
  const status = useApiQuery('app.status', {});
  const navigate = useNavigate();
  const family = status.data?.legalFamily ?? null;
  const directorRequired = family === 'company' && isCurrentDirector(officer);
  // A current director's or secretary's change of details goes to Companies House within 14 days of taking effect (CA 2006 s167H, s279H).
  const notifiable = family === 'company' && officer.appointments.some((a) => a.ceasedOn === null && (a.role === 'director' || a.role === 'secretary'));
  const { register, control, handleSubmit, setError, formState } = useForm<EditValues>({
    resolver: withWholeFormChecks<EditValues>(withDateChecks(zodResolver(editOfficerFormSchema, undefined, { raw: true })) as never, () => directorRequired),
    defaultValues: values,
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, [...PARTICULAR_PATHS, 'changedOn'], formPath);
  const same = useWatch({ control, name: 'residentialSame' });
  const back = `/officers/${officer.id}`;

  const onValid = async (v: EditValues) => {
    outcome.clear();
    const member = await resolveMemberNumber(v.particulars.memberNumber);
    if (!member.ok) return outcome.fieldError('particulars.memberNumber', member.message);
    const result = await call('officers.update', {
      id: officer.id,
      particulars: toParticularsInput(v.particulars, member.memberId),
      residentialAddress: toResidentialInput(v),
      ...(notifiable ? { changedOn: v.changedOn } : {}),
    });
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
        {notifiable ? (
          <div className="card">
            <DateField
              id="changedOn"
              label="Date the change took effect"
              hint="Companies House must be told of a change in a director’s or the secretary’s details within 14 days beginning with this day (CA 2006 s167H, s279H); the app adds the filing to the list."
              error={errorAt(formState.errors, 'changedOn')}
              control={control}
              name="changedOn"
            />
          </div>
        ) : null}
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
