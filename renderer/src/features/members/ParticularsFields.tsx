import { useFieldArray, useWatch, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { MAX_JOINT_HOLDERS, ORGANISATION_KINDS, ORGANISATION_KIND_LABEL } from '../../../../shared/contract/members';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { CheckboxField, Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { eligibilitySummary } from '../classes/class-terms';
import { DateField, type FormControl } from '../../ui/DateInput';
import { foldText } from '../../../../shared/rules/fold';

/**
 * A member's particulars: who they are (a person, or an organisation with one name and a named
 * representative), address, contact and, for an employee class, employment. The form adapts to
 * what the register may hold: joint holders only for shares in a company (CA 2006 s113(5)),
 * e-mail purposes and loans and deposits only for societies (CCBS Act 2014 s30), employee
 * details only for a person in an employee class.
 */
export function ParticularsFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  control: FormControl<T>;
  errors: FieldErrors<T>;
  family: FormFamily;
  hasShares: boolean;
  cls: MembershipClass | undefined;
  /** Editing: the address a standing agreement to notices by e-mail was given for; null for none. */
  agreedAddress?: string | null;
}) {
  const { register, control, errors, family, hasShares, cls, agreedAddress = null } = props;
  const p = (k: string) => `particulars.${k}` as Path<T>;
  const field = (k: string) => ({ id: fieldId(p(k)), error: errorAt(errors, p(k)) });
  const society = family === 'society';
  const kind = useWatch({ control, name: p('kind') }) as unknown as string;
  const organisationKind = useWatch({ control, name: p('organisation.organisationKind') }) as unknown as string;
  const commsAgreed = useWatch({ control, name: p('electronicComms.agreed') }) as unknown as boolean;
  const commsWithdrawn = useWatch({ control, name: p('electronicComms.withdrawn') }) as unknown as boolean;
  const email = useWatch({ control, name: p('email') }) as unknown as string;
  // A new address (not the same one in other capitals) while the agreement stands needs the
  // secretary's word that the member gave it for notices (CA 2006 Sch 5 para 7).
  const addressChanged = agreedAddress !== null && (email ?? '').trim() !== '' && foldText((email ?? '').trim()) !== foldText(agreedAddress.trim());  const joint = useFieldArray({ control: control as never, name: p('jointHolders') as never });
  const organisation = kind === 'organisation';
  const jointAllowed = family === 'company' && hasShares && !organisation;
  const employee = cls?.isEmployeeClass === true && !organisation;
  const eligibility = cls ? eligibilitySummary(cls) : null;
  // A minimum age of 0 is no minimum, so the date of birth is not needed to check it.
  const minAge = employee && (cls?.eligibility.minAgeYears ?? 0) > 0 ? cls?.eligibility.minAgeYears : null;

  return (
    <>
      <div className="card">
        <fieldset aria-describedby={errorAt(errors, p('kind')) ? `${fieldId(p('kind'))}-error` : undefined}>
          <legend>The member</legend>
          {errorAt(errors, p('kind')) ? (
            <span className="error-message" id={`${fieldId(p('kind'))}-error`}>
              <span className="visually-hidden">Error: </span>
              {errorAt(errors, p('kind'))}
            </span>
          ) : null}
          <div className="radios radios-inline member-kind">
            <div className="checkbox">
              <input type="radio" id={fieldId(p('kind'))} value="individual" {...register(p('kind'))} />
              <label htmlFor={fieldId(p('kind'))}>A person</label>
            </div>
            <div className="checkbox">
              <input type="radio" id={`${fieldId(p('kind'))}-organisation`} value="organisation" {...register(p('kind'))} />
              <label htmlFor={`${fieldId(p('kind'))}-organisation`}>An organisation (a council, an NHS trust, a trustee company, a society)</label>
            </div>
          </div>
          {organisation ? (
            <>
              <Field {...field('familyName')} label="Name of the organisation" hint="Its full legal name, as the register should show it.">
                <input type="text" autoComplete="off" {...register(p('familyName'))} />
              </Field>
              <div className="field-row">
                <Field {...field('organisation.organisationKind')} label="Kind of organisation">
                  <select {...register(p('organisation.organisationKind'))}>
                    <option value="">Choose…</option>
                    {ORGANISATION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {ORGANISATION_KIND_LABEL[k]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  {...field('organisation.registrationNumber')}
                  label={organisationKind === 'registered_society' ? 'Society number' : 'Registration number (optional)'}
                  hint={organisationKind === 'registered_society' ? 'From the FCA Mutuals Public Register, for example 30012R.' : 'Its company or charity number, if it has one.'}
                  source={
                    society && organisationKind === 'registered_society'
                      ? 'A member that is itself a registered society is outside the £100,000 limit on withdrawable shares (CCBS Act 2014 s24(2)).'
                      : undefined
                  }
                >
                  <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register(p('organisation.registrationNumber'))} />
                </Field>
              </div>
              <Field
                {...field('organisation.representative')}
                label="Its representative (optional)"
                hint="The person it has named to act for it, for example at general meetings."
                source={family === 'company' ? 'A corporate member may authorise a person to act as its representative (CA 2006 s323).' : 'The society’s rules say how a corporate member is represented.'}
              >
                <input type="text" autoComplete="off" {...register(p('organisation.representative'))} />
              </Field>
            </>
          ) : (
            <>
              <div className="field-row">
                <Field {...field('givenNames')} label="Given names">
                  <input type="text" autoComplete="off" {...register(p('givenNames'))} />
                </Field>
                <Field {...field('familyName')} label="Family name">
                  <input type="text" autoComplete="off" {...register(p('familyName'))} />
                </Field>
              </div>
              <DateField
                {...field('dateOfBirth')}
                label={minAge ? 'Date of birth' : 'Date of birth (optional)'}
                hint={minAge ? `Needed to check the minimum age of ${minAge}.` : undefined}
                control={control}
                name={p('dateOfBirth')}
              />
            </>
          )}
        </fieldset>
      </div>

      {jointAllowed ? (
        <div className="card">
          <fieldset>
            <legend>Joint holders (optional)</legend>
            <p className="fieldset-hint">
              Where shares are held jointly, the person above is the first-named holder and receives notices; enter the others in order. They are one member, with one address (CA 2006 s113(5)).
            </p>
            {errorAt(errors, p('jointHolders')) ? (
              <span className="error-message">
                <span className="visually-hidden">Error: </span>
                {errorAt(errors, p('jointHolders'))}
              </span>
            ) : null}
            {joint.fields.map((f, i) => (
              <div className="field-row joint-holder" key={f.id}>
                <Field {...field(`jointHolders.${i}.givenNames`)} label={`Joint holder ${i + 2}: given names`}>
                  <input type="text" autoComplete="off" {...register(p(`jointHolders.${i}.givenNames`))} />
                </Field>
                <Field {...field(`jointHolders.${i}.familyName`)} label={`Joint holder ${i + 2}: family name`}>
                  <input type="text" autoComplete="off" {...register(p(`jointHolders.${i}.familyName`))} />
                </Field>
                <button type="button" className="btn btn-secondary btn-small" onClick={() => joint.remove(i)}>
                  Remove<span className="visually-hidden"> joint holder {i + 2}</span>
                </button>
              </div>
            ))}
            {joint.fields.length < MAX_JOINT_HOLDERS ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => joint.append({ givenNames: '', familyName: '' } as never)}>
                Add a joint holder
              </button>
            ) : null}
          </fieldset>
        </div>
      ) : null}

      <div className="card">
        <fieldset>
          <legend>Address</legend>
          <p className="fieldset-hint">The address the register records, where notices are sent.</p>
          <Field {...field('address.line1')} label="Address line 1">
            <input type="text" autoComplete="off" {...register(p('address.line1'))} />
          </Field>
          <Field {...field('address.line2')} label="Address line 2 (optional)">
            <input type="text" autoComplete="off" {...register(p('address.line2'))} />
          </Field>
          <div className="field-row">
            <Field {...field('address.town')} label="Town or city">
              <input type="text" autoComplete="off" {...register(p('address.town'))} />
            </Field>
            <Field {...field('address.postcode')} label="Postcode" hint="Leave empty for an address abroad.">
              <input type="text" className="narrow" autoComplete="off" {...register(p('address.postcode'))} />
            </Field>
            <Field {...field('address.country')} label="Country (optional)" hint="Only for an address outside the UK.">
              <input type="text" autoComplete="off" {...register(p('address.country'))} />
            </Field>
          </div>
        </fieldset>
      </div>

      <div className="card">
        <fieldset>
          <legend>Contact</legend>
          <Field {...field('email')} label="E-mail address (optional)">
            <input type="email" autoComplete="off" spellCheck={false} {...register(p('email'))} />
          </Field>
          {society ? (
            <Field
              {...field('emailPurposes')}
              label="What the e-mail address may be used for (optional)"
              hint="For example: notices of meetings, ballots, the annual report."
              source="A society’s register records the purposes a member gave their e-mail address for (CCBS Act 2014 s30)."
            >
              <input type="text" {...register(p('emailPurposes'))} />
            </Field>
          ) : null}
          <div className="member-notices">
            <CheckboxField
              id={fieldId(p('electronicComms.agreed'))}
              label={society ? 'Has agreed to receive notices by e-mail (as the society’s rules provide)' : 'Has agreed to receive notices by e-mail (Companies Act 2006 Sch 5 para 6)'}
              source={
                society
                  ? 'The society’s rules say how notice is given. Without a recorded agreement, notices go by post to the address above.'
                  : 'Notices and other documents may be sent by e-mail only to a member who has agreed and not withdrawn their agreement, at the address they gave for it (CA 2006 s1144(2), Sch 5 paras 6-7). Without a recorded agreement, notices go by post to the address above.'
              }
            >
              <input {...register(p('electronicComms.agreed'))} />
            </CheckboxField>
            {commsAgreed ? (
              <div className="conditional">
                <DateField {...field('electronicComms.agreedOn')} label="Date they agreed" hint="As on their signed form or e-mail." control={control} name={p('electronicComms.agreedOn')} />
                {addressChanged && !commsWithdrawn ? (
                  <CheckboxField
                    id={fieldId(p('electronicComms.confirmedForAddress'))}
                    error={errorAt(errors, p('electronicComms.confirmedForAddress'))}
                    label="They gave this new address for notices"
                    source={
                      society
                        ? `They agreed for ${agreedAddress}. Untick the agreement above, or record that they withdrew it, if they have not given the new address for notices.`
                        : `They agreed for ${agreedAddress}. Notices go by e-mail only to an address the member gave for the purpose (CA 2006 Sch 5 para 7); untick the agreement above, or record that they withdrew it, if they have not.`
                    }
                  >
                    <input {...register(p('electronicComms.confirmedForAddress'))} />
                  </CheckboxField>
                ) : null}
                <CheckboxField id={fieldId(p('electronicComms.withdrawn'))} label="They have since withdrawn their agreement">
                  <input {...register(p('electronicComms.withdrawn'))} />
                </CheckboxField>
                {commsWithdrawn ? (
                  <DateField
                    {...field('electronicComms.revokedOn')}
                    label="Date they withdrew it"
                    hint="Notices sent on or after this date go by post. Record a withdrawal here rather than unticking the box above, so earlier notices still show how they were sent."
                    control={control}
                    name={p('electronicComms.revokedOn')}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
        </fieldset>
      </div>

      {employee ? (
        <div className="card">
          <fieldset>
            <legend>Employment</legend>
            <p className="fieldset-hint">
              Kept only because the {cls?.name} class is for employees.{eligibility ? ` Eligibility: ${eligibility}.` : ''}
            </p>
            <div className="field-row">
              <Field {...field('employee.employeeNumber')} label="Employee number">
                <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register(p('employee.employeeNumber'))} />
              </Field>
              <Field {...field('employee.serviceArea')} label="Service area (optional)">
                <input type="text" {...register(p('employee.serviceArea'))} />
              </Field>
            </div>
            <div className="field-row">
              <DateField {...field('employee.employmentStart')} label="Employment start" control={control} name={p('employee.employmentStart')} />
              <DateField {...field('employee.employmentEnd')} label="Employment end (optional)" control={control} name={p('employee.employmentEnd')} />
              <Field
                {...field('employee.weeklyHours')}
                label={cls?.eligibility.minWeeklyHours !== null ? 'Contracted weekly hours' : 'Contracted weekly hours (optional)'}
                hint="For example 37.5"
              >
                <input type="text" inputMode="decimal" className="narrow" {...register(p('employee.weeklyHours'))} />
              </Field>
            </div>
          </fieldset>
        </div>
      ) : null}

      {society ? (
        <div className="card">
          <fieldset>
            <legend>Loans and deposits</legend>
            <Field
              {...field('loansAndDepositsPence')}
              label="Loans and deposits held in the society (optional)"
              hint="In pounds, for example 250.00"
              source="A society’s register records any loans or deposits a member holds (CCBS Act 2014 s30)."
            >
              <input type="text" inputMode="decimal" className="narrow" {...register(p('loansAndDepositsPence'))} />
            </Field>
          </fieldset>
        </div>
      ) : null}
    </>
  );
}
