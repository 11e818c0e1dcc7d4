import { MEETING_KIND_LABEL, type AgendaItem, type MeetingSummary } from '../../../../shared/contract/meetings';
import { formatDayDate, formatLocalDateTime, ukLocalDateTimeOf } from '../../../../shared/rules/working-hours';

/** How a meeting's date and times read everywhere: "Tuesday 10 March 2026, 18:30 to 21:00". */
export function meetingWhen(m: Pick<MeetingSummary, 'heldOn' | 'startsAt' | 'endsAt'>): string {
  return `${formatDayDate(m.heldOn)}, ${m.startsAt}${m.endsAt ? ` to ${m.endsAt}` : ''}`;
}

/** Where a meeting is: the place, the electronic means, or both (CA 2006 s360A). */
export function meetingWhere(m: Pick<MeetingSummary, 'place' | 'electronicMeans'>): string {
  if (m.place && m.electronicMeans) return `${m.place}, and online`;
  if (m.place) return m.place;
  if (m.electronicMeans) return 'Online only';
  return 'Place not set';
}

/** The kind in words, with the committee or class it belongs to. */
export function meetingKindWords(m: Pick<MeetingSummary, 'kind' | 'committeeName' | 'className'>): string {
  if (m.kind === 'committee' && m.committeeName) return m.committeeName;
  if (m.kind === 'class' && m.className) return `Class meeting: ${m.className}`;
  return MEETING_KIND_LABEL[m.kind];
}

export { formatDayDate, formatLocalDateTime };

/** A 'YYYY-MM-DDTHH:MM' moment as "18:30 on Tuesday 10 March 2026". */
export function formatMoment(at: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? formatLocalDateTime(at) : at;
}

/** The UK wall-clock time now, 'HH:MM' (what "arrived now" and "left now" record). */
export function nowHHMM(now: Date = new Date()): string {
  return ukLocalDateTimeOf(now).slice(11);
}

/** The UK wall-clock moment now, 'YYYY-MM-DDTHH:MM'. */
export function nowLocal(now: Date = new Date()): string {
  return ukLocalDateTimeOf(now);
}

/** How deep an item sits: "4" is 0, "4.1" is 1. */
export function itemDepth(number: string): number {
  return number.split('.').length - 1;
}

/** A screen reader hears "Item 4.1" where the eye sees "4.1". */
export function itemLabel(item: Pick<AgendaItem, 'number' | 'title'>): string {
  return `Item ${item.number}: ${item.title}`;
}

/** The first 12 hex digits of a SHA-256, in groups of four, enough to compare two copies by eye. */
export function shortSha(sha256: string): string {
  return (sha256.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}

/** "Directors with an interest: A. Khan (employed by Leeds City Council)", or null when none. */
export function conflictWords(conflicted: readonly { name: string; interest: string }[]): string | null {
  if (conflicted.length === 0) return null;
  const each = conflicted.map((c) => `${c.name} (${lowerFirst(c.interest)})`);
  return `${conflicted.length === 1 ? 'Director with an interest' : 'Directors with an interest'}: ${each.join('; ')}`;
}

function lowerFirst(s: string): string {
  // Keep an acronym or a proper name as written ("NHS trust", "Leeds City Council").
  if (/^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+ [A-Z]/.test(s)) return s[0]!.toLowerCase() + s.slice(1);
  return s;
}

/** A time typed loosely ("1830", "18.30", "9:05") as 'HH:MM', or the text unchanged for the schema to refuse. */
export function normaliseTime(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** The minutes' state as a secretary says it. */
export const MINUTES_STATUS_WORDS = {
  draft: 'Draft',
  circulated: 'Circulated for comment',
  approved: 'Approved, awaiting signature',
  signed: 'Signed',
} as const;

/** Allotted minutes as "15 min" or "1 h 30 min". */
export function formatAllotted(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/** The index of the item to show first in the live view: the last one taken, else the first. */
export function currentItemIndex(items: readonly Pick<AgendaItem, 'startsAt'>[]): number {
  let last = -1;
  items.forEach((item, i) => {
    if (item.startsAt) last = i;
  });
  return Math.max(0, last);
}

/** The core's quorum message, with the verdict put first when the message does not already say it. */
export function quorumWords(q: { quorate: boolean; message: string }): string {
  if (/^(Quorate|Not quorate)\b/.test(q.message)) return q.message;
  return `${q.quorate ? 'Quorate' : 'Not quorate'}: ${q.message}`;
}
