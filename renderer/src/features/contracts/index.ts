import { NAV_GROUPS, type Area } from '../area';
import { CalendarPage } from './CalendarPage';
import { EditContractPage, NewContractPage } from './ContractForm';
import { ContractPage } from './ContractPage';
import { ContractsPage } from './ContractsPage';
import { ImportContractsPage } from './ImportContractsPage';
import { PortfolioPage } from './PortfolioPage';

/**
 * Contract records (issue 10): the list, the form, each contract's page, and (from the second
 * screens engineer) the calendar of dated duties, the board's portfolio view and the import.
 */
export const contractsArea: Area = {
  name: 'contracts',
  routes: [
    { path: '/contracts', Component: ContractsPage },
    { path: '/contracts/new', Component: NewContractPage },
    { path: '/contracts/calendar', Component: CalendarPage },
    { path: '/contracts/portfolio', Component: PortfolioPage },
    { path: '/contracts/import', Component: ImportContractsPage },
    { path: '/contracts/:id', Component: ContractPage },
    { path: '/contracts/:id/edit', Component: EditContractPage },
  ],
  // The calendar, portfolio and import are tabs of the contracts area (ContractsNav), so the
  // menu's Contracts entry stays highlighted on them and no two entries are current at once.
  nav: [{ to: '/contracts', label: 'Contracts', group: NAV_GROUPS.contracts, order: 0 }],
};
