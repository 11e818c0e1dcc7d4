import type { RegisterView } from '../../../shared/contract/exports';
import type { LegalFormInfo } from '../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { MemberRowDb } from '../db/schema';

/**
 * The columns of each view of the register of members, per legal form, and why each is there.
 *
 * Full register (the secretary's working copy): every statutory particular plus the e-mail
 * address, which the app holds to send notices.
 *  - Companies, CA 2006 s113: name and address (s113(2)(a)), the date entered (s113(2)(b)) and
 *    the date ceased (s113(2)(c)); with a share capital, the shares held and the amount paid on
 *    them (s113(3)); the class where there is more than one.
 *  - Societies, CCBS Act 2014 s30: the same, plus the e-mail address and what the member agreed
 *    it may be used for, and other property held in the society (loans and deposits).
 *  - Both: whether and when the member agreed to receive notices by e-mail, and any withdrawal
 *    (CA 2006 s1144(2), Sch 5 para 6; a society's rules), so the copy shows who may be sent
 *    notices by e-mail. Not a register particular, so never in an inspection copy.
 *
 * Inspection copy (what a person inspecting or asking for a copy is shown):
 *  - Companies, CA 2006 s116: the s113 particulars and nothing else. The e-mail address is not
 *    a s113 particular, so it never appears.
 *  - Societies, CCBS Act 2014 s103(1)(b): every entry of the s30 register except those made under
 *    s30(2)(c) and (d), the shares held and paid and other property (loans and deposits). So the
 *    e-mail address and the purposes it was notified for (s30(2)(b)) ARE shown.
 *
 * Joint holders (companies with shares): the entry's name is the first-named holder, and the
 * others are named in their own column (CA 2006 s113(5)). Where a class's shares are numbered,
 * the numbers each member holds are shown (s113(3)(a)(i)). A member that is an organisation has
 * its name in the family name column and no given names.
 *
 * Never in any export of the register: telephone, date of birth, and employment details (held
 * only to check eligibility for an employee class; UK GDPR Art 5(1)(c), data minimisation).
 */
export type ColumnType = 'text' | 'date' | 'integer' | 'money';

/** One register entry as an export reads it (a subset of the member table and its class). */
export type RegisterRowSource = Pick<
  MemberRowDb,
  | 'member_number'
  | 'given_names'
  | 'family_name'
  | 'address_line1'
  | 'address_line2'
  | 'address_town'
  | 'address_postcode'
  | 'address_country'
  | 'email'
  | 'email_purposes'
  | 'electronic_comms_agreed_on'
  | 'electronic_comms_revoked_on'
  | 'admitted_on'
  | 'ceased_on'
  | 'shares_held'
  | 'paid_pence'
  | 'loans_deposits_pence'
  | 'class_id'
> & {
  className: string;
  /** The other joint holders, in order ("Ann Lee; Raj Patel"); '' where none. */
  jointHolders: string;
  /** The distinguishing numbers of the shares held now ("1–10, 15"); '' where the class's shares are not numbered. */
  shareNumbers: string;
};

/** The member columns an export selects: only what some view can show. */
export const REGISTER_SOURCE_COLUMNS = [
  'member_number',
  'given_names',
  'family_name',
  'address_line1',
  'address_line2',
  'address_town',
  'address_postcode',
  'address_country',
  'email',
  'email_purposes',
  'electronic_comms_agreed_on',
  'electronic_comms_revoked_on',
  'admitted_on',
  'ceased_on',
  'shares_held',
  'paid_pence',
  'loans_deposits_pence',
  'class_id',
] as const;

export interface RegisterColumn {
  key: string;
  label: string;
  type: ColumnType;
  /** Why the column is in the view: the provision that requires it. */
  source: string;
  /** Width in characters for spreadsheets. */
  width: number;
  get(row: RegisterRowSource): string | number | null;
}

export function formatAddress(r: Pick<RegisterRowSource, 'address_line1' | 'address_line2' | 'address_town' | 'address_postcode' | 'address_country'>): string {
  return [r.address_line1, r.address_line2, r.address_town, r.address_postcode, r.address_country].filter((p) => p !== null && p !== '').join(', ');
}

