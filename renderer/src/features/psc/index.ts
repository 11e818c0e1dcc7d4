import { NAV_GROUPS, type Area } from '../area';
import { PscPage } from './PscPage';

export const pscArea: Area = {
  name: 'psc',
  routes: [{ path: '/psc', Component: PscPage }],
  nav: [
    {
      to: '/psc',
      label: 'People with significant control',
      group: NAV_GROUPS.board,
      order: 10,
      // Only companies have people with significant control (CA 2006 Part 21A); societies do not.
      shownWhen: (status) => status.legalFamily === 'company',
    },
  ],
};
