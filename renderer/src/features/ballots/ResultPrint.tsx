import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { formatInstant, formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { ResultPanel } from './ResultPanel';
import '../../ui/print.css';
import './ballots.css';

/** The declared result on paper (/print/ballots/:id/result): for the notice board, the minutes book and the scrutineer's report. */
export function ResultPrint() {
  const { id = '' } = useParams();
  const query = useApiQuery('ballots.get', { id });
  const org = useApiQuery('organisation.get', {});
  const b = query.data;
  useEffect(() => {
    if (b && org.data) document.title = `Result – ${b.title} – ${org.data.name}`;
  }, [b, org.data]);
  const error = query.error ?? org.error;
  return (
    <div className="print-page ballot-print">
      <PrintToolbar back={`/ballots/${id}`} backLabel="Back to the ballot" ready={Boolean(b?.result && org.data)} />
      <main>
        {error ? (
          <Banner tone="error" title="The ballot could not be read">
            <p>{error.message}</p>
          </Banner>
        ) : null}
        {b && org.data ? (
          <>
            <header className="print-head">
              <p className="org">{org.data.name}</p>
              <h1>Result of the ballot: {b.title}</h1>
              <p className="description">
                Record date {formatLegalDate(b.recordDate)}. {b.baseWords}
              </p>
              {b.openedAt && b.closedAt ? (
                <p className="produced">
                  Open from {formatInstant(b.openedAt)} to {formatInstant(b.closedAt)}.
                </p>
              ) : null}
            </header>
            {b.result ? (
              <ResultPanel ballot={b} result={b.result} />
            ) : (
              <Banner tone="info" title="No result yet">
                <p>{b.nextStep}</p>
              </Banner>
            )}
            <dl className="ballot-print-facts">
              {b.roll ? (
                <>
                  <dt>Roll fingerprint</dt>
                  <dd className="fingerprint">{b.roll.hash}</dd>
                </>
              ) : null}
              {b.fingerprint ? (
                <>
                  <dt>Election fingerprint</dt>
                  <dd className="fingerprint">{b.fingerprint}</dd>
                </>
              ) : null}
              {b.sealedBoxHash ? (
                <>
                  <dt>Sealed box fingerprint</dt>
                  <dd className="fingerprint">{b.sealedBoxHash}</dd>
                </>
              ) : null}
              <dt>Trustees</dt>
              <dd>{b.trustees.map((t) => `${t.name}${t.role ? ` (${t.role})` : ''}`).join('; ')}</dd>
            </dl>
            <p className="print-foot">
              Anyone can check this result with the ballot’s verification file: <code>npm run verify-ballot -- FILE</code> recomputes it from the encrypted ballots and prints “verified” or
              exactly what does not match. The fingerprints above are in that file.
            </p>
          </>
        ) : !error ? (
          <p role="status">Loading…</p>
        ) : null}
      </main>
    </div>
  );
}