const NUMBER: RegisterColumn = {
  key: 'memberNumber',
  label: 'Member number',
  type: 'integer',
  source: 'Identifies the entry; numbers are allocated on entry and never reused',
  width: 10,
  get: (r) => r.member_number,
};
const FAMILY: RegisterColumn = {
  key: 'familyName',
  label: 'Family name or organisation',
  type: 'text',
  source: 'CA 2006 s113(2)(a); CCBS Act 2014 s30: the name of each member',
  width: 20,
  get: (r) => r.family_name,
};
const GIVEN: RegisterColumn = {
  key: 'givenNames',
  label: 'Given names',
  type: 'text',
  source: 'CA 2006 s113(2)(a); CCBS Act 2014 s30: the name of each member',
  width: 20,
  get: (r) => r.given_names,
};
const JOINT: RegisterColumn = {
  key: 'jointHolders',
  label: 'Joint holders (after the first-named)',
  type: 'text',
  source: 'CA 2006 s113(5): the names of each joint holder; they are one member, with one address, and the first-named receives notices',
  width: 30,
  get: (r) => r.jointHolders,
};
const ADDRESS: RegisterColumn = {
  key: 'address',
  label: 'Address',
  type: 'text',
  source: 'CA 2006 s113(2)(a); CCBS Act 2014 s30: the address of each member',
  width: 48,
  get: formatAddress,
};
const EMAIL_COMPANY: RegisterColumn = {
  key: 'email',
  label: 'E-mail address',
  type: 'text',
  source: 'Held to send notices electronically where the member agreed (CA 2006 s1144, Sch 5); not a s113 particular, so only in the full register',
  width: 30,
  get: (r) => r.email,
};
const EMAIL_SOCIETY: RegisterColumn = { ...EMAIL_COMPANY, source: 'CCBS Act 2014 s30: the e-mail address the member gave' };
const EMAIL_PURPOSES: RegisterColumn = {
  key: 'emailPurposes',
  label: 'E-mail may be used for',
  type: 'text',
  source: 'CCBS Act 2014 s30: what the member agreed the e-mail address may be used for',
  width: 30,
  get: (r) => r.email_purposes,
};
/** "Agreed 1 May 2024", "Agreed 1 May 2024; withdrawn 2 November 2026", or empty where none is on record. */
export function electronicCommsText(r: Pick<RegisterRowSource, 'electronic_comms_agreed_on' | 'electronic_comms_revoked_on'>): string {
  if (!r.electronic_comms_agreed_on) return '';
  const agreed = `Agreed ${formatLegalDate(r.electronic_comms_agreed_on)}`;
  return r.electronic_comms_revoked_on ? `${agreed}; withdrawn ${formatLegalDate(r.electronic_comms_revoked_on)}` : agreed;
}
const NOTICES_BY_EMAIL_COMPANY: RegisterColumn = {
  key: 'noticesByEmail',
  label: 'Notices by e-mail',
  type: 'text',
  source: 'CA 2006 s1144(2), Sch 5 para 6: notices go by e-mail only to a member who has agreed and not revoked the agreement; not a s113 particular, so only in the full register',
  width: 26,
  get: electronicCommsText,
};
const NOTICES_BY_EMAIL_SOCIETY: RegisterColumn = {
  ...NOTICES_BY_EMAIL_COMPANY,
  source: 'The society’s rules say how notice is given; the member’s agreement to notices by e-mail, where recorded. Not a s30 entry, so only in the full register',
};
const CLASS: RegisterColumn = {
  key: 'className',
  label: 'Class',
  type: 'text',
  source: 'CA 2006 s113: the class of membership (or of shares) where there is more than one',
  width: 18,
  get: (r) => r.className,
};
const ENTERED: RegisterColumn = {
  key: 'admittedOn',
  label: 'Date entered',
  type: 'date',
  source: 'CA 2006 s113(2)(b); CCBS Act 2014 s30: the date the person was entered as a member',
  width: 14,
  get: (r) => r.admitted_on,
};
const CEASED: RegisterColumn = {
  key: 'ceasedOn',
  label: 'Date ceased',
  type: 'date',
  source: 'CA 2006 s113(2)(c); CCBS Act 2014 s30: the date the person ceased to be a member',
  width: 14,
  get: (r) => r.ceased_on,
};
const SHARES: RegisterColumn = {
  key: 'sharesHeld',
  label: 'Shares held',
  type: 'integer',
  source: 'CA 2006 s113(3)(a); CCBS Act 2014 s30: the shares held by each member',
  width: 12,
  get: (r) => r.shares_held,
};
const NUMBERS: RegisterColumn = {
  key: 'shareNumbers',
  label: 'Share numbers',
  type: 'text',
  source: 'CA 2006 s113(3)(a)(i): each share distinguished by its number, so long as it has one',
  width: 20,
  get: (r) => r.shareNumbers,
};
const PAID: RegisterColumn = {
  key: 'amountPaid',
  label: 'Amount paid',
  type: 'money',
  source: 'CA 2006 s113(3)(b); CCBS Act 2014 s30: the amount paid on the shares',
  width: 14,
  get: (r) => r.paid_pence,
};
const LOANS: RegisterColumn = {
  key: 'loansAndDeposits',
  label: 'Loans and deposits',
  type: 'money',
  source: 'CCBS Act 2014 s30: other property in the society held by the member (loans and deposits)',
  width: 16,
  get: (r) => r.loans_deposits_pence ?? 0,
};

