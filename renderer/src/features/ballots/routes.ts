import type { RouteObject } from 'react-router';
import { BallotPage } from './BallotPage';
import { BallotSetupPage } from './BallotSetupPage';
import { BallotsPage } from './BallotsPage';

/** The secretary's and trustees' screens of a ballot (list, set-up, keys, roll, close, result). */
export const ballotRoutes: RouteObject[] = [
  { path: '/ballots', Component: BallotsPage },
  { path: '/ballots/new', Component: BallotSetupPage },
  { path: '/ballots/:id', Component: BallotPage },
];
