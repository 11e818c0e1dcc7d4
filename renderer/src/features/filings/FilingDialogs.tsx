import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { legalDate, optionalText, requiredText } from '../../../../shared/contract/fields';
import type { FilingDuty } from '../../../../shared/contract/filings';
import { call } from '../../api/client';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';

/** Record how a Companies House filing duty was met: filed (with the date and any reference), or not needed. */

const filedSchema = z.object({ filedOn: legalDate('the date it was filed'), reference: optionalText('the Companies House reference', 60) });
type FiledValues = { filedOn: string; reference: string };

export function MarkFiledDialog({ duty, onClose }: { duty: FilingDuty | null; onClose: () => void }) {
  return (
    <FormDialog
      open={duty !== null}
      title={duty ? `Mark ${duty.form} as filed` : 'Mark as filed'}
      onClose={onClose}
      description={duty ? `${duty.formTitle}: ${duty.description}. Due by ${formatLegalDate(duty.dueOn)}.` : undefined}
    >
      {duty ? <FiledForm duty={duty} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function FiledForm({ duty, onClose }: { duty: FilingDuty; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<FiledValues>({
    resolver: withDateChecks(zodResolver(filedSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { filedOn: todayUk(), reference: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['filedOn', 'reference']);
  const onValid = async (v: FiledValues) => {
    outcome.clear();
    const result = await call('filings.markFiled', { id: duty.id, filedOn: v.filedOn, reference: v.reference });
    await outcome.settle(result, (d) => `${d.form} recorded as filed on ${formatLegalDate(d.outcomeOn!)}.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={`Mark ${duty.form} as filed`}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <DateField id="filedOn" label="Date it was filed at Companies House" error={errorAt(formState.errors, 'filedOn')} control={control} name="filedOn" />
      <Field
        id="reference"
        label="Companies House reference (optional)"
        hint="The submission number or transaction reference Companies House gave, if you have one."
        error={errorAt(formState.errors, 'reference')}
      >
        <input type="text" className="narrow" autoComplete="off" {...register('reference')} />
      </Field>
      <DialogButtons submitLabel="Mark as filed" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const notRequiredSchema = z.object({ reason: requiredText('why no filing was needed', 300) });

export function NotRequiredDialog({ duty, onClose }: { duty: FilingDuty | null; onClose: () => void }) {
  return (
    <FormDialog
      open={duty !== null}
      title={duty ? `No ${duty.form} needed` : 'No filing needed'}
      onClose={onClose}
      description={duty ? `${duty.formTitle}: ${duty.description}. Say why nothing needs filing, for instance a change already filed before the app tracked filings.` : undefined}
    >
      {duty ? <NotRequiredForm duty={duty} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function NotRequiredForm({ duty, onClose }: { duty: FilingDuty; onClose: () => void }) {
  const { register, handleSubmit, setError, formState } = useForm<{ reason: string }>({
    resolver: zodResolver(notRequiredSchema, undefined, { raw: true }) as never,
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['reason']);
  const onValid = async (v: { reason: string }) => {
    outcome.clear();
    await outcome.settle(await call('filings.markNotRequired', { id: duty.id, reason: v.reason }), (d) => `${d.form} recorded as not needed.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={`No ${duty.form} needed`}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <Field id="reason" label="Why no filing is needed" error={errorAt(formState.errors, 'reason')}>
        <input type="text" autoComplete="off" {...register('reason')} />
      </Field>
      <DialogButtons submitLabel="Record as not needed" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
