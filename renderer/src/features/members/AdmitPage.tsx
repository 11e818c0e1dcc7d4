import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { admitSchema, memberName, type AdmitInput, type MemberDetail } from '../../../../shared/contract/members';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { formatPence } from '../../../../shared/rules/shareholding';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { applyServerErrors, errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { PageHeader } from '../../ui/PageHeader';
import { useToast } from '../../ui/Toasts';
import { shareTermsSummary, votingSummary } from '../classes/class-terms';
import { mappedResolver } from '../../lib/mapped-resolver';
import { EMPTY_PARTICULARS, particularsPaths, particularsValues, toAdmitInput, type AdmitValues } from './member-form-values';
import { parsePounds, poundsInput } from '../../lib/money';
import { ParticularsFields } from './ParticularsFields';
import { useLegalForm } from '../../lib/useLegalForm';
import './register.css';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';

const KNOWN_PATHS = [
  'classId',
  'applicationDate',
  'admittedOn',
  'boardReference',
  'initialShares.shares',
  'initialShares.amountPaidPence',
  ...particularsPaths('particulars.'),
];

/**
 * Entering a person in the register (CA 2006 s112: a member only once entered). With
 * ?previous=<entry> it re-admits a former member, linking the new entry to the earlier one.
 */
export function AdmitPage() {
  const [params] = useSearchParams();
  const previousId = params.get('previous');
  const classes = useApiQuery('classes.list', {});
  const form = useLegalForm();
  const previous = useApiQuery('members.get', { id: previousId ?? '' }, { enabled: previousId !== null });
  const title = previousId ? 'Re-admit a former member' : 'Admit a member';

  if (classes.error || previous.error) {
    return (
      <div className="page page-narrow">
        <PageHeader title={title} />
        <Banner tone="error" title="This form could not be opened">
          <p>{(classes.error ?? previous.error)?.message}</p>
        </Banner>
      </div>
    );
  }
  if (!classes.data || !form || (previousId && !previous.data)) return <p role="status">Loading…</p>;
  if (classes.data.length === 0) {
    return (
      <div className="page page-narrow">
        <PageHeader title={title} />
        <div className="card empty">
          <h2>Set up the membership classes first</h2>
          <p>Every member belongs to a class, which sets who may join and their voting rights.</p>
          <Link className="btn btn-primary" to="/register/classes">
            Go to membership classes
          </Link>
        </div>
      </div>
    );
  }
  return <AdmitForm title={title} classes={classes.data} form={form} previous={previous.data ?? null} />;
}

function AdmitForm({ title, classes, form, previous }: { title: string; classes: MembershipClass[]; form: LegalFormInfo; previous: MemberDetail | null }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const byId = (id: string) => classes.find((c) => c.id === id);
  const scopeFor = (classId: string) => ({ family: form.family, hasShares: form.hasShares, employeeClass: byId(classId)?.isEmployeeClass === true });
  const firstClass = classes.length === 1 ? classes[0] : undefined;
  const startClass = previous && byId(previous.classId) ? previous.classId : (firstClass?.id ?? '');
  const startNominal = byId(startClass)?.shareTerms?.nominalPence ?? null;

  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<AdmitValues, unknown, AdmitInput>({
    resolver: mappedResolver(admitSchema, (v: AdmitValues) => toAdmitInput(v, scopeFor(v.classId), previous?.id)) as never,
    defaultValues: {
      classId: startClass,
      particulars: previous ? particularsValues(previous.particulars) : EMPTY_PARTICULARS,
      applicationDate: '',
      admittedOn: todayUk(),
      boardReference: '',
      initialShares: { shares: '1', amountPaidPence: poundsInput(startNominal) },
    },
    shouldFocusError: false,
  });
  const classId = useWatch({ control, name: 'classId' });
  const shares = useWatch({ control, name: 'initialShares.shares' });
  const cls = byId(classId);
  const nominal = cls?.shareTerms?.nominalPence ?? null;
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });

  // The amount paid follows the number of shares at their nominal value until the secretary types their own.
  const followNominal = (nextShares: string, nextNominal: number | null) => {
    if (getFieldState('initialShares.amountPaidPence').isDirty || nextNominal === null) return;
    const n = /^\d+$/.test(nextShares.trim()) ? Number(nextShares.trim()) : null;
    setValue('initialShares.amountPaidPence', n === null ? '' : poundsInput(n * nextNominal), { shouldDirty: false });
  };

  const onValid = async (input: AdmitInput) => {
    setGeneral(null);
    const result = await call('members.admit', input);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast(`Member ${result.value.memberNumber} admitted`);
      navigate(`/register/members/${result.value.id}`);
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN_PATHS));
    setAttempt((a) => a + 1);
  };

  const paid = parsePounds(useWatch({ control, name: 'initialShares.amountPaidPence' }) ?? '');
  const shareCount = /^\d+$/.test((shares ?? '').trim()) ? Number(shares) : null;
  const unpaid = nominal !== null && shareCount !== null && paid !== null && !Number.isNaN(paid) && paid < shareCount * nominal;

  return (
    <div className="page page-narrow">
      <PageHeader
        title={title}
        lede={
          previous
            ? `A new entry for ${memberName(previous.particulars)}, linked to their earlier membership (member ${previous.memberNumber}).`
            : 'A person becomes a member when they are entered in the register (CA 2006 s112; CCBS Act 2014 s30).'
        }
      />
      {previous?.ceasedOn ? (
        <Banner tone="info" title={`Member ${previous.memberNumber} ceased on ${formatLegalDate(previous.ceasedOn)}`}>
          <p>Their particulars are filled in from that entry; check they are still correct. The new admission must be after that date.</p>
        </Banner>
      ) : null}
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title="The member was not admitted">
          <p>{general}</p>
        </Banner>
      ) : null}
      <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate className="register-form" aria-label={title}>
        <div className="card">
          <fieldset>
            <legend>Membership</legend>
            <Field {...field('classId')} label="Membership class" hint={cls ? classHint(cls, form.family) : 'The class sets who may join and their voting rights.'}>
              <select
                {...register('classId', {
                  onChange: (e: { target: { value: string } }) => followNominal(shares, byId(e.target.value)?.shareTerms?.nominalPence ?? null),
                })}
              >
                <option value="">Choose…</option>
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <div className="field-row">
              <DateField {...field('applicationDate')} label="Application date (optional)" control={control} name="applicationDate" />
              <DateField {...field('admittedOn')} label="Admission date" hint="The date the board admitted them." control={control} name="admittedOn" />
            </div>
            <Field {...field('boardReference')} label="Board decision reference (optional)" hint="For example the minute number, BM 2025/14.">
              <input type="text" {...register('boardReference')} />
            </Field>
          </fieldset>
        </div>

        <ParticularsFields register={register} control={control} errors={formState.errors} family={form.family} hasShares={form.hasShares} cls={cls} />

        {form.hasShares ? (
          <div className="card">
            <fieldset>
              <legend>Shares on admission</legend>
              <p className="fieldset-hint">
                {nominal !== null ? `Each ${cls?.name} share has a nominal value of ${formatPence(nominal)}.` : 'Choose the class to see the share terms.'}
              </p>
              <div className="field-row">
                <Field {...field('initialShares.shares')} label="Number of shares">
                  <input
                    type="text"
                    inputMode="numeric"
                    className="narrow"
                    {...register('initialShares.shares', { onChange: (e: { target: { value: string } }) => followNominal(e.target.value, nominal) })}
                  />
                </Field>
                <Field {...field('initialShares.amountPaidPence')} label="Amount paid" hint="In pounds, for example 1.00">
                  <input type="text" inputMode="decimal" className="narrow" {...register('initialShares.amountPaidPence')} />
                </Field>
              </div>
              {unpaid ? <p className="muted">The shares will be partly paid: {formatPence(shareCount * nominal - paid)} is still to be paid up.</p> : null}
            </fieldset>
          </div>
        ) : null}

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Admitting…' : 'Admit and enter in the register'}
          </button>
          <Link to="/register">Cancel</Link>
        </div>
      </form>
    </div>
  );
}

function classHint(c: MembershipClass, family: 'company' | 'society'): string {
  return [c.description, votingSummary(c), shareTermsSummary(c, family)].filter(Boolean).join(' · ');
}
