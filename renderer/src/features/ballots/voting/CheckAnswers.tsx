import type { RefObject } from 'react';
import { answerSummary, type BallotQuestion, type Selections } from './selections';
import { VoteErrorSummary } from './VoteErrorSummary';

/** GOV.UK "Check your answers": every answer with a Change link, then the one irreversible button. */
export function CheckAnswers(props: {
  questions: readonly BallotQuestion[];
  selections: Selections;
  onChange(questionIndex: number): void;
  onCast(): void;
  castError: string | null;
  errorKey: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  castButtonId: string;
}) {
  const { questions, selections, onChange, onCast, castError, errorKey, headingRef, castButtonId } = props;
  return (
    <div className="vote-step">
      <VoteErrorSummary items={castError ? [{ message: castError }] : []} focusKey={errorKey} />
      <h1 className="vote-heading" tabIndex={-1} ref={headingRef}>
        Check your answers
      </h1>
      <dl className="vote-summary">
        {questions.map((q, i) => (
          <div className="vote-summary-row" key={q.id}>
            <dt>
              {q.heading}
              {q.tag ? <span className="vote-summary-tag">{q.tag}</span> : null}
            </dt>
            <dd>
              <ul className="vote-summary-answers">
                {answerSummary(q, selections[q.index] ?? []).map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </dd>
            <dd className="vote-summary-action">
              <button type="button" className="vote-link" onClick={() => onChange(i)}>
                Change<span className="visually-hidden"> your answer to {q.heading}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="vote-subheading">Now cast your vote</h2>
      <p>
        When you cast your vote, your answers are sealed (encrypted) on this device before they leave it. Nobody, not even the
        secretary, can see how you voted. You cannot change your vote once it has been cast.
      </p>
      <div className="vote-actions">
        <button type="button" id={castButtonId} className="vote-button" onClick={onCast}>
          Cast my vote
        </button>
      </div>
    </div>
  );
}
