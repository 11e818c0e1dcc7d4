import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { setUpSchema, type SetUpInput } from '../../../../shared/contract/organisation';
import { LEGAL_FORMS, type LegalForm } from '../../../../shared/domain/legal-form';
import { RULE_KEYS, defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { call } from '../../api/client';
import { withDateChecks } from '../../lib/mapped-resolver';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { DialogButtons } from '../../ui/FormDialog';
import { useToast } from '../../ui/Toasts';
import { ParticularsFields } from '../settings/OrganisationFields';
import { RulesFields } from '../settings/RulesFields';

const KNOWN_PATHS = [
  'particulars.name',
  'particulars.legalForm',
  'particulars.registrationNumber',
  'particulars.registeredOffice.line1',
  'particulars.registeredOffice.line2',
  'particulars.registeredOffice.town',
  'particulars.registeredOffice.county',
  'particulars.registeredOffice.postcode',
  'particulars.registeredOffice.country',
  'particulars.incorporatedOn',
  'particulars.financialYearEnd',
  ...RULE_KEYS.map((k) => `rules.${k}`),
];

const EMPTY: SetUpInput = {
  particulars: {
    name: '',
    legalForm: '' as LegalForm,
    registrationNumber: '',
    registeredOffice: { line1: '', line2: '', town: '', county: '', postcode: '', country: '' as 'england' },
    incorporatedOn: '',
    financialYearEnd: '',
  },
  rules: defaultRuleValues('company_limited_by_guarantee'),
};

/**
 * Another organisation in this file (group.addOrganisation): the set-up form's own fields
 * (ParticularsFields and RulesFields, with the same schema and checks), in a dialog.
 */
export function AddOrganisationForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<SetUpInput>({
    resolver: withDateChecks(zodResolver(setUpSchema) as never) as never,
    defaultValues: EMPTY,
    reValidateMode: 'onBlur',
    shouldFocusError: false,
  });
  const legalForm = useWatch({ control, name: 'particulars.legalForm' }) as LegalForm | '';
  const proxiesAllowed = useWatch({ control, name: 'rules.proxiesAllowed' }) as boolean;

  // A new legal form brings its own defaults; rules already changed stay (as at set-up).
  useEffect(() => {
    if (!legalForm || !(LEGAL_FORMS as readonly string[]).includes(legalForm)) return;
    const defaults = defaultRuleValues(legalForm);
    for (const key of RULE_KEYS) {
      if (!getFieldState(`rules.${key}`).isDirty) setValue(`rules.${key}`, defaults[key] as never, { shouldDirty: false });
    }
  }, [legalForm, getFieldState, setValue]);

  const onValid = async (values: SetUpInput) => {
    setGeneral(null);
    const result = await call('group.addOrganisation', values);
    if (result.ok) {
      await queryClient.invalidateQueries({ queryKey: ['group.organisations'] });
      toast(`${result.value.name} is added to this file. Switch to it from the top bar to keep its records.`);
      onDone();
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN_PATHS));
    setAttempt((a) => a + 1);
  };

  return (
    <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate aria-label="Add an organisation">
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? <Banner tone="error" title="The organisation was not added">{general}</Banner> : null}
      <fieldset>
        <legend>About the organisation</legend>
        <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="organisation" />
      </fieldset>
      <fieldset>
        <legend>Registered office</legend>
        <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="office" />
      </fieldset>
      <fieldset>
        <legend>Rules from its governing document</legend>
        <RulesFields register={register} errors={formState.errors} legalForm={legalForm} prefix="rules." proxiesAllowed={proxiesAllowed} />
      </fieldset>
      <DialogButtons submitLabel={formState.isSubmitting ? 'Adding…' : 'Add the organisation'} busy={formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
