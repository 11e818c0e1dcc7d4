import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { minutesTargetInputSchema, type MinutesTargetView } from '../../../../shared/contract/organisation';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { applyServerErrors, errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';

/**
 * The secretary's target for minutes (organisation.setMinutesTarget): approved and signed within
 * this many days of the meeting, 1 to 365. The board effectiveness pack judges minutes against it
 * as it stood at the end of its period; every change is in the audit log.
 */
const PATH = 'minutesTargetDays';
const formSchema = z.strictObject({ [PATH]: minutesTargetInputSchema.shape.days });
type Values = z.output<typeof formSchema>;

export function MinutesTargetSettings() {
  const target = useApiQuery('organisation.minutesTarget', {});
  if (target.error) {
    return (
      <Banner tone="error" title="The minutes target could not be read">
        <p>{target.error.message}</p>
      </Banner>
    );
  }
  if (!target.data) return <p role="status">Loading the minutes target…</p>;
  return <MinutesTargetForm target={target.data} key={`${target.data.days}-${target.data.setAt ?? 'default'}`} />;
}

export function describeMinutesTarget(t: MinutesTargetView): string {
  return t.isDefault
    ? `Now the app’s default of ${t.defaultDays} days: no target has been set.`
    : `Now approved and signed within ${t.days} day${t.days === 1 ? '' : 's'} of the meeting, set on ${formatLegalDate(t.setOn!)}.`;
}

function MinutesTargetForm({ target }: { target: MinutesTargetView }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { [PATH]: target.days },
    shouldFocusError: false,
  });

  const onValid = async (values: Values) => {
    setGeneral(null);
    const result = await call('organisation.setMinutesTarget', { days: values[PATH] });
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(`Minutes target saved: ${result.value.days} day${result.value.days === 1 ? '' : 's'}.`);
      return;
    }
    const fieldErrors = result.error.fieldErrors?.['days'] ? { [PATH]: result.error.fieldErrors['days'] } : result.error.fieldErrors;
    setGeneral(applyServerErrors(setError, { ...result.error, fieldErrors }, [PATH]));
    setAttempt((a) => a + 1);
  };

  return (
    <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate aria-labelledby="minutes-target-h">
      <h2 id="minutes-target-h">Secretary’s targets</h2>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? <Banner tone="error" title="Not saved">{general}</Banner> : null}
      <div className="card">
        <Field
          id={fieldId(PATH)}
          label="Minutes target: approved and signed within this many days of the meeting"
          hint="From 1 to 365 days. No law sets a time; the board effectiveness pack judges minutes against the target as it stood at the end of its period, and every change is recorded in the audit log."
          error={errorAt(formState.errors, PATH)}
          source={describeMinutesTarget(target)}
        >
          <input type="number" inputMode="numeric" className="narrow" min={1} max={365} step={1} {...register(PATH, { valueAsNumber: true })} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting || (!formState.isDirty && !target.isDefault)}>
          Save minutes target
        </button>
      </div>
    </form>
  );
}
