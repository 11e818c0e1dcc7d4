import type { Area } from '../area';
import { MinutesPage } from './MinutesPage';

/**
 * Minutes: shown on each meeting's page (MinutesPanel) and on a page of their own. No menu
 * entry: minutes awaiting approval or signature are listed on the home screen and with meetings.
 */
export const minutesArea: Area = {
  name: 'minutes',
  routes: [{ path: '/minutes/:meetingId', Component: MinutesPage }],
  nav: [],
};
