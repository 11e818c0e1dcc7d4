import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { PageHeader } from '../../ui/PageHeader';
import { resolveMemberNumber } from '../../lib/member-link';
import { fullName } from '../../lib/people';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import {
  addOfficerFormSchema,
  APPOINTMENT_PATHS,
  EMPTY_ADDRESS,
  EMPTY_APPOINTMENT,
  EMPTY_PARTICULARS,
  formPath,
  PARTICULAR_PATHS,
  toAppointmentInput,
  toParticularsInput,
  toResidentialInput,
  withWholeFormChecks,
  type AddOfficerValues,
} from './officer-form';
import { AppointmentFields, ParticularsFields } from './OfficerFields';
import { ResidentialSection, ServiceAddressSection, WhyParticulars } from './OfficerSections';
import './officers.css';
import { todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';

/** Enter a director or officer with their first appointment. */
export function AddOfficerPage() {
  const status = useApiQuery('app.status', {});
  const navigate = useNavigate();
  const family = status.data?.legalFamily ?? null;
  const form = useForm<AddOfficerValues>({
    resolver: withWholeFormChecks<AddOfficerValues>(withDateChecks(zodResolver(addOfficerFormSchema, undefined, { raw: true })) as never, (v) => family === 'company' && v.appointment.role === 'director'),
    defaultValues: { appointment: { ...EMPTY_APPOINTMENT, appointedOn: todayUk() }, particulars: EMPTY_PARTICULARS, residentialSame: false, residentialAddress: EMPTY_ADDRESS },
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const outcome = useSubmitOutcome(setError, [...PARTICULAR_PATHS, ...APPOINTMENT_PATHS], formPath);
  const role = useWatch({ control, name: 'appointment.role' });
  const kind = useWatch({ control, name: 'appointment.directorKind' });
  const same = useWatch({ control, name: 'residentialSame' });
  const directorRequired = family === 'company' && role === 'director';

  const onValid = async (v: AddOfficerValues) => {
    outcome.clear();
    const member = await resolveMemberNumber(v.particulars.memberNumber);
    if (!member.ok) return outcome.fieldError('particulars.memberNumber', member.message);
    const result = await call('officers.add', {
      particulars: toParticularsInput(v.particulars, member.memberId),
      residentialAddress: toResidentialInput(v),
      appointment: toAppointmentInput(v.appointment),
    });
    await outcome.settle(
      result,
      (o) => (family === 'company' ? `${fullName(o)} added to the board and officers record.` : `${fullName(o)} added to the register of officers.`),
      (o) => navigate(`/officers/${o.id}`),
    );
  };

  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to="/officers">Directors and officers</Link>
      </p>
      <PageHeader title="Add a director or officer" lede="Their first appointment and their particulars. Further roles (such as chair) are added from their page." />
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not added" />
      <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Add a director or officer">
        <div className="card">
          <fieldset>
            <legend>Appointment</legend>
            <AppointmentFields register={register} control={control} errors={formState.errors} role={role} kind={kind} />
          </fieldset>
        </div>
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
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Adding…' : family === 'company' ? 'Add to the record' : 'Add to the register'}
          </button>
          <Link to="/officers" className="btn btn-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
