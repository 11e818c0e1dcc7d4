import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { createI18n, rememberedLanguage } from './i18n';
import '../../src/features/ballots/voting/voting.css';
import './station.css';

const i18n = createI18n(rememberedLanguage() ?? 'en');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
