import { NAV_GROUPS, type Area } from '../area';
import { WrittenResolutionPage } from './WrittenResolutionPage';
import { WrittenResolutionsPage } from './WrittenResolutionsPage';

/** Written resolutions of the board and of the members. */
export const writtenResolutionsArea: Area = {
  name: 'written-resolutions',
  routes: [
    { path: '/written-resolutions', Component: WrittenResolutionsPage },
    { path: '/written-resolutions/:id', Component: WrittenResolutionPage },
  ],
  nav: [{ to: '/written-resolutions', label: 'Written resolutions', group: NAV_GROUPS.board, order: 55 }],
};
