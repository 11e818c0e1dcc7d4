import type { Area } from '../area';
import { SetupPage } from './SetupPage';

/** First run: the app's gate sends an empty file here, and a set-up one away from here. */
export const setupArea: Area = {
  name: 'setup',
  routes: [{ path: '/setup', Component: SetupPage }],
  nav: [],
};
