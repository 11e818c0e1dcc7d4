import { addDays, daysBetween } from './legal-date';
import type { UkPart } from './working-days';
import {
  addWorkingHours,
  dateOf,
  formatDayDate,
  formatLocalDateTime,
  subtractWorkingHours,
  type LocalDateTime,
} from './working-hours';

/**
 * Notice of general meetings: when a notice is deemed delivered (CA 2006 s1147), how many clear
 * days it gives (s360), and whether that is enough for the period the statute or the governing
 * document requires (s307, or the articles or rules where they ask for more).
 *
 * The statute's notice period is a floor. The caller passes the period and its source as the
 * secretary would cite them ("CA 2006 s307 and article 22"), because the governing document may
 * require more, and a society's period comes from its rules alone.
 */

/**
 * How the notice is sent. Post and electronic communications are deemed delivered 48 working
 * hours after sending (s1147(2), (3) and (5)); a notice handed over or left at the address is
 * delivered when it is left there (Sch 5 para 3 allows delivery by hand; s1147 sets no delay).
 * A notice on a website (s1147(4)) is deemed received when the member is told it is there, so
 * callers pass that moment with method 'hand'. Post to an address outside the UK is not covered
 * by s1147(2) (the Interpretation Act 1978 s7 "ordinary course of post" applies) and is not modelled.
 */
