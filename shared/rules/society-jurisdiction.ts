import { LEGAL_FORM_INFO, formFamily, type LegalForm } from '../domain/legal-form';
import type { UkPart } from './working-days';

/**
 * The CCBS Act 2014 registers only a society whose registered office is in Great Britain or the
 * Channel Islands (s2(2)(d)). A society with its registered office in Northern Ireland is registered
 * under the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969 (renamed from
 * the Industrial and Provident Societies Act (Northern Ireland) 1969 in 2018), whose registers and
 * rules differ; the app's society registers follow the 2014 Act, so it cannot keep them.
 */
export const SOCIETY_JURISDICTION_SOURCE = 'CCBS Act 2014 s2(2)(d)';

/**
 * Why the app cannot keep this organisation's registers because of where its registered office
 * is, or null. For set-up and settings to refuse a society in Northern Ireland.
 *
 * @example
 * societyJurisdictionProblem('cooperative_society', 'northern_ireland') // 'A co-operative society whose …'
 */
export function societyJurisdictionProblem(legalForm: LegalForm, registeredOfficeCountry: UkPart): string | null {
  if (formFamily(legalForm) !== 'society' || registeredOfficeCountry !== 'northern_ireland') return null;
  return `A ${LEGAL_FORM_INFO[legalForm].label.toLowerCase()} whose registered office is in Northern Ireland is registered under the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969, not the Co-operative and Community Benefit Societies Act 2014, which covers societies with their registered office in Great Britain or the Channel Islands (${SOCIETY_JURISDICTION_SOURCE}). This app keeps registers under the 2014 Act only.`;
}
