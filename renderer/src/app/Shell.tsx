import { Link, NavLink, Outlet } from 'react-router';
import type { AppStatus } from '../../../shared/contract/app';
import { AREAS } from '../features';
import { Banner } from '../ui/Banner';
import { ToastRegion } from '../ui/Toasts';
import { buildMenu } from './menu';
import { OrganisationSwitcher } from '../features/group/OrganisationSwitcher';

export function Shell({ status }: { status: AppStatus }) {
  const menu = buildMenu(AREAS, status);
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="topbar">
        <span className="product">Mutual Governance</span>
        <OrganisationSwitcher name={status.organisationName} />
        <ToastRegion />
        {status.host === 'browser' ? <span className="host-note">Running in your browser on this computer</span> : null}
      </header>
      <aside className="sidebar">
        <nav aria-label="Main">
          {menu.map((g, i) => (
            <div key={g.heading ?? i}>
              {g.heading ? (
                <h2 className="nav-heading" id={`nav-${i}`}>
                  {g.heading}
                </h2>
              ) : null}
              <ul aria-labelledby={g.heading ? `nav-${i}` : undefined}>
                {g.entries.map((e) => (
                  <li key={e.to}>
                    <NavLink to={e.to} end={e.end ?? false}>
                      {e.label}
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
        {status.registers.state === 'mismatch' ? (
          <Banner tone="error" title="The registers do not match the audit log">
            <p>When the app opened it compared every register entry with the audit log, and these differ, so they were changed outside the app:</p>
            <ul>
              {status.registers.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
              {status.registers.more > 0 ? <li>and {status.registers.more} more</li> : null}
            </ul>
            <p>
              Do not rely on these entries. Run Verify in <Link to="/settings/audit">Settings › Audit log</Link> for the full report, and restore your
              latest good backup if you did not expect this.
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
