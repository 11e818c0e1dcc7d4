import { Link } from 'react-router';

type Current = 'list' | 'calendar' | 'portfolio' | 'import';

/** The contracts area's own tabs: the list, the calendar of dated duties, the board's portfolio view and the import. */
export function ContractsNav({ current }: { current: Current }) {
  const tab = (to: string, label: string, me: Current) => (
    <Link to={to} aria-current={current === me ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className="subnav" aria-label="Contracts">
      {tab('/contracts', 'Contracts and bids', 'list')}
      {tab('/contracts/calendar', 'Calendar', 'calendar')}
      {tab('/contracts/portfolio', 'Portfolio', 'portfolio')}
      {tab('/contracts/import', 'Import a spreadsheet', 'import')}
    </nav>
  );
}
