import { describe, expect, test } from 'vitest';
import { counterpartyInput } from '../../../../shared/contract/counterparties';
import { EMPTY_ORGANISATION, identifiersOf, isKind, showsOdsCode, toOrganisationInput } from './organisation-form';

describe('the organisation form', () => {
  test('an empty kind is left for the contract to ask for; identifiers are tidied by the contract', () => {
    const blank = counterpartyInput.safeParse(toOrganisationInput({ ...EMPTY_ORGANISATION, name: 'Riverside ICB' }));
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['kind', 'Choose the kind of organisation.']]);
    const ok = counterpartyInput.parse(toOrganisationInput({ ...EMPTY_ORGANISATION, name: 'Riverside ICB', kind: 'icb', odsCode: ' qhg ', companiesHouseNumber: '1234567' }));
    expect(ok.odsCode).toBe('QHG');
    expect(ok.companiesHouseNumber).toBe('01234567');
    expect(ok.contactEmail).toBeUndefined();
  });

  test('offers the ODS code for NHS and other public bodies, not for a council or a company', () => {
    expect(showsOdsCode('nhs_trust')).toBe(true);
    expect(showsOdsCode('icb')).toBe(true);
    expect(showsOdsCode('')).toBe(true);
    expect(showsOdsCode('council')).toBe(false);
    expect(showsOdsCode('company')).toBe(false);
  });

  test('names its identifiers in one line, and knows a kind from a stray URL value', () => {
    expect(identifiersOf({ odsCode: 'RX1', companiesHouseNumber: null, charityNumber: '1100001', societyNumber: null })).toBe('ODS RX1 · Charity 1100001');
    expect(identifiersOf({ odsCode: null, companiesHouseNumber: null, charityNumber: null, societyNumber: null })).toBe('');
    expect(isKind('council')).toBe(true);
    expect(isKind('councils')).toBe(false);
    expect(isKind(null)).toBe(false);
  });
});
