import { NAV_GROUPS, type Area } from '../area';
import { kioskRoutes } from './kiosk/routes';
import { ballotRoutes } from './routes';

/** Secret, verifiable ballots of members (issue 8): set-up, trustees, kiosk, paper, result. */
export const ballotsArea: Area = {
  name: 'ballots',
  routes: [...ballotRoutes, ...kioskRoutes],
  nav: [{ to: '/ballots', label: 'Ballots', group: NAV_GROUPS.board, order: 57 }],
};
