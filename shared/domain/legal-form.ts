/**
 * The legal forms a public service mutual takes, and the facts about each that the law
 * (and therefore the app) depends on.
 */
export const LEGAL_FORMS = [
  'company_limited_by_guarantee',
  'cic_limited_by_guarantee',
  'cic_limited_by_shares',
  'cooperative_society',
  'community_benefit_society',
  'eot_company',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Companies keep a CA 2006 register; societies a CCBS Act 2014 one. */
export type FormFamily = 'company' | 'society';

export interface LegalFormInfo {
  label: string;
  family: FormFamily;
  /** Whether members hold shares (and so the register carries a share ledger). */
  hasShares: boolean;
  /** Who keeps the public record of the organisation's registration. */
  registrar: 'Companies House' | 'FCA Mutuals Public Register';
}

export const LEGAL_FORM_INFO: Record<LegalForm, LegalFormInfo> = {
  company_limited_by_guarantee: {
    label: 'Company limited by guarantee',
    family: 'company',
    hasShares: false,
    registrar: 'Companies House',
  },
  cic_limited_by_guarantee: {
    label: 'Community interest company limited by guarantee',
    family: 'company',
    hasShares: false,
    registrar: 'Companies House',
  },
  cic_limited_by_shares: {
    label: 'Community interest company limited by shares',
    family: 'company',
    hasShares: true,
    registrar: 'Companies House',
  },
  cooperative_society: {
    label: 'Co-operative society',
    family: 'society',
    hasShares: true,
    registrar: 'FCA Mutuals Public Register',
  },
  community_benefit_society: {
    label: 'Community benefit society',
    family: 'society',
    hasShares: true,
    registrar: 'FCA Mutuals Public Register',
  },
  eot_company: {
    label: 'Company owned by an employee ownership trust',
    family: 'company',
    hasShares: true,
    registrar: 'Companies House',
  },
};

export function formFamily(form: LegalForm): FormFamily {
  return LEGAL_FORM_INFO[form].family;
}
