// Signifying agreement to a members' written resolution from a phone (CA 2006 s288-s300). Not
// secret: the company records who agreed and when (s296), so the confirmation names the member the
// code belongs to. Once signified, agreement cannot be revoked (s296(3)); the page says so before
// the voter agrees.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { station, type Agreement, type StationResolution } from '../api';
import { usePhoneBack } from '../back';
import { codeProblem, formatCode } from '../code';
import { asFailure, failureMessage, isCodeFailure } from '../errors';
import { formatDate, formatInstant } from '../dates';
import { message, say, type Text } from '../message';
import { CodeField, ErrorSummary, FieldError, PageHeading, useTitle, type SummaryItem } from '../ui';

type Loaded = { state: 'loading' } | { state: 'failed'; text: Text } | { state: 'ready'; resolution: StationResolution };

export function ResolutionFlow({ onExit }: { onExit(): void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [agreement, setAgreement] = useState<Agreement | null>(null);

  useEffect(() => {
    let live = true;
    station.resolution().then(
      (resolution) => live && setLoaded({ state: 'ready', resolution }),
      (e: unknown) => live && setLoaded({ state: 'failed', text: failureMessage(asFailure(e)) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  usePhoneBack(() => {
    onExit();
    return false;
  });

  if (agreement) return <Agreed agreement={agreement} onFinish={onExit} />;
  return (
    <>
      <button type="button" className="vote-back" onClick={onExit}>
        {t('common.back')}
      </button>
      {loaded.state === 'loading' ? (
        <div className="vote-step">
          <PageHeading>{t('resolution.title')}</PageHeading>
          <p role="status">{t('common.loading')}</p>
        </div>
      ) : loaded.state === 'failed' ? (
        <div className="vote-step">
          <PageHeading>{t('resolution.title')}</PageHeading>
          <p role="alert">{say(t, loaded.text)}</p>
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
      ) : (
        <AgreeForm resolution={loaded.resolution} onAgreed={setAgreement} />
      )}
    </>
  );
}

function AgreeForm({ resolution, onAgreed }: { resolution: StationResolution; onAgreed(a: Agreement): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [agree, setAgree] = useState(false);
  const [codeError, setCodeError] = useState<Text | null>(null);
  const [agreeError, setAgreeError] = useState<Text | null>(null);
  const [failure, setFailure] = useState<Text | null>(null);
  const [errorKey, setErrorKey] = useState(0);
  const [busy, setBusy] = useState(false);
  useTitle(t('resolution.title'));

  const submit = async () => {
    if (busy) return;
    const cp = codeProblem(code, 'agreement');
    const ap = agree ? null : message('resolution.errorNotTicked');
    setCodeError(cp);
    setAgreeError(ap);
    setFailure(null);
    setErrorKey((k) => k + 1);
    if (cp || ap) return;
    setBusy(true);
    try {
      onAgreed(await station.agree(formatCode(code)));
    } catch (e) {
      const f = asFailure(e);
      if (f.code === 'unexpected') console.error(e);
      if (isCodeFailure(f.code)) setCodeError(failureMessage(f, 'agreement'));
      else setFailure(failureMessage(f, 'agreement'));
      setErrorKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = [
    ...(codeError ? [{ text: codeError, fieldId: 'resolution-code' }] : []),
    ...(agreeError ? [{ text: agreeError, fieldId: 'resolution-agree' }] : []),
    ...(failure ? [{ text: failure }] : []),
  ];
  const kind = resolution.kind === 'special' ? t('question.tagSpecial') : resolution.kind === 'ordinary' ? t('question.tagOrdinary') : null;
  return (
    <form
      className="vote-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary items={summary} focusKey={errorKey} />
      <PageHeading>{t('resolution.title')}</PageHeading>
      {kind ? (
        <p>
          <strong className={`vote-tag${resolution.kind === 'special' ? ' vote-tag-special' : ''}`}>{kind}</strong>
        </p>
      ) : null}
      <p className="vote-question-text" id="resolution-text">
        {resolution.text}
      </p>
      <dl className="station-facts">
        <div>
          <dt>{t('resolution.circulatedOn')}</dt>
          <dd>{formatDate(t, resolution.circulatedOn)}</dd>
        </div>
        <div>
          <dt>{t('resolution.lapses')}</dt>
          <dd>{resolution.lapsesAfter ? t('resolution.lapsesAfter', { date: formatDate(t, resolution.lapsesAfter) }) : t('resolution.noLapse')}</dd>
        </div>
      </dl>
      <p>{resolution.kind === 'special' ? t('resolution.passesSpecial') : t('resolution.passesOrdinary')}</p>
      <p>{t('resolution.notSecret')}</p>
      <p>{t('resolution.noNeedToDisagree')}</p>
      <h2 className="vote-subheading">{t('resolution.agreeTitle')}</h2>
      <CodeField id="resolution-code" label={t('resolution.codeLabel')} hint={t('resolution.codeHint')} value={code} onChange={setCode} error={codeError} />
      <div className={`station-field${agreeError ? ' has-error' : ''}`}>
        <FieldError id="resolution-agree-error" text={agreeError} />
        <div className={`vote-choice${agree ? ' is-checked' : ''}`}>
          <input
            id="resolution-agree"
            type="checkbox"
            checked={agree}
            onChange={(e) => {
              setAgree(e.currentTarget.checked);
              if (e.currentTarget.checked) setAgreeError(null);
            }}
            aria-invalid={agreeError ? true : undefined}
            aria-describedby={['resolution-agree-hint', agreeError ? 'resolution-agree-error' : null].filter(Boolean).join(' ')}
          />
          <label htmlFor="resolution-agree">{t('resolution.agreeLabel')}</label>
          <p className="vote-choice-hint" id="resolution-agree-hint">
            {t('resolution.agreeHint')}
          </p>
        </div>
      </div>
      <div className="vote-actions">
        <button type="submit" className="vote-button" aria-disabled={busy || undefined}>
          {busy ? t('resolution.sending') : t('resolution.button')}
        </button>
      </div>
    </form>
  );
}

function Agreed({ agreement, onFinish }: { agreement: Agreement; onFinish(): void }) {
  const { t } = useTranslation();
  const at = formatInstant(t, agreement.agreedAt);
  useTitle(t('agreed.title'));
  return (
    <div className="vote-step">
      <div className="vote-panel">
        <PageHeading className="vote-panel-title">{t('agreed.title')}</PageHeading>
        <p className="vote-panel-body">{t('agreed.recorded', { name: agreement.name, time: at.time, date: at.date })}</p>
      </div>
      {agreement.passed ? (
        <>
          <h2 className="vote-subheading">{t('agreed.passedTitle')}</h2>
          <p>{t('agreed.passedBody')}</p>
        </>
      ) : (
        <>
          <h2 className="vote-subheading">{t('agreed.notYetTitle')}</h2>
          <p>{t('agreed.notYetBody')}</p>
        </>
      )}
      <p>{t('agreed.irrevocable')}</p>
      <div className="vote-actions">
        <button type="button" className="vote-button" onClick={onFinish}>
          {t('common.finish')}
        </button>
      </div>
    </div>
  );
}
