// The phone voting page: the language first, then what the station serves (the open ballot, a
// written resolution), each in a flow of its own that is mounted afresh when started, so nothing of
// one voter's answers or code is left for the next person to use the phone.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationAbout } from '../../../shared/station/api';
import { station } from './api';
import { asFailure, failureMessage } from './errors';
import { rememberedLanguage, rememberLanguage, type Language as Lang } from './i18n';
import type { Text } from './message';
import { BallotFlow } from './screens/BallotFlow';
import { Language, LanguageToggle } from './screens/Language';
import { ReceiptCheck } from './screens/ReceiptCheck';
import { ResolutionFlow } from './screens/ResolutionFlow';
import { Start } from './screens/Start';

type Screen = 'language' | 'start' | 'ballot' | 'resolution' | 'receiptCheck';

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>(() => (rememberedLanguage() ? 'start' : 'language'));
  const [about, setAbout] = useState<StationAbout | null>(null);
  const [failure, setFailure] = useState<Text | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** Bumped on each start of a flow: its key, so each voter gets a fresh one. */
  const [run, setRun] = useState(0);

  useEffect(() => {
    let live = true;
    station.about().then(
      (a) => live && setAbout(a),
      (e: unknown) => live && setFailure(failureMessage(asFailure(e))),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const choose = useCallback(
    (language: Lang) => {
      rememberLanguage(language);
      void i18n.changeLanguage(language);
      setScreen((s) => (s === 'language' ? 'start' : s));
    },
    [i18n],
  );
  const start = (next: Screen) => {
    setRun((r) => r + 1);
    setScreen(next);
  };
  /** Asks the station again what it serves (it may have closed the ballot meanwhile). */
  const refresh = () => {
    setFailure(null);
    setAbout(null);
    setAttempt((a) => a + 1);
  };
  const home = () => {
    setScreen('start');
    refresh();
  };

  return (
    <div className="vote station">
      <header className="station-header">
        <p className="station-app-name">{t('app.name')}</p>
        {screen !== 'language' ? <LanguageToggle onChoose={choose} /> : null}
      </header>
      <main id="main">
        {screen === 'language' ? <Language onChoose={choose} /> : null}
        {screen === 'start' ? (
          <Start
            about={about}
            failure={failure}
            onRetry={refresh}
            onBallot={() => start('ballot')}
            onResolution={() => start('resolution')}
            onCheckReceipt={() => start('receiptCheck')}
          />
        ) : null}
        {screen === 'ballot' && about?.ballot ? <BallotFlow key={run} onExit={home} /> : null}
        {screen === 'resolution' ? <ResolutionFlow key={run} onExit={home} /> : null}
        {screen === 'receiptCheck' ? <ReceiptCheck key={run} initial="" onBack={home} backLabel={t('common.back')} /> : null}
      </main>
    </div>
  );
}
