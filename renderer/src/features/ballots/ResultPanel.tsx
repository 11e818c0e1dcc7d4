import type { Ballot, BallotResult, QuestionResult } from '../../../../shared/contract/ballots';
import { formatInstant } from '../../lib/dates';
import { Banner } from '../../ui/Banner';

const OUTCOME_LABEL: Record<QuestionResult['outcome'], string> = {
  passed: 'Passed',
  failed: 'Not passed',
  elected: 'Elected',
  advisory: 'Advisory',
  casting_vote_needed: 'Casting vote needed',
};

const n = (v: number) => v.toLocaleString('en-GB');

/** The declared result: each question's votes (electronic, paper, total), what it decided, and the turnout. */
export function ResultPanel({ ballot, result, headingLevel = 2 }: { ballot: Pick<Ballot, 'questionList'>; result: BallotResult; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Q = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="card ballot-result" aria-labelledby="ballot-result-h">
      <H id="ballot-result-h">The result</H>
      <p className="muted">Declared {formatInstant(result.declaredAt)}.</p>
      <p className="ballot-turnout-words">{result.turnout.words}</p>
      {result.questions.map((q, i) => {
        const question = ballot.questionList.find((x) => x.id === q.questionId);
        const elected = new Set(q.elected);
        return (
          <article key={q.questionId} className="ballot-result-question" aria-labelledby={`result-q-${i}`}>
            <Q id={`result-q-${i}`}>
              Question {i + 1}
              {question?.kind === 'resolution' && question.resolutionKind ? ` (${question.resolutionKind} resolution)` : question?.kind === 'election' ? ' (election)' : question?.kind === 'consultation' ? ' (consultation)' : ''}:{' '}
              <span className={`badge ${q.outcome === 'passed' || q.outcome === 'elected' ? 'badge-success' : q.outcome === 'failed' ? 'badge-danger' : q.outcome === 'casting_vote_needed' ? 'badge-warning' : 'badge-muted'}`}>
                {OUTCOME_LABEL[q.outcome]}
              </span>
            </Q>
            <p className="ballot-question-text">{q.text}</p>
            <table className="data ballot-result-table">
              <caption className="visually-hidden">Votes for each choice on question {i + 1}</caption>
              <thead>
                <tr>
                  <th scope="col">Choice</th>
                  <th scope="col" className="num">
                    Electronic
                  </th>
                  <th scope="col" className="num">
                    Paper
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.choices.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.label}
                      {elected.has(c.id) ? <span className="badge badge-success ballot-elected">Elected</span> : null}
                    </th>
                    <td className="num">{n(c.electronic)}</td>
                    <td className="num">{n(c.paper)}</td>
                    <td className="num">
                      <strong>{n(c.total)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="ballot-words">{q.words}</p>
          </article>
        );
      })}
      {/* The core draws a seed for every ballot with an election, before it knows of any tie; the banner is
          for the ballots where a lot decided a seat, which the election's words then say ("Decided by lot"). */}
      {result.lotSeed && result.questions.some((q) => q.kind === 'election' && q.words.includes('Decided by lot')) ? (
        <Banner tone="info" title="A tie was broken by lot">
          <p>
            The lot was drawn from the seed <span className="fingerprint">{result.lotSeed}</span>, recorded so that anyone can draw it again and get the same answer.
          </p>
        </Banner>
      ) : null}
    </section>
  );
}
