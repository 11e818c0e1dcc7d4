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
        A society’s register of officers holds each officer’s name and address (CCBS Act 2014 s30(3)), and whatever else its rules ask for. The
        other particulars are optional.
      </p>
    );
  }
  return (
    <details className="board-why">
      <summary>Which particulars are required, and why</summary>
      <p>
        Since 18 November 2025 a company keeps no register of directors or secretaries of its own. Instead it tells Companies House of each new
        director within 14 days, giving their name and any former name, a service address, their country of usual residence, nationality,
        business occupation (if any), date of birth and usual residential address, and stating that their identity is verified (CA 2006 s167G).
        For a secretary it gives their name, any former name and a service address (s279G).
      </p>
      <p>
        The app keeps these particulars so that the board and officers record is complete and the form can be filed; it does not send anything to
        Companies House itself. Each change you record here adds the filing it needs to the list on the home screen.
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
 * The residential address in its own, clearly marked section: it is protected information, held
 * only to give it to Companies House (CA 2006 s240-241), never shown anywhere else in the app
 * except the secretary's confidential internal copy.
 */
export function ResidentialSection<T extends FieldValues>({ register, errors, same, required, family }: Props<T> & { same: boolean; required: boolean; family: FormFamily | null }) {
  return (
    <div className="card board-private">
      <fieldset>
        <legend>{family === 'society' ? 'Private: residential address' : 'Private: residential address (CA 2006 s240-241)'}</legend>
        <p className="fieldset-hint">
          Held apart and protected: it appears only in this form and in the secretary’s confidential internal copy, never on other screens or in
          ordinary exports.{family === 'society' ? '' : ' A company uses it only to give it to Companies House.'} The audit log keeps changes to it in
          each event’s before-and-after record, not in the summary.
          {required ? ' Companies House must be given it for every director.' : ' Optional for this role; leave it empty if you do not keep it.'}
        </p>
        <CheckboxField id="residentialSame" label="The residential address is the same as the service address">
          <input type="checkbox" {...register('residentialSame' as Path<T>)} />
        </CheckboxField>
        {same ? null : <AddressFields register={register} errors={errors} prefix="residentialAddress" autoCompleteSection="home" />}
      </fieldset>
    </div>
  );
}
