// Voting in the open ballot from a phone: the voting code, a page per question, "Check your
// answers", the ballot sealed ON THIS PHONE (the kiosk's sealing code, in a Web Worker), cast with
// the code, and the receipt. The choices live only in this component's state (never in the URL,
// storage or a log), go once to the sealing worker, and are cleared once the vote is cast.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElectionPublic } from '../../../../shared/ballot/election';
import type { StationBallot } from '../../../../shared/station/api';
import { createSealer, type Sealed, type Sealer } from '../../../src/features/ballots/voting/seal-client';
import { emptySelections, toMarks, toggle, type Selections } from '../../../src/features/ballots/voting/selections';
import { station } from '../api';
import { usePhoneBack } from '../back';
import { codeProblem, formatCode } from '../code';
import { asFailure, failureMessage, isCodeFailure } from '../errors';
import { message, say, type Text } from '../message';
import { problem, stationQuestions, type StationQuestion } from '../questions';
import { CodeField, ErrorSummary, PageHeading, useTitle } from '../ui';
import { CheckAnswers } from './CheckAnswers';
import { QuestionPage } from './QuestionPage';
import { Receipt } from './Receipt';
import { ReceiptCheck } from './ReceiptCheck';

type Step =
  | { kind: 'code'; returnToCheck: boolean }
  | { kind: 'question'; index: number; returnToCheck: boolean }
  | { kind: 'check' }
  | { kind: 'sealing'; phase: 'sealing' | 'casting' }
  | { kind: 'receipt'; tracker: string; stationTracker: string | null }
  | { kind: 'receiptCheck'; tracker: string };

type Loaded = { state: 'loading' } | { state: 'failed'; text: Text } | { state: 'ready'; ballot: StationBallot; questions: StationQuestion[] };

