import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import type { MembershipClass } from '../../../../shared/contract/classes';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { eligibilitySummary } from '../classes/class-terms';
import { DateField, type FormControl } from '../../ui/DateInput';

/**
 * A member's particulars: name, address, contact and, for an employee class, employment. The
 * form adapts to what the register may hold: e-mail purposes and loans and deposits only for
 * societies (CCBS Act 2014 s30), employee details only for an employee class.
 */
export function ParticularsFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  control: FormControl<T>;
  errors: FieldErrors<T>;
  family: FormFamily;
  cls: MembershipClass | undefined;
}) {
  const { register, control, errors, family, cls } = props;
  const p = (k: string) => `particulars.${k}` as Path<T>;
  const field = (k: string) => ({ id: fieldId(p(k)), error: errorAt(errors, p(k)) });
  const society = family === 'society';
  const employee = cls?.isEmployeeClass === true;
  const eligibility = cls ? eligibilitySummary(cls) : null;
  // A minimum age of 0 is no minimum, so the date of birth is not needed to check it.
  const minAge = employee && (cls?.eligibility.minAgeYears ?? 0) > 0 ? cls?.eligibility.minAgeYears : null;

  return (
    <>
      <div className="card">
        <fieldset>
          <legend>The person</legend>
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
        </fieldset>
      </div>

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
