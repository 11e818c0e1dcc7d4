import { attends, checkTimeOfDay, listNames, presentAt, type AttendanceInterval } from './time-of-day';

/**
 * Quorum of a board or committee meeting for one agenda item at a moment.
 *
 * The quorum comes from the governing document: Model Articles for private companies (limited by
 * shares or by guarantee, SI 2008/3229 Sch 1 and Sch 2) art 11(1): unless a quorum is
 * participating, no proposal is to be voted on except one to call another meeting; art 11(2): the
 * quorum may be fixed by the directors, must never be less than two, and unless fixed is two.
 * A director with an interest in the matter is "not to be counted as participating in the
 * decision-making process for quorum or voting purposes" (art 14(1)), unless art 14(3) applies
 * (the members disapply it by ordinary resolution, the interest cannot reasonably be regarded as
 * likely to give rise to a conflict, or it arises from a permitted cause), in which case art 14(2)
 * counts them. The governing rule `conflictedExcludedFromQuorum` carries that choice; for a
 * society the registered rules decide (the CCBS Act 2014 is silent on directors' conflicts).
 *
 * Directors present in person or by electronic means both count (CA 2006 s360A; art 10).
 */
export const BOARD_QUORUM_SOURCE = 'Model Articles art 11(2)';
export const CONFLICT_QUORUM_SOURCE = 'Model Articles art 14';

export interface BoardDirector extends AttendanceInterval {
  id: string;
  /** As the secretary writes it in a message: "J. Patel". */
  name: string;
}

export interface BoardQuorumRules {
  /** Directors needed, e.g. 2 by default under Model Articles art 11(2). */
  required: number;
  /** Where the quorum comes from, cited when no conflict is the reason: "Model Articles art 11(2)". */
  source: string;
  /** Whether directors conflicted on an item are left out of its quorum (default true: art 14(1)). */
  conflictedExcluded?: boolean;
  /** Where the conflicts rule comes from (default "Model Articles art 14"; for a society, its rules). */
  conflictSource?: string;
}

export interface BoardQuorumQuestion extends BoardQuorumRules {
  /** How the message names the item: "item 6". */
  label: string;
  /** Directors (or committee members) in office on the meeting date, with their attendance. */
  directors: readonly BoardDirector[];
  /** Ids of the directors conflicted on this item. */
  conflicted: Iterable<string>;
  /** The moment the item was taken ('HH:MM'), or null for "while the item is taken" (time unknown). */
  at: string | null;
  /** When the meeting ended, if known: leaving at or after the end is not leaving an item. */
  endsAt?: string | null;
}

export interface NamedDirector {
  id: string;
  name: string;
}

export interface BoardQuorumVerdict {
  quorate: boolean;
  /** Directors present at the moment and counted for this item. */
  counted: number;
  required: number;
  /** Present but not counted for this item. */
  excluded: (NamedDirector & { reason: 'conflicted' })[];
  /** Present earlier and gone by the moment. */
  departed: (NamedDirector & { leftAt: string })[];
  /** Recorded as arriving after the moment (only when the moment is known). */
  arrivingLater: (NamedDirector & { arrivedAt: string })[];
  /** Conflicted but counted, because the rules say so. */
  conflictedCounted: NamedDirector[];
  at: string | null;
  /** "Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted (Model Articles art 14)." */
  message: string;
}

function checkRules(r: BoardQuorumRules): void {
  if (!Number.isInteger(r.required) || r.required < 1) {
    throw new RangeError(`A quorum is a whole number of directors, at least one; ${r.required} given.`);
  }
}

function checkDirectors(directors: readonly BoardDirector[]): void {
  const seen = new Set<string>();
  for (const d of directors) {
    if (seen.has(d.id)) throw new RangeError(`${d.name} is listed twice in the attendance.`);
    seen.add(d.id);
    checkTimeOfDay(d.arrivedAt, `${d.name}'s arrival time`);
    checkTimeOfDay(d.leftAt, `${d.name}'s departure time`);
  }
}

const names = (xs: readonly NamedDirector[]) => listNames(xs.map((x) => x.name));

