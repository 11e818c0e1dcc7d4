import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { CheckboxField } from '../../ui/Field';
import { AddressFields } from '../../ui/AddressFields';

type Props<T extends FieldValues> = { register: UseFormRegister<T>; errors: FieldErrors<T> };

/** What the register must hold and why, above the particulars. */
export function WhyParticulars({ family }: { family: FormFamily | null }) {
  if (family === 'society') {
    return (
      <p className="fieldset-hint">
        A society’s register of officers holds each officer’s name and address, and whatever else its rules ask for. The other particulars are
        optional.
      </p>
    );
  }
  return (
    <details className="board-why">
      <summary>Which particulars are required, and why</summary>
      <p>
        A company’s register of directors must give, for each director, their name and any former name, a service address, their country of usual
        residence, nationality, business occupation (if any) and date of birth (Companies Act 2006 s163). Their usual residential address is kept
        on a separate register (s165). A secretary’s entry needs only their name, any former name and an address (s277).
      </p>
      <p>
        The register is open to inspection, so a secretary can keep it up to date from here and print it when asked. Nothing is sent to Companies
        House: changes still have to be filed there within 14 days (s167).
      </p>
    </details>
  );
}

export function ServiceAddressSection<T extends FieldValues>({ register, errors }: Props<T>) {
  return (
    <div className="card">
      <fieldset>
        <legend>Service address</legend>
        <p className="fieldset-hint">
          Where documents can be served on them. It appears on the register and on the public record, so it is usually the registered office.
        </p>
        <AddressFields register={register} errors={errors} prefix="particulars.serviceAddress" autoCompleteSection="service" />
      </fieldset>
    </div>
  );
}

/**
 * The residential address in its own, clearly marked section: it is private (CA 2006 s165),
 * never shown anywhere else in the app, and only in the full statutory register.
 */
export function ResidentialSection<T extends FieldValues>({ register, errors, same, required, family }: Props<T> & { same: boolean; required: boolean; family: FormFamily | null }) {
  return (
    <div className="card board-private">
      <fieldset>
        <legend>{family === 'society' ? 'Private: residential address' : 'Private: residential address (CA 2006 s165)'}</legend>
        <p className="fieldset-hint">
          Kept on a separate, protected register: it appears only in this form and in the full statutory register, never on other screens or in
          ordinary exports. The audit log keeps changes to it in each event’s before-and-after record, not in the summary.
          {required ? ' A company must record it for every director.' : ' Optional for this role; leave it empty if you do not keep it.'}
        </p>
        <CheckboxField id="residentialSame" label="The residential address is the same as the service address">
          <input type="checkbox" {...register('residentialSame' as Path<T>)} />
        </CheckboxField>
        {same ? null : <AddressFields register={register} errors={errors} prefix="residentialAddress" autoCompleteSection="home" />}
      </fieldset>
    </div>
  );
}
