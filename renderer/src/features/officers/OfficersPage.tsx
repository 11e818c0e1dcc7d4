import { useCallback, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Officer } from '../../../../shared/contract/officers';
import type { Interest } from '../../../../shared/contract/interests';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { PageHeader } from '../../ui/PageHeader';
import { ConflictCheck } from './ConflictCheck';
import { isCurrentDirector, titleOf } from './format';
import { EndInterestDialog } from './InterestDialogs';
import { InterestsTable } from './InterestsTable';
import './officers.css';
import { formatLegalDate } from '../../lib/dates';
import { DataTable, type ColumnDef } from '../../ui/DataTable';

type Status = 'current' | 'former' | 'all';
const STATUS_LABEL: Record<Status, string> = { current: 'Current', former: 'Former', all: 'All' };

/**
 * The board and officers, and the board's declarations of interest. For a company this is the
 * board and officers record (since 18 November 2025 a company keeps no register of directors or
 * secretaries: ECCTA 2023); for a society, the register of officers (CCBS Act 2014 s30(3)).
 */
export function OfficersPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'interests' ? 'interests' : 'register';
  const status = useApiQuery('app.status', {});
  const company = status.data?.legalFamily !== 'society';
  return (
    <div className="page">
      <PageHeader
        title="Directors and officers"
        lede={
          company
            ? 'The board and officers record, with the board’s declarations of interest. Since 18 November 2025 a company keeps no register of directors or secretaries of its own: each appointment, resignation and change goes to Companies House within 14 days, and the app lists the filing each one needs.'
            : 'The society’s register of officers (CCBS Act 2014 s30(3)), with their declarations of interest.'
        }
        actions={
          <Link className="btn btn-primary" to="/officers/new">
            Add director or officer
          </Link>
        }
      />
      <nav className="subnav" aria-label="Directors and officers">
        <Link to="/officers" aria-current={view === 'register' ? 'page' : undefined}>
          {company ? 'Board and officers' : 'Register of officers'}
        </Link>
        <Link to="/officers?view=interests" aria-current={view === 'interests' ? 'page' : undefined}>
          Interests
        </Link>
      </nav>
      {view === 'register' ? (
        <RegisterView status={(params.get('status') as Status | null) ?? 'current'} onStatus={(s) => setParams(s === 'current' ? {} : { status: s })} company={company} />
      ) : (
        <InterestsView company={company} />
      )}
    </div>
  );
}

function RegisterView({ status, onStatus, company }: { status: Status; onStatus: (s: Status) => void; company: boolean }) {
  const safe: Status = status in STATUS_LABEL ? status : 'current';
  const officers = useApiQuery('officers.list', { status: safe });
  const everyone = useApiQuery('officers.list', { status: 'all' });
  if (everyone.data && everyone.data.length === 0) return <EmptyRegister company={company} />;
  return (
    <section aria-labelledby="register-h">
      <h2 id="register-h" className="visually-hidden">
        {company ? 'Board and officers' : 'Register of officers'}
      </h2>
      <fieldset className="board-filter">
        <legend className="legend-small">Show</legend>
        <div className="board-segmented">
          {(Object.keys(STATUS_LABEL) as Status[]).map((s) => (
            <label key={s} className={s === safe ? 'is-selected' : undefined}>
              <input type="radio" name="officer-status" value={s} checked={s === safe} onChange={() => onStatus(s)} />
              {STATUS_LABEL[s]}
            </label>
          ))}
        </div>
      </fieldset>
      {officers.isLoading ? <p role="status">Loading…</p> : null}
      {officers.data ? (
        <>
          <p className="muted board-count" role="status">
            {formatCount(officers.data.length, safe === 'former' ? 'former officer' : safe === 'current' ? 'current officer' : 'officer')}
          </p>
          {officers.data.length > 0 ? <OfficersTable officers={officers.data} company={company} /> : <p className="empty">No {safe === 'former' ? 'former' : 'current'} directors or officers.</p>}
        </>
      ) : null}
    </section>
  );
}

const STACK = (o: Officer, each: (a: Officer['appointments'][number]) => ReactNode, className = 'board-stack') => (
  <ul className={className}>
    {o.appointments.map((a) => (
      <li key={a.id} className={a.ceasedOn ? 'muted' : undefined}>
        {each(a)}
      </li>
    ))}
  </ul>
);

/** A company director's identity verification with Companies House (CA 2006 s167M), in words. */
function identityCell(o: Officer) {
  if (!isCurrentDirector(o)) return <span className="muted">Not a director</span>;
  return o.identity ? `Verified ${formatLegalDate(o.identity.verifiedOn)}` : <span className="badge badge-warning">Not verified</span>;
}

