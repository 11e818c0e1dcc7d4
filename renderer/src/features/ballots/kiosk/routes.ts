import type { RouteObject } from 'react-router';
import type { RouteHandle } from '../../area';
import { CodesPage } from './CodesPage';
import { KioskPage } from './KioskPage';
import { PaperPage } from './PaperPage';
import { RollPage } from './RollPage';

/** The kiosk is shown without the app's menu and top bar: a voter at it has no way into the records. */
const bare: RouteHandle = { bare: true };

/** The polling station: check-in, the locked voting screen, codes, paper ballots. */
export const kioskRoutes: RouteObject[] = [
  { path: '/ballots/:id/kiosk', Component: KioskPage, handle: bare },
  { path: '/ballots/:id/roll', Component: RollPage },
  { path: '/ballots/:id/codes', Component: CodesPage },
  { path: '/ballots/:id/paper', Component: PaperPage },
];
