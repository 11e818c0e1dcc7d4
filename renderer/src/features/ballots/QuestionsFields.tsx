import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';
import { emptyQuestion, QUESTION_KIND_LABEL, type CreateOutput, type QuestionKind, type SetupValues } from './setup-form';

type Form = UseFormReturn<SetupValues, unknown, CreateOutput>;

/** Focus an element by id once React has drawn it (after adding, moving or removing a row). */
function focusSoon(id: string) {
  window.requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** The questions of the ballot: add a resolution, an election or a consultation; move and remove them. */
export function QuestionsFields({ form }: { form: Form }) {
  const { control, formState } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: 'questions' });
  const error = errorAt(formState.errors, 'questions');
  const add = (kind: QuestionKind) => {
    append(emptyQuestion(kind), { shouldFocus: false });
    focusSoon(fieldId(`questions.${fields.length}.text`));
  };
  return (
    <section className={`ballot-section${error ? ' field has-error' : ''}`} aria-labelledby="questions-h">
      <h2 id="questions-h" tabIndex={-1}>
        Questions
      </h2>
      {error ? (
        <span className="error-message" id="questions" tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {fields.length === 0 ? <p className="muted">No question yet. Add at least one: each appears on the ballot in this order.</p> : null}
      <ol className="ballot-questions">
        {fields.map((f, i) => (
          <li key={f.id}>
            <QuestionFields
              form={form}
              index={i}
              count={fields.length}
              onMove={(to, button) => {
                move(i, to);
                // Keep focus on the same button in its new place; at the top or bottom that one is disabled, so take the other.
                const edge = (button === 'up' && to === 0) || (button === 'down' && to === fields.length - 1);
                focusSoon(`questions-${to}-${edge ? (button === 'up' ? 'down' : 'up') : button}`);
              }}
              onRemove={() => {
                remove(i);
                focusSoon('questions-h');
              }}
            />
          </li>
        ))}
      </ol>
      <div className="ballot-add" role="group" aria-label="Add a question">
        <button type="button" className="btn btn-secondary" onClick={() => add('resolution')}>
          Add a resolution
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => add('election')}>
          Add an election
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => add('consultation')}>
          Add a consultation
        </button>
      </div>
    </section>
  );
}

