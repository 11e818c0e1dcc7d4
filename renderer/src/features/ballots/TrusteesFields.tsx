import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import type { CreateOutput, SetupValues } from './setup-form';

type Form = UseFormReturn<SetupValues, unknown, CreateOutput>;

const MAX_TRUSTEES = 9;

function focusSoon(id: string) {
  window.requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The trustees who hold the keys, and how many of them must take part in decrypting the result. */
export function TrusteesFields({ form }: { form: Form }) {
  const { register, control, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'trustees' });
  const mode = useWatch({ control, name: 'thresholdMode' });
  const k = useWatch({ control, name: 'threshold' });
  const n = fields.length;
  const error = errorAt(formState.errors, 'trustees');
  const kNumber = /^\s*\d+\s*$/.test(k) ? Number(k) : null;
  return (
    <section className={`ballot-section${error ? ' field has-error' : ''}`} aria-labelledby="trustees-h">
      <h2 id="trustees-h" tabIndex={-1}>
        Trustees
      </h2>
      <p>
        Trustees hold the keys that lock the ballot box. Each makes their own key on this laptop under a passphrase only they know. The result can be decrypted only when they take part, so
        nobody, not even you, can see how anyone voted or a running result. Name at least two: for example the independent scrutineer and the chair. You may be one of them, but never the only
        one.
      </p>
      {error ? (
        <span className="error-message" id="trustees" tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <ol className="ballot-trustees-form">
        {fields.map((f, i) => (
          <li key={f.id}>
            <fieldset className="ballot-trustee">
              <legend>Trustee {i + 1}</legend>
              <div className="field-row">
                <Field id={fieldId(`trustees.${i}.name`)} label="Name" error={errorAt(formState.errors, `trustees.${i}.name`)}>
                  <input type="text" autoComplete="off" {...register(`trustees.${i}.name`)} />
                </Field>
                <Field id={fieldId(`trustees.${i}.role`)} label="Role (optional)" hint="For example “Independent scrutineer” or “Chair”." error={errorAt(formState.errors, `trustees.${i}.role`)}>
                  <input type="text" autoComplete="off" {...register(`trustees.${i}.role`)} />
                </Field>
              </div>
              {n > 2 ? (
                <button
                  type="button"
                  className="btn btn-link ballot-remove"
                  onClick={() => {
                    remove(i);
                    focusSoon('trustees-h');
                  }}
                >
                  Remove trustee {i + 1}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {n < MAX_TRUSTEES ? (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            append({ name: '', role: '' }, { shouldFocus: false });
            focusSoon(fieldId(`trustees.${n}.name`));
          }}
        >
          Add a trustee
        </button>
      ) : null}

      <fieldset className={`field ballot-threshold${errorAt(formState.errors, 'threshold') ? ' has-error' : ''}`}>
        <legend>Who must take part in decrypting the result</legend>
        <div className="checkbox">
          <input id="thresholdMode" type="radio" value="all" {...register('thresholdMode')} />
          <label htmlFor="thresholdMode">Every trustee (the safest against anyone decrypting early)</label>
        </div>
        <div className="checkbox">
          <input id="thresholdMode-some" type="radio" value="some" {...register('thresholdMode')} />
          <label htmlFor="thresholdMode-some">Any number of them that you choose (k of n), so the result survives a lost passphrase</label>
        </div>
        {mode === 'some' ? (
          <Field
            id="threshold"
            label={`How many of the ${n} trustees must take part`}
            hint="At least two. After making their keys, each trustee also seals a share for the others, and then accepts the shares sealed for them."
            error={errorAt(formState.errors, 'threshold')}
          >
            <input type="text" inputMode="numeric" className="input-short" autoComplete="off" {...register('threshold')} />
          </Field>
        ) : null}
      </fieldset>
      {mode === 'all' ? (
        <Banner tone="warning" title="If a trustee loses their passphrase, there is no result">
          <p>
            With every trustee required, the result can be computed only if all {n} remember their passphrase or keep their backup file. If any one of them loses both, the votes can never be
            counted and the ballot has to be run again. Nobody, including the makers of this app, can recover a passphrase.
          </p>
        </Banner>
      ) : (
        <Banner tone="info" title="What k of n means">
          <p>
            {kNumber !== null && kNumber >= 2 && kNumber <= n
              ? `Any ${kNumber} of the ${n} trustees can decrypt the result together, so up to ${n - kNumber} may lose their passphrase and backup. But any ${kNumber} of them acting together could also decrypt it without the others: choose people who would not.`
              : 'Any k of the trustees can decrypt the result together, so the others may lose their passphrase. But any k of them acting together could also decrypt it without the others: choose people who would not.'}
          </p>
        </Banner>
      )}
    </section>
  );
}
