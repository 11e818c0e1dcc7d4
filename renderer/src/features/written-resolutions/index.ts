import { NAV_GROUPS, type Area, type RouteHandle } from '../area';
import { WrittenResolutionProjectorPage } from '../ballots/station/ProjectorPage';
import { AgreeKioskPage } from './AgreeKioskPage';
import { AgreementCodesPage } from './AgreementCodesPage';
import { WrittenResolutionPage } from './WrittenResolutionPage';
import { WrittenResolutionsPage } from './WrittenResolutionsPage';

/** Written resolutions of the board and of the members. */
export const writtenResolutionsArea: Area = {
  name: 'written-resolutions',
  routes: [
    { path: '/written-resolutions', Component: WrittenResolutionsPage },
    { path: '/written-resolutions/:id', Component: WrittenResolutionPage },
    { path: '/written-resolutions/:id/codes', Component: AgreementCodesPage },
    // Shown without the app's menu: a member at the laptop has no way into the records.
    { path: '/written-resolutions/:id/agree', Component: AgreeKioskPage, handle: { bare: true } satisfies RouteHandle },
    // The voting station's projector view for the resolution (issue 9), full screen like the ballot's.
    { path: '/written-resolutions/:id/station', Component: WrittenResolutionProjectorPage, handle: { bare: true } satisfies RouteHandle },
  ],
  nav: [{ to: '/written-resolutions', label: 'Written resolutions', group: NAV_GROUPS.board, order: 55 }],
};
