import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { VOTE_CHANNEL_LABEL, type RollEntry } from '../../../../../shared/contract/ballots';
import { saveBlob } from '../../../api/download';
import { useApiQuery } from '../../../api/queries';
import { formatInstant } from '../../../lib/dates';
import { useDebounced } from '../../../lib/useDebounced';
import { Banner } from '../../../ui/Banner';
import { PageHeader } from '../../../ui/PageHeader';
import { fileNameFor, rollCsv } from './csv';
import { fetchWholeRoll } from './roll-data';
import './kiosk.css';

const PAGE = 100;

/**
 * The frozen roll of a ballot (issue 8 "Who votes"): searchable on screen with who has voted and by
 * which channel (never how), codes and paper serials; printed and exported with names and member
 * numbers only.
 */
export function RollPage() {
  const { id = '' } = useParams();
  const ballot = useApiQuery('ballots.get', { id });
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const [offset, setOffset] = useState(0);
  const [searchedFor, setSearchedFor] = useState('');
  if (search !== searchedFor) {
    setSearchedFor(search);
    setOffset(0);
  }
  const page = useApiQuery('ballots.roll', { id, ...(search ? { search } : {}), offset, limit: PAGE }, { enabled: ballot.data?.roll != null, placeholderData: (prev) => prev });
  const [printRows, setPrintRows] = useState<RollEntry[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const whole = async (what: string) => {
    setProblem(null);
    setBusy(what === 'print' ? 'Reading the roll to print…' : 'Reading the roll to export…');
    try {
      return await fetchWholeRoll(id);
    } catch (e) {
      setProblem(`The roll could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    } finally {
      setBusy(null);
    }
  };
  const print = async () => {
    const rows = await whole('print');
    if (!rows) return;
    setPrintRows(rows);
    // The print-only table is drawn before the dialog opens.
    window.setTimeout(() => window.print(), 50);
  };
  const exportCsv = async () => {
    const rows = await whole('export');
    if (!rows || !ballot.data) return;
    saveBlob(new Blob([rollCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileNameFor(ballot.data.title, 'roll'));
  };

  if (ballot.error) {
    return (
      <div className="page">
        <Banner tone="error" title="The ballot could not be read">
          <p>{ballot.error.message}</p>
        </Banner>
      </div>
    );
  }
  const b = ballot.data;
  const total = page.data?.total ?? 0;
  return (
    <div className="page roll-page">
      <p className="no-print">
        <Link to={`/ballots/${id}`}>{b ? b.title : 'The ballot'}</Link>
      </p>
      <PageHeader
        title="Voter roll"
        lede={
          b?.roll
            ? `${b.title}. Frozen when the ballot opened${b.openedAt ? ` (${formatInstant(b.openedAt)})` : ''} from the register on the record date: ${b.roll.count.toLocaleString('en-GB')} voters with ${b.roll.totalWeight.toLocaleString('en-GB')} votes.`
            : b
              ? `${b.title}.`
              : undefined
        }
        actions={
          b?.roll ? (
            <>
              <button type="button" className="btn btn-secondary" disabled={busy !== null} onClick={() => void print()}>
                Print the roll
              </button>
              <button type="button" className="btn btn-secondary" disabled={busy !== null} onClick={() => void exportCsv()}>
                Download names and numbers (CSV)
              </button>
            </>
          ) : null
        }
      />
      {!b ? <p role="status">Loading…</p> : null}
      {b && !b.roll ? (
        <Banner tone="info" title="No roll yet">
          <p>The roll is taken from the register on the record date and frozen when the ballot opens.</p>
        </Banner>
      ) : null}
      <p className="visually-hidden no-print" role="status">
        {busy ?? ''}
      </p>
      {problem ? (
        <Banner tone="error" title="Not done">
          <p>{problem}</p>
        </Banner>
      ) : null}
      {b?.roll ? (
        <div className="no-print">
          <p className="muted">The printed roll and the CSV file carry names and member numbers only.</p>
          <p className="hash">Roll hash: {b.roll.hash}</p>
          <div className="field">
            <label htmlFor="roll-search">Search by name or member number</label>
            <input id="roll-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </div>
          <p className="muted" role="status">
            {page.data ? (search ? `${total.toLocaleString('en-GB')} ${total === 1 ? 'voter matches' : 'voters match'} “${search}”.` : `${total.toLocaleString('en-GB')} voters on the roll.`) : 'Loading…'}
          </p>
          {page.error ? (
            <Banner tone="error" title="The roll could not be read">
              <p>{page.error.message}</p>
            </Banner>
          ) : null}
          {page.data && page.data.entries.length > 0 ? (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">The voter roll, by member number</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Member number
                    </th>
                    <th scope="col">Name</th>
                    <th scope="col">Class</th>
                    <th scope="col" className="num">
                      Votes
                    </th>
                    <th scope="col">Voted</th>
                    <th scope="col">Voting code</th>
                    <th scope="col">Paper serial</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.entries.map((e) => (
                    <tr key={e.id}>
                      <td className="num">{e.memberNumber}</td>
                      <th scope="row">{e.name}</th>
                      <td>{e.className}</td>
                      <td className="num">{e.votes.toLocaleString('en-GB')}</td>
                      <td>{e.votedBy ? `Yes, ${VOTE_CHANNEL_LABEL[e.votedBy]}` : 'Not yet'}</td>
                      <td>{e.hasCode ? 'Issued' : 'None'}</td>
                      <td>{e.paperSerial ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {total > PAGE ? (
            <nav className="form-actions" aria-label="Pages of the roll">
              <button type="button" className="btn btn-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous {PAGE}
              </button>
              <span>
                {(offset + 1).toLocaleString('en-GB')}–{Math.min(offset + PAGE, total).toLocaleString('en-GB')} of {total.toLocaleString('en-GB')}
              </span>
              <button type="button" className="btn btn-secondary" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                Next {PAGE}
              </button>
            </nav>
          ) : null}
        </div>
      ) : null}
      {printRows && b ? (
        <div className="kiosk-print-only roll-print">
          <h2>Voter roll: {b.title}</h2>
          <p>
            {printRows.length.toLocaleString('en-GB')} voters. Roll hash {b.roll?.hash}
          </p>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">Member number</th>
                <th scope="col">Name</th>
              </tr>
            </thead>
            <tbody>
              {printRows.map((e) => (
                <tr key={e.id}>
                  <td>{e.memberNumber}</td>
                  <td>{e.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
