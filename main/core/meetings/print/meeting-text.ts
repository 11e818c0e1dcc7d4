import { formatDayDate } from '../../../../shared/rules/working-hours';
import type { ItemPurpose, MeetingHeading, MeetingKind } from './models';

/** The words every document uses for a meeting's facts, so the pack, the notice and the minutes agree. */

export const KIND_LABEL: Record<MeetingKind, string> = {
  board: 'Board meeting',
  committee: 'Committee meeting',
  annual_general: 'Annual general meeting',
  general: 'General meeting',
  class: 'Class meeting',
};

export const PURPOSE_LABEL: Record<ItemPurpose, string> = {
  decision: 'For decision',
  discussion: 'For discussion',
  information: 'For information',
};

/** "18:00" or "18:00 to 20:30". */
export function timeRange(meeting: Pick<MeetingHeading, 'startTime' | 'endTime'>): string {
  return meeting.endTime ? `${meeting.startTime} to ${meeting.endTime}` : meeting.startTime;
}

/** "20 minutes", "1 hour", "1 hour 15 minutes". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : m === 1 ? '1 minute' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/** "Tuesday 13 October 2026". */
export const dayDate = formatDayDate;

/** The label/value lines of a meeting's particulars, in the order people look for them. */
export function particulars(meeting: MeetingHeading): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['Date', formatDayDate(meeting.date)],
    ['Time', timeRange(meeting)],
  ];
  if (meeting.place) lines.push(['Place', meeting.place]);
  if (meeting.electronicMeans) lines.push(['Joining electronically', meeting.electronicMeans]);
  return lines;
}

/** Agenda numbers: 1, 2, 3 and 4.1, 4.2 under item 4. */
export function itemNumber(index: number, parent?: string): string {
  return parent ? `${parent}.${index + 1}` : `${index + 1}`;
}
