import type { FormFamily } from '../domain/legal-form';

/**
 * Index of members (CA 2006 s115): a company with more than 50 members must keep an index of
 * their names, unless the register is itself in a form that constitutes an index; the index must
 * let each member's entry be found readily, be altered within 14 days of any change to the
 * register, and be kept available for inspection where the register is. The CCBS Act 2014 asks a
 * society for no index.
 */
export const MEMBER_INDEX_THRESHOLD = 50;

export interface MemberIndexRule {
  required: boolean;
  /** What the secretary needs to know, citing the section. */
  statement: string;
  source: string;
}

/**
 * Whether an index of members is required, given the number of members and whether the register
 * as kept (or printed) is itself an index, e.g. in alphabetical order of surname.
 */
export function memberIndexRule(family: FormFamily, memberCount: number, registerIsIndex: boolean): MemberIndexRule {
  if (family === 'society') {
    return { required: false, source: 'CCBS Act 2014 s30', statement: 'The CCBS Act 2014 does not require a society to keep an index of members.' };
  }
  const source = 'CA 2006 s115';
  if (memberCount <= MEMBER_INDEX_THRESHOLD) {
    return { required: false, source, statement: `A company with ${memberCount} members need not keep an index of members; CA 2006 s115 applies above ${MEMBER_INDEX_THRESHOLD}.` };
  }
  if (registerIsIndex) {
    return {
      required: false,
      source,
      statement: `With ${memberCount} members the company needs an index of members, but the register is itself in the form of an index, so no separate index is needed (CA 2006 s115(1)).`,
    };
  }
  return {
    required: true,
    source,
    statement: `A company with more than ${MEMBER_INDEX_THRESHOLD} members (${memberCount}) must keep an index of members' names that lets each entry be found readily, update it within 14 days of any change to the register, and keep it where the register is kept (CA 2006 s115).`,
  };
}
