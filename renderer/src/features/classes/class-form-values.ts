import type { ClassInput, MembershipClass, VotingRights } from '../../../../shared/contract/classes';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { numberInput, parseNumber, parsePounds, parseWhole, poundsInput } from '../../lib/money';

/** The class form as typed. `shareTerms.nominalPence` holds pounds and pence as typed. */
export interface ClassValues {
  name: string;
  description: string;
  votingRights: VotingRights | '';
  votesPerMember: string;
  isEmployeeClass: boolean;
  eligibility: { minAgeYears: string; minWeeklyHours: string; minServiceMonths: string };
  shareTerms: { nominalPence: string; withdrawable: boolean; transferable: boolean; maxHolding: string; redeemable: boolean; numbered: boolean };
  /** `pct` as typed ("10", "12.5", "10%"); sent only while `capped` is ticked. */
  voteCap: { capped: boolean; pct: string; source: string };
}

const NO_CAP: ClassValues['voteCap'] = { capped: false, pct: '', source: '' };

const nullableWhole = (text: string): number | null => (text.trim() === '' ? null : parseWhole(text));

/**
 * The contract's input from the form: eligibility only for an employee class, votes per member
 * only where members vote per member, and share terms only where the legal form has shares.
 */
export function toClassInput(v: ClassValues, hasShares: boolean): ClassInput {
  const employee = v.isEmployeeClass;
  return {
    name: v.name,
    description: v.description,
    votingRights: (v.votingRights || undefined) as VotingRights,
    votesPerMember: v.votingRights === 'per_member' ? parseWhole(v.votesPerMember) : 1,
    isEmployeeClass: employee,
    eligibility: {
      minAgeYears: employee ? nullableWhole(v.eligibility.minAgeYears) : null,
      minWeeklyHours: employee ? parseNumber(v.eligibility.minWeeklyHours) : null,
      minServiceMonths: employee ? nullableWhole(v.eligibility.minServiceMonths) : null,
    },
    shareTerms: hasShares
      ? {
          nominalPence: parsePounds(v.shareTerms.nominalPence) ?? Number.NaN,
          withdrawable: v.shareTerms.withdrawable,
          transferable: v.shareTerms.transferable,
          maxHolding: nullableWhole(v.shareTerms.maxHolding),
          redeemable: v.shareTerms.redeemable,
          numbered: v.shareTerms.numbered,
        }
      : null,
    // A cap is sent as ticked, even on a class with no vote, so the contract can say why it is refused.
    voteCap: v.voteCap.capped ? { pct: parseNumber(v.voteCap.pct.replace(/\s*%\s*$/, '')) ?? Number.NaN, source: v.voteCap.source } : null,
  };
}

export function classValues(c: MembershipClass): ClassValues {
  return {
    name: c.name,
    description: c.description ?? '',
    votingRights: c.votingRights,
    votesPerMember: String(c.votesPerMember),
    isEmployeeClass: c.isEmployeeClass,
    eligibility: {
      minAgeYears: numberInput(c.eligibility.minAgeYears),
      minWeeklyHours: numberInput(c.eligibility.minWeeklyHours),
      minServiceMonths: numberInput(c.eligibility.minServiceMonths),
    },
    shareTerms: c.shareTerms
      ? {
          nominalPence: poundsInput(c.shareTerms.nominalPence),
          withdrawable: c.shareTerms.withdrawable,
          transferable: c.shareTerms.transferable,
          maxHolding: numberInput(c.shareTerms.maxHolding),
          redeemable: c.shareTerms.redeemable,
          numbered: c.shareTerms.numbered,
        }
      : { nominalPence: '1.00', withdrawable: false, transferable: false, maxHolding: '', redeemable: false, numbered: false },
    voteCap: c.voteCap ? { capped: true, pct: String(c.voteCap.pct), source: c.voteCap.source } : NO_CAP,
  };
}

/** Share terms a class usually starts with: societies' shares are withdrawable, companies' transferable (a company's can never be withdrawable). */
export function defaultShareTerms(family: FormFamily): ClassValues['shareTerms'] {
  return family === 'society'
    ? { nominalPence: '1.00', withdrawable: true, transferable: false, maxHolding: '', redeemable: false, numbered: false }
    : { nominalPence: '1.00', withdrawable: false, transferable: true, maxHolding: '', redeemable: false, numbered: false };
}

export const BLANK_CLASS: Omit<ClassValues, 'shareTerms'> = {
  name: '',
  description: '',
  votingRights: 'per_member',
  votesPerMember: '1',
  isEmployeeClass: false,
  eligibility: { minAgeYears: '', minWeeklyHours: '', minServiceMonths: '' },
  voteCap: NO_CAP,
};

/** Typical classes of a public service mutual, offered as one-click starting points. */
export const CLASS_PRESETS: { key: string; label: string; blurb: string; values: Omit<ClassValues, 'shareTerms'> }[] = [
  {
    key: 'employee',
    label: 'Employee',
    blurb: 'Staff on the payroll, with age and service conditions.',
    values: {
      ...BLANK_CLASS,
      name: 'Employee',
      description: 'People employed by the mutual under a contract of employment.',
      isEmployeeClass: true,
      eligibility: { minAgeYears: '18', minWeeklyHours: '', minServiceMonths: '3' },
    },
  },
  {
    key: 'service-user',
    label: 'Service user',
    blurb: 'People who use the mutual’s services, and their carers.',
    values: { ...BLANK_CLASS, name: 'Service user', description: 'People who use the mutual’s services, and their unpaid carers.' },
  },
  {
    key: 'community',
    label: 'Community',
    blurb: 'People who live or work in the area the mutual serves.',
    values: { ...BLANK_CLASS, name: 'Community', description: 'People aged 16 or over who live or work in the area the mutual serves.' },
  },
  {
    key: 'founder',
    label: 'Founder',
    blurb: 'The founding members named in the governing document.',
    values: { ...BLANK_CLASS, name: 'Founder', description: 'The founding members named in the governing document.' },
  },
  {
    key: 'local-authority',
    label: 'Local authority',
    blurb: 'The council or NHS body the mutual was spun out of.',
    values: { ...BLANK_CLASS, name: 'Local authority', description: 'The commissioning council, acting through its nominated representative.' },
  },
  {
    key: 'associate',
    label: 'Associate (non-voting)',
    blurb: 'Supporters who take part but do not vote.',
    values: { ...BLANK_CLASS, name: 'Associate', description: 'Supporters who take part in the mutual’s life without a vote.', votingRights: 'none' },
  },
];
