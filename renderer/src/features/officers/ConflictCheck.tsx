import { useId, useState } from 'react';
import type { Interest } from '../../../../shared/contract/interests';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { conflictRuleFor, conflictedDirectors } from '../../../../shared/rules/conflicts';

/**
 * "Who is conflicted?": type the organisation a board item concerns and see which directors
 * have a current declared interest in it, by the same rule meetings use for the quorum. The rule
 * is cited by legal form: Model Articles art 14 for a company; for a society the law gives none
 * and its registered rules decide (shared/rules/conflicts.ts).
 */
export function ConflictCheck({ interests, family }: { interests: Interest[]; family: FormFamily }) {
  const [organisation, setOrganisation] = useState('');
  const id = useId();
  const rule = conflictRuleFor(family);
  const names = new Map(interests.map((i) => [i.officerId, i.officerName]));
  const conflicted = organisation.trim() ? conflictedDirectors(interests, organisation) : [];
  const who = conflicted.map((o) => names.get(o)).join(', ');
  const verb = conflicted.length === 1 ? 'has' : 'have';
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
            : rule.statutory
              ? `${who} ${verb} declared an interest: under Model Articles art 14 they do not count towards the quorum or vote on that item, unless your articles say otherwise.`
              : `${who} ${verb} declared an interest: your registered rules decide whether they count towards the quorum and vote on that item; the app leaves them out unless your rules say otherwise.`}
      </p>
      <p className="source">
        {rule.summary} Source: {rule.source}.
      </p>
    </section>
  );
}