const OFFICER_COLUMNS: ColumnDef<Officer>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: ({ row: { original: o } }) => (
      <Link to={`/officers/${o.id}`} className="board-name">
        {o.familyName}, {o.givenNames}
      </Link>
    ),
  },
  { id: 'roles', header: 'Roles', cell: ({ row: { original: o } }) => STACK(o, titleOf) },
  { id: 'appointed', header: 'Appointed', cell: ({ row: { original: o } }) => STACK(o, (a) => formatLegalDate(a.appointedOn), 'board-stack nowrap') },
  {
    id: 'ceased',
    header: 'Ceased',
    cell: ({ row: { original: o } }) => STACK(o, (a) => (a.ceasedOn ? formatLegalDate(a.ceasedOn) : <span className="visually-hidden">Current</span>), 'board-stack nowrap'),
  },
];

const IDENTITY_COLUMN: ColumnDef<Officer> = { id: 'identity', header: 'Identity (Companies House)', cell: ({ row: { original: o } }) => identityCell(o) };

function OfficersTable({ officers, company }: { officers: Officer[]; company: boolean }) {
  return (
    <div className="card board-table-card">
      <DataTable
        data={officers}
        columns={company ? [...OFFICER_COLUMNS, IDENTITY_COLUMN] : OFFICER_COLUMNS}
        caption="Directors and officers, by family name"
        rowKey={(o) => o.id}
        className="board-table"
      />
    </div>
  );
}

function EmptyRegister({ company }: { company: boolean }) {
  return (
    <section className="card empty board-empty" aria-labelledby="empty-h">
      <h2 id="empty-h">No directors or officers yet</h2>
      {company ? (
        <p>
          Since 18 November 2025 a company no longer keeps its own registers of directors, secretaries or their residential addresses: it gives the
          particulars to Companies House within 14 days of each appointment, resignation or change (Economic Crime and Corporate Transparency Act
          2023). Enter the board here all the same: each director’s appointment, identity verification and any interests they declare. The app lists
          the Companies House filing each change needs, and meetings use the board to work out who counts towards the quorum.
        </p>
      ) : (
        <p>
          A society’s register of members and officers includes its officers (CCBS Act 2014 s30(1) and (3)); your rules provide for a committee
          (board) and officers such as a secretary and treasurer. Enter them here with their appointments and any interests they declare; meetings
          use the register to work out who counts towards the quorum.
        </p>
      )}
      <p>
        <Link className="btn btn-primary" to="/officers/new">
          Add director or officer
        </Link>
      </p>
    </section>
  );
}

function InterestsView({ company }: { company: boolean }) {
  const [includeEnded, setIncludeEnded] = useState(false);
  const interests = useApiQuery('interests.list', includeEnded ? {} : { currentOnly: true });
  const current = useApiQuery('interests.list', { currentOnly: true });
  const [ending, setEnding] = useState<Interest | null>(null);
  const close = useCallback(() => setEnding(null), []);
  return (
    <section aria-labelledby="interests-h">
      <div className="board-section-head">
        <div>
          <h2 id="interests-h">{includeEnded ? 'All declarations of interest' : 'Current declarations of interest'}</h2>
          <p className="muted">
            Interests the directors and officers have declared{company ? ' (CA 2006 s177, s182)' : ' under your registered rules'}. Declarations are made from each person’s page.
          </p>
        </div>
        <div className="checkbox">
          <input id="include-ended" type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)} />
          <label htmlFor="include-ended">Include interests that have ended</label>
        </div>
      </div>
      {interests.isLoading ? <p role="status">Loading…</p> : null}
      {interests.data && interests.data.length === 0 ? (
        <div className="card empty">
          <h3>No {includeEnded ? '' : 'current '}declarations</h3>
          <p>
            Directors declare any interest in a proposed or existing transaction with the organisation: other directorships and trusteeships,
            employment, contracts, close family links. Open a director’s page to record a declaration.
          </p>
        </div>
      ) : null}
      {interests.data && interests.data.length > 0 ? (
        <div className="card board-table-card">
          <InterestsTable interests={interests.data} showOfficer caption="Declarations of interest across the board" onEnd={setEnding} />
        </div>
      ) : null}
      {current.data && current.data.length > 0 ? <ConflictCheck interests={current.data} family={company ? 'company' : 'society'} /> : null}
      <EndInterestDialog interest={ending} onClose={close} />
    </section>
  );
}

