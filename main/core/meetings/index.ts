import type { Area } from '../registry';
import { meetingsHandlers } from './handlers';
import { committeesHandlers } from './committee-handlers';
import { meetingStateReaders } from './state';

/** Meetings of the board, its committees and members: notice, agenda and papers, attendance, quorum, resolutions. */
export const meetingsArea: Area = { name: 'meetings', handlers: [meetingsHandlers, committeesHandlers], stateReaders: meetingStateReaders };
