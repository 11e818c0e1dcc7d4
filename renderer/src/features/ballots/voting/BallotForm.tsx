// The voter's ballot screen, for the kiosk and for the phone voting page: a page per question, "Check
// your answers", then the ballot is sealed ON THIS DEVICE (shared/ballot with @noble/curves, in a Web
// Worker) and handed to onSubmit, and the receipt shows its tracker. It imports nothing of the app's
// API client or the secretary's screens, so either host can embed it.
//
// Privacy: the choices live only in this component's state (never in the URL, storage, a log or the
// host's cache), are posted once to the sealing worker, and are cleared when the vote is cast.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BallotJson } from '../../../../../shared/ballot/ballot';
import type { ElectionPublic } from '../../../../../shared/ballot/election';
import { CheckAnswers } from './CheckAnswers';
import { QuestionStep } from './QuestionStep';
import { Receipt } from './Receipt';
import { createSealer, type Sealer } from './seal-client';
import { ballotQuestions, emptySelections, firstUnanswered, questionError, toMarks, type QuestionDisplay, type Selections } from './selections';
import './voting.css';

export type { QuestionDisplay, ResolutionDisplay, ElectionDisplay, ConsultationDisplay } from './selections';

export interface BallotFormProps {
  /** The opened election (its setup's questions, key and fingerprint): what the ballot is sealed against. */
  election: ElectionPublic;
  /** How each of the election's questions is shown, by question id (and choice id for candidates and options). */
  questions: readonly QuestionDisplay[];
  /**
   * Casts the sealed ballot (the host's call to the core). Resolves with the tracker the core stored;
   * rejects with an Error whose message the voter can read ("You have already voted in this ballot.").
   */
  onSubmit(ballot: BallotJson): Promise<{ tracker: string }>;
  /** Shown above every page ("Voting as Ann Example, member 42", "Proxy for …"); never on the receipt. */
  voterLabel?: string;
  /** Shows a "Finish" button on the receipt (the kiosk returns to check-in). */
  onFinished?: () => void;
}

type Step =
  | { kind: 'question'; index: number; returnToCheck: boolean }
  | { kind: 'check' }
  | { kind: 'sealing'; phase: 'sealing' | 'casting' }
  | { kind: 'receipt'; tracker: string; stationTracker: string | null };

/**
 * One voter's ballot. Mount it afresh for each voter (the kiosk: `key={checkInId}`), and unmount it when
 * they finish: the answers live only while it is mounted, and are cleared as soon as the vote is cast.
 */
