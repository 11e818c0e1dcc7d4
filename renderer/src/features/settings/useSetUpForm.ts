import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { setUpSchema, type SetUpInput } from '../../../../shared/contract/organisation';
import { LEGAL_FORMS, type LegalForm } from '../../../../shared/domain/legal-form';
import { RULE_KEYS, defaultRuleValues } from '../../../../shared/rules/governing-rules';
import type { Result } from '../../../../shared/result';
import { withDateChecks } from '../../lib/mapped-resolver';
import { applyServerErrors } from '../../ui/form-errors';

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
 * The organisation's particulars and governing-document rules, as first run sets them up
 * (SetupPage, organisation.setUp) and as another organisation is added to the file
 * (AddOrganisationForm, group.addOrganisation): one schema, one set of checks, and the rules
 * following the legal form chosen. Each page keeps its own words and what happens once saved.
 * - save: the contract call with the values;
 * - onSaved: what follows a save (the caller's toast, navigation or closing);
 * - clearGeneralOnInvalid: whether a submit refused by the checks here also clears the banner of
 *   the last refusal by the core (first run does; the dialog keeps it in view).
 */
export function useSetUpForm<T>({
  save,
  onSaved,
  clearGeneralOnInvalid,
}: {
  save: (values: SetUpInput) => Promise<Result<T>>;
  onSaved: (value: T) => Promise<void> | void;
  clearGeneralOnInvalid: boolean;
}) {
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<SetUpInput>({
    resolver: withDateChecks(zodResolver(setUpSchema) as never) as never,
    defaultValues: EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
    shouldFocusError: false,
  });
  const { control, handleSubmit, setError, setValue, getFieldState } = form;
  const legalForm = useWatch({ control, name: 'particulars.legalForm' }) as LegalForm | '';
  const proxiesAllowed = useWatch({ control, name: 'rules.proxiesAllowed' }) as boolean;

  // A new legal form brings its own defaults; rules the secretary has already changed stay.
  useEffect(() => {
    if (!legalForm || !(LEGAL_FORMS as readonly string[]).includes(legalForm)) return;
    const defaults = defaultRuleValues(legalForm);
    for (const key of RULE_KEYS) {
      if (!getFieldState(`rules.${key}`).isDirty) setValue(`rules.${key}`, defaults[key] as never, { shouldDirty: false });
    }
  }, [legalForm, getFieldState, setValue]);

  const onValid = async (values: SetUpInput) => {
    setGeneral(null);
    const result = await save(values);
    if (result.ok) {
      await onSaved(result.value);
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN_PATHS));
    setAttempt((a) => a + 1);
  };
  const onInvalid = () => {
    if (clearGeneralOnInvalid) setGeneral(null);
    setAttempt((a) => a + 1);
  };

  return { form, legalForm, proxiesAllowed, general, attempt, onSubmit: handleSubmit(onValid, onInvalid) };
}
