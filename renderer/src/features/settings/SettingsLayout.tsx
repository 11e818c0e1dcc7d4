import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';

export function SettingsLayout() {
  return (
    <div className="page">
      <PageHeader title="Settings" lede="The organisation, its governing rules, your data and the audit log. Every change is recorded." />
      <nav className="subnav" aria-label="Settings sections">
        <NavLink to="/settings/organisation">Organisation</NavLink>
        <NavLink to="/settings/rules">Governing rules</NavLink>
        <NavLink to="/settings/group">Group</NavLink>
        <NavLink to="/settings/data">Data and backups</NavLink>
        <NavLink to="/settings/audit">Audit log</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
