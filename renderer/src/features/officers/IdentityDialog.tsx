import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { legalDate } from '../../../../shared/contract/fields';
import type { Officer } from '../../../../shared/contract/officers';
import { normalisePersonalCode, PERSONAL_CODE_PROBLEM } from '../../../../shared/rules/companies-house';
import { call } from '../../api/client';
import { todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { fullName } from '../../lib/people';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';

/**
 * Record that a company director's identity is verified with Companies House, with the personal
 * code they were given (CA 2006 s167M, s1110A). The code is checked here as the core checks it.
 */
const identitySchema = z.object({
  verifiedOn: legalDate('the date the identity was verified'),
  personalCode: z.string().refine((v) => normalisePersonalCode(v) !== null, PERSONAL_CODE_PROBLEM),
});
type IdentityValues = { verifiedOn: string; personalCode: string };

export function IdentityDialog({ officer, open, onClose }: { officer: Officer; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Record identity verification"
      onClose={onClose}
      description={`Once ${fullName(officer)} has verified their identity with Companies House (through GOV.UK One Login or an authorised agent), they are given a personal code. A director must not act until their identity is verified (CA 2006 s167M).`}
    >
      <IdentityForm officer={officer} onClose={onClose} />
    </FormDialog>
  );
}

function IdentityForm({ officer, onClose }: { officer: Officer; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<IdentityValues>({
    resolver: withDateChecks(zodResolver(identitySchema, undefined, { raw: true }) as never) as never,
    defaultValues: { verifiedOn: officer.identity?.verifiedOn ?? todayUk(), personalCode: officer.identity?.personalCode ?? '' },
    shouldFocusError: false,
  });
  // The core names the fields under `identity.`; the form's are at the top level.
  const outcome = useSubmitOutcome(setError, ['verifiedOn', 'personalCode'], (p) => p.replace(/^identity\./, ''));
  const onValid = async (v: IdentityValues) => {
    outcome.clear();
    const result = await call('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: v.verifiedOn, personalCode: v.personalCode } });
    await outcome.settle(result, () => `Identity verification recorded for ${fullName(officer)}.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record identity verification">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <DateField id="verifiedOn" label="Date the identity was verified" error={errorAt(formState.errors, 'verifiedOn')} control={control} name="verifiedOn" />
      <Field
        id="personalCode"
        label="Companies House personal code"
        hint="11 letters and numbers, for example FT5-15ED-7JY5. Kept confidential: it never appears in a printed or exported copy."
        error={errorAt(formState.errors, 'personalCode')}
      >
        <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register('personalCode')} />
      </Field>
      <DialogButtons submitLabel="Record verification" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
