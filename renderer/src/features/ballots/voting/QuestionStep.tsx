import { useState, type FormEvent, type RefObject } from 'react';
import { chooseHint, countMessage, toggle, type BallotQuestion } from './selections';
import { VoteErrorSummary } from './VoteErrorSummary';

/**
 * One question on its own page (GOV.UK "one thing per page"): radios where one may be chosen,
 * checkboxes with a live count where several may, and a refusal, said aloud, of a tick beyond the limit.
 */
export function QuestionStep(props: {
  idPrefix: string;
  q: BallotQuestion;
  position: { at: number; of: number };
  chosen: readonly string[];
  onChange(chosen: string[]): void;
  /** The message from the last "Continue" that was refused, or null. */
  error: string | null;
  errorKey: number;
  onContinue(): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { idPrefix, q, position, chosen, onChange, error, errorKey, onContinue, headingRef } = props;
  const [refused, setRefused] = useState<string | null>(null);
  const id = `${idPrefix}-q${q.index}`;
  const choiceId = (c: number) => `${id}-c${c}`;
  const describedBy = [q.text ? `${id}-text` : null, `${id}-hint`, error ? `${id}-error` : null, q.control === 'checkbox' ? `${id}-count` : null]
    .filter(Boolean)
    .join(' ');

  const change = (choice: string, checked: boolean) => {
    const outcome = toggle(q, chosen, choice, checked);
    setRefused(outcome.refused ?? null);
    if (!outcome.refused) onChange(outcome.chosen);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onContinue();
  };

  return (
    <form className="vote-step" onSubmit={submit} noValidate>
      <VoteErrorSummary items={error ? [{ message: error, fieldId: choiceId(0) }] : []} focusKey={errorKey} />
      <div className={`vote-group${error || refused ? ' has-error' : ''}`}>
        <fieldset aria-describedby={describedBy}>
          <legend>
            <span className="vote-caption">
              Question {position.at} of {position.of}
            </span>
            <h1 className="vote-heading" tabIndex={-1} ref={headingRef}>
              {q.heading}
            </h1>
          </legend>
          {q.tag ? (
            <p>
              <strong className={`vote-tag${q.tag.startsWith('Special') ? ' vote-tag-special' : ''}`}>{q.tag}</strong>
            </p>
          ) : null}
          {q.text ? (
            <p className="vote-question-text" id={`${id}-text`}>
              {q.text}
            </p>
          ) : null}
          <p className="vote-hint" id={`${id}-hint`}>
            {chooseHint(q)}
          </p>
          {error ? (
            <p className="vote-error-message" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {error}
            </p>
          ) : null}
          <div className="vote-choices">
            {q.choices.map((c, i) => {
              const checked = chosen.includes(c.id);
              return (
                <div className={`vote-choice${checked ? ' is-checked' : ''}`} key={c.id}>
                  <input
                    id={choiceId(i)}
                    type={q.control}
                    name={id}
                    value={c.id}
                    checked={checked}
                    onChange={(e) => change(c.id, e.currentTarget.checked)}
                    aria-describedby={c.hint ? `${choiceId(i)}-hint` : undefined}
                  />
                  <label htmlFor={choiceId(i)}>{c.label}</label>
                  {c.hint ? (
                    <p className="vote-choice-hint" id={`${choiceId(i)}-hint`}>
                      {c.hint}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          {/* Kept in view at the foot of the screen while a long list of candidates scrolls, so a refused tick
              near the top is seen, not only heard. */}
          <div className={q.control === 'checkbox' ? 'vote-count-bar' : undefined}>
            {q.control === 'checkbox' ? (
              <p className="vote-count" id={`${id}-count`} aria-live="polite">
                {countMessage(q, chosen)}
              </p>
            ) : null}
            {/* Said at once, since the tick the voter just made did not happen. */}
            <p className="vote-refused" role="alert">
              {refused}
            </p>
          </div>
          {q.control === 'radio' && q.min === 0 && chosen.length > 0 ? (
            <button
              type="button"
              className="vote-link"
              onClick={() => {
                setRefused(null);
                onChange([]);
              }}
            >
              Clear my choice<span className="visually-hidden"> for {q.heading}</span>
            </button>
          ) : null}
        </fieldset>
      </div>
      <div className="vote-actions">
        <button type="submit" className="vote-button">
          Continue
        </button>
      </div>
    </form>
  );
}
