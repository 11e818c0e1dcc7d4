import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../api';
import { normaliseTracker, trackerProblem } from '../code';
import { asFailure, failureMessage } from '../errors';
import type { Text } from '../message';
import { ErrorSummary, FieldError, PageHeading, useTitle } from '../ui';

/** "Check my receipt": is the ballot with this tracker in the box now (POST /api/receipt)? */
export function ReceiptCheck({ initial, onBack, backLabel }: { initial: string; onBack(): void; backLabel: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(initial);
  const [error, setError] = useState<Text | null>(null);
  const [failure, setFailure] = useState<Text | null>(null);
  const [errorKey, setErrorKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<boolean | null>(null);
  useTitle(t('receiptCheck.title'));

  const check = async () => {
    if (busy) return;
    const p = trackerProblem(typed);
    setError(p);
    setFailure(null);
    setFound(null);
    setErrorKey((k) => k + 1);
    if (p) return;
    setBusy(true);
    try {
      const r = await station.receipt(normaliseTracker(typed));
      setFound(r.found);
    } catch (e) {
      setFailure(failureMessage(asFailure(e)));
      setErrorKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  };

  const summary = [...(error ? [{ text: error, fieldId: 'tracker' }] : []), ...(failure ? [{ text: failure }] : [])];
  return (
    <form
      className="vote-step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      <ErrorSummary items={summary} focusKey={errorKey} />
      <div className={`station-field${error ? ' has-error' : ''}`}>
        <PageHeading className="vote-heading station-label-heading">
          <label htmlFor="tracker">{t('receiptCheck.title')}</label>
        </PageHeading>
        <p className="vote-hint" id="tracker-hint">
          {t('receiptCheck.hint')}
        </p>
        <FieldError id="tracker-error" text={error} />
        <textarea
          id="tracker"
          name="tracker"
          className="station-input station-tracker-input"
          rows={4}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            setFound(null);
          }}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={['tracker-hint', error ? 'tracker-error' : null].filter(Boolean).join(' ')}
        />
      </div>
      <div className="vote-actions">
        <button type="submit" className="vote-button" aria-disabled={busy || undefined}>
          {t('receiptCheck.button')}
        </button>
      </div>
      <div role="status" className="station-status">
        {busy ? <p>{t('receiptCheck.checking')}</p> : null}
        {found === true ? (
          <div className="station-result station-result-found">
            <h2 className="vote-subheading">{t('receiptCheck.foundTitle')}</h2>
            <p>{t('receiptCheck.foundBody')}</p>
          </div>
        ) : null}
        {found === false ? (
          <div className="station-result station-result-missing">
            <h2 className="vote-subheading">{t('receiptCheck.missingTitle')}</h2>
            <p>{t('receiptCheck.missingBody')}</p>
          </div>
        ) : null}
      </div>
      <div className="vote-actions">
        <button type="button" className="vote-link" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </form>
  );
}
