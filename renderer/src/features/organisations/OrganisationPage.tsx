import { Link, useParams } from 'react-router';
import { COUNTERPARTY_KIND_LABEL, type CounterpartyDetail } from '../../../../shared/contract/counterparties';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/contract/contracts';
import { DECISION_OUTCOME_LABEL, type DecisionOutcome } from '../../../../shared/contract/decisions';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { ContractStatusBadge } from '../contracts/ContractStatusBadge';
import { decisionsAbout } from '../decisions/register-filters';
import './organisations.css';

/** One organisation: its details, its contracts, the interests that name it, its nominees and the decisions about it. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const org = useApiQuery('counterparties.get', { id });
  if (org.error) {
    return (
      <div className="page">
        <Banner tone="error" title="This organisation could not be opened">
          <p>{org.error.message}</p>
        </Banner>
        <Link to="/organisations">Back to organisations</Link>
      </div>
    );
  }
  if (!org.data) return <p role="status">Loading…</p>;
  return <OrganisationView org={org.data} />;
}

const none = (words: string) => <span className="muted">{words}</span>;

function OrganisationView({ org }: { org: CounterpartyDetail }) {
  const currentInterests = org.interests.filter((i) => i.endedOn === null);
  return (
    <div className="page">
      <p className="org-back">
        <Link to="/organisations">Organisations</Link>
      </p>
      <PageHeader
        title={org.name}
        lede={COUNTERPARTY_KIND_LABEL[org.kind]}
        actions={
          <>
            <Link className="btn btn-secondary" to={`/organisations/${org.id}/edit`}>
              Change details
            </Link>
            <Link className="btn btn-primary" to={`/contracts/new?commissioner=${org.id}`}>
              Record a contract
            </Link>
          </>
        }
      />
      {currentInterests.length > 0 ? (
        <Banner tone="warning" title={`Directors with an interest in ${org.name}`}>
          <p>
            {currentInterests.map((i, n) => (
              <span key={i.id}>
                {n > 0 ? '; ' : ''}
                <Link to={`/officers/${i.officerId}`}>{i.officerName}</Link> ({i.nature})
              </span>
            ))}
            . They are conflicted on its contracts and on board items about it.
          </p>
        </Banner>
      ) : null}
      <div className="org-grid">
        <section className="card" aria-labelledby="org-details-h">
          <header>
            <h2 id="org-details-h">Details</h2>
          </header>
          <dl className="facts">
            <dt>Kind</dt>
            <dd>{COUNTERPARTY_KIND_LABEL[org.kind]}</dd>
            <dt>NHS ODS code</dt>
            <dd className={org.odsCode ? 'hash' : undefined}>{org.odsCode ?? none('None')}</dd>
            <dt>Companies House number</dt>
            <dd className={org.companiesHouseNumber ? 'hash' : undefined}>{org.companiesHouseNumber ?? none('None')}</dd>
            {org.charityNumber ? (
              <>
                <dt>Charity number</dt>
                <dd>{org.charityNumber}</dd>
              </>
            ) : null}
            {org.societyNumber ? (
              <>
                <dt>FCA society number</dt>
                <dd>{org.societyNumber}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="org-contact-h">
          <header>
            <h2 id="org-contact-h">Contact</h2>
          </header>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{org.contactName ?? none('None recorded')}</dd>
            <dt>E-mail</dt>
            <dd>{org.contactEmail ? <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a> : none('None recorded')}</dd>
            <dt>Telephone</dt>
            <dd>{org.contactPhone ?? none('None recorded')}</dd>
            <dt>Address</dt>
            <dd className="org-pre">{org.address ?? none('None recorded')}</dd>
          </dl>
          {org.notes ? <p className="org-pre org-notes">{org.notes}</p> : null}
        </section>
      </div>

      <section className="card" aria-labelledby="org-contracts-h">
        <header>
          <h2 id="org-contracts-h">Contracts</h2>
          <Link to={`/contracts?commissioner=${org.id}`}>In the contracts list</Link>
        </header>
        <DataTable
          data={org.contracts}
          caption={`Contracts with ${org.name}`}
          rowKey={(c) => c.id}
          empty={<p className="muted">No contracts with {org.name} recorded.</p>}
          columns={[
            {
              id: 'title',
              header: 'Contract',
              meta: { rowHeader: true },
              cell: ({ row: { original: c } }) => (
                <>
                  <Link to={`/contracts/${c.id}`}>{c.title}</Link>
                  <span className="org-sub">{c.reference}</span>
                </>
              ),
            },
            {
              id: 'status',
              header: 'Status',
              cell: ({ row: { original: c } }) => ((CONTRACT_STATUSES as readonly string[]).includes(c.status) ? <ContractStatusBadge status={c.status as ContractStatus} /> : c.status),
            },
            { id: 'end', header: 'Current end', meta: { nowrap: true }, cell: ({ row: { original: c } }) => (c.currentEndOn ? formatLegalDate(c.currentEndOn) : none('Not set')) },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="org-interests-h">
        <header>
          <h2 id="org-interests-h">Declarations of interest naming it</h2>
        </header>
        <DataTable
          data={org.interests}
          caption={`Declarations of interest naming ${org.name}`}
          rowKey={(i) => i.id}
          empty={<p className="muted">No director or officer has declared an interest in {org.name}.</p>}
          columns={[
            { id: 'who', header: 'Director or officer', meta: { rowHeader: true }, cell: ({ row: { original: i } }) => <Link to={`/officers/${i.officerId}`}>{i.officerName}</Link> },
            { id: 'nature', header: 'Nature of the interest', cell: ({ row: { original: i } }) => i.nature },
            { id: 'declared', header: 'Declared', meta: { nowrap: true }, cell: ({ row: { original: i } }) => formatLegalDate(i.declaredOn) },
            {
              id: 'ended',
              header: 'Ended',
              meta: { nowrap: true },
              cell: ({ row: { original: i } }) => (i.endedOn ? formatLegalDate(i.endedOn) : <span className="badge badge-warning">Current</span>),
            },
          ]}
        />
      </section>

      <div className="org-grid">
        <section className="card" aria-labelledby="org-nominees-h">
          <header>
            <h2 id="org-nominees-h">Directors it nominated</h2>
          </header>
          {org.nominees.length === 0 ? (
            <p className="muted">None. A nominee director’s appointment names the organisation that nominated them.</p>
          ) : (
            <ul className="plain-list">
              {org.nominees.map((n) => (
                <li key={n.appointmentId}>
                  <Link to={`/officers/${n.officerId}`}>{n.officerName}</Link>
                  <span className="org-sub">
                    Appointed {formatLegalDate(n.appointedOn)}
                    {n.ceasedOn ? `, ceased ${formatLegalDate(n.ceasedOn)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="org-decisions-h">
          <header>
            <h2 id="org-decisions-h">Decisions about it</h2>
            <Link to={decisionsAbout({ counterpartyId: org.id })}>
              Decisions register<span className="visually-hidden"> filtered to {org.name}</span>
            </Link>
          </header>
          {org.decisions.length === 0 ? (
            <p className="muted">No decision in the register names {org.name}.</p>
          ) : (
            <ul className="plain-list">
              {org.decisions.map((d) => (
                <li key={d.id}>
                  {d.text}
                  <span className="org-sub">
                    {formatLegalDate(d.decidedOn)} · {DECISION_OUTCOME_LABEL[d.outcome as DecisionOutcome] ?? d.outcome}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
