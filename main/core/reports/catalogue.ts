import type { z } from 'zod';
import type { ReportKind, reportCatalogueSchema } from '../../../shared/contract/reports';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { addDays, daysInMonth } from '../../../shared/rules/legal-date';
import type { OrganisationRow } from '../db/schema';
import { BUILDERS } from './builders/index';

/**
 * The seven reports, what each is, the law it follows and who can produce it (by legal form), and
 * the dates offered by default: the last financial year end on or before today, and the year
 * before it.
 *
 * The law, checked on legislation.gov.uk:
 * - CIC report: Companies (Audit, Investigations and Community Enterprise) Act 2004 s34 (the
 *   directors of a community interest company deliver a community interest company report to the
 *   registrar each financial year) and the Community Interest Company Regulations 2005 (SI
 *   2005/1788) reg 26 (its contents: how the activities benefited the community, the steps taken
 *   to consult those affected and the outcome, directors' remuneration, transfers of assets other
 *   than for full consideration). Only a CIC files one.
 * - Society annual return: Co-operative and Community Benefit Societies Act 2014 s89 (a
 *   registered society sends the FCA an annual return within 7 months of the end of its year of
 *   account, with its revenue account and balance sheet). Only a registered society files one.
 * - Employee ownership trust: Taxation of Chargeable Gains Act 1992 s236H to s236U (inserted by
 *   Finance Act 2014 s290 and Sch 37): the relief's requirements (all-employee benefit s236J,
 *   equality s236K, controlling interest s236M, and the disqualifying events of s236O and s236P)
 *   that go on mattering after the trust acquires the company.
 */

export type CatalogueEntry = z.output<typeof reportCatalogueSchema>['reports'][number];

export interface KindInfo {
  title: string;
  summary: string;
  law: string | null;
  /** A report over a period (from … asAt) rather than as at one date. */
  period: boolean;
  needsMeeting: boolean;
  /** The legal forms that can produce it (null: any), and why not otherwise. */
  forms: readonly LegalForm[] | null;
  notForForm?: string;
}

export const KIND_INFO: Record<ReportKind, KindInfo> = {
  annual: {
    title: 'Annual governance report',
    summary: 'The board, its meetings and decisions, general meetings and ballots, membership, shares and contracts over the year, for members and commissioners.',
    law: null,
    period: true,
    needsMeeting: false,
    forms: null,
  },
  agm: {
    title: 'AGM pack',
    summary: 'The notice, agenda, proxy form, last general meeting’s minutes, the annual governance report, the resolutions and the candidates’ statements for one general meeting.',
    law: null,
    period: false,
    needsMeeting: true,
    forms: null,
  },
  cic34: {
    title: 'Community interest company report (CIC34)',
    summary: 'A draft of the annual CIC report: stakeholder consultation filled from the meetings and ballots held, the directors in office and the shares paid up from the registers; the activities, directors’ pay, asset transfers and dividends left for you to write, each listed.',
    law: 'Companies (Audit, Investigations and Community Enterprise) Act 2004 s34; Community Interest Company Regulations 2005 reg 26',
    period: true,
    needsMeeting: false,
    forms: ['cic_limited_by_guarantee', 'cic_limited_by_shares'],
    notForForm: 'Only a community interest company delivers a community interest company report (C(AICE) Act 2004 s34; CIC Regulations 2005 reg 26).',
  },
  societyReturn: {
    title: 'Society annual return data',
    summary: 'The figures the FCA annual return asks for that the records hold (members, shares, the board), with the accounts marked as not known to the app.',
    law: 'Co-operative and Community Benefit Societies Act 2014 s89',
    period: true,
    needsMeeting: false,
    forms: ['cooperative_society', 'community_benefit_society'],
    notForForm: 'Only a registered co-operative or community benefit society sends the FCA an annual return (CCBS Act 2014 s89).',
  },
  eot: {
    title: 'Employee ownership trust checks',
    summary: 'Whether the trust holds a controlling interest on the date, and whether anything on record breaks the all-employee benefit and equality requirements.',
    law: 'Taxation of Chargeable Gains Act 1992 s236H to s236U',
    period: false,
    needsMeeting: false,
    forms: ['eot_company'],
    notForForm: 'Only a company owned through an employee ownership trust is checked against the trust’s requirements (TCGA 1992 s236H onwards).',
  },
  effectiveness: {
    title: 'Board effectiveness pack',
    summary: 'Attendance per director, decisions per meeting, actions done on time, interests by director and how soon minutes were approved and signed.',
    law: null,
    period: true,
    needsMeeting: false,
    forms: null,
  },
  group: {
    title: 'Consolidated group report',
    summary: 'Each organisation in the file side by side and in total, directors serving on several boards, and contracts across the group.',
    law: null,
    period: true,
    needsMeeting: false,
    forms: null,
  },
};

