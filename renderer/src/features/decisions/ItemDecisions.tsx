import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { DECISION_OUTCOME_LABEL, type Decision } from '../../../../shared/contract/decisions';
import { isMembersMeeting, type AgendaItem, type MeetingView } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/Toasts';
import { DecisionForm } from './DecisionForm';
import './decisions.css';

/**
 * The decisions recorded on one agenda item, and the form to record another: a board vote
 * (named or counted, recusals, the quorum for this item) or, at a members' meeting, a resolution
 * with the counts the meeting declared. The core works out the outcome and says it in words.
 */
export function ItemDecisions({ meeting, item }: { meeting: MeetingView; item: AgendaItem }) {
  // One query per meeting, shared by every item on the page.
  const list = useApiQuery('decisions.register', { meetingId: meeting.meeting.id, limit: 200 });
  const decisions = (list.data?.rows ?? []).filter((d) => d.agendaItemId === item.id).sort((a, b) => a.id.localeCompare(b.id));
  const [recording, setRecording] = useState(false);
  const [outcome, setOutcome] = useState<Decision | null>(null);
  const headingId = useId();
  const members = isMembersMeeting(meeting.meeting.kind);
  return (
    <section className="item-decisions" aria-labelledby={headingId}>
      <div className="item-decisions-head">
        <h4 id={headingId}>Decisions on item {item.number}</h4>
        {!meeting.sealed && !recording ? (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setOutcome(null);
              setRecording(true);
            }}
          >
            {members ? 'Record a resolution' : 'Record a decision'}
            <span className="visually-hidden"> on item {item.number}</span>
          </button>
        ) : null}
      </div>
      {list.error ? (
        <Banner tone="error" title="The decisions could not be read">
          <p>{list.error.message}</p>
        </Banner>
      ) : null}
      {outcome ? (
        <Banner tone={isPositive(outcome) ? 'success' : 'warning'} title={`${DECISION_OUTCOME_LABEL[outcome.outcome]}`}>
          <p>{outcome.outcomeMessage}</p>
        </Banner>
      ) : null}
      {decisions.length === 0 && !recording ? <p className="muted item-decisions-none">No decision recorded on this item.</p> : null}
      {decisions.length > 0 ? (
        <ol className="decision-list">
          {decisions.map((d) => (
            <DecisionEntry key={d.id} decision={d} sealed={meeting.sealed} />
          ))}
        </ol>
      ) : null}
      {recording ? (
        <DecisionForm
          meeting={meeting}
          item={item}
          onCancel={() => setRecording(false)}
          onRecorded={(d) => {
            setRecording(false);
            setOutcome(d);
          }}
        />
      ) : null}
    </section>
  );
}

export function isPositive(d: Pick<Decision, 'outcome'>): boolean {
  return d.outcome === 'carried' || d.outcome === 'carried_on_casting_vote' || d.outcome === 'passed';
}

function DecisionEntry({ decision: d, sealed }: { decision: Decision; sealed: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = async () => {
    setConfirming(false);
    const result = await call('decisions.remove', { id: d.id });
    if (!result.ok) return setProblem(result.error.message);
    await queryClient.invalidateQueries();
    toast('Decision removed.');
  };
  const named = d.votes.length > 0;
  return (
    <li className="decision-entry">
      <p className="decision-text">{d.text}</p>
      <p className="decision-outcome">
        <span className={`badge ${isPositive(d) ? 'badge-success' : 'badge-warning'}`}>{DECISION_OUTCOME_LABEL[d.outcome]}</span> {d.outcomeMessage}
      </p>
      <dl className="decision-facts">
        {d.kind !== 'board' ? (
          <>
            <dt>Resolution</dt>
            <dd>
              {d.kind === 'special' ? 'Special' : 'Ordinary'}, on a {d.method === 'poll' ? 'poll' : 'show of hands'}
            </dd>
          </>
        ) : null}
        {d.proposer ? (
          <>
            <dt>Proposed by</dt>
            <dd>{d.proposer}</dd>
          </>
        ) : null}
        {d.seconder ? (
          <>
            <dt>Seconded by</dt>
            <dd>{d.seconder}</dd>
          </>
        ) : null}
        <dt>Votes</dt>
        <dd>
          {d.votesFor} for, {d.votesAgainst} against, {d.votesAbstain} {d.votesAbstain === 1 ? 'abstention' : 'abstentions'}
          {named ? (
            <ul className="decision-named">
              {d.votes.map((v) => (
                <li key={v.officerId}>
                  {v.name}: {v.vote === 'recused' ? 'took no part (recused)' : v.vote}
                </li>
              ))}
            </ul>
          ) : null}
        </dd>
      </dl>
      {d.recordedNotQuorate ? (
        <p className="decision-flag">
          <span className="badge badge-danger">Recorded as not quorate</span> The minutes say the meeting was not quorate for this decision.
        </p>
      ) : null}
      {problem ? (
        <Banner tone="error" title="Not removed">
          <p>{problem}</p>
        </Banner>
      ) : null}
      {!sealed && !d.sealed ? (
        <button type="button" ref={removeRef} className="btn btn-link btn-small" onClick={() => setConfirming(true)}>
          Remove this decision<span className="visually-hidden">: {d.text.slice(0, 60)}</span>
        </button>
      ) : null}
      {/* Mounted only while asked: the confirmation's heading id is fixed, and a page holds many decisions. */}
      {confirming ? (
        <ConfirmDialog
          open
          title="Remove this decision?"
          confirmLabel="Remove the decision"
          tone="danger"
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            removeRef.current?.focus();
          }}
        >
          <p>Remove it only if it was recorded by mistake. The removal is kept in the audit log.</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
