import { NAV_GROUPS, type Area, type RouteHandle } from '../area';
import { AddOfficerPage } from './AddOfficerPage';
import { EditOfficerPage } from './EditOfficerPage';
import { OfficerPage } from './OfficerPage';
import { OfficersPage } from './OfficersPage';
import { OfficersPrint } from './OfficersPrint';

const bare: RouteHandle = { bare: true };

/** Directors and officers, their appointments and their declared interests. */
export const officersArea: Area = {
  name: 'officers',
  routes: [
    { path: '/officers', Component: OfficersPage },
    { path: '/officers/new', Component: AddOfficerPage },
    { path: '/officers/:id', Component: OfficerPage },
    { path: '/officers/:id/edit', Component: EditOfficerPage },
    { path: '/print/officers', Component: OfficersPrint, handle: bare },
  ],
  nav: [{ to: '/officers', label: 'Directors and officers', group: NAV_GROUPS.board, order: 0 }],
};