function judge(
  rules: BoardQuorumRules,
  directors: readonly BoardDirector[],
  label: string,
  conflicted: ReadonlySet<string>,
  at: string | null,
  endsAt: string | null,
): BoardQuorumVerdict {
  const excludeConflicted = rules.conflictedExcluded ?? true;
  const conflictSource = rules.conflictSource ?? CONFLICT_QUORUM_SOURCE;
  const excluded: BoardQuorumVerdict['excluded'] = [];
  const departed: BoardQuorumVerdict['departed'] = [];
  const arrivingLater: BoardQuorumVerdict['arrivingLater'] = [];
  const conflictedCounted: NamedDirector[] = [];
  let counted = 0;
  for (const d of directors) {
    if (presentAt(d, at, endsAt)) {
      if (!conflicted.has(d.id)) counted += 1;
      else if (excludeConflicted) excluded.push({ id: d.id, name: d.name, reason: 'conflicted' });
      else {
        counted += 1;
        conflictedCounted.push({ id: d.id, name: d.name });
      }
    } else if (attends(d.status)) {
      // They attended at some point: say why they are not here at this moment.
      if (at !== null && d.arrivedAt !== null && d.arrivedAt > at) arrivingLater.push({ id: d.id, name: d.name, arrivedAt: d.arrivedAt });
      else if (d.leftAt !== null) departed.push({ id: d.id, name: d.name, leftAt: d.leftAt });
    }
  }
  const required = rules.required;
  const quorate = counted >= required;
  const head = `${quorate ? 'Quorate' : 'Not quorate'} for ${label}: ${counted} of ${required} needed`;
  let message: string;
  if (quorate) {
    const notes: string[] = [];
    if (excluded.length) notes.push(`${names(excluded)} ${excluded.length === 1 ? 'is' : 'are'} conflicted and not counted, ${conflictSource}`);
    if (conflictedCounted.length) {
      notes.push(`${names(conflictedCounted)} ${conflictedCounted.length === 1 ? 'has' : 'have'} a declared interest but ${conflictedCounted.length === 1 ? 'is' : 'are'} counted, as ${conflictSource} allows`);
    }
    message = notes.length ? `${head} (${notes.join('; ')}).` : `${head} (${rules.source}).`;
  } else {
    const reasons = [
      ...departed.map((d) => `${d.name} left at ${d.leftAt}`),
      ...(excluded.length ? [`${names(excluded)} ${excluded.length === 1 ? 'is' : 'are'} conflicted`] : []),
      ...arrivingLater.map((d) => `${d.name} arrived only at ${d.arrivedAt}`),
    ];
    const cite = excluded.length ? conflictSource : rules.source;
    message = reasons.length ? `${head}; ${listNames(reasons)} (${cite}).` : `${head} (${cite}).`;
  }
  return { quorate, counted, required, excluded, departed, arrivingLater, conflictedCounted, at, message };
}

/**
 * Whether the directors present at a moment make a quorum for one item.
 *
 * @example
 * boardQuorum({ label: 'item 6', required: 3, source: BOARD_QUORUM_SOURCE, directors, conflicted: ['khan'], at: '19:45' }).message
 * // 'Not quorate for item 6: 2 of 3 needed; J. Patel left at 19:40 and A. Khan is conflicted (Model Articles art 14).'
 */
export function boardQuorum(q: BoardQuorumQuestion): BoardQuorumVerdict {
  checkRules(q);
  checkDirectors(q.directors);
  checkTimeOfDay(q.at, 'The moment of the item');
  checkTimeOfDay(q.endsAt, 'The end of the meeting');
  return judge(q, q.directors, q.label, new Set(q.conflicted), q.at, q.endsAt ?? null);
}

export interface AgendaItemForQuorum {
  id: string;
  /** "item 6" or "item 4.1". */
  label: string;
  /** Ids of the directors conflicted on this item. */
  conflicted: Iterable<string>;
  /** When the item was taken, if recorded. */
  startsAt?: string | null;
}

/**
 * The moment each item was taken, items in agenda order: its own time where recorded; an untimed
 * item before the last timed one was taken after the previous timed item began (so at that time,
 * or at the meeting's start), which is the best the record allows; an untimed item after the last
 * timed one has not been reached, or its time was not noted, so it is judged on who is still here
 * (null).
 */
export function itemMoments(items: readonly Pick<AgendaItemForQuorum, 'id' | 'startsAt'>[], meetingStartsAt: string | null): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let lastTimed = -1;
  items.forEach((it, i) => {
    if (it.startsAt) lastTimed = i;
  });
  let previous = meetingStartsAt;
  items.forEach((it, i) => {
    if (it.startsAt) previous = it.startsAt;
    out.set(it.id, it.startsAt ?? (i < lastTimed ? previous : null));
  });
  return out;
}

/**
 * The quorum for every item of a meeting at once, items in agenda order: what the live meeting
 * view recomputes on every attendance change. The attendance is checked once, and each item costs
 * one pass over the directors.
 */
export function boardQuorumForItems(
  opts: BoardQuorumRules & {
    directors: readonly BoardDirector[];
    items: readonly AgendaItemForQuorum[];
    meetingStartsAt?: string | null;
    endsAt?: string | null;
  },
): Map<string, BoardQuorumVerdict> {
  checkRules(opts);
  checkDirectors(opts.directors);
  checkTimeOfDay(opts.meetingStartsAt, 'The start of the meeting');
  checkTimeOfDay(opts.endsAt, 'The end of the meeting');
  for (const it of opts.items) checkTimeOfDay(it.startsAt, `The time of ${it.label}`);
  const moments = itemMoments(opts.items, opts.meetingStartsAt ?? null);
  const out = new Map<string, BoardQuorumVerdict>();
  for (const it of opts.items) {
    out.set(it.id, judge(opts, opts.directors, it.label, new Set(it.conflicted), moments.get(it.id) ?? null, opts.endsAt ?? null));
  }
  return out;
}
