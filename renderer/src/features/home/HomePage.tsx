import { useState } from 'react';
import { Link } from 'react-router';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { JURISDICTION_LABEL } from '../../../../shared/contract/organisation';
import { RULE_LABEL, VOTING_BASIS_LABEL } from '../../../../shared/rules/governing-rules';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { PageHeader } from '../../ui/PageHeader';
import { formatInstant, formatLegalDate, formatYearEnd } from '../../lib/dates';
import { ContractDatesPanel } from '../contracts/ContractDatesPanel';
import { FilingsPanel } from '../filings/FilingsPanel';
import { MeetingsPanel } from '../meetings/MeetingsPanel';

const STALE_BACKUP_DAYS = 7;

export function HomePage() {
  const org = useApiQuery('organisation.get', {});
  const rules = useApiQuery('rules.get', {});
  const data = useApiQuery('data.info', {});
  const current = useApiQuery('members.count', { status: 'current' });
  const former = useApiQuery('members.count', { status: 'former' });
  const classes = useApiQuery('classes.list', {});
  const inspections = useApiQuery('inspections.list', {});
  const removable = useApiQuery('members.removable', {});
  const board = useApiQuery('officers.list', { status: 'current' });
  const filings = useApiQuery('filings.list', { status: 'open' });
  const [openedAt] = useState(() => Date.now());
  if (!org.data || !rules.data) return <p role="status">Loading…</p>;
  const o = org.data;
  const r = rules.data.values;
  const lastBackup = data.data?.backups[0];
  const openRequests = (inspections.data ?? []).filter((r) => r.outcome === 'open');
  const overdue = openRequests.filter((r) => r.overdue);
  const backupAgeDays = lastBackup ? (openedAt - Date.parse(lastBackup.createdAt)) / 86_400_000 : Infinity;
  const overdueFilings = (filings.data?.duties ?? []).filter((d) => d.overdue);
  return (
    <div className="page">
      <PageHeader title={o.name} lede={`${LEGAL_FORM_INFO[o.legalForm].label} · ${LEGAL_FORM_INFO[o.legalForm].registrar} ${o.registrationNumber}`} />
      {data.data && backupAgeDays > STALE_BACKUP_DAYS ? (
        <Banner tone="warning" title={lastBackup ? 'Your last backup is over a week old' : 'No backup yet'}>
          <p>
            Keep a copy of your records somewhere safe. <Link to="/settings/data">Back up now</Link>
          </p>
        </Banner>
      ) : null}
      {overdue.length > 0 ? (
        <Banner tone="error" title={`${overdue.length === 1 ? 'A request to inspect the register is' : `${overdue.length} requests to inspect the register are`} overdue`}>
          <p>
            CA 2006 s117(1) gives 5 working days. <Link to="/register/exports">Record how it was met</Link>
          </p>
        </Banner>
      ) : null}
      {overdueFilings.length > 0 ? (
        <Banner tone="error" title={overdueFilings.length === 1 ? 'A Companies House filing is overdue' : `${overdueFilings.length} Companies House filings are overdue`}>
          <p>
            Each change to the board or to people with significant control must reach Companies House within 14 days (CA 2006 s167G, s279G, s790LA).{' '}
            <Link to="/filings">See what to file</Link>
          </p>
        </Banner>
      ) : null}
      <div className="home-grid">
        <MeetingsPanel />
        <FilingsPanel />
        <ContractDatesPanel />
        <section className="card" aria-labelledby="register-h">
          <header>
            <h2 id="register-h">Register of members</h2>
            <Link to="/register">Open</Link>
          </header>
          <dl className="facts">
            <dt>Current members</dt>
            <dd>{current.data ? `${current.data.atLeast ? 'more than ' : ''}${current.data.count.toLocaleString('en-GB')}` : '…'}</dd>
            <dt>Former members</dt>
            <dd>{former.data ? former.data.count.toLocaleString('en-GB') : '…'}</dd>
            <dt>Membership classes</dt>
            <dd>{classes.data ? (classes.data.length === 0 ? <Link to="/register/classes">None yet: define them</Link> : classes.data.length) : '…'}</dd>
            <dt>Open inspection requests</dt>
            <dd>{inspections.data ? openRequests.length : '…'}</dd>
            <dt>Entries due for removal</dt>
            <dd>
              {removable.data ? (removable.data.rows.length > 0 ? <Link to="/register/removals">{removable.data.rows.length.toLocaleString('en-GB')}</Link> : 'None') : '…'}
            </dd>
            <dt>{LEGAL_FORM_INFO[o.legalForm].family === 'company' ? 'Board and officers' : 'Register of officers'}</dt>
            <dd>{board.data ? <Link to="/officers">{board.data.length} in office</Link> : '…'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="particulars-h">
          <header>
            <h2 id="particulars-h">Particulars</h2>
            <Link to="/settings/organisation">Change</Link>
          </header>
          <dl className="facts">
            <dt>Registered office</dt>
            <dd>
              {[o.registeredOffice.line1, o.registeredOffice.line2, o.registeredOffice.town, o.registeredOffice.county, o.registeredOffice.postcode]
                .filter(Boolean)
                .join(', ')}
              <br />
              {JURISDICTION_LABEL[o.registeredOffice.country]}
            </dd>
            <dt>Incorporated or registered</dt>
            <dd>{formatLegalDate(o.incorporatedOn)}</dd>
            <dt>Financial year end</dt>
            <dd>{formatYearEnd(o.financialYearEnd)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="rules-h">
          <header>
            <h2 id="rules-h">Governing rules</h2>
            <Link to="/settings/rules">Change</Link>
          </header>
          <dl className="facts">
            <dt>{RULE_LABEL.gmNoticeClearDays}</dt>
            <dd>{r.gmNoticeClearDays} clear days</dd>
            <dt>{RULE_LABEL.gmQuorum}</dt>
            <dd>{r.gmQuorum}</dd>
            <dt>{RULE_LABEL.boardQuorum}</dt>
            <dd>{r.boardQuorum}</dd>
            <dt>{RULE_LABEL.specialResolutionPct}</dt>
            <dd>{r.specialResolutionPct}%</dd>
            <dt>{RULE_LABEL.votingBasis}</dt>
            <dd>{VOTING_BASIS_LABEL[r.votingBasis]}</dd>
            <dt>Proxies</dt>
            <dd>{r.proxiesAllowed ? `Allowed, ${r.proxyDeadlineHours} hours before the meeting` : 'Not allowed'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="safety-h">
          <header>
            <h2 id="safety-h">Records and safety</h2>
            <Link to="/settings/audit">Audit log</Link>
          </header>
          {data.data ? (
            <dl className="facts">
              <dt>Audit log</dt>
              <dd>{formatCount(data.data.auditEvents, 'event')}</dd>
              <dt>Last backup</dt>
              <dd>{lastBackup ? formatInstant(lastBackup.createdAt) : 'None yet'}</dd>
              <dt>Database</dt>
              <dd className="hash">{data.data.path}</dd>
            </dl>
          ) : (
            <p role="status">Loading…</p>
          )}
        </section>
      </div>
    </div>
  );
}
