import { formFamily, type LegalForm } from '../domain/legal-form';
import { addDays, formatLegalDate } from './legal-date';

/**
 * Single-member companies (CA 2006 s123). When a limited company is formed with only one member,
 * its register of members must show, with the sole member's name and address, a statement that
 * the company has only one member (s123(1)). When the number of members falls to one, the register
 * must show that statement and the date it became a one-member company (s123(2)); when it rises
 * from one to two or more, a statement, with the former sole member's entry, that it has ceased
 * to have only one member and the date (s123(3)). Failing to do so is an offence (s123(4)).
 *
 * Societies are not covered: a society needs at least three members, or two registered societies
 * (CCBS Act 2014 s2(2)(b)).
 */
export interface SingleMemberStatement {
  /** The text to enter in the register against the (former) sole member's entry. */
  statement: string;
  /** The date the register must give with it; null where s123 asks for no date (formation). */
  date: string | null;
  /** Whose entry it goes with. */
  against: 'sole member' | 'former sole member';
  source: string;
}

/**
 * The s123 statement a change in the number of members calls for, or null when none is needed.
 * `membersBefore` is 0 for a company being formed.
 *
 * @example
 * singleMemberStatement({ legalForm: 'eot_company', membersBefore: 2, membersAfter: 1, on: '2026-05-01' })
 * // { statement: 'The company has only one member. It became a company with only one member on 1 May 2026.', … }
 */
export function singleMemberStatement(opts: { legalForm: LegalForm; membersBefore: number; membersAfter: number; on: string }): SingleMemberStatement | null {
  const { legalForm, membersBefore, membersAfter, on } = opts;
  // Every company form the app knows is a limited company, which is what s123 covers.
  if (formFamily(legalForm) !== 'company' || membersBefore === membersAfter) return null;
  if (membersBefore === 0 && membersAfter === 1) {
    return { statement: 'The company has only one member.', date: null, against: 'sole member', source: 'CA 2006 s123(1)' };
  }
  if (membersBefore > 1 && membersAfter === 1) {
    return {
      statement: `The company has only one member. It became a company with only one member on ${formatLegalDate(on)}.`,
      date: on,
      against: 'sole member',
      source: 'CA 2006 s123(2)',
    };
  }
  if (membersBefore === 1 && membersAfter > 1) {
    return {
      statement: `The company has ceased to have only one member. It ceased to have only one member on ${formatLegalDate(on)}.`,
      date: on,
      against: 'former sole member',
      source: 'CA 2006 s123(3)',
    };
  }
  return null;
}

export interface SingleMemberEntry {
  id: string;
  admittedOn: string;
  /** The day membership ended; on it the person is no longer a member. */
  ceasedOn: string | null;
}

/** How the number of members changed on one day (admissions less cessations). */
export interface MemberCountChange {
  date: string;
  change: number;
}

export interface SingleMemberTransition extends SingleMemberStatement {
  /** The day the number of members changed. */
  on: string;
  /** Whose entry it goes with: the member who is sole at the end of `on`, or who was sole the day before. */
  soleOn: string;
}

/**
 * Every s123 statement a company's register of members calls for, from the day-by-day changes
 * in its number of members: each day the number fell to one or rose from one. Joint holders are
 * one member (s113(5)), and one entry. A first member entered on the day of incorporation is the
 * s123(1) case; one entered later, after a time with none recorded, is treated as the membership
 * falling to one on that day (s123(2)). `soleOn` is the day on which the entry the statement goes
 * with is the only current one: `on` itself when membership falls to one, the day before when it
 * rises from one (or the last day it was one, if it fell to none in between).
 */
export function singleMemberTransitions(legalForm: LegalForm, incorporatedOn: string, changes: readonly MemberCountChange[]): SingleMemberTransition[] {
  if (formFamily(legalForm) !== 'company') return [];
  const byDay = new Map<string, number>();
  for (const c of changes) byDay.set(c.date, (byDay.get(c.date) ?? 0) + c.change);
  const out: SingleMemberTransition[] = [];
  let count = 0;
  // A statement that the company has only one member stands until one says it has ceased to:
  // a register that falls from one member to none and later rises to several (members ceased
  // and were admitted, or entries are missing) still needs the s123(3) statement then, against
  // the last sole member's entry.
  let single = false;
  let lastSoleDay = '';
  for (const day of [...byDay.keys()].sort()) {
    const before = count;
    count += byDay.get(day)!;
    if (before === count) continue;
    if (count === 1) {
      if (!single) {
        const s = singleMemberStatement({ legalForm, membersBefore: before === 0 && day !== incorporatedOn ? 2 : before, membersAfter: 1, on: day })!;
        out.push({ ...s, on: day, soleOn: day });
        single = true;
      }
      lastSoleDay = day;
    } else if (count > 1 && single) {
      out.push({ ...singleMemberStatement({ legalForm, membersBefore: 1, membersAfter: count, on: day })!, on: day, soleOn: before === 1 ? addDays(day, -1) : lastSoleDay });
      single = false;
    }
  }
  return out;
}

export interface DatedSingleMemberStatement extends SingleMemberTransition {
  /** The entry the statement goes with: the sole member, or the former sole member. */
  entryId: string;
}

/**
 * The s123 statements for a list of entries held in memory (see singleMemberTransitions), each
 * with the entry it goes with.
 *
 * @example
 * singleMemberHistory('eot_company', '2020-01-01', [{ id: 'a', admittedOn: '2020-01-01', ceasedOn: null }])
 * // [{ statement: 'The company has only one member.', source: 'CA 2006 s123(1)', entryId: 'a', … }]
 */
export function singleMemberHistory(legalForm: LegalForm, incorporatedOn: string, entries: readonly SingleMemberEntry[]): DatedSingleMemberStatement[] {
  const changes: MemberCountChange[] = entries.flatMap((e) => [{ date: e.admittedOn, change: 1 }, ...(e.ceasedOn !== null ? [{ date: e.ceasedOn, change: -1 }] : [])]);
  return singleMemberTransitions(legalForm, incorporatedOn, changes).map((t) => ({
    ...t,
    entryId: entries.find((e) => e.admittedOn <= t.soleOn && (e.ceasedOn === null || e.ceasedOn > t.soleOn))!.id,
  }));
}
