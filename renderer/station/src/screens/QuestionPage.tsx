import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { say, type Text } from '../message';
import { choiceHint, choiceLabel, chooseHint, countMessage, heading, refusedMessage, tag, type StationQuestion } from '../questions';
import { ErrorSummary, FieldError, PageHeading, useTitle } from '../ui';

/**
 * One question on its own page (GOV.UK "one thing per page"), as the kiosk shows it: radios where
 * one may be chosen, checkboxes with a live count where several may, and a tick beyond the limit
 * refused out loud rather than dropped.
 */
export function QuestionPage(props: {
  sq: StationQuestion;
  position: { at: number; of: number };
  chosen: readonly string[];
  /** Marks or unmarks a choice; false when the tick was refused (over the maximum). */
  onToggle(choiceId: string, checked: boolean): boolean;
  onClear(): void;
  error: Text | null;
  errorKey: number;
  onContinue(): void;
}) {
  const { sq, position, chosen, onToggle, onClear, error, errorKey, onContinue } = props;
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  const { q } = sq;
  const id = `q${q.index}`;
  const choiceId = (c: number) => `${id}-c${c}`;
  const title = say(t, heading(sq));
  const tagText = tag(sq);
  useTitle(title);
  const describedBy = [q.text ? `${id}-text` : null, `${id}-hint`, error ? `${id}-error` : null, q.control === 'checkbox' ? `${id}-count` : null]
    .filter(Boolean)
    .join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onContinue();
  };

  return (
    <form className="vote-step" onSubmit={submit} noValidate>
      <ErrorSummary items={error ? [{ text: error, fieldId: choiceId(0) }] : []} focusKey={errorKey} />
      <div className={`vote-group${error || refused ? ' has-error' : ''}`}>
        <fieldset aria-describedby={describedBy}>
          <legend>
            <span className="vote-caption">{t('question.position', { at: position.at, of: position.of })}</span>
            <PageHeading>{title}</PageHeading>
          </legend>
          {tagText ? (
            <p>
              <strong className={`vote-tag${sq.display.kind === 'resolution' && sq.display.resolutionType === 'special' ? ' vote-tag-special' : ''}`}>{say(t, tagText)}</strong>
            </p>
          ) : null}
          {q.text ? (
            <p className="vote-question-text" id={`${id}-text`}>
              {q.text}
            </p>
          ) : null}
          <p className="vote-hint" id={`${id}-hint`}>
            {say(t, chooseHint(sq))}
          </p>
          <FieldError id={`${id}-error`} text={error} />
          <div className="vote-choices">
            {q.choices.map((c, i) => {
              const checked = chosen.includes(c.id);
              const hint = choiceHint(sq, c);
              return (
                <div className={`vote-choice${checked ? ' is-checked' : ''}`} key={c.id}>
                  <input
                    id={choiceId(i)}
                    type={q.control}
                    name={id}
                    value={c.id}
                    checked={checked}
                    onChange={(e) => setRefused(!onToggle(c.id, e.currentTarget.checked))}
                    aria-describedby={hint ? `${choiceId(i)}-hint` : undefined}
                  />
                  <label htmlFor={choiceId(i)}>{say(t, choiceLabel(sq, c))}</label>
                  {hint ? (
                    <p className="vote-choice-hint" id={`${choiceId(i)}-hint`}>
                      {say(t, hint)}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <div className={q.control === 'checkbox' ? 'vote-count-bar' : undefined}>
            {q.control === 'checkbox' ? (
              <p className="vote-count" id={`${id}-count`} aria-live="polite">
                {say(t, countMessage(sq, chosen))}
              </p>
            ) : null}
            {/* Said at once, since the tick the voter just made did not happen. */}
            <p className="vote-refused" role="alert">
              {refused ? say(t, refusedMessage(sq)) : null}
            </p>
          </div>
          {q.control === 'radio' && q.min === 0 && chosen.length > 0 ? (
            <button
              type="button"
              className="vote-link"
              onClick={() => {
                setRefused(false);
                onClear();
              }}
            >
              {t('question.clear')}
              <span className="visually-hidden"> {t('question.clearFor', { heading: title })}</span>
            </button>
          ) : null}
        </fieldset>
      </div>
      <div className="vote-actions">
        <button type="submit" className="vote-button">
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}
