import type { RouteObject } from 'react-router';
import type { RouteHandle } from '../area';
import { BallotPage } from './BallotPage';
import { BallotSetupPage } from './BallotSetupPage';
import { BallotsPage } from './BallotsPage';
import { ResultPrint } from './ResultPrint';
import { BallotProjectorPage } from './station/ProjectorPage';

const bare: RouteHandle = { bare: true };

/** The secretary's and trustees' screens of a ballot (list, set-up, keys, roll, close, result). */
export const ballotRoutes: RouteObject[] = [
  { path: '/ballots', Component: BallotsPage },
  { path: '/ballots/new', Component: BallotSetupPage },
  { path: '/ballots/:id', Component: BallotPage },
  { path: '/print/ballots/:id/result', Component: ResultPrint, handle: bare },
  // The projector view of the voting station (issue 9): full screen, without the app's menu.
  { path: '/ballots/:id/station', Component: BallotProjectorPage, handle: bare },
];
