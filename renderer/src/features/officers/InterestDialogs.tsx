import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { legalDate, optionalText, requiredText } from '../../../../shared/contract/fields';
import { type Officer } from '../../../../shared/contract/officers';
import { INTEREST_CATEGORIES, INTEREST_CATEGORY_LABEL, type Interest } from '../../../../shared/contract/interests';
import { call } from '../../api/client';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { fullName } from '../../lib/people';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { withDateChecks } from '../../lib/mapped-resolver';
import { linkInput } from '../organisations/link-choice';
import { OrganisationPicker } from '../organisations/OrganisationPicker';

const declareSchema = z.object({
  category: z.enum(INTEREST_CATEGORIES, { error: 'Choose the kind of interest.' }),
  nature: requiredText('the nature of the interest', 500),
  relatedOrganisation: optionalText('the related organisation', 200),
  declaredOn: legalDate('the date declared'),
});
type DeclareValues = { category: string; nature: string; relatedOrganisation: string; counterpartyId: string; declaredOn: string };
const DECLARE_PATHS = ['category', 'nature', 'relatedOrganisation', 'declaredOn'];
/** The core names the link counterpartyId; the form shows its problems on the organisation's box. */
const declarePath = (p: string) => (p === 'counterpartyId' ? 'relatedOrganisation' : p);

/** Record a declaration of interest (CA 2006 s177 for a proposed transaction, s182 for an existing one). */
export function DeclareInterestDialog({ officer, open, onClose }: { officer: Officer; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Declare an interest"
      onClose={onClose}
      description={`An interest of ${fullName(officer)} that could conflict with the organisation’s: CA 2006 s177 (proposed transactions) and s182 (existing ones).`}
    >
      <DeclareForm officer={officer} onClose={onClose} />
    </FormDialog>
  );
}

function DeclareForm({ officer, onClose }: { officer: Officer; onClose: () => void }) {
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<DeclareValues>({
    resolver: withDateChecks(zodResolver(declareSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { category: '', nature: '', relatedOrganisation: '', counterpartyId: '', declaredOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, DECLARE_PATHS, declarePath);
  const counterpartyId = useWatch({ control, name: 'counterpartyId' });
  const onValid = async (v: DeclareValues) => {
    outcome.clear();
    const org = linkInput({ id: v.counterpartyId || null, text: v.relatedOrganisation });
    const result = await call('interests.declare', {
      officerId: officer.id,
      category: v.category as Interest['category'],
      nature: v.nature,
      relatedOrganisation: org.text,
      ...(org.id ? { counterpartyId: org.id } : {}),
      declaredOn: v.declaredOn,
    });
    await outcome.settle(result, () => 'Interest declared.', onClose);
  };
  const err = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Declare an interest">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not declared" />
      <Field id="category" label="Kind of interest" error={err('category')}>
        <select {...register('category')}>
          <option value="">Choose…</option>
          {INTEREST_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {INTEREST_CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="nature" label="Nature of the interest" hint="What it is, in a sentence: for example “Trustee of Riverside Hospice”." error={err('nature')}>
        <textarea rows={3} {...register('nature')} />
      </Field>
      <Controller
        control={control}
        name="relatedOrganisation"
        render={({ field }) => (
          <Field
            id="relatedOrganisation"
            label="Related organisation (optional)"
            hint="The organisation the interest is in: choose it from the organisations list (or add it) so its contracts name this director as conflicted, or type a name that is not on the list. Board items about it will leave this director out of the quorum and the vote."
            error={err('relatedOrganisation')}
          >
            <OrganisationPicker
              value={{ id: counterpartyId || null, text: field.value }}
              onChange={(c) => {
                field.onChange(c.text);
                setValue('counterpartyId', c.id ?? '');
              }}
              addDescription="It joins the organisations list and is named as the organisation the interest is in."
            />
          </Field>
        )}
      />
      <DateField id="declaredOn" label="Date declared" error={err('declaredOn')} control={control} name="declaredOn" />
      <DialogButtons submitLabel="Declare interest" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const endSchema = z.object({ endedOn: legalDate('the date the interest ended') });

/** Record that a declared interest has ended; it stays in the register as a past declaration. */
export function EndInterestDialog({ interest, onClose }: { interest: Interest | null; onClose: () => void }) {
  return (
    <FormDialog
      open={interest !== null}
      title="End an interest"
      onClose={onClose}
      description={interest ? `“${interest.nature}”, declared by ${interest.officerName} on ${formatLegalDate(interest.declaredOn)}. It stays on record as a past declaration.` : undefined}
    >
      {interest ? <EndInterestForm interest={interest} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function EndInterestForm({ interest, onClose }: { interest: Interest; onClose: () => void }) {
  const { control, handleSubmit, setError, formState } = useForm<{ endedOn: string }>({
    resolver: withDateChecks(zodResolver(endSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { endedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['endedOn']);
  const onValid = async (v: { endedOn: string }) => {
    outcome.clear();
    const result = await call('interests.end', { id: interest.id, endedOn: v.endedOn });
    await outcome.settle(result, () => 'Interest recorded as ended.', onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="End an interest">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not ended" />
      <DateField id="endedOn" label="Date the interest ended" error={errorAt(formState.errors, 'endedOn')} control={control} name="endedOn" />
      <DialogButtons submitLabel="End interest" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
