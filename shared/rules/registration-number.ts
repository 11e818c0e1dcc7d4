import { LEGAL_FORM_INFO, type LegalForm } from '../domain/legal-form';

/**
 * Registration numbers, checked per legal form.
 *
 * Companies House numbers (CA 2006 s1066) are eight characters: eight digits for England and
 * Wales, or a two-letter prefix and six digits (SC Scotland, NI / R0 Northern Ireland).
 * Secretaries often drop the leading zeros, so up to eight digits are accepted and padded.
 *
 * Societies are registered by the FCA under CCBS Act 2014 s3 and appear on the Mutuals Public
 * Register with numbers such as "31247R" (England and Wales), "2474RS" (Scotland), older
 * "IP31247R", or, for registrations since 2014, "RS007318".
 */
export type RegistrationCheck = { ok: true; value: string } | { ok: false; message: string };

const COMPANY_PREFIXED = /^(SC|NI|R0)\d{6}$/;
const COMPANY_DIGITS = /^\d{1,8}$/;
const SOCIETY_PATTERNS = [/^(IP)?\d{1,6}R$/, /^(IP)?\d{1,6}RS$/, /^RS\d{6}$/];

export function checkRegistrationNumber(form: LegalForm, raw: string): RegistrationCheck {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  const registrar = LEGAL_FORM_INFO[form].registrar;
  if (value === '') {
    return { ok: false, message: `Enter the ${registrar} number.` };
  }
  if (registrar === 'Companies House') {
    if (COMPANY_DIGITS.test(value)) return { ok: true, value: value.padStart(8, '0') };
    if (COMPANY_PREFIXED.test(value)) return { ok: true, value };
    return {
      ok: false,
      message:
        'A Companies House number is 8 characters: 8 digits (e.g. 01234567) or SC, NI or R0 and 6 digits (e.g. SC123456).',
    };
  }
  if (SOCIETY_PATTERNS.some((p) => p.test(value))) return { ok: true, value };
  return {
    ok: false,
    message:
      'An FCA Mutuals Public Register number looks like 31247R, 2474RS, IP31247R or RS007318.',
  };
}
