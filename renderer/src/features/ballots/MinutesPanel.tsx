import { useState } from 'react';
import { Link } from 'react-router';
import type { Ballot } from '../../../../shared/contract/ballots';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../ui/Toasts';

type Question = Ballot['questionList'][number];

/**
 * A poll's result belongs in the meeting's minutes (CA 2006 s355: minutes of general meetings).
 * Each resolution's declared result is recorded as a decision of the meeting by poll, through the
 * decisions register, so the meeting's own checks apply. A resolution is shown as recorded once
 * the meeting's decisions hold a poll on it (or on its words, for one typed into the ballot).
 */
export function MinutesPanel({ ballot, meetingId }: { ballot: Ballot; meetingId: string }) {
  const meeting = useApiQuery('meetings.get', { id: meetingId });
  const decisions = useApiQuery('decisions.register', { meetingId, limit: 200 });
  const resolutions = ballot.questionList.filter((q) => q.kind === 'resolution');
  if (resolutions.length === 0) return null;
  const recorded = (q: Question) =>
    (decisions.data?.rows ?? []).some((d) => d.method === 'poll' && (q.resolutionId ? d.resolutionId === q.resolutionId : d.text.startsWith(q.text) && d.text.includes(ballot.title)));
  return (
    <section className="card" aria-labelledby="ballot-minutes-h">
      <h2 id="ballot-minutes-h">The meeting’s minutes</h2>
      <p>
        This ballot was the poll of <Link to={`/meetings/${meetingId}`}>{meeting.data?.meeting.title ?? 'its meeting'}</Link>. Record each resolution’s result as a decision of the meeting, so
        that the minutes carry it (CA 2006 s355).
      </p>
      {meeting.error || decisions.error ? (
        <Banner tone="error" title="The meeting could not be read">
          <p>{(meeting.error ?? decisions.error)!.message}</p>
        </Banner>
      ) : null}
      <ul className="ballot-minutes-list">
        {resolutions.map((q) => (
          <li key={q.id}>
            <MinutesRow ballot={ballot} question={q} number={ballot.questionList.indexOf(q) + 1} recorded={recorded(q)} items={meeting.data?.items ?? []} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function MinutesRow({ ballot, question, number, recorded, items }: { ballot: Ballot; question: Question; number: number; recorded: boolean; items: { id: string; number: string; title: string }[] }) {
  const [itemId, setItemId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  // A resolution from the notice knows its agenda item; one typed into the ballot needs it chosen.
  const needsItem = question.resolutionId === null;
  const record = async () => {
    setProblem(null);
    if (needsItem && !itemId) return setProblem('Choose the agenda item at which the poll was taken.');
    setBusy(true);
    const result = await call('ballots.recordInMinutes', { id: ballot.id, questionId: question.id, ...(itemId ? { agendaItemId: itemId } : {}) });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast(`Resolution ${number} recorded as a decision of the meeting.`);
  };
  const selectId = `minutes-item-${question.id}`;
  return (
    <>
      <p>
        <strong>Question {number}</strong>: {question.text.length > 160 ? `${question.text.slice(0, 160)}…` : question.text}
      </p>
      {recorded ? (
        <p>
          <span aria-hidden="true">✓ </span>Recorded in the meeting’s decisions.
        </p>
      ) : (
        <div className="ballot-minutes-row">
          {needsItem ? (
            <div className="field">
              <label htmlFor={selectId}>Agenda item of the poll on question {number}</label>
              <select id={selectId} value={itemId} onChange={(e) => setItemId(e.target.value)}>
                <option value="">Choose the agenda item</option>
                {items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number}. {i.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="button" className="btn btn-secondary" disabled={busy} aria-label={`Record in the minutes: question ${number}`} onClick={() => void record()}>
            Record in the minutes
          </button>
        </div>
      )}
      {problem ? (
        <Banner tone="error" title="Not recorded">
          <p>{problem}</p>
        </Banner>
      ) : null}
    </>
  );
}
