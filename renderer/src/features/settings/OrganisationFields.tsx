import { Controller, type Control, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { LEGAL_FORMS, LEGAL_FORM_INFO, type LegalForm } from '../../../../shared/domain/legal-form';
import { JURISDICTIONS, JURISDICTION_LABEL } from '../../../../shared/contract/organisation';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { MONTH_NAMES } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';


/**
 * The organisation's particulars: name, legal form, registration number, registered office,
 * dates. Used by set-up (prefix 'particulars.') and by Settings (no prefix).
 */
export function ParticularsFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<T>;
  prefix: '' | 'particulars.';
  legalForm: LegalForm | '';
  section: 'organisation' | 'office';
}) {
  const { register, errors, prefix, legalForm, control } = props;
  const p = (k: string) => `${prefix}${k}` as Path<T>;
  const field = (k: string) => ({ id: fieldId(p(k)), error: errorAt(errors, p(k)) });
  const registrar = legalForm ? LEGAL_FORM_INFO[legalForm].registrar : null;

  if (props.section === 'office') {
    return (
      <>
        <Field {...field('registeredOffice.line1')} label="Address line 1">
          <input type="text" autoComplete="address-line1" {...register(p('registeredOffice.line1'))} />
        </Field>
        <Field {...field('registeredOffice.line2')} label="Address line 2 (optional)">
          <input type="text" autoComplete="address-line2" {...register(p('registeredOffice.line2'))} />
        </Field>
        <div className="field-row">
          <Field {...field('registeredOffice.town')} label="Town or city">
            <input type="text" autoComplete="address-level2" {...register(p('registeredOffice.town'))} />
          </Field>
          <Field {...field('registeredOffice.county')} label="County (optional)">
            <input type="text" {...register(p('registeredOffice.county'))} />
          </Field>
        </div>
        <div className="field-row">
          <Field {...field('registeredOffice.postcode')} label="Postcode">
            <input type="text" className="narrow" autoComplete="postal-code" {...register(p('registeredOffice.postcode'))} />
          </Field>
          <Field {...field('registeredOffice.country')} label="Country" hint="The part of the UK the organisation is registered in.">
            <select {...register(p('registeredOffice.country'))}>
              <option value="">Choose…</option>
              {JURISDICTIONS.map((j) => (
                <option key={j} value={j}>
                  {JURISDICTION_LABEL[j]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </>
    );
  }

  return (
    <>
      <Field {...field('name')} label="Name" hint="As registered, e.g. Riverside Care Mutual Ltd.">
        <input type="text" autoComplete="organization" {...register(p('name'))} />
      </Field>
      <Field {...field('legalForm')} label="Legal form" hint="This decides which registers the law requires and the default rules below.">
        <select {...register(p('legalForm'))}>
          <option value="">Choose…</option>
          {LEGAL_FORMS.map((f) => (
            <option key={f} value={f}>
              {LEGAL_FORM_INFO[f].label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        {...field('registrationNumber')}
        label={registrar ? `${registrar} number` : 'Registration number'}
        hint={
          registrar === 'Companies House'
            ? '8 characters, e.g. 01234567 or SC123456.'
            : registrar
              ? 'As shown on the FCA Mutuals Public Register, e.g. 31247R or RS007318.'
              : 'Choose the legal form first.'
        }
      >
        <input type="text" className="narrow" autoComplete="off" spellCheck={false} {...register(p('registrationNumber'))} />
      </Field>
      <div className="field-row">
        <DateField {...field('incorporatedOn')} label="Date of incorporation or registration" control={control} name={p('incorporatedOn')} />
        <Controller
          control={control}
          name={p('financialYearEnd')}
          render={({ field: f }) => {
            // 'MM-DD' once both are chosen; '-DD' or 'MM-' while half chosen (the schema rejects those).
            const [month = '', day = ''] = String(f.value ?? '').split('-');
            const set = (m: string, d: string) => f.onChange(m || d ? `${m}-${d}` : '');
            const err = errorAt(errors, p('financialYearEnd'));
            const id = fieldId(p('financialYearEnd'));
            return (
              <fieldset className={`field${err ? ' has-error' : ''}`} aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`}>
                <legend className="label legend-small">
                  Financial year end
                </legend>
                <span className="hint" id={`${id}-hint`}>
                  The accounting reference date, e.g. 31 March.
                </span>
                {err ? (
                  <span className="error-message" id={`${id}-error`}>
                    <span className="visually-hidden">Error: </span>
                    {err}
                  </span>
                ) : null}
                <div className="inline-controls">
                  <label className="visually-hidden" htmlFor={id}>
                    Financial year end day
                  </label>
                  <select id={id} className="narrow" value={day} onChange={(e) => set(month, e.target.value)} onBlur={f.onBlur} aria-invalid={err ? true : undefined}>
                    <option value="">Day</option>
                    {Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, '0')).map((d) => (
                      <option key={d} value={d}>
                        {Number(d)}
                      </option>
                    ))}
                  </select>
                  <label className="visually-hidden" htmlFor={`${id}-month`}>
                    Financial year end month
                  </label>
                  <select id={`${id}-month`} className="narrow" value={month} onChange={(e) => set(e.target.value, day)} onBlur={f.onBlur} aria-invalid={err ? true : undefined}>
                    <option value="">Month</option>
                    {MONTH_NAMES.map((m, i) => (
                      <option key={m} value={String(i + 1).padStart(2, '0')}>
                        {m}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            );
          }}
        />
      </div>
    </>
  );
}