function QuestionFields({ form, index, count, onMove, onRemove }: { form: Form; index: number; count: number; onMove: (to: number, button: 'up' | 'down') => void; onRemove: () => void }) {
  const { register, control, formState } = form;
  const p = `questions.${index}` as const;
  const kind = useWatch({ control, name: `${p}.kind` });
  const fromMeeting = useWatch({ control, name: `${p}.resolutionId` });
  const e = (path: string) => errorAt(formState.errors, `${p}.${path}`);
  const n = index + 1;
  const textLabel = kind === 'resolution' ? 'Text of the resolution' : kind === 'election' ? 'What the election is for' : 'The question';
  const textHint =
    kind === 'resolution'
      ? 'As in the notice, starting “THAT …”.'
      : kind === 'election'
        ? 'For example “Election of two staff directors”. Each voter may choose up to as many candidates as there are seats.'
        : 'A consultation is advisory: its result is evidence of how members were consulted, not a decision.';
  return (
    <fieldset className="ballot-question">
      <legend>
        Question {n}: {QUESTION_KIND_LABEL[kind]}
        {fromMeeting ? ' from the meeting’s notice' : ''}
      </legend>
      <Field id={fieldId(`${p}.text`)} label={textLabel} hint={textHint} error={e('text')}>
        <textarea rows={kind === 'resolution' ? 4 : 2} {...register(`${p}.text`)} />
      </Field>
      {kind === 'resolution' ? (
        <fieldset className={`field${e('resolutionKind') ? ' has-error' : ''}`}>
          <legend>Kind of resolution</legend>
          {e('resolutionKind') ? (
            <span className="error-message" id={`${fieldId(p)}-resolutionKind-error`}>
              <span className="visually-hidden">Error: </span>
              {e('resolutionKind')}
            </span>
          ) : null}
          <div className="checkbox">
            <input id={fieldId(`${p}.resolutionKind`)} type="radio" value="ordinary" {...register(`${p}.resolutionKind`)} />
            <label htmlFor={fieldId(`${p}.resolutionKind`)}>Ordinary: passed by a simple majority (CA 2006 s282)</label>
          </div>
          <div className="checkbox">
            <input id={`${fieldId(`${p}.resolutionKind`)}-special`} type="radio" value="special" {...register(`${p}.resolutionKind`)} />
            <label htmlFor={`${fieldId(`${p}.resolutionKind`)}-special`}>Special: passed by at least 75% (CA 2006 s283)</label>
          </div>
        </fieldset>
      ) : null}
      {kind === 'election' ? (
        <>
          <Field id={fieldId(`${p}.seats`)} label="Seats to fill" error={e('seats')}>
            <input type="text" inputMode="numeric" className="input-short" autoComplete="off" {...register(`${p}.seats`)} />
          </Field>
          <CandidatesFields form={form} index={index} />
        </>
      ) : null}
      {kind === 'consultation' ? (
        <>
          <OptionsFields form={form} index={index} />
          <Field id={fieldId(`${p}.maxChoices`)} label="How many options each voter may choose" hint="1 for a single choice." error={e('maxChoices')}>
            <input type="text" inputMode="numeric" className="input-short" autoComplete="off" {...register(`${p}.maxChoices`)} />
          </Field>
        </>
      ) : null}
      <div className="ballot-row-actions">
        <button type="button" id={`questions-${index}-up`} className="btn btn-link" disabled={index === 0} aria-label={`Move up: question ${n}`} onClick={() => onMove(index - 1, 'up')}>
          Move up
        </button>
        <button type="button" id={`questions-${index}-down`} className="btn btn-link" disabled={index === count - 1} aria-label={`Move down: question ${n}`} onClick={() => onMove(index + 1, 'down')}>
          Move down
        </button>
        <button type="button" className="btn btn-link ballot-remove" aria-label={`Remove question ${n}`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function CandidatesFields({ form, index }: { form: Form; index: number }) {
  const { register, control, formState } = form;
  const p = `questions.${index}.candidates` as const;
  const { fields, append, remove } = useFieldArray({ control, name: p });
  const error = errorAt(formState.errors, p);
  return (
    <fieldset className={`ballot-sub${error ? ' field has-error' : ''}`}>
      <legend>Candidates</legend>
      {error ? (
        <span className="error-message" id={fieldId(p)} tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {fields.map((f, j) => (
        <div key={f.id} className="ballot-candidate">
          <Field id={fieldId(`${p}.${j}.name`)} label={`Candidate ${j + 1}: name`} error={errorAt(formState.errors, `${p}.${j}.name`)}>
            <input type="text" autoComplete="off" {...register(`${p}.${j}.name`)} />
          </Field>
          <Field id={fieldId(`${p}.${j}.statement`)} label={`Candidate ${j + 1}: statement (optional)`} hint="A short statement voters read beside the name." error={errorAt(formState.errors, `${p}.${j}.statement`)}>
            <textarea rows={2} {...register(`${p}.${j}.statement`)} />
          </Field>
          {fields.length > 1 ? (
            <button
              type="button"
              className="btn btn-link ballot-remove"
              onClick={() => {
                remove(j);
                focusSoon(`${fieldId(p)}-add`);
              }}
            >
              Remove candidate {j + 1}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        id={`${fieldId(p)}-add`}
        className="btn btn-secondary btn-small"
        onClick={() => {
          append({ name: '', statement: '' }, { shouldFocus: false });
          focusSoon(fieldId(`${p}.${fields.length}.name`));
        }}
      >
        Add a candidate
      </button>
    </fieldset>
  );
}

function OptionsFields({ form, index }: { form: Form; index: number }) {
  const { register, control, formState } = form;
  const p = `questions.${index}.options` as const;
  const { fields, append, remove } = useFieldArray({ control, name: p });
  const error = errorAt(formState.errors, p);
  return (
    <fieldset className={`ballot-sub${error ? ' field has-error' : ''}`}>
      <legend>Options</legend>
      {error ? (
        <span className="error-message" id={fieldId(p)} tabIndex={-1}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {fields.map((f, j) => (
        <div key={f.id} className="ballot-option">
          <Field id={fieldId(`${p}.${j}`)} label={`Option ${j + 1}`} error={errorAt(formState.errors, `${p}.${j}`)}>
            <input type="text" autoComplete="off" {...register(`${p}.${j}.label`)} />
          </Field>
          {fields.length > 2 ? (
            <button
              type="button"
              className="btn btn-link ballot-remove"
              onClick={() => {
                remove(j);
                focusSoon(`${fieldId(p)}-add`);
              }}
            >
              Remove option {j + 1}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        id={`${fieldId(p)}-add`}
        className="btn btn-secondary btn-small"
        onClick={() => {
          append({ label: '' }, { shouldFocus: false });
          focusSoon(fieldId(`${p}.${fields.length}`));
        }}
      >
        Add an option
      </button>
    </fieldset>
  );
}
