import { useForm } from 'react-hook-form';
import { CESSATION_REASONS, CESSATION_REASON_LABEL, ceaseSchema, type CeaseInput, type CessationReason } from '../../../../shared/contract/members';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { DialogButtons } from '../../ui/FormDialog';
import { mappedResolver } from '../../lib/mapped-resolver';
import { useDialogSubmit } from '../../ui/useDialogForm';
import { todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';

interface CeaseValues {
  ceasedOn: string;
  reason: CessationReason | '';
  note: string;
}

/** Recording that membership ended. The entry stays in the register with the date it ceased (CA 2006 s113(2)(b)). */
export function CessationForm({ member, onClose }: { member: { id: string; memberNumber: number }; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<CeaseValues, unknown, CeaseInput>({
    resolver: mappedResolver(ceaseSchema, (v: CeaseValues) => ({
      memberId: member.id,
      ceasedOn: v.ceasedOn,
      reason: (v.reason || undefined) as CessationReason,
      note: v.note,
    })) as never,
    defaultValues: { ceasedOn: todayUk(), reason: '', note: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['ceasedOn', 'reason', 'note'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('members.cease', input), (m) => `Member ${m.memberNumber} ceased to be a member.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">The entry stays in the register as a former member, with the date membership ended.</p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={s.attempt} />
      {s.general ? (
        <Banner tone="error" title="The cessation was not recorded">
          <p>{s.general}</p>
        </Banner>
      ) : null}
      <DateField {...field('ceasedOn')} label="Membership ended on" control={control} name="ceasedOn" />
      <Field {...field('reason')} label="Reason">
        <select {...register('reason')}>
          <option value="">Choose…</option>
          {CESSATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {CESSATION_REASON_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field {...field('note')} label="Note (optional)" hint="Needed when the reason is Other.">
        <textarea rows={3} {...register('note')} />
      </Field>
      <DialogButtons submitLabel="Record the cessation" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
