import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { optionalText } from '../../../../shared/contract/fields';
import { legalDate } from '../../../../shared/contract/fields';
import type { Officer } from '../../../../shared/contract/officers';
import { call } from '../../api/client';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { titleOf } from './format';
import { fullName } from '../../lib/people';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { appointmentFormSchema, APPOINTMENT_PATHS, EMPTY_APPOINTMENT, formPath, toAppointmentInput, type AppointmentValues } from './officer-form';
import { AppointmentFields } from './OfficerFields';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { withDateChecks } from '../../lib/mapped-resolver';

type Appointment = Officer['appointments'][number];

/** Give an existing officer a further role, such as making a director chair. */
export function AddAppointmentDialog({ officer, open, onClose }: { officer: Officer; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Add an appointment" onClose={onClose} description={`A further role for ${fullName(officer)}.`}>
      <AddAppointmentForm officer={officer} onClose={onClose} />
    </FormDialog>
  );
}

function AddAppointmentForm({ officer, onClose }: { officer: Officer; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<{ appointment: AppointmentValues }>({
    resolver: withDateChecks(zodResolver(appointmentFormSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { appointment: { ...EMPTY_APPOINTMENT, appointedOn: todayUk() } },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, APPOINTMENT_PATHS, formPath);
  const role = useWatch({ control, name: 'appointment.role' });
  const kind = useWatch({ control, name: 'appointment.directorKind' });
  const onValid = async (v: { appointment: AppointmentValues }) => {
    outcome.clear();
    const result = await call('officers.appoint', { officerId: officer.id, appointment: toAppointmentInput(v.appointment) });
    await outcome.settle(result, () => `${fullName(officer)} appointed.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Add an appointment">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not appointed" />
      <AppointmentFields register={register} control={control} errors={formState.errors} role={role} kind={kind} />
      <DialogButtons submitLabel="Add appointment" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const endSchema = z.object({ ceasedOn: legalDate('the date the appointment ended'), reason: optionalText('the reason', 200) });
type EndValues = { ceasedOn: string; reason: string };

/** Record the end of one appointment (resignation, end of term, removal). */
export function EndAppointmentDialog({ officer, appointment, onClose }: { officer: Officer; appointment: Appointment | null; onClose: () => void }) {
  return (
    <FormDialog
      open={appointment !== null}
      title="End appointment"
      onClose={onClose}
      description={appointment ? `${fullName(officer)} as ${titleOf(appointment).toLowerCase()}, appointed ${formatLegalDate(appointment.appointedOn)}. The entry stays in the register as a former appointment.` : undefined}
    >
      {appointment ? <EndAppointmentForm officer={officer} appointment={appointment} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function EndAppointmentForm({ officer, appointment, onClose }: { officer: Officer; appointment: Appointment; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<EndValues>({
    resolver: withDateChecks(zodResolver(endSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { ceasedOn: todayUk(), reason: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['ceasedOn', 'reason']);
  const onValid = async (v: EndValues) => {
    outcome.clear();
    const result = await call('officers.endAppointment', { appointmentId: appointment.id, ceasedOn: v.ceasedOn, reason: v.reason });
    await outcome.settle(result, () => `Appointment as ${titleOf(appointment).toLowerCase()} ended for ${fullName(officer)}.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="End appointment">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not ended" />
      <DateField id="ceasedOn" label="Date the appointment ended" error={errorAt(formState.errors, 'ceasedOn')} control={control} name="ceasedOn" />
      <Field id="reason" label="Reason (optional)" hint="For example: resigned, term ended, removed by resolution." error={errorAt(formState.errors, 'reason')}>
        <input type="text" {...register('reason')} />
      </Field>
      <DialogButtons submitLabel="End appointment" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