export const DELIVERY_METHODS = ['post', 'electronic', 'hand'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABEL: Record<DeliveryMethod, string> = {
  post: 'By post',
  electronic: 'By email or other electronic means',
  hand: 'By hand',
};

/** CA 2006 s1147(2)-(3): hours after posting or sending, not counting non-working days (s1147(5)). */
export const DEEMED_DELIVERY_HOURS = 48;

export interface DeliveryTerms {
  /**
   * Working hours after sending at which post or electronic notice is deemed delivered: 48 under
   * s1147, or what the articles (or a society's rules) say instead.
   */
  hours?: number;
  /** Where a different period comes from, e.g. "article 65"; cited instead of s1147. */
  source?: string;
}

export interface DeemedDelivery {
  /** The moment the notice is deemed delivered (UK wall clock). */
  at: LocalDateTime;
  /** The day it is deemed delivered: the day of notice for counting clear days. */
  on: string;
  source: string;
}

/**
 * When a notice is deemed delivered.
 *
 * @example
 * deemedDelivery('2026-09-11T15:00', 'post', 'england').at // '2026-09-15T15:00' (Friday → Tuesday)
 */
export function deemedDelivery(sentAt: LocalDateTime, method: DeliveryMethod, part: UkPart, terms: DeliveryTerms = {}): DeemedDelivery {
  if (method === 'hand') {
    return { at: sentAt, on: dateOf(sentAt), source: 'delivered by hand: received when left at the address (CA 2006 Sch 5 para 3)' };
  }
  const hours = terms.hours ?? DEEMED_DELIVERY_HOURS;
  const at = addWorkingHours(sentAt, hours, part);
  const how = method === 'post' ? 'after posting' : 'after sending';
  const source = terms.source
    ? `${terms.source}: deemed delivered ${hours} hours ${how}, not counting non-working days`
    : `CA 2006 s1147(${method === 'post' ? 2 : 3}) and (5): deemed delivered ${hours} hours ${how}, not counting non-working days`;
  return { at, on: dateOf(at), source };
}

/**
 * Clear days between the day notice is deemed delivered and the day of the meeting: neither day
 * counts (CA 2006 s360(2)). Never negative: notice delivered on or after the meeting day gives none.
 *
 * @example
 * clearDaysBetween('2026-09-01', '2026-09-16') // 14
 */
export function clearDaysBetween(deliveredOn: string, meetingOn: string): number {
  return Math.max(0, daysBetween(deliveredOn, meetingOn) - 1);
}

export const CLEAR_DAYS_SOURCE = 'CA 2006 s360: neither the day notice is given nor the day of the meeting counts';

export interface ClearDaysVerdict {
  ok: boolean;
  required: number;
  given: number;
  /** "14 clear days required by CA 2006 s307 and article 22; 11 given." */
  message: string;
}

const clearDays = (n: number) => `${n} clear day${n === 1 ? '' : 's'}`;

/**
 * Whether notice delivered on a day gives the clear days required. `source` names where the
 * requirement comes from, as the secretary would cite it.
 */
export function clearDaysVerdict(opts: { deliveredOn: string; meetingOn: string; requiredClearDays: number; source: string }): ClearDaysVerdict {
  const { deliveredOn, meetingOn } = opts;
  const given = clearDaysBetween(deliveredOn, meetingOn);
  const required = opts.requiredClearDays;
  // Even where no clear day is required, notice that arrives on the day of the meeting is no notice.
  const late = deliveredOn >= meetingOn;
  const when = late ? ` (notice is deemed delivered ${deliveredOn === meetingOn ? 'on the day of the meeting' : `after the meeting, on ${formatDayDate(deliveredOn)}`})` : '';
  return { ok: !late && given >= required, required, given, message: `${clearDays(required)} required by ${opts.source}; ${given} given${when}.` };
}

export interface NoticeVerdict extends ClearDaysVerdict {
  delivery: DeemedDelivery;
  /** How the day of notice was found, for the secretary to check. */
  explanation: string;
}

/**
 * Whether a notice sent at a moment, by a method, gives enough clear days before the meeting.
 *
 * @example
 * noticeVerdict({ sentAt: '2026-09-11T15:00', method: 'post', meetingOn: '2026-09-27', requiredClearDays: 14,
 *   part: 'england', source: 'CA 2006 s307 and article 22' }).message
 * // '14 clear days required by CA 2006 s307 and article 22; 11 given.'
 */
export function noticeVerdict(opts: {
  sentAt: LocalDateTime;
  method: DeliveryMethod;
  meetingOn: string;
  requiredClearDays: number;
  part: UkPart;
  source: string;
  delivery?: DeliveryTerms;
  /**
   * A registered society: the CCBS Act 2014 sets no rules on deemed delivery or clear days, so
   * its registered rules decide; the explanation says so and names company law's counting as
   * the app's reading where the rules are silent, rather than citing it as the law.
   */
  society?: boolean;
}): NoticeVerdict {
  const delivery = deemedDelivery(opts.sentAt, opts.method, opts.part, opts.delivery);
  const verdict = clearDaysVerdict({ deliveredOn: delivery.on, meetingOn: opts.meetingOn, requiredClearDays: opts.requiredClearDays, source: opts.source });
  const sent = opts.method === 'hand' ? 'Delivered by hand' : opts.method === 'post' ? 'Posted' : 'Sent electronically';
  const explanation =
    opts.method === 'hand'
      ? `${sent} at ${formatLocalDateTime(opts.sentAt)} (${delivery.source}).`
      : `${sent} at ${formatLocalDateTime(opts.sentAt)}, deemed delivered at ${formatLocalDateTime(delivery.at)} (${delivery.source}).`;
  if (opts.society) {
    const base = opts.method === 'hand' ? `${sent} at ${formatLocalDateTime(opts.sentAt)}.` : `${sent} at ${formatLocalDateTime(opts.sentAt)}, deemed delivered at ${formatLocalDateTime(delivery.at)}.`;
    return {
      ...verdict,
      delivery,
      explanation: `${base} Your registered rules decide when a notice counts as delivered and which days count; where they are silent the app counts as company law does (${delivery.source}; ${CLEAR_DAYS_SOURCE}).`,
    };
  }
  return { ...verdict, delivery, explanation: `${explanation} ${CLEAR_DAYS_SOURCE}.` };
}

export interface LatestSend {
  /** The last moment notice can be sent and still be deemed delivered in time. */
  latestMoment: LocalDateTime;
  /** The last day on which notice sent at any time of day is in time. */
  latestDay: string;
  /** The last day notice may be deemed delivered to give the clear days. */
  deliveredBy: string;
  message: string;
}

/**
 * The last moment (and the last whole day) notice can be sent so that it is deemed delivered
 * with `clearDays` clear days before the meeting.
 *
 * @example
 * latestSendDate({ meetingOn: '2026-10-01', clearDays: 14, method: 'post', part: 'england' })
 * // deliveredBy '2026-09-16' (a Wednesday), latestDay '2026-09-14' (the Monday)
 */
export function latestSendDate(opts: { meetingOn: string; clearDays: number; method: DeliveryMethod; part: UkPart; delivery?: DeliveryTerms }): LatestSend {
  const { meetingOn, method, part } = opts;
  const deliveredBy = addDays(meetingOn, -opts.clearDays - 1);
  const deliveredOn = (t: LocalDateTime) => deemedDelivery(t, method, part, opts.delivery).on;
  let latestMoment: LocalDateTime;
  if (method === 'hand') {
    latestMoment = `${deliveredBy}T23:59`;
  } else {
    const hours = opts.delivery?.hours ?? DEEMED_DELIVERY_HOURS;
    // The count that ends at midnight after the last allowed day is a minute too late when that
    // day is a working day; then the last working minute before it is the answer.
    latestMoment = subtractWorkingHours(`${addDays(deliveredBy, 1)}T00:00`, hours, part);
    if (deliveredOn(latestMoment) > deliveredBy) latestMoment = subtractWorkingHours(latestMoment, 1 / 60, part);
  }
  let latestDay = dateOf(latestMoment);
  while (deliveredOn(`${latestDay}T23:59`) > deliveredBy) latestDay = addDays(latestDay, -1);
  const how = method === 'hand' ? 'delivered by hand' : method === 'post' ? 'posted' : 'sent';
  return {
    latestMoment,
    latestDay,
    deliveredBy,
    message: `For ${clearDays(opts.clearDays)} before ${formatDayDate(meetingOn)}, notice must be deemed delivered by ${formatDayDate(deliveredBy)}: ${how} on ${formatDayDate(latestDay)} at the latest.`,
  };
}

