import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { formatPence } from '../../../../shared/rules/shareholding';
import { Banner } from '../../ui/Banner';
import { DateFilter } from '../../ui/DateInput';
import { DocumentButton } from '../meetings/documents';
import { figureRows, judgementLabel, verdictTitle } from './s33/s33-format';
import './s33/s33.css';

/**
 * "Could this contract be reserved to us?" (Procurement Act 2023 s33) on a contract's page: the
 * verdict as at a chosen date, each condition with the law it comes from, what the app found
 * and the evidence it holds; comparable contracts that block a reservation, with the date each
 * stops counting; what the app cannot judge; and the evidence pack (PDF, or DOCX to edit) for a
 * tender response, every figure from the records as they stood on that date.
 */
export function S33Panel({ contractId }: { contractId: string }) {
  const [asAt, setAsAt] = useState(todayUk());
  const check = useApiQuery('contractReports.s33Check', { contractId, asAt }, { placeholderData: (previous) => previous });
  const r = check.data;
  const verdict = r ? judgementLabel(r.reservable) : null;

  return (
    <section className="card s33-panel" aria-labelledby="s33-h">
      <header>
        <h2 id="s33-h">Could this contract be reserved to us? (Procurement Act 2023 s33)</h2>
      </header>
      <p className="s33-intro">
        A contracting authority may reserve a contract for public service mutuals if the services are reservable light touch services, the term is five
        years or less, the mutual meets the conditions in s33(6), and it has not won a comparable reserved contract from the same authority in the last three
        years. Each condition is checked below against your records as at the date you choose.
      </p>
      <div className="s33-asat">
        <DateFilter id="s33-as-at" label="Evidence as at" value={asAt} onChange={(v) => setAsAt(v === '' ? todayUk() : v)} />
      </div>

      {check.error ? (
        <Banner tone="error" title="The check could not be made">
          <p>{check.error.message}</p>
        </Banner>
      ) : null}
      {!r && !check.error ? <p role="status">Checking…</p> : null}

      {r && verdict ? (
        <div aria-busy={check.isFetching} className="s33-result">
          <div className={`s33-verdict ${verdict.tone}`} role="status">
            <span className="s33-verdict-mark" aria-hidden="true">
              {verdict.mark}
            </span>
            <div>
              <h3>{verdictTitle(r.reservable, r.asAt, formatLegalDate)}</h3>
              <p>{r.summary}</p>
            </div>
          </div>

          <h3 className="s33-sub" id="s33-conditions-h">
            The conditions, one by one
          </h3>
          <ol className="s33-conditions" aria-labelledby="s33-conditions-h">
            {r.conditions.map((c) => {
              const j = judgementLabel(c.met);
              return (
                <li key={c.ref} className={`s33-condition ${j.tone}`}>
                  <div className="s33-condition-head">
                    <span className={`badge badge-${j.tone}`}>
                      <span aria-hidden="true">{j.mark} </span>
                      {j.text}
                    </span>
                    <span className="s33-ref">{c.ref}</span>
                  </div>
                  <h4>{c.title}</h4>
                  <p>{c.statement}</p>
                  {c.evidence.length > 0 ? (
                    <div className="s33-evidence">
                      <p className="s33-evidence-h">Evidence held</p>
                      <ul>
                        {c.evidence.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>

          <h3 className="s33-sub" id="s33-comparable-h">
            Comparable contracts (s33(5) and (7))
          </h3>
          {r.comparable.length === 0 ? (
            <p>
              None found: no contract for the same kind of services from {r.counterpartyName} was awarded to you in reliance on s33 in the three years before
              the award.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data s33-comparable" aria-labelledby="s33-comparable-h">
                <thead>
                  <tr>
                    <th scope="col">Contract</th>
                    <th scope="col">Awarded</th>
                    <th scope="col">Counts until</th>
                  </tr>
                </thead>
                <tbody>
                  {r.comparable.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/contracts/${c.id}`}>
                          {c.reference}: {c.title}
                        </Link>
                      </th>
                      <td className="nowrap">{formatLegalDate(c.awardOn)}</td>
                      <td className="nowrap">{formatLegalDate(c.countsUntil)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3 className="s33-sub" id="s33-figures-h">
            Figures from your records on {formatLegalDate(r.asAt)}
          </h3>
          <div className="table-wrap">
            <table className="data s33-figures" aria-labelledby="s33-figures-h">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Figure</th>
                  <th scope="col" className="num">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {figureRows(r.figures, formatPence).map((f) => (
                  <tr key={f.label}>
                    <th scope="row">{f.label}</th>
                    <td>{f.value}</td>
                    <td className="num">{f.share}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {r.cannotJudge.length > 0 ? (
            <>
              <h3 className="s33-sub">What the app cannot judge for you</h3>
              <ul className="s33-cannot">
                {r.cannotJudge.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </>
          ) : null}

          <h3 className="s33-sub">Eligibility evidence pack</h3>
          <p className="muted">
            The conditions, the evidence and the figures as at {formatLegalDate(r.asAt)}, for attaching to a tender response. Every figure is computed from
            the records as they stood on that date.
          </p>
          <div className="s33-docs">
            <DocumentButton label="Evidence pack (PDF)" busyLabel="Preparing the evidence pack" start={() => call('contractReports.evidencePack', { contractId, asAt: r.asAt, format: 'pdf' })} />
            <DocumentButton label="Evidence pack (DOCX)" busyLabel="Preparing the evidence pack" start={() => call('contractReports.evidencePack', { contractId, asAt: r.asAt, format: 'docx' })} />
          </div>
        </div>
      ) : null}
    </section>
  );
}

export default S33Panel;
