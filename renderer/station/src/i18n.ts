// English and Welsh for every word of the phone page, with i18next (issue 9: an i18n library, not
// string tables by hand). The voter chooses on the first screen; the choice is kept for this tab
// only (sessionStorage), so the next person to pick up a shared phone is asked again.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import cy from './locales/cy.json';
import en from './locales/en.json';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `lang` attribute for each: British English and Welsh. */
export const HTML_LANG: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

export const resources = { en: { translation: en }, cy: { translation: cy } } as const;

const STORAGE_KEY = 'mg-station-language';

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'cy';
}

/** An i18next instance of its own (not the global one) with both languages loaded: nothing is fetched. */
export function createI18n(language: Language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
    returnEmptyString: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined' && isLanguage(lng)) document.documentElement.lang = HTML_LANG[lng];
  });
  if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[language];
  return instance;
}

/** The language chosen earlier in this tab, or null (then the first screen asks). */
export function rememberedLanguage(): Language | null {
  try {
    const value = sessionStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage refused (a private window on an old phone): ask again
  }
}

export function rememberLanguage(language: Language): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept: the voter is asked again if the page is reloaded.
  }
}
