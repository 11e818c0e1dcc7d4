import { useId, useState } from 'react';
import type { Interest } from '../../../../shared/contract/interests';
import { CONFLICT_SOURCE, conflictedDirectors } from '../../../../shared/rules/conflicts';

/**
 * "Who is conflicted?": type the organisation a board item concerns and see which directors
 * have a current declared interest in it, by the same rule meetings use for the quorum.
 */
export function ConflictCheck({ interests }: { interests: Interest[] }) {
  const [organisation, setOrganisation] = useState('');
  const id = useId();
  const names = new Map(interests.map((i) => [i.officerId, i.officerName]));
  const conflicted = organisation.trim() ? conflictedDirectors(interests, organisation) : [];
  return (
    <section className="card board-conflict" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Who is conflicted?</h3>
      <div className="field">
        <label htmlFor={`${id}-org`}>Organisation a board item concerns</label>
        <span className="hint" id={`${id}-hint`}>
          Names match without regard to case, “The” or “Ltd”.
        </span>
        <input id={`${id}-org`} type="search" aria-describedby={`${id}-hint`} value={organisation} onChange={(e) => setOrganisation(e.target.value)} autoComplete="off" />
      </div>
      <p role="status" className="board-conflict-result">
        {!organisation.trim()
          ? ''
          : conflicted.length === 0
            ? `No director has a current declared interest in ${organisation.trim()}.`
            : `${conflicted.map((o) => names.get(o)).join(', ')} ${conflicted.length === 1 ? 'has' : 'have'} declared an interest: leave them out of the quorum and the vote on that item.`}
      </p>
      <p className="source">{CONFLICT_SOURCE}.</p>
    </section>
  );
}
