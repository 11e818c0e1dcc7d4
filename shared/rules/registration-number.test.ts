import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, LEGAL_FORM_INFO, type LegalForm } from '../domain/legal-form';
import { checkRegistrationNumber } from './registration-number';

const companies = LEGAL_FORMS.filter((f) => LEGAL_FORM_INFO[f].registrar === 'Companies House');
const societies = LEGAL_FORMS.filter((f) => LEGAL_FORM_INFO[f].registrar === 'FCA Mutuals Public Register');

function valueOf(form: LegalForm, raw: string): string | null {
  const check = checkRegistrationNumber(form, raw);
  return check.ok ? check.value : null;
}

describe('Companies House numbers', () => {
  it('cover every company form', () => {
    expect(companies).toEqual(['company_limited_by_guarantee', 'cic_limited_by_guarantee', 'cic_limited_by_shares', 'eot_company']);
  });

  for (const form of companies) {
    it(`accept eight digits or a Scottish or Northern Irish prefix for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      expect(valueOf(form, '01234567')).toBe('01234567');
      expect(valueOf(form, 'SC123456')).toBe('SC123456');
      expect(valueOf(form, 'NI123456')).toBe('NI123456');
      expect(valueOf(form, 'R0123456')).toBe('R0123456');
    });

    it(`pad dropped leading zeros to eight digits for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      expect(valueOf(form, '1234567')).toBe('01234567');
      expect(valueOf(form, '42')).toBe('00000042');
    });

    it(`normalise spaces and lower case for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      expect(valueOf(form, ' sc 123 456 ')).toBe('SC123456');
      expect(valueOf(form, '0123 4567')).toBe('01234567');
    });

    it(`refuse numbers Companies House never issues for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      for (const bad of ['123456789', 'SC12345', 'SC1234567', 'AB123456', 'SC12345X', '31247R', 'RS007318', '12-34-56']) {
        const check = checkRegistrationNumber(form, bad);
        expect(check.ok, bad).toBe(false);
        expect(!check.ok && check.message).toMatch(/Companies House number is 8 characters/);
      }
    });
  }
});

describe('FCA Mutuals Public Register numbers', () => {
  it('cover both kinds of society', () => {
    expect(societies).toEqual(['cooperative_society', 'community_benefit_society']);
  });

  for (const form of societies) {
    it(`accept the register's formats, upper-cased, for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      expect(valueOf(form, '31247R')).toBe('31247R');
      expect(valueOf(form, '2474rs')).toBe('2474RS');
      expect(valueOf(form, 'IP31247R')).toBe('IP31247R');
      expect(valueOf(form, 'ip 2474 rs')).toBe('IP2474RS');
      expect(valueOf(form, 'RS007318')).toBe('RS007318');
    });

    it(`do not pad society numbers, which are not fixed-width, for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      expect(valueOf(form, '7R')).toBe('7R');
    });

    it(`refuse company numbers and malformed ones for a ${LEGAL_FORM_INFO[form].label.toLowerCase()}`, () => {
      for (const bad of ['01234567', 'SC123456', '1234567R', 'RS07318', 'R31247', 'IPR']) {
        const check = checkRegistrationNumber(form, bad);
        expect(check.ok, bad).toBe(false);
        expect(!check.ok && check.message).toMatch(/FCA Mutuals Public Register number/);
      }
    });
  }
});

describe('an empty registration number', () => {
  it('asks for the number by the name of the right register', () => {
    expect(checkRegistrationNumber('eot_company', '  ')).toEqual({ ok: false, message: 'Enter the Companies House number.' });
    expect(checkRegistrationNumber('cooperative_society', '')).toEqual({ ok: false, message: 'Enter the FCA Mutuals Public Register number.' });
  });
});
