import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Officer } from '../../../../shared/contract/officers';
import type { Interest } from '../../../../shared/contract/interests';
import { listParticulars, missingDirectorParticulars } from '../../../../shared/rules/director-particulars';
import { identityProblem } from '../../../../shared/rules/companies-house';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { AddAppointmentDialog, EndAppointmentDialog } from './AppointmentDialogs';
import { currentTitles, isCurrentDirector, titleOf } from './format';
import { formatAddress, fullName } from '../../lib/people';
import { DeclareInterestDialog, EndInterestDialog } from './InterestDialogs';
import { InterestsTable } from './InterestsTable';
import './officers.css';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';
import { IdentityDialog } from './IdentityDialog';

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
  const [verifying, setVerifying] = useState(false);
  const closeVerify = useCallback(() => setVerifying(false), []);
  const closeAdd = useCallback(() => setAdding(false), []);
  const closeEnd = useCallback(() => setEnding(null), []);
  const closeDeclare = useCallback(() => setDeclaring(false), []);
  const closeEndInterest = useCallback(() => setEndingInterest(null), []);
  const company = status.data?.legalFamily === 'company';
  const titles = currentTitles(officer);
  const director = company && isCurrentDirector(officer);
  const missing = director ? missingDirectorParticulars(officer) : [];
  const everDirector = company && officer.appointments.some((a) => a.role === 'director');
  const unverified = director ? identityProblem({ name: fullName(officer), verifiedOn: officer.identity?.verifiedOn ?? null }, todayUk()) : null;
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
        <Banner tone="warning" title="Particulars missing for Companies House">
          <p>
            A company must give Companies House each director’s {listParticulars(missing)} (CA 2006 s167G(3)). <Link to={`/officers/${officer.id}/edit`}>Add them</Link>.
          </p>
        </Banner>
      ) : null}
      {unverified ? (
        <Banner tone="warning" title="Identity not recorded as verified">
          <p>{unverified}</p>
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
            {company
              ? 'The usual residential address is held apart, only to give it to Companies House (CA 2006 s240-241). It is shown only when you change the particulars.'
              : 'The residential address is held apart and kept private. It is shown only when you change the particulars.'}
          </p>
        </section>

        {everDirector ? (
          <section className="card" aria-labelledby="identity-h">
            <header>
              <h2 id="identity-h">Identity verification (Companies House)</h2>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setVerifying(true)}>
                {officer.identity ? (
                  <>
                    Change<span className="visually-hidden"> the identity verification</span>
                  </>
                ) : (
                  'Record identity verification'
                )}
              </button>
            </header>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{officer.identity ? <span className="badge badge-success">Verified</span> : <span className="badge badge-warning">Not verified</span>}</dd>
              <dt>Verified on</dt>
              <dd>{officer.identity ? formatLegalDate(officer.identity.verifiedOn) : dash}</dd>
              <dt>Personal code</dt>
              <dd className="hash">{officer.identity ? officer.identity.personalCode : dash}</dd>
            </dl>
            <p className="board-note">
              Since 18 November 2025 a director must have their identity verified with Companies House before acting (CA 2006 s167M), and the notice
              of a new director states that it is (s167G(3)(c)). The personal code is confidential: it never appears in a printed or exported copy.
            </p>
          </section>
        ) : null}

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
                    {a.nominatingCounterpartyId && a.nominatedBy ? (
                      // The nominating body on the organisations list (issue 10): its page lists its nominees and contracts.
                      <>
                        {titleOf({ ...a, nominatedBy: null })} (<Link to={`/organisations/${a.nominatingCounterpartyId}`}>{a.nominatedBy}</Link>)
                      </>
                    ) : (
                      titleOf(a)
                    )}
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
            {company ? ' (CA 2006 s177, s182)' : ' (as your registered rules require)'}: other directorships and trusteeships, employment, contracts,
            family links. A director with an interest in a matter is left out of the quorum and the vote on it
            {company ? ' (Model Articles art 14, unless your articles say otherwise)' : ' unless your rules say otherwise'}.
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
      {everDirector ? <IdentityDialog officer={officer} open={verifying} onClose={closeVerify} /> : null}
    </div>
  );
}
