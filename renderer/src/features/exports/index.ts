import { NAV_GROUPS, type Area, type RouteHandle } from '../area';
import { ExportsPage } from './ExportsPage';
import { MemberIndexPrint } from './MemberIndexPrint';
import { RegisterPrint } from './RegisterPrint';
import { RemovalsPage } from './RemovalsPage';

const bare: RouteHandle = { bare: true };

/** Exports, printed copies, inspection requests and the removal of old entries. */
export const exportsArea: Area = {
  name: 'exports',
  routes: [
    { path: '/register/exports', Component: ExportsPage },
    { path: '/register/removals', Component: RemovalsPage },
    { path: '/print/register', Component: RegisterPrint, handle: bare },
    { path: '/print/member-index', Component: MemberIndexPrint, handle: bare },
  ],
  nav: [{ to: '/register/exports', label: 'Exports and inspection', group: NAV_GROUPS.register, order: 30 }],
};
