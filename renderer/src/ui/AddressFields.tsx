import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { Field } from './Field';
import { errorAt, fieldId } from './form-errors';

/**
 * A postal address under `prefix` ('particulars.serviceAddress', 'residentialAddress', a PSC's
 * 'serviceAddress'), UK or abroad. `autoCompleteSection` keeps a browser from filling one address into another.
 */
export function AddressFields<T extends FieldValues>({ register, errors, prefix, autoCompleteSection }: { register: UseFormRegister<T>; errors: FieldErrors<T>; prefix: string; autoCompleteSection: string }) {
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(errors, path) });
  const p = (k: string) => `${prefix}.${k}` as Path<T>;
  const ac = (token: string) => `section-${autoCompleteSection} ${token}`;
  return (
    <>
      <Field {...field(p('line1'))} label="Address line 1">
        <input type="text" autoComplete={ac('address-line1')} {...register(p('line1'))} />
      </Field>
      <Field {...field(p('line2'))} label="Address line 2 (optional)">
        <input type="text" autoComplete={ac('address-line2')} {...register(p('line2'))} />
      </Field>
      <div className="field-row">
        <Field {...field(p('town'))} label="Town or city">
          <input type="text" autoComplete={ac('address-level2')} {...register(p('town'))} />
        </Field>
        <Field {...field(p('postcode'))} label="Postcode" hint="Leave empty for an address abroad.">
          <input type="text" className="narrow" autoComplete={ac('postal-code')} {...register(p('postcode'))} />
        </Field>
      </div>
      <Field {...field(p('country'))} label="Country (optional)" hint="For an address outside the UK.">
        <input type="text" autoComplete={ac('country-name')} {...register(p('country'))} />
      </Field>
    </>
  );
}
