import { NavLink, Outlet } from 'react-router';
import type { AppStatus } from '../../../shared/contract/app';
import { Banner } from '../ui/Banner';

/** Areas that work today. An area appears here only once it does something. */
interface Area {
  to: string;
  label: string;
  end?: boolean;
  /** Shown only for some legal forms (the PSC register is for companies). */
  companiesOnly?: boolean;
}
const GROUPS: { heading?: string; areas: Area[] }[] = [
  { areas: [{ to: '/', label: 'Home', end: true }] },
  {
    heading: 'Register of members',
    areas: [
      { to: '/register', label: 'Members', end: true },
      { to: '/register/classes', label: 'Membership classes' },
      { to: '/register/import', label: 'Import from HR' },
      { to: '/register/exports', label: 'Exports and inspection' },
    ],
  },
  {
    heading: 'Board',
    areas: [
      { to: '/officers', label: 'Directors and officers' },
      { to: '/psc', label: 'People with significant control', companiesOnly: true },
    ],
  },
  { areas: [{ to: '/settings', label: 'Settings' }] },
];

export function Shell({ status }: { status: AppStatus }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="topbar">
        <span className="product">Mutual Governance</span>
        <span className="org" data-testid="org-name">
          {status.organisationName}
        </span>
        <span className="spacer" />
        {status.host === 'browser' ? <span className="host-note">Running in your browser on this computer</span> : null}
      </header>
      <aside className="sidebar">
        <nav aria-label="Main">
          {GROUPS.map((g, i) => (
            <div key={g.heading ?? i}>
              {g.heading ? (
                <h2 className="nav-heading" id={`nav-${i}`}>
                  {g.heading}
                </h2>
              ) : null}
              <ul aria-labelledby={g.heading ? `nav-${i}` : undefined}>
                {g.areas
                  .filter((a) => !a.companiesOnly || status.legalFamily === 'company')
                  .map((a) => (
                    <li key={a.to}>
                      <NavLink to={a.to} end={a.end ?? false}>
                        {a.label}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <main id="main" tabIndex={-1}>
        {status.integrity.state === 'damaged' ? (
          <Banner tone="error" title="This database file is damaged">
            <p>
              The start-up check found a problem ({status.integrity.problem}). Changes are refused so nothing gets worse. Restore your latest backup in
              Settings › Data and backups.
            </p>
          </Banner>
        ) : null}
        {status.busy ? (
          <Banner tone="warning" title="Changes are paused">
            <p>{status.busy.label} is in progress. You can read everything; changes resume when it finishes.</p>
          </Banner>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
