import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { setUpSchema, type SetUpInput } from '../../../../shared/contract/organisation';
import { LEGAL_FORMS, type LegalForm } from '../../../../shared/domain/legal-form';
import { RULE_KEYS, defaultRuleValues } from '../../../../shared/rules/governing-rules';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { ParticularsFields } from '../settings/OrganisationFields';
import { RulesFields } from '../settings/RulesFields';
import { withDateChecks } from '../../lib/mapped-resolver';

type FormValues = SetUpInput;

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

const EMPTY: FormValues = {
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
 * First run: the secretary records the organisation and its governing-document rules. The
 * rules start at the defaults for the chosen legal form, each showing its source.
 */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<FormValues>({
    resolver: withDateChecks(zodResolver(setUpSchema) as never) as never,
    defaultValues: EMPTY,
    mode: 'onSubmit',
    reValidateMode: 'onBlur',
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = form;
  const legalForm = useWatch({ control, name: 'particulars.legalForm' }) as LegalForm | '';
  const proxiesAllowed = useWatch({ control, name: 'rules.proxiesAllowed' }) as boolean;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
    document.title = 'Set up your mutual – Mutual Governance';
  }, []);

  // A new legal form brings its own defaults; rules the secretary has already changed stay.
  useEffect(() => {
    if (!legalForm || !(LEGAL_FORMS as readonly string[]).includes(legalForm)) return;
    const defaults = defaultRuleValues(legalForm);
    for (const key of RULE_KEYS) {
      if (!getFieldState(`rules.${key}`).isDirty) setValue(`rules.${key}`, defaults[key] as never, { shouldDirty: false });
    }
  }, [legalForm, getFieldState, setValue]);

  const onInvalid = (_errors: FieldErrors<FormValues>) => {
    setGeneral(null);
    setAttempt((a) => a + 1);
  };

  const onValid = async (values: FormValues) => {
    setGeneral(null);
    const result = await call('organisation.setUp', values);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(`${result.value.name} is set up.`);
      navigate('/', { replace: true });
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN_PATHS));
    setAttempt((a) => a + 1);
  };

  const summary = flattenErrors(formState.errors);

  return (
    <div className="centre-page">
      <div className="topline" aria-hidden="true">
        Mutual Governance
      </div>
      <h1 tabIndex={-1} ref={headingRef}>
        Set up your mutual
      </h1>
      <p className="lede muted">
        This file will keep the statutory registers, meetings, votes and audit log of one organisation. You can change all of this later in
        Settings; every change is recorded in the audit log.
      </p>
      <ErrorSummary items={summary} focusKey={attempt} />
      {general ? <Banner tone="error" title="The organisation was not set up">{general}</Banner> : null}
      <form onSubmit={handleSubmit(onValid, onInvalid)} noValidate aria-label="Set up your mutual">
        <div className="card">
          <fieldset>
            <legend>About the organisation</legend>
            <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="organisation" />
          </fieldset>
        </div>
        <div className="card">
          <fieldset>
            <legend>Registered office</legend>
            <p className="fieldset-hint">The official address on the public register.</p>
            <ParticularsFields register={register} control={control} errors={formState.errors} prefix="particulars." legalForm={legalForm} section="office" />
          </fieldset>
        </div>
        <div className="card">
          <fieldset>
            <legend>Rules from your governing document</legend>
            <p className="fieldset-hint">
              Your articles of association or registered rules. The app computes notice periods, quorums and majorities from these. Each starts at
              the default for your legal form; change any your document sets differently.
            </p>
            <RulesFields register={register} errors={formState.errors} legalForm={legalForm} prefix="rules." proxiesAllowed={proxiesAllowed} />
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Setting up…' : 'Set up the organisation'}
          </button>
        </div>
      </form>
    </div>
  );
}
