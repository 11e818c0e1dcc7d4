import { useTranslation } from 'react-i18next';
import type { StationAbout } from '../../../../shared/station/api';
import { shortFingerprint } from '../code';
import { formatDate } from '../dates';
import { say, type Text } from '../message';
import { PageHeading, useTitle } from '../ui';

/** What this station serves: the open ballot, a written resolution, or both; or why there is nothing. */
export function Start(props: {
  about: StationAbout | null;
  failure: Text | null;
  onRetry(): void;
  onBallot(): void;
  onResolution(): void;
  onCheckReceipt(): void;
}) {
  const { about, failure, onRetry, onBallot, onResolution, onCheckReceipt } = props;
  const { t } = useTranslation();
  useTitle(t('start.title'));
  if (failure) {
    return (
      <div className="vote-step">
        <PageHeading>{t('start.unreachableTitle')}</PageHeading>
        <p role="alert">{say(t, failure)}</p>
        <div className="vote-actions">
          <button type="button" className="vote-button" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  if (!about) {
    return (
      <div className="vote-step">
        <PageHeading>{t('start.title')}</PageHeading>
        <p role="status">{t('common.loading')}</p>
      </div>
    );
  }
  const nothing = !about.ballot && !about.resolution;
  return (
    <div className="vote-step">
      <p className="vote-caption">{about.organisation}</p>
      <PageHeading>{t('start.title')}</PageHeading>
      {nothing ? (
        <>
          <p>{t('start.nothingOpen')}</p>
          <div className="vote-actions">
            <button type="button" className="vote-button" onClick={onRetry}>
              {t('common.tryAgain')}
            </button>
          </div>
        </>
      ) : null}
      {about.ballot ? (
        <section className="station-card" aria-labelledby="start-ballot">
          <h2 className="vote-subheading" id="start-ballot">
            {about.ballot.title}
          </h2>
          <p>{t('start.ballotIntro')}</p>
          <dl className="station-facts">
            <div>
              <dt>{t('start.fingerprintLabel')}</dt>
              <dd className="station-fingerprint" aria-describedby="start-fingerprint-hint">
                {shortFingerprint(about.ballot.fingerprint)}
              </dd>
            </div>
          </dl>
          <p className="vote-hint" id="start-fingerprint-hint">
            {t('start.fingerprintHint')}
          </p>
          <div className="vote-actions">
            <button type="button" className="vote-button" onClick={onBallot}>
              {t('start.ballotButton')}
            </button>
            <button type="button" className="vote-link" onClick={onCheckReceipt}>
              {t('start.checkReceipt')}
            </button>
          </div>
        </section>
      ) : null}
      {about.resolution ? (
        <section className="station-card" aria-labelledby="start-resolution">
          <h2 className="vote-subheading" id="start-resolution">
            {t('start.resolutionTitle')}
          </h2>
          <p>{t('start.resolutionIntro')}</p>
          {about.resolution.lapsesAfter ? <p>{t('start.resolutionOpenUntil', { date: formatDate(t, about.resolution.lapsesAfter) })}</p> : null}
          <div className="vote-actions">
            <button type="button" className="vote-button" onClick={onResolution}>
              {t('start.resolutionButton')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