export function BallotForm({ election, questions: display, onSubmit, voterLabel, onFinished }: BallotFormProps) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const built = useMemo(() => {
    try {
      return { questions: ballotQuestions(election, display), problem: null };
    } catch (e) {
      return { questions: [], problem: e instanceof Error ? e.message : String(e) };
    }
  }, [election, display]);
  const questions = built.questions;

  const [selections, setSelections] = useState<Selections>(() => emptySelections(questions));
  const [step, setStep] = useState<Step>({ kind: 'question', index: 0, returnToCheck: false });
  const [stepError, setStepError] = useState<string | null>(null);
  const [castError, setCastError] = useState<string | null>(null);
  const [errorKey, setErrorKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const casting = useRef(false);
  const sealer = useRef<Sealer | null>(null);
  const castButtonId = `${idPrefix}-cast`;

  // The worker starts with the screen, so its code is loaded and ready by the time the voter casts.
  useEffect(() => {
    const s = createSealer();
    sealer.current = s;
    return () => {
      s.close();
      if (sealer.current === s) sealer.current = null;
    };
  }, []);

  // Each new page moves focus to its heading, so a screen reader announces where the voter is. (From
  // sealing to casting the page stays; its status region announces the new heading.)
  const stepKey = step.kind === 'question' ? `q${step.index}` : step.kind;
  useEffect(() => {
    // An error summary shown with the new page has taken focus already (child effects run first); it stays there.
    if (document.activeElement?.closest('.vote-error-summary')) return;
    headingRef.current?.focus();
  }, [stepKey]);

  const go = useCallback((next: Step) => {
    setStepError(null);
    setStep(next);
  }, []);

  const cast = useCallback(async () => {
    if (casting.current) return;
    const missing = firstUnanswered(questions, selections);
    if (missing !== null) {
      go({ kind: 'question', index: missing, returnToCheck: true });
      setStepError(questionError(questions[missing]!, selections[missing] ?? []));
      setErrorKey((k) => k + 1);
      return;
    }
    casting.current = true;
    setCastError(null);
    setStep({ kind: 'sealing', phase: 'sealing' });
    try {
      const sealed = await (sealer.current ?? createSealer()).seal(election, toMarks(questions, selections));
      setStep({ kind: 'sealing', phase: 'casting' });
      const { tracker } = await onSubmit(sealed.ballot);
      setSelections(emptySelections(questions));
      sealer.current?.close();
      // The receipt is the tracker this device computed from the ballot it sealed; a station that
      // reports another has stored something else, and the voter is told so.
      setStep({ kind: 'receipt', tracker: sealed.tracker, stationTracker: tracker === sealed.tracker ? null : tracker });
    } catch (e) {
      setCastError(castFailure(e));
      setErrorKey((k) => k + 1);
      setStep({ kind: 'check' });
    } finally {
      casting.current = false;
    }
  }, [election, go, onSubmit, questions, selections]);

  if (built.problem) {
    return (
      <div className="vote">
        <div className="vote-error-summary" role="alert">
          <h1 className="vote-subheading">This ballot cannot be shown</h1>
          <p>{built.problem}</p>
          <p>Ask the poll clerk or the secretary for help. No vote has been recorded.</p>
        </div>
      </div>
    );
  }

  const back = backFrom(step, questions.length);
  return (
    <div className="vote" lang="en-GB">
      <header className="vote-header vote-no-print">
        <p className="vote-ballot-title">{election.setup.title}</p>
        {voterLabel && step.kind !== 'receipt' ? <p className="vote-voter">{voterLabel}</p> : null}
      </header>
      {back ? (
        <button type="button" className="vote-back vote-no-print" onClick={() => go(back)}>
          Back
        </button>
      ) : null}
      {step.kind === 'question' ? (
        <QuestionStep
          key={step.index}
          idPrefix={idPrefix}
          q={questions[step.index]!}
          position={{ at: step.index + 1, of: questions.length }}
          chosen={selections[step.index] ?? []}
          onChange={(chosen) => {
            setStepError(null);
            setSelections((s) => s.map((c, i) => (i === step.index ? chosen : c)));
          }}
          error={stepError}
          errorKey={errorKey}
          headingRef={headingRef}
          onContinue={() => {
            const q = questions[step.index]!;
            const problem = questionError(q, selections[step.index] ?? []);
            if (problem) {
              setStepError(problem);
              setErrorKey((k) => k + 1);
              return;
            }
            const last = step.index === questions.length - 1;
            go(step.returnToCheck || last ? { kind: 'check' } : { kind: 'question', index: step.index + 1, returnToCheck: false });
          }}
        />
      ) : null}
      {step.kind === 'check' ? (
        <CheckAnswers
          questions={questions}
          selections={selections}
          onChange={(index) => go({ kind: 'question', index, returnToCheck: true })}
          onCast={() => void cast()}
          castError={castError}
          errorKey={errorKey}
          headingRef={headingRef}
          castButtonId={castButtonId}
        />
      ) : null}
      {step.kind === 'sealing' ? (
        <div className="vote-step vote-sealing" role="status">
          <h1 className="vote-heading" tabIndex={-1} ref={headingRef}>
            {step.phase === 'sealing' ? 'Sealing your ballot…' : 'Casting your vote…'}
          </h1>
          <div className="vote-sealing-bar" aria-hidden="true" />
          <p>Your answers are being encrypted on this device. This takes a moment: please do not close this page.</p>
        </div>
      ) : null}
      {step.kind === 'receipt' ? (
        <Receipt
          ballotTitle={election.setup.title}
          tracker={step.tracker}
          stationTracker={step.stationTracker}
          headingRef={headingRef}
          {...(onFinished ? { onFinished } : {})}
        />
      ) : null}
    </div>
  );
}

/** Where "Back" goes: the previous question, the last question from the check page, nowhere once sealing starts. */
function backFrom(step: Step, count: number): Step | null {
  if (step.kind === 'question') {
    if (step.returnToCheck) return { kind: 'check' };
    return step.index > 0 ? { kind: 'question', index: step.index - 1, returnToCheck: false } : null;
  }
  if (step.kind === 'check') return count > 0 ? { kind: 'question', index: count - 1, returnToCheck: false } : null;
  return null;
}

function castFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const detail = message.trim() ? message.trim().replace(/([^.!?])$/, '$1.') : 'Your vote could not be cast.';
  return `${detail} Your answers have been kept: check them and try again, or ask the poll clerk for help.`;
}
