import { NAV_GROUPS, type Area } from '../area';
import { ActionsPage } from './ActionsPage';

/** The action tracker: actions agreed at meetings, their owners and due dates. */
export const actionsArea: Area = {
  name: 'actions',
  routes: [{ path: '/actions', Component: ActionsPage }],
  nav: [{ to: '/actions', label: 'Action tracker', group: NAV_GROUPS.board, order: 60 }],
};
