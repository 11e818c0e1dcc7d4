import { NAV_GROUPS, type Area } from '../area';
import { DecisionsPage } from './DecisionsPage';

/** The decisions register across meetings and written resolutions. */
export const decisionsArea: Area = {
  name: 'decisions',
  routes: [{ path: '/decisions', Component: DecisionsPage }],
  nav: [{ to: '/decisions', label: 'Decisions register', group: NAV_GROUPS.board, order: 50 }],
};
