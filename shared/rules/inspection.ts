import type { FormFamily } from '../domain/legal-form';

/**
 * Who may inspect the register of members, and on what terms, by legal form.
 *
 * Companies: any person may inspect the register (members free of charge) or ask for a copy
 * (CA 2006 s116(1)-(2)), by a request stating their name and address, the purpose, and whether
 * the information will be shared and with whom (s116(4)). Within five working days the company
 * must comply or apply to the court, which may stop a request not made for a proper purpose
 * (s117). A copy states when the register was last altered and whether further alterations are
 * to be made (s120).
 *
 * Societies are not companies for this purpose. A member, and any person with an interest in the
 * society's funds, may inspect at all reasonable hours their own account and every entry in the
 * register of members and officers except the shares held and paid and the other property held
 * (CCBS Act 2014 s103(1), leaving out s30(2)(c) and (d)), subject only to regulations on the time
 * and manner of inspection made by the society's general meetings (s103(2)). There is no purpose
 * test, no five-day clock and no court route, and the e-mail addresses and their purposes
 * (s30(2)(b)) are among the entries shown.
 */
export interface InspectionRegime {
  family: FormFamily;
  /** Whether requests are logged with a purpose and answered within a deadline (s116-s117). */
  requestLog: boolean;
  source: string;
  /** A paragraph for the inspection page. */
  explanation: string;
}

export const COMPANY_INSPECTION: InspectionRegime = {
  family: 'company',
  requestLog: true,
  source: 'CA 2006 s116-s117 and s120',
  explanation:
    'Anyone may inspect the register (members free of charge) or ask for a copy (CA 2006 s116). A request must give the name and address of the person asking, the purpose, and whether the information will be shared and with whom (s116(4)). Within five working days the company must let them inspect or send the copy, or apply to the court if the purpose is not proper (s117). Every copy says when the register was last altered and whether further alterations are to be made (s120).',
};

export const SOCIETY_INSPECTION: InspectionRegime = {
  family: 'society',
  requestLog: false,
  source: 'CCBS Act 2014 s103',
  explanation:
    'A member, and anyone with an interest in the society’s funds, may inspect their own account and the register of members at all reasonable hours (CCBS Act 2014 s103). They need not give a purpose, there is no five-day deadline and no application to the court: the society lets them inspect, subject only to any regulations on the time and manner of inspection its general meeting has made (s103(2)). What they see leaves out only the shares held and paid and other property such as loans and deposits (s30(2)(c) and (d)); names, addresses, e-mail addresses and what they may be used for, and the dates of membership are all shown.',
};

export function inspectionRegime(family: FormFamily): InspectionRegime {
  return family === 'company' ? COMPANY_INSPECTION : SOCIETY_INSPECTION;
}

/** The refusal a society's request log gives, explaining s103. */
export const SOCIETY_REQUEST_LOG_REFUSAL =
  'A society keeps no log of inspection requests: under CCBS Act 2014 s103 a member, or anyone with an interest in its funds, may inspect the register at all reasonable hours without stating a purpose, and there is no five-working-day deadline or court route (those are CA 2006 s116-s117, for companies). Let them inspect the inspection copy.';
