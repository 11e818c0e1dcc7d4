/**
 * The community interest company report (form CIC34), as the law asks for it. Read on 1 December
 * 2026 from legislation.gov.uk:
 * - Companies (Audit, Investigations and Community Enterprise) Act 2004 s34: the directors must
 *   deliver a community interest company report each year with the accounts; regulations say what it
 *   contains and must require information about the directors' remuneration (s34(3)(a)) (explanatory
 *   notes to s34, paras 220-222).
 * - Community Interest Company Regulations 2005 (SI 2005/1788) reg 26: (1)(a) a fair and accurate
 *   description of how the company's activities in the financial year benefited the community;
 *   (1)(b) the steps, if any, taken in the year to consult persons affected by its activities, and
 *   the outcome; (1)(c) the directors' emoluments, pensions and compensation for loss of office
 *   (reg 26(3): may instead state that they are in the notes to the accounts delivered to the
 *   registrar); (2) the amount, or a fair estimate of the value, of any transfer of assets other than
 *   for full consideration to an asset-locked body (other than by an exempt dividend) or for the
 *   benefit of the community.
 * - Reg 27 (substituted by the Community Interest Company (Amendment) Regulations 2014, SI 2014/2483
 *   reg 8): for a company limited by shares, the dividends declared and how the dividend cap was met,
 *   and performance-related interest. The 2014 Regulations removed the maximum dividend per share
 *   for dividends declared or proposed on or after 1 October 2014; the maximum aggregate dividend
 *   (reg 17(1)(c), reg 19: dividends declared for a year, less exempt dividends, against the
 *   aggregate dividend cap in force on the first day of that year, set under reg 22 and 35% of
 *   distributable profits since 2005) remains. No later change to the cap was found in the sources
 *   searched (a question in our brief about its removal from 1 April 2024 found nothing to support
 *   it), so the report states the cap as the Regulations set it and asks the secretary to confirm
 *   it against the Regulator's current guidance rather than asserting a figure the app cannot check.
 * The form CIC34 sets these out as Part 1 (general description of the company's activities and
 * impact), Part 2 (consultation with stakeholders), Part 3 (directors' remuneration) and Part 4
 * (transfers of assets other than for full consideration), with the dividend information for a
 * company limited by shares (taxcalc and mylawyer summaries of the form, read 1 December 2026).
 */
export const CIC_LAW = {
  report: 'Companies (Audit, Investigations and Community Enterprise) Act 2004 s34; Community Interest Company Regulations 2005 reg 26',
  activities: 'Community Interest Company Regulations 2005 reg 26(1)(a)',
  consultation: 'Community Interest Company Regulations 2005 reg 26(1)(b)',
  remuneration: 'C(AICE) Act 2004 s34(3)(a); Community Interest Company Regulations 2005 reg 26(1)(c) and (3)',
  transfers: 'Community Interest Company Regulations 2005 reg 26(2)',
  dividends: 'Community Interest Company Regulations 2005 regs 17, 19, 22 and 27 (as amended by SI 2014/2483)',
} as const;

export const CIC_PARTS = {
  activities: 'Part 1: General description of the company’s activities and impact',
  consultation: 'Part 2: Consultation with stakeholders',
  remuneration: 'Part 3: Directors’ remuneration',
  transfers: 'Part 4: Transfers of assets other than for full consideration',
  dividends: 'Dividends and the dividend cap (companies limited by shares)',
} as const;

export const CIC_TEXT = {
  activities:
    'The report must give a fair and accurate description of the manner in which the company’s activities during the financial year have benefited the community (Community Interest Company Regulations 2005 reg 26(1)(a)).',
  consultation:
    'The report must describe the steps, if any, which the company has taken during the financial year to consult persons affected by its activities, and the outcome of any such consultation (reg 26(1)(b)).',
  remuneration:
    'The report must give the directors’ emoluments, pensions and compensation for loss of office (C(AICE) Act 2004 s34(3)(a); reg 26(1)(c)), or state that details of the directors’ remuneration may be found in the notes to the annual accounts delivered to the registrar (reg 26(3)).',
  transfers:
    'If during the year the company transferred any of its assets other than for full consideration, to an asset-locked body (other than by an exempt dividend) or for the benefit of the community, the report must specify the amount, or a fair estimate of the value, of each transfer (reg 26(2)).',
  dividends:
    'A community interest company limited by shares may declare a dividend only as its articles permit, on a resolution of its members, and only so far as the dividends declared for the year (less exempt dividends) do not exceed the maximum aggregate dividend: the aggregate dividend cap in force on the first day of the year (35% of distributable profits as set under reg 22) (Community Interest Company Regulations 2005 regs 17 and 19). The cap on the dividend per share was removed for dividends declared on or after 1 October 2014 (SI 2014/2483). The report gives the dividends declared and shows the cap was met (reg 27); confirm the cap in force against the CIC Regulator’s current guidance.',
} as const;

/** A CIC's form: limited by shares (dividends part) or by guarantee. */
export function isCic(form: string): form is 'cic_limited_by_guarantee' | 'cic_limited_by_shares' {
  return form === 'cic_limited_by_guarantee' || form === 'cic_limited_by_shares';
}

/** Turnout as a share of those entitled, "12 of 40 (30%)". */
export function turnoutText(voted: number, entitled: number): string {
  if (entitled <= 0) return `${voted} of none entitled`;
  const pct = Math.round((voted * 1000) / entitled) / 10;
  return `${voted.toLocaleString('en-GB')} of ${entitled.toLocaleString('en-GB')} (${pct.toLocaleString('en-GB')}%)`;
}
