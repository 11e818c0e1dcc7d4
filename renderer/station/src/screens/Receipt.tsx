import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupTracker } from '../../../src/features/ballots/voting/selections';
import { PageHeading, useTitle } from '../ui';

/**
 * The voter's receipt: the tracker of the ballot this phone sealed (docs/ballot-protocol.md §10),
 * large, with a way to keep it. It carries no name and no choice, so a lost phone or a shared
 * screenshot tells nobody how the voter voted.
 */
export function Receipt(props: { ballotTitle: string; tracker: string; stationTracker: string | null; onCheck(): void; onFinish(): void }) {
  const { ballotTitle, tracker, stationTracker, onCheck, onFinish } = props;
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const trackerRef = useRef<HTMLParagraphElement>(null);
  useTitle(t('receipt.title'));

  const copy = async () => {
    setCopied(null);
    setCopied((await copyText(tracker, trackerRef.current)) ? 'yes' : 'no');
  };

  return (
    <div className="vote-step vote-receipt">
      <div className="vote-panel">
        <PageHeading className="vote-panel-title">{t('receipt.title')}</PageHeading>
        <p className="vote-panel-body">{ballotTitle}</p>
      </div>
      <h2 className="vote-subheading">{t('receipt.trackerTitle')}</h2>
      <p>{t('receipt.trackerBody')}</p>
      <p className="vote-tracker station-tracker" ref={trackerRef}>
        {groupTracker(tracker)}
      </p>
      {stationTracker ? (
        <div className="vote-warning" role="alert">
          <p>
            <strong>{t('receipt.mismatchTitle')}</strong> {t('receipt.mismatchBody', { tracker: groupTracker(stationTracker) })}
          </p>
        </div>
      ) : null}
      <h2 className="vote-subheading">{t('receipt.keepTitle')}</h2>
      <p>{t('receipt.keepBody')}</p>
      <div className="vote-actions">
        <button type="button" className="vote-button vote-button-secondary" onClick={() => void copy()}>
          {t('receipt.copy')}
        </button>
      </div>
      <p className="station-status" role="status">
        {copied === 'yes' ? t('receipt.copied') : copied === 'no' ? t('receipt.copyFailed') : ''}
      </p>
      <h2 className="vote-subheading">{t('receipt.checkTitle')}</h2>
      <p>{t('receipt.checkBody')}</p>
      <p>{t('receipt.checkNow')}</p>
      <div className="vote-actions">
        <button type="button" className="vote-button vote-button-secondary" onClick={onCheck}>
          {t('receipt.checkButton')}
        </button>
        <button type="button" className="vote-button" onClick={onFinish}>
          {t('common.finish')}
        </button>
      </div>
    </div>
  );
}

/**
 * Copies the tracker. The Clipboard API needs a secure context, which a page served over plain HTTP
 * on the meeting's network is not; there the tracker's own text is selected and copied the old way.
 */
async function copyText(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission): try the old way
  }
  if (!element) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    // The grouped text copies with its spaces; the receipt check ignores them.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
