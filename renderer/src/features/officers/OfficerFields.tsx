import { useController, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form';
import { APPOINTMENT_ROLES, DIRECTOR_KINDS, DIRECTOR_KIND_LABEL, ROLE_LABEL } from '../../../../shared/contract/officers';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { DateField, type FormControl } from '../../ui/DateInput';
import { OrganisationPicker } from '../organisations/OrganisationPicker';

/** Form sections shared by the add and edit forms (and the appointment dialog); the address is ui/AddressFields. */

type Props<T extends FieldValues> = { register: UseFormRegister<T>; errors: FieldErrors<T> };
type WithControl<T extends FieldValues> = { control: FormControl<T> };

function useField<T extends FieldValues>(errors: FieldErrors<T>) {
  return (path: string) => ({ id: fieldId(path), error: errorAt(errors, path) });
}

/**
 * Name and the particulars Companies House needs of a new director (CA 2006 s167G(3)).
 * `directorRequired` marks the ones a company must give for a director; otherwise they are optional.
 */
export function ParticularsFields<T extends FieldValues>({ register, control, errors, directorRequired, family }: Props<T> & WithControl<T> & { directorRequired: boolean; family: FormFamily | null }) {
  const field = useField(errors);
  const p = (k: string) => `particulars.${k}` as Path<T>;
  const needed = (label: string) => (directorRequired ? label : `${label} (optional)`);
  const neededHint = directorRequired ? 'Required for a director of a company: Companies House needs it (CA 2006 s167G(3)).' : undefined;
  return (
    <>
      <div className="field-row">
        <Field {...field(p('givenNames'))} label="Given names">
          <input type="text" autoComplete="given-name" {...register(p('givenNames'))} />
        </Field>
        <Field {...field(p('familyName'))} label="Family name">
          <input type="text" autoComplete="family-name" {...register(p('familyName'))} />
        </Field>
      </div>
      <Field {...field(p('formerNames'))} label="Former names (if any)" hint="Names used for business purposes in the past, such as a name before marriage. Leave empty if none.">
        <input type="text" {...register(p('formerNames'))} />
      </Field>
      <DateField
        {...field(p('dateOfBirth'))}
        label={needed('Date of birth')}
        hint={directorRequired ? `${neededHint} Only the month and year appear on the public register; a director must be at least 16 (s157).` : undefined} control={control} name={p('dateOfBirth')} />
      <div className="field-row">
        <Field {...field(p('nationality'))} label={needed('Nationality')} hint={neededHint}>
          <input type="text" {...register(p('nationality'))} />
        </Field>
        <Field {...field(p('countryOfResidence'))} label={needed('Country of usual residence')} hint={neededHint ?? 'For example England, Wales or Scotland.'}>
          <input type="text" {...register(p('countryOfResidence'))} />
        </Field>
      </div>
      <Field
        {...field(p('occupation'))}
        label="Business occupation (if any)"
        hint={family === 'company' ? 'Companies House is told a director’s business occupation where they have one (CA 2006 s167G(3)).' : undefined}
      >
        <input type="text" autoComplete="organization-title" {...register(p('occupation'))} />
      </Field>
      <Field
        {...field(p('memberNumber'))}
        label="Member number (optional)"
        hint="If this person is also in the register of members, their member number links the two entries."
      >
        <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register(p('memberNumber'))} />
      </Field>
    </>
  );
}

/** Role, kind of director, nominating body and date. `role` and `kind` are the values chosen so far. */
export function AppointmentFields<T extends FieldValues>({ register, control, errors, role, kind }: Props<T> & WithControl<T> & { role: string; kind: string }) {
  const field = useField(errors);
  const p = (k: string) => `appointment.${k}` as Path<T>;
  return (
    <>
      <Field
        {...field(p('role'))}
        label="Role"
        hint="A chair or vice-chair is usually one of the directors too: give them a director appointment as well."
      >
        <select {...register(p('role'))}>
          <option value="">Choose…</option>
          {APPOINTMENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      {role === 'director' ? (
        <Field {...field(p('directorKind'))} label="Kind of director" hint="Employee directors are elected by or from the staff; a nominee sits for a council, NHS body or other organisation.">
          <select {...register(p('directorKind'))}>
            <option value="">Choose…</option>
            {DIRECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {DIRECTOR_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {role === 'director' && kind === 'nominee' ? (
        <NominatedByField control={control} errors={errors} />
      ) : null}
      <DateField {...field(p('appointedOn'))} label="Date of appointment" control={control} name={p('appointedOn')} />
    </>
  );
}

/**
 * A nominee director's nominating body: chosen from the organisations list (issue 10), so its
 * page lists the directors it nominated, or named in words when it is not on the list.
 */
function NominatedByField<T extends FieldValues>({ control, errors }: WithControl<T> & { errors: FieldErrors<T> }) {
  const field = useField(errors);
  const text = useController({ control, name: 'appointment.nominatedBy' as Path<T> });
  const link = useController({ control, name: 'appointment.nominatingCounterpartyId' as Path<T> });
  return (
    <Field {...field('appointment.nominatedBy')} label="Nominated by" hint="The council, NHS body or other organisation that nominated this director: choose it from the organisations list, or type its name.">
      <OrganisationPicker
        value={{ id: (link.field.value as string) || null, text: (text.field.value as string) ?? '' }}
        onChange={(c) => {
          text.field.onChange(c.text);
          link.field.onChange(c.id ?? '');
        }}
        addDescription="It joins the organisations list and is named as the body that nominated this director."
      />
    </Field>
  );
}
