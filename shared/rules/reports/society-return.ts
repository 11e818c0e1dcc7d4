/**
 * The annual return of a registered society (co-operative or community benefit society). Read on
 * 1 December 2026:
 * - Co-operative and Community Benefit Societies Act 2014 s89 (legislation.gov.uk): within 7 months
 *   after the end of each year of account a registered society sends the FCA its annual return for
 *   the year, a copy of each balance sheet made in the year and any relevant auditor's report; the
 *   return contains the revenue account for the year (s79) and a balance sheet at its end (s89(2));
 *   the FCA decides its form and particulars (s89(4), ss143-144). s90: a copy free to any member or
 *   person interested in its funds who asks.
 * - FCA, "Annual returns and accounts: mutual societies" (fca.org.uk): societies submit the annual
 *   return form AR30 with their accounts, online through the Mutuals Society Portal (or by post),
 *   within 7 months of the financial year end; the accounts signed by two committee members and the
 *   secretary.
 * The return's particulars the registers hold are the membership and share capital at the year end
 * and the committee (board) and secretary in office; the accounts (revenue account, balance sheet,
 * turnover, assets, the auditor's report) are the society's, and the app cannot know them.
 */
export const SOCIETY_LAW = {
  annualReturn: 'Co-operative and Community Benefit Societies Act 2014 s89',
  accounts: 'CCBS Act 2014 ss79, 89(2)',
  register: 'CCBS Act 2014 s30',
  form: 'FCA annual return form AR30 (Mutuals Society Portal)',
} as const;

export const SOCIETY_TEXT = {
  annualReturn:
    'A registered society must, within 7 months after the end of each year of account, send the FCA its annual return for that year with a copy of each balance sheet made in the year and any relevant auditor’s report (Co-operative and Community Benefit Societies Act 2014 s89(1)). The FCA sets the return’s form (AR30, submitted through its Mutuals Society Portal) and particulars (s89(4)).',
  accounts:
    'The annual return must contain the society’s revenue account for the year (prepared under s79) and a balance sheet as at the end of the year (s89(2)); these come from the audited accounts, which the app does not hold.',
} as const;

/** What the return asks that only the accounts can answer: each listed in the report's missing. */
export const FROM_THE_ACCOUNTS: readonly { title: string; source: string }[] = [
  { title: 'Turnover (income) for the year', source: 'the revenue account in the audited accounts (CCBS Act 2014 ss79, 89(2)(a))' },
  { title: 'Surplus or deficit for the year', source: 'the revenue account in the audited accounts (s89(2)(a))' },
  { title: 'Total assets and liabilities at the year end', source: 'the balance sheet in the audited accounts (s89(2)(a))' },
  {
    title: 'Share capital and loans as the balance sheet states them',
    source: 'the audited accounts (the register’s figure in this report is the shares held and paid on the share ledger, which the accounts may present differently)',
  },
  { title: 'The auditor’s report, or the report on the accounts, for the year', source: 'the society’s auditor or accountant (ss83-85, s89(1)(c))' },
];