/** The columns of a view of the register for a legal form, in order. */
export function registerColumns(view: RegisterView, form: LegalFormInfo, opts: { numbered?: boolean } = {}): RegisterColumn[] {
  if (form.family === 'company') {
    const shares = form.hasShares ? [SHARES, ...(opts.numbered ? [NUMBERS] : []), PAID] : [];
    const names = form.hasShares ? [FAMILY, GIVEN, JOINT] : [FAMILY, GIVEN];
    return view === 'full'
      ? [NUMBER, ...names, ADDRESS, EMAIL_COMPANY, NOTICES_BY_EMAIL_COMPANY, CLASS, ENTERED, CEASED, ...shares]
      : [NUMBER, ...names, ADDRESS, CLASS, ENTERED, CEASED, ...shares];
  }
  const shares = [SHARES, ...(opts.numbered ? [NUMBERS] : []), PAID];
  return view === 'full'
    ? [NUMBER, FAMILY, GIVEN, ADDRESS, EMAIL_SOCIETY, EMAIL_PURPOSES, NOTICES_BY_EMAIL_SOCIETY, CLASS, ENTERED, CEASED, ...shares, LOANS]
    : [NUMBER, FAMILY, GIVEN, ADDRESS, EMAIL_SOCIETY, EMAIL_PURPOSES, CLASS, ENTERED, CEASED];
}

/** The title and the statement of what a copy contains and under which law. */
export function viewDescription(view: RegisterView, form: LegalFormInfo, status: 'current' | 'all'): { title: string; description: string } {
  const who = status === 'current' ? 'current members only' : 'current and former members';
  if (view === 'full') {
    return {
      title: 'Register of members',
      description:
        form.family === 'company'
          ? `The full register (${who}): every particular CA 2006 s113 requires, with the e-mail address held for notices. For the company's own use; a person inspecting the register is shown the inspection copy.`
          : `The full register (${who}): every particular CCBS Act 2014 s30 requires, including e-mail addresses, shares, and loans and deposits. For the society's own use; members inspecting the register are shown the inspection copy.`,
    };
  }
  return {
    title: 'Register of members: inspection copy',
    description:
      form.family === 'company'
        ? `The register as open to inspection under CA 2006 s116 (${who}): the particulars CA 2006 s113 requires and nothing else. It contains no e-mail addresses or other contact details.`
        : `The register as it is open to inspection under CCBS Act 2014 s103 (${who}): a member, or anyone with an interest in the society’s funds, may inspect it at all reasonable hours. It shows every entry except the shares held and paid and other property such as loans and deposits (s30(2)(c) and (d)); e-mail addresses and what they may be used for (s30(2)(b)) are shown.`,
  };
}

/** Money for people: "£1,234.50". */
export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
