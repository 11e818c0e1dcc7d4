// A development harness for the ballot screen: a whole election in memory (two trustees' keys made
// here, opened with a pretend roll), and an onSubmit that checks the ballot's proofs as the core
// would and returns its tracker. Not routed; the lead wires it where it helps.
import { useMemo, useRef } from 'react';
import { ballotProblem, prepare, trackerOf, type BallotJson } from '../../../../../shared/ballot/ballot';
import { openElection } from '../../../../../shared/ballot/election';
import { nobleGroup } from '../../../../../shared/ballot/group';
import { setUpTrustees } from '../../../../../shared/ballot/simulate';
import { BallotForm } from './BallotForm';
import { PREVIEW_QUESTIONS, PREVIEW_SETUP } from './preview-ballot';

/** The ballot screen against an in-memory election. `failFirstCast` shows the error path once. */
export function BallotFormPreview({ failFirstCast = false, onFinished }: { failFirstCast?: boolean; onFinished?: () => void }) {
  const election = useMemo(() => {
    const { trustees } = setUpTrustees(nobleGroup, PREVIEW_SETUP);
    return openElection(nobleGroup, PREVIEW_SETUP, trustees, 'preview-roll', 120);
  }, []);
  const attempts = useRef(0);
  const onSubmit = async (ballot: BallotJson) => {
    attempts.current += 1;
    if (failFirstCast && attempts.current === 1) throw new Error('The voting station could not be reached');
    const problem = ballotProblem(prepare(nobleGroup, election), ballot);
    if (problem) throw new Error(problem);
    return { tracker: trackerOf(ballot) };
  };
  return (
    <BallotForm
      election={election}
      questions={PREVIEW_QUESTIONS}
      onSubmit={onSubmit}
      voterLabel="Voting as Ann Example, member 42"
      {...(onFinished ? { onFinished } : {})}
    />
  );
}
