import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { classInputSchema, VOTING_RIGHTS, VOTING_RIGHTS_LABEL, type ClassInput, type MembershipClass } from '../../../../shared/contract/classes';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxField, Field } from '../../ui/Field';
import { applyServerErrors, errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { mappedResolver } from '../../lib/mapped-resolver';
import { toClassInput, type ClassValues } from './class-form-values';

const KNOWN_PATHS = [
  'name',
  'description',
  'votingRights',
  'votesPerMember',
  'isEmployeeClass',
  'eligibility.minAgeYears',
  'eligibility.minWeeklyHours',
  'eligibility.minServiceMonths',
  'shareTerms.nominalPence',
  'shareTerms.withdrawable',
  'shareTerms.transferable',
  'shareTerms.maxHolding',
  'shareTerms.redeemable',
  'shareTerms.numbered',
  'voteCap.pct',
  'voteCap.source',
];

/** Create or change a membership class. Share terms appear only where the legal form has shares. */
export function ClassForm(props: {
  form: LegalFormInfo;
  editing: MembershipClass | null;
  initial: ClassValues;
  onDone: (saved: MembershipClass) => void;
  onCancel: () => void;
}) {
  const { form, editing } = props;
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<ClassValues, unknown, ClassInput>({
    resolver: mappedResolver(classInputSchema, (v: ClassValues) => toClassInput(v, form.hasShares)) as never,
    defaultValues: props.initial,
    shouldFocusError: false,
  });
  const voting = useWatch({ control, name: 'votingRights' });
  const employee = useWatch({ control, name: 'isEmployeeClass' });
  const capped = useWatch({ control, name: 'voteCap.capped' });
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const votingError = errorAt(formState.errors, 'votingRights');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onValid = async (input: ClassInput) => {
    setGeneral(null);
    const result = editing ? await call('classes.update', { id: editing.id, changes: input }) : await call('classes.create', input);
    if (result.ok) {
      props.onDone(result.value);
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, KNOWN_PATHS));
    setAttempt((a) => a + 1);
  };

  const title = editing ? `Change the ${editing.name} class` : 'New membership class';
  return (
    <section aria-labelledby="class-form-h">
      <h2 id="class-form-h" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {editing && editing.currentMembers > 0 ? (
        <p className="muted">
          The class has {editing.currentMembers} current member{editing.currentMembers === 1 ? '' : 's'}. Terms they would no longer meet are refused.
        </p>
      ) : null}
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title="The class was not saved">
          <p>{general}</p>
        </Banner>
      ) : null}
      <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate className="register-form" aria-labelledby="class-form-h">
        <div className="card">
          <fieldset>
            <legend>The class</legend>
            <Field {...field('name')} label="Name" hint="As your governing document names it, e.g. Employee or Community.">
              <input type="text" autoComplete="off" {...register('name')} />
            </Field>
            <Field {...field('description')} label="Who may join (optional)" hint="The admission terms from your articles or rules, in your own words.">
              <textarea rows={3} {...register('description')} />
            </Field>
          </fieldset>
        </div>

        <div className="card">
          <fieldset aria-describedby={votingError ? 'votingRights-error' : undefined} className={votingError ? 'field has-error' : undefined}>
            <legend>Voting rights</legend>
            {votingError ? (
              <span className="error-message" id="votingRights-error">
                <span className="visually-hidden">Error: </span>
                {votingError}
              </span>
            ) : null}
            {VOTING_RIGHTS.filter((v) => v !== 'per_share' || form.hasShares).map((v, i) => (
              <div className="radio" key={v}>
                <input type="radio" id={i === 0 ? 'votingRights' : `votingRights-${v}`} value={v} {...register('votingRights')} />
                <label htmlFor={i === 0 ? 'votingRights' : `votingRights-${v}`}>{VOTING_RIGHTS_LABEL[v]}</label>
              </div>
            ))}
            {voting === 'per_member' ? (
              <div className="conditional">
                <Field {...field('votesPerMember')} label="Votes per member" hint="Usually 1: one member, one vote.">
                  <input type="text" inputMode="numeric" className="narrow" {...register('votesPerMember')} />
                </Field>
              </div>
            ) : null}
          </fieldset>
        </div>

        <div className="card">
          <fieldset aria-describedby="voteCap-hint">
            <legend>Cap on this class’s share of the votes in a ballot</legend>
            <p className="fieldset-hint" id="voteCap-hint">
              For societies whose rules limit a class, for example investor or supporter members, to a share of the votes such as 10%, as the Co-operatives UK
              Multi-stakeholder Co-operative Model Rules allow. In a ballot, a class that would hold more than its cap has its votes weighted to exactly its cap;
              a ballot already open keeps the roll it froze. Leave this off if your rules set no cap.
            </p>
            <CheckboxField {...field('voteCap.capped')} label="The rules cap this class’s share of the votes">
              <input {...register('voteCap.capped')} />
            </CheckboxField>
            {capped ? (
              <div className="conditional">
                <Field {...field('voteCap.pct')} label="Cap, as a percentage of all the votes" hint="Above 0 and below 100, to two decimal places at most, for example 10.">
                  <input type="text" inputMode="decimal" className="narrow" {...register('voteCap.pct')} />
                </Field>
                <Field {...field('voteCap.source')} label="Which rule sets this cap" hint="As your rules number it, for example Rule 14(b). The ballot’s roll names it beside the weighting.">
                  <input type="text" autoComplete="off" {...register('voteCap.source')} />
                </Field>
              </div>
            ) : null}
          </fieldset>
        </div>

        <div className="card">
          <fieldset>
            <legend>Employees</legend>
            <CheckboxField {...field('isEmployeeClass')} label="This is an employee class">
              <input {...register('isEmployeeClass')} />
            </CheckboxField>
            {employee ? (
              <div className="conditional">
                <p className="fieldset-hint">
                  Members of this class are checked against these conditions on the day they are admitted. Leave a condition empty if your governing
                  document does not set it.
                </p>
                <div className="field-row">
                  <Field {...field('eligibility.minAgeYears')} label="Minimum age (years)">
                    <input type="text" inputMode="numeric" className="narrow" {...register('eligibility.minAgeYears')} />
                  </Field>
                  <Field {...field('eligibility.minWeeklyHours')} label="Minimum contracted weekly hours">
                    <input type="text" inputMode="decimal" className="narrow" {...register('eligibility.minWeeklyHours')} />
                  </Field>
                  <Field {...field('eligibility.minServiceMonths')} label="Minimum months of service">
                    <input type="text" inputMode="numeric" className="narrow" {...register('eligibility.minServiceMonths')} />
                  </Field>
                </div>
              </div>
            ) : null}
          </fieldset>
        </div>

        {form.hasShares ? (
          <div className="card">
            <fieldset>
              <legend>Share terms</legend>
              <p className="fieldset-hint">Members of a {form.label.toLowerCase()} hold shares. Set the terms of this class’s shares.</p>
              <div className="field-row">
                <Field {...field('shareTerms.nominalPence')} label="Nominal value of one share" hint="In pounds, for example 1.00">
                  <input type="text" inputMode="decimal" className="narrow" {...register('shareTerms.nominalPence')} />
                </Field>
                <Field {...field('shareTerms.maxHolding')} label="Maximum shares per member (optional)">
                  <input type="text" inputMode="numeric" className="narrow" {...register('shareTerms.maxHolding')} />
                </Field>
              </div>
              {form.family === 'society' ? (
                <CheckboxField
                  {...field('shareTerms.withdrawable')}
                  label="Withdrawable"
                  source="A member’s withdrawable shares may not exceed £100,000 in total, unless the member is itself a registered society (CCBS Act 2014 s24)."
                >
                  <input {...register('shareTerms.withdrawable')} />
                </CheckboxField>
              ) : (
                <CheckboxField
                  {...field('shareTerms.redeemable')}
                  label="Issued as redeemable"
                  source="Only shares issued as redeemable can be redeemed (CA 2006 s684), and not while the company has no shares in issue that are not redeemable (s684(4)). A company’s shares are never withdrawable; it can also buy back shares (s690)."
                >
                  <input {...register('shareTerms.redeemable')} />
                </CheckboxField>
              )}
              <CheckboxField {...field('shareTerms.transferable')} label="Transferable between members">
                <input {...register('shareTerms.transferable')} />
              </CheckboxField>
              <CheckboxField
                {...field('shareTerms.numbered')}
                label="Each share has a number"
                source="The register then shows the numbers of the shares each member holds (CA 2006 s113(3)). This is fixed once the class’s first shares are issued."
              >
                <input {...register('shareTerms.numbered')} />
              </CheckboxField>
            </fieldset>
          </div>
        ) : null}

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {editing ? 'Save the class' : 'Create the class'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
