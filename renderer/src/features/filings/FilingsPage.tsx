import { Link, useSearchParams } from 'react-router';
import { ECCTA_COMMENCEMENT } from '../../../../shared/rules/companies-house';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { DoneFilingsTable, OpenFilingsTable } from './FilingsTable';
import '../officers/officers.css';

const TITLE = 'Companies House filings';

/**
 * What the company must file at Companies House because of changes recorded here: appointments,
 * endings and changes of details of directors and the secretary, and changes to people with
 * significant control. Companies only.
 */
export function FilingsPage() {
  const [params] = useSearchParams();
  const view = params.get('view') === 'done' ? 'done' : 'open';
  const list = useApiQuery('filings.list', { status: view });
  const data = list.data;
  if (list.error) {
    return (
      <div className="page">
        <PageHeader title={TITLE} />
        <Banner tone="error" title="The filings could not be read">
          <p>{list.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!data) return <p role="status">Loading…</p>;
  if (!data.applicable) {
    return (
      <div className="page page-narrow">
        <PageHeader title={TITLE} />
        <Banner tone="info" title="Does not apply to a society">
          <p>{data.reason}</p>
        </Banner>
      </div>
    );
  }
  const overdue = data.duties.filter((d) => d.overdue).length;
  return (
    <div className="page">
      <PageHeader
        title={TITLE}
        lede={`Since ${formatLegalDate(ECCTA_COMMENCEMENT)} a company keeps no register of directors, secretaries or people with significant control of its own: it tells Companies House of each change within 14 days (Economic Crime and Corporate Transparency Act 2023). Each change you record here adds the form it needs.`}
      />
      <nav className="subnav" aria-label="Companies House filings">
        <Link to="/filings" aria-current={view === 'open' ? 'page' : undefined}>
          To file
        </Link>
        <Link to="/filings?view=done" aria-current={view === 'done' ? 'page' : undefined}>
          Filed or not needed
        </Link>
      </nav>
      {view === 'open' && overdue > 0 ? (
        <Banner tone="error" title={overdue === 1 ? 'A filing is overdue' : `${overdue} filings are overdue`}>
          <p>File them at Companies House now, then mark them filed. Acting as a director whose appointment was not notified in time is an offence (CA 2006 s167N).</p>
        </Banner>
      ) : null}
      <section className="card board-table-card" aria-labelledby="filings-h">
        <h2 id="filings-h" className="visually-hidden">
          {view === 'open' ? 'To file' : 'Filed or not needed'}
        </h2>
        {data.duties.length === 0 ? (
          <p className="empty filings-empty">{view === 'open' ? 'Nothing to file at Companies House.' : 'No filing has been recorded yet.'}</p>
        ) : view === 'open' ? (
          <OpenFilingsTable duties={data.duties} caption="Filings to make at Companies House, soonest due first" />
        ) : (
          <DoneFilingsTable duties={data.duties} />
        )}
      </section>
      <p className="filings-note">
        {formatCount(data.duties.length, view === 'open' ? 'filing to make' : 'filing recorded', view === 'open' ? 'filings to make' : 'filings recorded')}.{' '}
        {data.trackedSince
          ? `Filings are tracked for changes recorded since ${formatLegalDate(data.trackedSince)}; check anything earlier against the company’s record at Companies House.`
          : null}
      </p>
    </div>
  );
}
