import { NAV_GROUPS, type Area, type RouteHandle } from '../area';
import { CommitteesPage } from './CommitteesPage';
import { LiveMeeting } from './LiveMeeting';
import { EditMeetingPage, PlanMeetingPage } from './MeetingForm';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { AgendaPrint, NoticePrint } from './MeetingPrint';

const bare: RouteHandle = { bare: true };

/** Meetings of the board, its committees and the members; the live meeting view; notice and agenda print views. */
export const meetingsArea: Area = {
  name: 'meetings',
  routes: [
    { path: '/meetings', Component: MeetingsPage },
    { path: '/meetings/new', Component: PlanMeetingPage },
    { path: '/meetings/committees', Component: CommitteesPage },
    { path: '/meetings/:id', Component: MeetingPage },
    { path: '/meetings/:id/edit', Component: EditMeetingPage },
    // The live view fills the laptop's screen: no menu, large targets.
    { path: '/meetings/:id/live', Component: LiveMeeting, handle: bare },
    { path: '/print/meetings/:id/notice', Component: NoticePrint, handle: bare },
    { path: '/print/meetings/:id/agenda', Component: AgendaPrint, handle: bare },
  ],
  nav: [{ to: '/meetings', label: 'Meetings', group: NAV_GROUPS.board, order: 40 }],
};
