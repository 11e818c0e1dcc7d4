import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { formatPence } from '../../../../shared/rules/shareholding';
import { Banner } from '../../ui/Banner';
import { DateFilter } from '../../ui/DateInput';
import { PageHeader } from '../../ui/PageHeader';
import { ContractsNav } from './ContractsNav';
import { DocumentButton } from '../meetings/documents';
import { ChartWithTable, EndingChart, PoundsBarChart, ShareRing } from './portfolio/Charts';
import { commissionerSentence, concentrationSentence, endingRows, endingSentence, serviceSentence, shareText, topWithOthers, wholePounds } from './portfolio/portfolio-format';
import './portfolio/portfolio.css';

/** Bars shown in a chart before the rest are gathered as "All others"; the tables list every row. */
const BARS = 8;

/**
 * The contract portfolio for the board, as at a date: annual income by commissioner and by
 * service, contracts ending within 6, 12 and 18 months, and the largest commissioner's share of
 * income (concentration risk). Each chart has its figures in a table beside it and a sentence
 * that says what it shows; the same figures print as a board report (PDF) or a spreadsheet (XLSX).
 */
export function PortfolioPage() {
  const [asAt, setAsAt] = useState(todayUk());
  const portfolio = useApiQuery('contractReports.portfolio', { asAt }, { placeholderData: (previous) => previous });
  const p = portfolio.data;
  const liveContracts = p ? p.byCommissioner.reduce((s, c) => s + c.contracts, 0) : 0;
  const largest = p ? [...p.byCommissioner].sort((a, b) => b.annualPence - a.annualPence)[0] : undefined;
  const empty = p !== undefined && p.byCommissioner.length === 0 && p.endingContracts.length === 0;

  return (
    <div className="page page-wide pf-page">
      <PageHeader
        title="Contract portfolio"
        lede="Where the mutual’s contract income comes from, which contracts end soon, and how much rests on one commissioner. Annual values of the contracts live on the date chosen."
      />
      <ContractsNav current="portfolio" />

      <section className="card pf-controls" aria-label="Date and reports">
        <div className="pf-asat">
          <DateFilter id="pf-as-at" label="Portfolio as at" value={asAt} onChange={(v) => setAsAt(v === '' ? todayUk() : v)} />
        </div>
        <div className="pf-reports">
          <p className="pf-reports-h">For the board</p>
          <div className="pf-report-buttons">
            <DocumentButton label="Board report (PDF)" busyLabel="Preparing the board report" start={() => call('contractReports.portfolioReport', { asAt, format: 'pdf' })} />
            <DocumentButton label="Spreadsheet (XLSX)" busyLabel="Preparing the spreadsheet" start={() => call('contractReports.portfolioReport', { asAt, format: 'xlsx' })} />
          </div>
        </div>
      </section>

      {portfolio.error ? (
        <Banner tone="error" title="The portfolio could not be read">
          <p>{portfolio.error.message}</p>
        </Banner>
      ) : null}
      {!p && !portfolio.error ? <p role="status">Loading…</p> : null}

      {p && empty ? (
        <div className="card empty">
          <h2>No live contracts on {formatLegalDate(p.asAt)}</h2>
          <p>The portfolio counts the annual value of contracts that are live, or in an extension, on the date. Record a contract with its dates and values to see it here.</p>
          <Link className="btn btn-primary" to="/contracts">
            Go to contracts
          </Link>
        </div>
      ) : null}

      {p && !empty ? (
        <div aria-busy={portfolio.isFetching}>
          <ul className="pf-stats" aria-label={`Summary as at ${formatLegalDate(p.asAt)}`}>
            <li>
              <span className="pf-stat-label">Annual contract income</span>
              <span className="pf-stat-figure">{wholePounds(p.annualIncomePence)}</span>
              <span className="pf-stat-note">{formatCount(liveContracts, 'live contract')}</span>
            </li>
            <li>
              <span className="pf-stat-label">Commissioners</span>
              <span className="pf-stat-figure">{p.byCommissioner.length.toLocaleString('en-GB')}</span>
              <span className="pf-stat-note">paying for live contracts</span>
            </li>
            <li className={p.largestShare >= 0.5 ? 'warn' : undefined}>
              <span className="pf-stat-label">Largest commissioner’s share</span>
              <span className="pf-stat-figure">{p.largestCommissioner ? shareText(p.largestShare) : '–'}</span>
              <span className="pf-stat-note">{p.largestCommissioner ?? 'No income on this date'}</span>
            </li>
            <li>
              <span className="pf-stat-label">Ending within 12 months</span>
              <span className="pf-stat-figure">{p.ending.within12.toLocaleString('en-GB')}</span>
              <span className="pf-stat-note">{wholePounds(p.ending.within12Pence)} a year</span>
            </li>
          </ul>

          <ChartWithTable
            id="pf-commissioner"
            title="Income by commissioner"
            sentence={commissionerSentence(p)}
            chart={<PoundsBarChart rows={topWithOthers(p.byCommissioner.map((c) => ({ name: c.name, pence: c.annualPence })), BARS)} />}
            table={
              <table className="data pf-data">
                <caption className="visually-hidden">Annual income by commissioner, as at {formatLegalDate(p.asAt)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Commissioner</th>
                    <th scope="col" className="num">
                      Contracts
                    </th>
                    <th scope="col" className="num">
                      A year
                    </th>
                    <th scope="col" className="num">
                      Share
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...p.byCommissioner]
                    .sort((a, b) => b.annualPence - a.annualPence)
                    .map((c) => (
                      <tr key={c.counterpartyId}>
                        <th scope="row">{c.name}</th>
                        <td className="num">{c.contracts.toLocaleString('en-GB')}</td>
                        <td className="num">{formatPence(c.annualPence)}</td>
                        <td className="num">{shareText(c.share)}</td>
                      </tr>
                    ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All commissioners</th>
                    <td className="num">{liveContracts.toLocaleString('en-GB')}</td>
                    <td className="num">{formatPence(p.annualIncomePence)}</td>
                    <td className="num">100%</td>
                  </tr>
                </tfoot>
              </table>
            }
          />

          <ChartWithTable
            id="pf-service"
            title="Income by service"
            sentence={serviceSentence(p)}
            chart={<PoundsBarChart rows={topWithOthers(p.byService.map((s) => ({ name: s.description, pence: s.annualPence })), BARS)} />}
            table={
              <table className="data pf-data">
                <caption className="visually-hidden">Annual income by service category (CPV code), as at {formatLegalDate(p.asAt)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col" className="num">
                      Contracts
                    </th>
                    <th scope="col" className="num">
                      A year
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...p.byService]
                    .sort((a, b) => b.annualPence - a.annualPence)
                    .map((s) => (
                      <tr key={s.code}>
                        <th scope="row">
                          {s.description} <span className="pf-code">{s.code}</span>
                        </th>
                        <td className="num">{s.contracts.toLocaleString('en-GB')}</td>
                        <td className="num">{formatPence(s.annualPence)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            }
          />

          <ChartWithTable
            id="pf-ending"
            title="Contracts ending"
            sentence={endingSentence(p.ending)}
            chart={<EndingChart rows={endingRows(p.ending)} />}
            table={
              <table className="data pf-data">
                <caption className="visually-hidden">Contracts ending within 6, 12 and 18 months of {formatLegalDate(p.asAt)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Ending</th>
                    <th scope="col" className="num">
                      Contracts
                    </th>
                    <th scope="col" className="num">
                      Worth a year
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {endingRows(p.ending).map((r) => (
                    <tr key={r.months}>
                      <th scope="row">{r.label}</th>
                      <td className="num">{r.contracts.toLocaleString('en-GB')}</td>
                      <td className="num">{formatPence(r.pence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />

          {p.endingContracts.length > 0 ? (
            <section className="card" aria-labelledby="pf-ending-list-h">
              <h2 id="pf-ending-list-h">Contracts ending within 18 months</h2>
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Contracts ending within 18 months of {formatLegalDate(p.asAt)}, soonest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Contract</th>
                      <th scope="col">Commissioner</th>
                      <th scope="col">Ends on</th>
                      <th scope="col" className="num">
                        A year
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...p.endingContracts]
                      .sort((a, b) => a.currentEndOn.localeCompare(b.currentEndOn))
                      .map((c) => (
                        <tr key={c.id}>
                          <th scope="row">
                            <Link to={`/contracts/${c.id}`}>
                              {c.reference}: {c.title}
                            </Link>
                          </th>
                          <td>{c.counterpartyName}</td>
                          <td className="nowrap">{formatLegalDate(c.currentEndOn)}</td>
                          <td className="num">{c.annualValuePence === null ? 'Not recorded' : formatPence(c.annualValuePence)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <ChartWithTable
            id="pf-concentration"
            title="Concentration risk"
            sentence={concentrationSentence(p)}
            chart={<ShareRing share={p.largestCommissioner ? p.largestShare : 0} label={p.largestCommissioner ? shareText(p.largestShare) : '–'} />}
            table={
              <table className="data pf-data">
                <caption className="visually-hidden">The largest commissioner’s share of annual contract income</caption>
                <thead>
                  <tr>
                    <th scope="col">Who pays</th>
                    <th scope="col" className="num">
                      A year
                    </th>
                    <th scope="col" className="num">
                      Share
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">
                      <span className="pf-swatch largest" aria-hidden="true" />
                      {p.largestCommissioner ?? 'No commissioner'} (largest)
                    </th>
                    <td className="num">{formatPence(largest?.annualPence ?? 0)}</td>
                    <td className="num">{shareText(p.largestShare)}</td>
                  </tr>
                  <tr>
                    <th scope="row">
                      <span className="pf-swatch rest" aria-hidden="true" />
                      Every other commissioner
                    </th>
                    <td className="num">{formatPence(p.annualIncomePence - (largest?.annualPence ?? 0))}</td>
                    <td className="num">{shareText(p.largestCommissioner ? 1 - p.largestShare : 0)}</td>
                  </tr>
                </tbody>
              </table>
            }
          />
        </div>
      ) : null}
    </div>
  );
}

export default PortfolioPage;
