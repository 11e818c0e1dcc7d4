import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Officer } from '../../../../shared/contract/officers';
import type { Interest } from '../../../../shared/contract/interests';
import { listParticulars, missingDirectorParticulars } from '../../../../shared/rules/director-particulars';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { AddAppointmentDialog, EndAppointmentDialog } from './AppointmentDialogs';
import { currentTitles, isCurrentDirector, titleOf } from './format';
import { formatAddress, fullName } from '../../lib/people';
import { DeclareInterestDialog, EndInterestDialog } from './InterestDialogs';
import { InterestsTable } from './InterestsTable';
import './officers.css';
import { formatLegalDate } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';

type Appointment = Officer['appointments'][number];

/** One director or officer: particulars (never the residential address), appointments, interests. */
export function OfficerPage() {
  const { id = '' } = useParams();
  const officer = useApiQuery('officers.get', { id });
  if (officer.error) {
    return (
      <div className="page">
        <Banner tone="error" title="This entry could not be opened">
          <p>{officer.error.message}</p>
        </Banner>
        <Link to="/officers">Back to directors and officers</Link>
      </div>
    );
  }
  if (!officer.data) return <p role="status">Loading…</p>;
  return <OfficerView officer={officer.data} />;
}

function OfficerView({ officer }: { officer: Officer }) {
  const status = useApiQuery('app.status', {});
  const interests = useApiQuery('interests.list', { officerId: officer.id });
  const member = useApiQuery('members.get', { id: officer.memberId ?? '' }, { enabled: officer.memberId !== null });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Appointment | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const [endingInterest, setEndingInterest] = useState<Interest | null>(null);
  const closeAdd = useCallback(() => setAdding(false), []);
  const closeEnd = useCallback(() => setEnding(null), []);
  const closeDeclare = useCallback(() => setDeclaring(false), []);
  const closeEndInterest = useCallback(() => setEndingInterest(null), []);
  const company = status.data?.legalFamily === 'company';
  const titles = currentTitles(officer);
  const missing = company && isCurrentDirector(officer) ? missingDirectorParticulars(officer) : [];
  const dash = <span className="muted">Not recorded</span>;

  return (
    <div className="page">
      <p className="board-back">
        <Link to="/officers">Directors and officers</Link>
      </p>
      <PageHeader
        title={fullName(officer)}
        lede={titles.length > 0 ? titles.join(' · ') : 'Former officer: no current appointment'}
        actions={
          <Link className="btn btn-secondary" to={`/officers/${officer.id}/edit`}>
            Change particulars
          </Link>
        }
      />
      {missing.length > 0 ? (
        <Banner tone="warning" title="The register of directors is incomplete">
          <p>
            A company must record each director’s {listParticulars(missing)} (CA 2006 s163). <Link to={`/officers/${officer.id}/edit`}>Add them</Link>.
          </p>
        </Banner>
      ) : null}

      <section className="card" aria-labelledby="particulars-h">
          <header>
            <h2 id="particulars-h">Particulars</h2>
          </header>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{fullName(officer)}</dd>
            <dt>Former names</dt>
            <dd>{officer.formerNames ?? <span className="muted">None</span>}</dd>
            <dt>Service address</dt>
            <dd>{formatAddress(officer.serviceAddress)}</dd>
            <dt>Date of birth</dt>
            <dd>{officer.dateOfBirth ? formatLegalDate(officer.dateOfBirth) : dash}</dd>
            <dt>Nationality</dt>
            <dd>{officer.nationality ?? dash}</dd>
            <dt>Country of usual residence</dt>
            <dd>{officer.countryOfResidence ?? dash}</dd>
            <dt>Business occupation</dt>
            <dd>{officer.occupation ?? <span className="muted">None recorded</span>}</dd>
            <dt>Register of members</dt>
            <dd>
              {officer.memberId === null ? (
                <span className="muted">Not linked</span>
              ) : member.data ? (
                <Link to={`/register/members/${officer.memberId}`}>Member {member.data.memberNumber}</Link>
              ) : (
                'Linked'
              )}
            </dd>
          </dl>
          <p className="board-note">
            The residential address is kept on a separate, private register{company ? ' (CA 2006 s165)' : ''}. It is shown only when you change the
            particulars.
          </p>
        </section>

        <section className="card" aria-labelledby="appointments-h">
          <header>
            <h2 id="appointments-h">Appointments</h2>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAdding(true)}>
              Add appointment
            </button>
          </header>
          <DataTable
            data={officer.appointments}
            caption={`Appointments of ${fullName(officer)}`}
            rowKey={(a) => a.id}
            className="board-table"
            columns={[
              {
                id: 'role',
                header: 'Role',
                cell: ({ row: { original: a } }) => (
                  <>
                    {titleOf(a)}
                    {a.cessationReason ? <span className="board-sub">{a.cessationReason}</span> : null}
                  </>
                ),
              },
              { id: 'appointed', header: 'Appointed', meta: { nowrap: true }, cell: ({ row: { original: a } }) => formatLegalDate(a.appointedOn) },
              {
                id: 'ended',
                header: 'Ended',
                meta: { nowrap: true },
                cell: ({ row: { original: a } }) => (a.ceasedOn ? formatLegalDate(a.ceasedOn) : <span className="badge badge-success">Current</span>),
              },
              {
                id: 'actions',
                header: 'Actions',
                meta: { headerHidden: true, className: 'board-row-action' },
                cell: ({ row: { original: a } }) =>
                  a.ceasedOn === null ? (
                    <button type="button" className="btn btn-secondary btn-small" onClick={() => setEnding(a)}>
                      End appointment<span className="visually-hidden"> as {titleOf(a).toLowerCase()}</span>
                    </button>
                  ) : null,
              },
            ]}
          />
        </section>

      <section className="card" aria-labelledby="interests-h">
        <header>
          <h2 id="interests-h">Declarations of interest</h2>
          <button type="button" className="btn btn-primary btn-small" onClick={() => setDeclaring(true)}>
            Declare an interest
          </button>
        </header>
        {interests.data && interests.data.length === 0 ? (
          <p className="muted">
            No interests declared. A director declares any interest, direct or indirect, in a proposed or existing transaction with the organisation
            (CA 2006 s177, s182): other directorships and trusteeships, employment, contracts, family links. A director with an interest in a matter is
            left out of the quorum and the vote on it.
          </p>
        ) : null}
        {interests.data && interests.data.length > 0 ? (
          <InterestsTable interests={interests.data} showOfficer={false} caption={`Declarations of interest by ${fullName(officer)}`} onEnd={setEndingInterest} />
        ) : null}
        {interests.isLoading ? <p role="status">Loading…</p> : null}
      </section>

      <AddAppointmentDialog officer={officer} open={adding} onClose={closeAdd} />
      <EndAppointmentDialog officer={officer} appointment={ending} onClose={closeEnd} />
      <DeclareInterestDialog officer={officer} open={declaring} onClose={closeDeclare} />
      <EndInterestDialog interest={endingInterest} onClose={closeEndInterest} />
    </div>
  );
}
