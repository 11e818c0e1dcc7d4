import { NavLink, Outlet } from 'react-router';
import type { AppStatus } from '../../../shared/contract/app';
import { Banner } from '../ui/Banner';

/** Areas that work today. An area appears here only once it does something. */
const AREAS: { to: string; label: string; end?: boolean }[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/settings', label: 'Settings' },
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
          <ul>
            {AREAS.map((a) => (
              <li key={a.to}>
                <NavLink to={a.to} end={a.end ?? false}>
                  {a.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main id="main" tabIndex={-1}>
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
