import { useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BallotJson } from '../../../../../shared/ballot/ballot';
import type { ElectionPublic } from '../../../../../shared/ballot/election';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/queries';
import { Banner } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { BallotForm } from '../voting/BallotForm';
import { codeProblem, formatCode } from './code';
import { questionsForDisplay } from './display';
import type { Voter } from './KioskCheckIn';

/**
 * One voter's turn at the kiosk: the ballot form (which seals the ballot on this device) cast with
 * their check-in or code. Mounted afresh for each voter (keyed by the kiosk), so nothing of one
 * voter's answers or code is left for the next.
 */
export function KioskVoting({ ballotId, voter, onDone }: { ballotId: string; voter: Voter; onDone: () => void }) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const pub = useApiQuery('ballots.publicElection', { id: ballotId }, { staleTime: Infinity });
  const display = useMemo(() => (pub.data ? questionsForDisplay(pub.data.questions) : []), [pub.data]);
  const [cast, setCast] = useState(false);
  const [stopping, setStopping] = useState(false);
  // A code the core refused is corrected here, above the form, so the voter keeps their answers.
  const code = useRef(voter.credential.kind === 'code' ? voter.credential.code : '');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [codeText, setCodeText] = useState('');
  const [codeFixProblem, setCodeFixProblem] = useState<string | null>(null);
  const [codeFixed, setCodeFixed] = useState(false);

  const onSubmit = useCallback(
    async (ballot: BallotJson) => {
      const credential = voter.credential.kind === 'code' ? { kind: 'code' as const, code: code.current } : voter.credential;
      const r = await call('ballots.cast', { id: ballotId, credential, ballot });
      if (!r.ok) {
        const codeMessage = r.error.fieldErrors?.['credential.code'];
        if (codeMessage && voter.credential.kind === 'code') {
          setCodeError(codeMessage);
          setCodeFixed(false);
        }
        throw new Error(codeMessage ?? r.error.fieldErrors?.['ballot'] ?? r.error.message);
      }
      setCast(true);
      return r.value;
    },
    [ballotId, voter.credential],
  );

  const fixCode = (e: FormEvent) => {
    e.preventDefault();
    const p = codeProblem(codeText);
    setCodeFixProblem(p);
    if (p) return;
    code.current = formatCode(codeText);
    setCodeText('');
    setCodeError(null);
    setCodeFixed(true);
  };

  if (pub.error) {
    return (
      <div className="kiosk-screen">
        <Banner tone="error" title="The ballot cannot be shown">
          <p>{pub.error.message}</p>
          <p>No vote has been recorded. Ask the poll clerk for help.</p>
        </Banner>
        <button type="button" className="btn btn-primary kiosk-big" onClick={onDone}>
          Back to check-in
        </button>
      </div>
    );
  }
  if (!pub.data) return <p role="status">Loading the ballot…</p>;
  return (
    <div className="kiosk-voting">
      {voter.instructions && !cast ? (
        <div className="kiosk-instructions">
          <Banner tone="info" title="The appointing member’s instructions">
            <p>{voter.instructions}</p>
          </Banner>
        </div>
      ) : null}
      {codeError ? (
        <form className="kiosk-code-fix" onSubmit={fixCode} noValidate>
          <Banner tone="error" title="Your voting code was not accepted">
            <p>{codeError}</p>
            <p>Type the code again below, then cast your vote again. Your answers have been kept.</p>
          </Banner>
          <div className={`field${codeFixProblem ? ' has-error' : ''}`}>
            <label htmlFor={`${idp}-code`}>Voting code</label>
            {codeFixProblem ? (
              <span className="error-message" id={`${idp}-code-error`} role="alert">
                <span className="visually-hidden">Error: </span>
                {codeFixProblem}
              </span>
            ) : null}
            <input
              id={`${idp}-code`}
              type="text"
              className="kiosk-input kiosk-code-input"
              value={codeText}
              onChange={(e) => setCodeText(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-invalid={codeFixProblem ? true : undefined}
              aria-describedby={codeFixProblem ? `${idp}-code-error` : undefined}
            />
          </div>
          <button type="submit" className="btn btn-primary kiosk-big">
            Use this code
          </button>
        </form>
      ) : null}
      {codeFixed && !cast ? (
        <p className="kiosk-code-fixed" role="status">
          Code changed. Press “Cast my vote” again.
        </p>
      ) : null}
      <BallotForm election={pub.data.election as ElectionPublic} questions={display} onSubmit={onSubmit} voterLabel={voter.label} onFinished={onDone} />
      {!cast ? (
        <div className="kiosk-stop">
          <button type="button" className="btn btn-link kiosk-big" onClick={() => setStopping(true)}>
            Stop without voting
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={stopping}
        title="Stop without voting?"
        confirmLabel="Stop and clear my answers"
        tone="danger"
        onCancel={() => setStopping(false)}
        onConfirm={() => {
          setStopping(false);
          onDone();
        }}
      >
        <p>Your answers will be cleared and no vote will be cast. You can be checked in again to vote later.</p>
      </ConfirmDialog>
    </div>
  );
}
