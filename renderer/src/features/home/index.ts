import { NAV_GROUPS, type Area } from '../area';
import { HomePage } from './HomePage';

export const homeArea: Area = {
  name: 'home',
  routes: [{ path: '/', Component: HomePage }],
  nav: [{ to: '/', label: 'Home', group: NAV_GROUPS.start, order: 0, end: true }],
};
