import { useTranslation } from 'react-i18next';
import type { Selections } from '../../../src/features/ballots/voting/selections';
import { say, type Text } from '../message';
import { answerSummary, heading, tag, type StationQuestion } from '../questions';
import { ErrorSummary, PageHeading, useTitle } from '../ui';

/** GOV.UK "Check your answers": every answer with a Change link, then the one button that cannot be undone. */
export function CheckAnswers(props: {
  questions: readonly StationQuestion[];
  selections: Selections;
  code: string;
  onChange(questionIndex: number): void;
  onChangeCode(): void;
  onCast(): void;
  castError: Text | null;
  errorKey: number;
}) {
  const { questions, selections, code, onChange, onChangeCode, onCast, castError, errorKey } = props;
  const { t } = useTranslation();
  useTitle(t('check.title'));
  return (
    <div className="vote-step">
      <ErrorSummary items={castError ? [{ text: castError, fieldId: 'cast-vote' }] : []} focusKey={errorKey} />
      <PageHeading>{t('check.title')}</PageHeading>
      <dl className="vote-summary">
        {questions.map((sq, i) => {
          const title = say(t, heading(sq));
          const tagText = tag(sq);
          return (
            <div className="vote-summary-row" key={sq.q.id}>
              <dt>
                {title}
                {tagText ? <span className="vote-summary-tag">{say(t, tagText)}</span> : null}
              </dt>
              <dd>
                <ul className="vote-summary-answers">
                  {answerSummary(sq, selections[sq.q.index] ?? []).map((label, j) => (
                    <li key={j}>{say(t, label)}</li>
                  ))}
                </ul>
              </dd>
              <dd className="vote-summary-action">
                <button type="button" className="vote-link" onClick={() => onChange(i)}>
                  {t('check.change')}
                  <span className="visually-hidden"> {t('check.changeAnswerTo', { heading: title })}</span>
                </button>
              </dd>
            </div>
          );
        })}
        <div className="vote-summary-row" key="code">
          <dt>{t('check.code')}</dt>
          <dd>
            <span className="station-code-text">{code}</span>
          </dd>
          <dd className="vote-summary-action">
            <button type="button" className="vote-link" onClick={onChangeCode}>
              {t('check.change')}
              <span className="visually-hidden"> {t('check.changeCode')}</span>
            </button>
          </dd>
        </div>
      </dl>
      <h2 className="vote-subheading">{t('check.castTitle')}</h2>
      <p>{t('check.castBody')}</p>
      <div className="vote-actions">
        <button type="button" id="cast-vote" className="vote-button" onClick={onCast}>
          {t('check.castButton')}
        </button>
      </div>
    </div>
  );
}
