import { formFamily, type LegalForm } from '../domain/legal-form';
import { formatLegalDate } from './legal-date';

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

export interface DatedSingleMemberStatement extends SingleMemberStatement {
  /** The day the number of members changed. */
  on: string;
  /** The entry the statement goes with: the sole member, or the former sole member. */
  entryId: string;
}

/**
 * Every s123 statement a company's register of members calls for, from its entries' dates:
 * each day the number of members fell to one or rose from one, with the entry it goes with.
 * Joint holders are one member (s113(5)), and so are they here: one entry each. A first member
 * entered on the day of incorporation is the s123(1) case; one entered later, after a time with
 * none recorded, is treated as the membership falling to one on that day (s123(2)).
 *
 * @example
 * singleMemberHistory('eot_company', '2020-01-01', [{ id: 'a', admittedOn: '2020-01-01', ceasedOn: null }])
 * // [{ statement: 'The company has only one member.', source: 'CA 2006 s123(1)', entryId: 'a', … }]
 */
export function singleMemberHistory(legalForm: LegalForm, incorporatedOn: string, entries: readonly SingleMemberEntry[]): DatedSingleMemberStatement[] {
  if (formFamily(legalForm) !== 'company') return [];
  const change = new Map<string, number>();
  for (const e of entries) {
    change.set(e.admittedOn, (change.get(e.admittedOn) ?? 0) + 1);
    if (e.ceasedOn !== null) change.set(e.ceasedOn, (change.get(e.ceasedOn) ?? 0) - 1);
  }
  const out: DatedSingleMemberStatement[] = [];
  let count = 0;
  let sole: string | null = null;
  for (const day of [...change.keys()].sort()) {
    const before = count;
    count += change.get(day)!;
    const current = entries.filter((e) => e.admittedOn <= day && (e.ceasedOn === null || e.ceasedOn > day));
    if (before === count) {
      // The sole member changed hands the same day: the statement stays, now with the new entry.
      if (count === 1 && sole !== null) sole = current[0]!.id;
      continue;
    }
    if (count === 1) {
      const entryId = current[0]!.id;
      const s =
        before === 0 && day !== incorporatedOn
          ? singleMemberStatement({ legalForm, membersBefore: 2, membersAfter: 1, on: day })!
          : singleMemberStatement({ legalForm, membersBefore: before, membersAfter: 1, on: day })!;
      out.push({ ...s, on: day, entryId });
      sole = entryId;
    } else if (before === 1 && count > 1 && sole !== null) {
      out.push({ ...singleMemberStatement({ legalForm, membersBefore: 1, membersAfter: count, on: day })!, on: day, entryId: sole });
      sole = null;
    }
  }
  return out;
}