export function BallotFlow({ onExit }: { onExit(): void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [step, setStep] = useState<Step>({ kind: 'code', returnToCheck: false });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<Text | null>(null);
  /** Why the last cast failed, when it was not the code's fault (shown on "Check your answers"). */
  const [castError, setCastError] = useState<Text | null>(null);
  const [stepError, setStepError] = useState<Text | null>(null);
  const [errorKey, setErrorKey] = useState(0);
  const [selections, setSelections] = useState<Selections>([]);
  const sealer = useRef<Sealer | null>(null);
  const casting = useRef(false);

  // The ballot is fetched while the voter types their code; the sealing worker starts with it, so
  // its code is loaded by the time they cast.
  useEffect(() => {
    let live = true;
    station.ballot().then(
      (ballot) => {
        if (!live) return;
        try {
          const questions = stationQuestions(ballot);
          setLoaded({ state: 'ready', ballot, questions });
          setSelections((s) => (s.length === questions.length ? s : emptySelections(questions.map((sq) => sq.q))));
        } catch (e) {
          console.error(e);
          setLoaded({ state: 'failed', text: message('ballot.cannotShow') });
        }
      },
      (e: unknown) => live && setLoaded({ state: 'failed', text: failureMessage(asFailure(e)) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    const s = createSealer();
    sealer.current = s;
    return () => {
      s.close();
      if (sealer.current === s) sealer.current = null;
    };
  }, []);

  const go = useCallback((next: Step) => {
    setStepError(null);
    setStep(next);
  }, []);

  const questions = useMemo(() => (loaded.state === 'ready' ? loaded.questions : []), [loaded]);
  const marksQuestions = useMemo(() => questions.map((sq) => sq.q), [questions]);

  const submitCode = (returnToCheck: boolean) => {
    const p = codeProblem(code);
    setCodeError(p);
    setErrorKey((k) => k + 1);
    if (p) return;
    setCode(formatCode(code));
    go(returnToCheck ? { kind: 'check' } : { kind: 'question', index: 0, returnToCheck: false });
  };

  const cast = useCallback(async () => {
    if (casting.current || loaded.state !== 'ready') return;
    const missing = questions.findIndex((sq) => problem(sq, selections[sq.q.index] ?? []) !== null);
    if (missing >= 0) {
      go({ kind: 'question', index: missing, returnToCheck: true });
      setStepError(problem(questions[missing]!, selections[missing] ?? []));
      setErrorKey((k) => k + 1);
      return;
    }
    casting.current = true;
    setCastError(null);
    setStep({ kind: 'sealing', phase: 'sealing' });
    try {
      let sealed: Sealed;
      try {
        sealed = await (sealer.current ?? createSealer()).seal(loaded.ballot.election as ElectionPublic, toMarks(marksQuestions, selections));
      } catch (e) {
        console.error(e);
        setCastError(message('cast.sealFailed'));
        setErrorKey((k) => k + 1);
        setStep({ kind: 'check' });
        return;
      }
      setStep({ kind: 'sealing', phase: 'casting' });
      const { tracker } = await station.cast(code, sealed.ballot);
      setSelections(emptySelections(marksQuestions));
      sealer.current?.close();
      // The receipt is the tracker this phone computed from the ballot it sealed; a station that
      // reports another has stored something else, and the voter is told so.
      setStep({ kind: 'receipt', tracker: sealed.tracker, stationTracker: tracker === sealed.tracker ? null : tracker });
    } catch (e) {
      const failure = asFailure(e);
      if (failure.code === 'unexpected') console.error(e);
      setErrorKey((k) => k + 1);
      if (isCodeFailure(failure.code)) {
        setCodeError(failureMessage(failure));
        setStep({ kind: 'code', returnToCheck: true });
      } else {
        setCastError(failureMessage(failure));
        setStep({ kind: 'check' });
      }
    } finally {
      casting.current = false;
    }
  }, [code, go, loaded, marksQuestions, questions, selections]);

  const title = loaded.state === 'ready' ? loaded.ballot.title : null;
  const back = backFrom(step, questions.length);
  // The phone's Back does what the page's "Back" does; while sealing it is ignored (the vote is on
  // its way), and from the receipt it leaves the flow.
  usePhoneBack(() => {
    if (step.kind === 'sealing') return true;
    if (back && back !== 'exit') {
      go(back);
      return true;
    }
    onExit();
    return false;
  });
  const header = title && step.kind !== 'receipt' && step.kind !== 'receiptCheck' ? <p className="vote-ballot-title station-context">{title}</p> : null;

  let body;
  if (step.kind === 'code') {
    body = (
      <CodeStep
        code={code}
        onCode={(v) => {
          setCode(v);
        }}
        error={codeError}
        errorKey={errorKey}
        returnToCheck={step.returnToCheck}
        ballotLoading={loaded.state === 'loading'}
        onSubmit={() => submitCode(step.returnToCheck)}
        onExit={onExit}
      />
    );
  } else if (loaded.state !== 'ready') {
    body =
      loaded.state === 'loading' ? (
        <div className="vote-step">
          <PageHeading>{t('ballot.loadingTitle')}</PageHeading>
          <p role="status">{t('common.loading')}</p>
        </div>
      ) : (
        <div className="vote-step">
          <PageHeading>{t('ballot.cannotShowTitle')}</PageHeading>
          <p role="alert">{say(t, loaded.text)}</p>
          <p>{t('ballot.nothingRecorded')}</p>
          <div className="vote-actions">
            <button
              type="button"
              className="vote-button"
              onClick={() => {
                setLoaded({ state: 'loading' });
                setAttempt((a) => a + 1);
              }}
            >
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      );
  } else if (step.kind === 'question') {
    const sq = questions[step.index]!;
    body = (
      <QuestionPage
        key={step.index}
        sq={sq}
        position={{ at: step.index + 1, of: questions.length }}
        chosen={selections[step.index] ?? []}
        onToggle={(choiceId, checked) => {
          const outcome = toggle(sq.q, selections[step.index] ?? [], choiceId, checked);
          if (outcome.refused) return false;
          setStepError(null);
          setSelections((s) => s.map((c, i) => (i === step.index ? outcome.chosen : c)));
          return true;
        }}
        onClear={() => setSelections((s) => s.map((c, i) => (i === step.index ? [] : c)))}
        error={stepError}
        errorKey={errorKey}
        onContinue={() => {
          const p = problem(sq, selections[step.index] ?? []);
          if (p) {
            setStepError(p);
            setErrorKey((k) => k + 1);
            return;
          }
          const last = step.index === questions.length - 1;
          go(step.returnToCheck || last ? { kind: 'check' } : { kind: 'question', index: step.index + 1, returnToCheck: false });
        }}
      />
    );
  } else if (step.kind === 'check') {
    body = (
      <CheckAnswers
        questions={questions}
        selections={selections}
        code={code}
        onChange={(index) => go({ kind: 'question', index, returnToCheck: true })}
        onChangeCode={() => go({ kind: 'code', returnToCheck: true })}
        onCast={() => void cast()}
        castError={castError}
        errorKey={errorKey}
      />
    );
  } else if (step.kind === 'sealing') {
    body = <Sealing phase={step.phase} />;
  } else if (step.kind === 'receipt') {
    body = (
      <Receipt
        ballotTitle={loaded.ballot.title}
        tracker={step.tracker}
        stationTracker={step.stationTracker}
        onCheck={() => go({ kind: 'receiptCheck', tracker: step.tracker })}
        onFinish={onExit}
      />
    );
  } else {
    const receipt = step;
    body = <ReceiptCheck initial={receipt.tracker} onBack={onExit} backLabel={t('common.finish')} />;
  }

  return (
    <>
      {header}
      {back ? (
        <button type="button" className="vote-back" onClick={() => (back === 'exit' ? onExit() : go(back))}>
          {t('common.back')}
        </button>
      ) : null}
      {body}
    </>
  );
}

/** Where "Back" goes: the previous page; nowhere once sealing starts (the vote cannot be taken back). */
function backFrom(step: Step, count: number): Step | 'exit' | null {
  if (step.kind === 'code') return step.returnToCheck ? { kind: 'check' } : 'exit';
  if (step.kind === 'question') {
    if (step.returnToCheck) return { kind: 'check' };
    return step.index > 0 ? { kind: 'question', index: step.index - 1, returnToCheck: false } : { kind: 'code', returnToCheck: false };
  }
  if (step.kind === 'check') return count > 0 ? { kind: 'question', index: count - 1, returnToCheck: false } : null;
  return null;
}

function CodeStep(props: {
  code: string;
  onCode(v: string): void;
  error: Text | null;
  errorKey: number;
  returnToCheck: boolean;
  ballotLoading: boolean;
  onSubmit(): void;
  onExit(): void;
}) {
  const { t } = useTranslation();
  const { code, onCode, error, errorKey, returnToCheck, onSubmit } = props;
  useTitle(t('code.title'));
  return (
    <form
      className="vote-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <ErrorSummary items={error ? [{ text: error, fieldId: 'voting-code' }] : []} focusKey={errorKey} />
      <CodeField id="voting-code" label={t('code.title')} hint={t('code.hint')} value={code} onChange={onCode} error={error} labelIsHeading />
      {returnToCheck ? <p>{t('code.answersKept')}</p> : <p>{t('code.secret')}</p>}
      <div className="vote-actions">
        <button type="submit" className="vote-button">
          {t('common.continue')}
        </button>
      </div>
    </form>
  );
}

function Sealing({ phase }: { phase: 'sealing' | 'casting' }) {
  const { t } = useTranslation();
  const heading = phase === 'sealing' ? t('sealing.sealing') : t('sealing.casting');
  useTitle(heading);
  return (
    <div className="vote-step vote-sealing" role="status">
      <PageHeading>{heading}</PageHeading>
      <div className="vote-sealing-bar" aria-hidden="true" />
      <p>{t('sealing.body')}</p>
    </div>
  );
}