/** A report's title inside a sentence: "the annual governance report", "the AGM pack". */
export function titleInSentence(kind: ReportKind): string {
  const t = KIND_INFO[kind].title;
  return /^[A-Z]{2}/.test(t) ? t : t.charAt(0).toLowerCase() + t.slice(1);
}

/** The verb for a report's title: the EOT checks are plural. */
export const isOrAre = (kind: ReportKind, singular: string, plural: string): string => (kind === 'eot' ? plural : singular);

/** The organisation's year end ('MM-DD') in a given year; 29 February falls on the 28th in other years. */
export function yearEndIn(year: number, financialYearEnd: string): string {
  const month = Number(financialYearEnd.slice(0, 2));
  const day = Math.min(Number(financialYearEnd.slice(3, 5)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The dates a report is offered for: the last financial year end on or before today, and the day
 * after the one before it. An organisation whose first year has not ended yet is offered today,
 * from the day it was incorporated or registered.
 */
export function defaultDates(org: Pick<OrganisationRow, 'financial_year_end' | 'incorporated_on'>, today: string): { asAt: string; from: string } {
  const year = Number(today.slice(0, 4));
  let asAt = yearEndIn(year, org.financial_year_end);
  if (asAt > today) asAt = yearEndIn(year - 1, org.financial_year_end);
  if (asAt < org.incorporated_on) return { asAt: today, from: org.incorporated_on };
  const from = addDays(yearEndIn(Number(asAt.slice(0, 4)) - 1, org.financial_year_end), 1);
  return { asAt, from: from < org.incorporated_on ? org.incorporated_on : from };
}

/** Why this organisation cannot produce the report whatever the app can do (its legal form; a group of one), or null. */
export function ruledOutReason(kind: ReportKind, org: Pick<OrganisationRow, 'legal_form'>, organisations: number, formOn?: { on: string; words: string }): string | null {
  const info = KIND_INFO[kind];
  if (info.forms && !info.forms.includes(org.legal_form)) {
    // Judged on the form as at the report's date when the caller gives it (a company converted later can still report on its past years).
    const form = LEGAL_FORM_INFO[org.legal_form].label.toLowerCase();
    return `${info.notForForm} ${formOn ? `On ${formOn.words} this organisation was a ${form}.` : `This organisation is a ${form}.`}`;
  }
  if (kind === 'group' && organisations < 2) {
    return 'A group report needs more than one organisation in this file; add the group’s other organisations first.';
  }
  return null;
}

/** Why the report is not offered: ruled out for this organisation, or not built by this version yet. */
export function unavailableReason(kind: ReportKind, org: Pick<OrganisationRow, 'legal_form'>, organisations: number): string | null {
  const ruledOut = ruledOutReason(kind, org, organisations);
  if (ruledOut) return ruledOut;
  if (!BUILDERS[kind]) return `The ${titleInSentence(kind)} cannot be produced in this version of the app yet.`;
  return null;
}

export function catalogue(org: OrganisationRow, organisations: number, today: string): CatalogueEntry[] {
  const dates = defaultDates(org, today);
  return (Object.keys(KIND_INFO) as ReportKind[]).map((kind) => {
    const info = KIND_INFO[kind];
    const why = unavailableReason(kind, org, organisations);
    return {
      kind,
      title: info.title,
      summary: info.summary,
      available: why === null,
      unavailableReason: why,
      law: info.law,
      period: info.period,
      defaultAsAt: dates.asAt,
      defaultFrom: info.period ? dates.from : null,
      needsMeeting: info.needsMeeting,
    };
  });
}
