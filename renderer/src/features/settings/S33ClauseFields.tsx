import { Controller, type Control, type FieldErrors, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import type { RulesView } from '../../../../shared/contract/organisation';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../../shared/domain/legal-form';
import { CLAUSE_LABEL, PROFIT_BASES, PROFIT_BASIS_LABEL, PROFIT_BASIS_SHORT, suggestedProfitBasis, type ClauseKey } from '../../../../shared/rules/governing-clauses';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';

export type RulesFormValues = RulesView['values'];

const WHY = 'Used to show whether you could be awarded a contract reserved to public service mutuals (Procurement Act 2023 s33(6))';
const why = (sub: 'a' | 'b' | 'c') => `Used to show whether you could be awarded a contract reserved to public service mutuals (Procurement Act 2023 s33(6)(${sub}))`;

/** A group of radios for one clause's answer, "Not recorded" (null) among them, each reachable by arrow keys as one group. */
function ClauseRadios<V extends string | boolean>(props: {
  name: 'objectsPublicServices' | 'profitBasis';
  legend: string;
  hint: string;
  options: { value: V; label: string }[];
  control: Control<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
}) {
  const { name, legend, hint, options, control, errors } = props;
  const id = fieldId(name);
  const error = errorAt(errors, name);
  const all: { value: V | null; label: string }[] = [...options, { value: null, label: 'Not recorded' }];
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <fieldset className={`field${error ? ' has-error' : ''}`} aria-describedby={[error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ')}>
          <legend className="legend-small">{legend}</legend>
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
          {error ? (
            <span className="error-message" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </span>
          ) : null}
          {all.map((o, i) => {
            // The first radio carries the field's id, so the error summary's link lands on the group.
            const optionId = i === 0 ? id : `${id}-${String(o.value)}`;
            return (
              <div className="checkbox" key={String(o.value)}>
                <input
                  id={optionId}
                  type="radio"
                  name={name}
                  ref={i === 0 ? field.ref : undefined}
                  checked={(field.value ?? null) === o.value}
                  onChange={() => field.onChange(o.value)}
                  onBlur={field.onBlur}
                  aria-invalid={error ? true : undefined}
                />
                <label htmlFor={optionId}>{o.label}</label>
              </div>
            );
          })}
        </fieldset>
      )}
    />
  );
}

/**
 * The clauses of the governing document the s33 check quotes (Procurement Act 2023 s33(6)(a)-(c)):
 * each answer with the words it rests on. What the legal form usually provides on profits is
 * offered as a suggestion the secretary may take; nothing is filled in for them.
 */
export function S33ClauseFields(props: {
  register: UseFormRegister<RulesFormValues>;
  control: Control<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
  setValue: UseFormSetValue<RulesFormValues>;
  legalForm: LegalForm;
}) {
  const { register, control, errors, setValue, legalForm } = props;
  const usual = suggestedProfitBasis(legalForm);
  const clause = (key: Extract<ClauseKey, 'objectsClause' | 'profitClause' | 'employeeControlClause'>, hint: string, rows: number) => (
    <Field id={fieldId(key)} label={CLAUSE_LABEL[key]} hint={hint} error={errorAt(errors, key)}>
      <textarea rows={rows} {...register(key)} />
    </Field>
  );
  return (
    <section className="card" aria-labelledby="s33-clauses-h">
      <h2 id="s33-clauses-h">Clauses for contracts reserved to public service mutuals</h2>
      <p className="muted">
        {WHY}. Answer from your articles or registered rules and quote each clause with its number. Leave an answer as “Not recorded” if you are not sure: the check then
        leaves that condition to the contracting authority.
      </p>
      <ClauseRadios
        name="objectsPublicServices"
        legend="Do your objects include delivering public services?"
        hint={`${why('a')}: the mutual must operate for the purpose of delivering public services, mainly reservable light touch services. The check also needs more than half your contract income to come from those services.`}
        options={[
          { value: true, label: 'Yes' },
          { value: false, label: 'No' },
        ]}
        control={control}
        errors={errors}
      />
      {clause('objectsClause', 'The article or rule number and its words, for example “Article 3 (Objects): to deliver health and social care services…”.', 4)}
      <ClauseRadios
        name="profitBasis"
        legend="How does your governing document deal with profits?"
        hint={`${why('b')}: the mutual must be run on a not-for-profit basis, or distribute profits only to its members.`}
        options={PROFIT_BASES.map((b) => ({ value: b, label: PROFIT_BASIS_LABEL[b] }))}
        control={control}
        errors={errors}
      />
      <div className="field">
        <p className="source" id="profitBasis-usual">
          Usual for a {LEGAL_FORM_INFO[legalForm].label.toLowerCase()}: {PROFIT_BASIS_SHORT[usual.basis]}. {usual.why}
        </p>
        <button type="button" className="btn btn-secondary" aria-describedby="profitBasis-usual" onClick={() => setValue('profitBasis', usual.basis, { shouldDirty: true })}>
          Choose the usual answer ({PROFIT_BASIS_SHORT[usual.basis]})
        </button>
      </div>
      {clause('profitClause', 'The asset lock, dividend cap or rule on the application of profits: its number and its words.', 3)}
      {clause(
        'employeeControlClause',
        `${why('c')}: the mutual must be under the management and control of its employees. Quote the clause that secures it, such as the employees’ share of the board or of the votes; the check counts those from the registers.`,
        3,
      )}
    </section>
  );
}
