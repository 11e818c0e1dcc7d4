import { useTranslation } from 'react-i18next';
import { HTML_LANG, type Language as Lang } from '../i18n';
import { PageHeading } from '../ui';

/**
 * The first screen, before any language is chosen: each line in its own language (and marked with
 * its `lang`, so a screen reader pronounces it), one large button for each.
 */
export function Language({ onChoose }: { onChoose(language: Lang): void }) {
  const { t } = useTranslation();
  const en = { lng: 'en' } as const;
  const cy = { lng: 'cy' } as const;
  return (
    <div className="vote-step">
      <PageHeading>
        <span lang={HTML_LANG.en}>{t('language.title', en)}</span>
        <span className="station-heading-second" lang={HTML_LANG.cy}>
          {t('language.title', cy)}
        </span>
      </PageHeading>
      <div className="station-language-choices">
        <button type="button" className="vote-button station-wide-button" lang={HTML_LANG.en} onClick={() => onChoose('en')}>
          {t('language.name', en)}
        </button>
        <button type="button" className="vote-button station-wide-button" lang={HTML_LANG.cy} onClick={() => onChoose('cy')}>
          {t('language.name', cy)}
        </button>
      </div>
    </div>
  );
}

/** The header's switch to the other language (GOV.UK Wales pattern: the other language's own name). */
export function LanguageToggle({ onChoose }: { onChoose(language: Lang): void }) {
  const { t, i18n } = useTranslation();
  const other: Lang = i18n.language === 'cy' ? 'en' : 'cy';
  return (
    <button type="button" className="vote-link station-language-toggle" lang={HTML_LANG[other]} onClick={() => onChoose(other)}>
      <span className="visually-hidden">{t('language.switchTo', { lng: other })} </span>
      {t('language.name', { lng: other })}
    </button>
  );
}
