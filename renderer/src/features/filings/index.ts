import { NAV_GROUPS, type Area } from '../area';
import { FilingsPage } from './FilingsPage';

/** Companies House filing duties created by changes to the board and the PSC record. */
export const filingsArea: Area = {
  name: 'filings',
  routes: [{ path: '/filings', Component: FilingsPage }],
  nav: [
    {
      to: '/filings',
      label: 'Companies House filings',
      group: NAV_GROUPS.board,
      order: 20,
      // A society files nothing about its officers at Companies House (CCBS Act 2014 s30).
      shownWhen: (status) => status.legalFamily === 'company',
    },
  ],
};
