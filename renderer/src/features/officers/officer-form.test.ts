import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS, EMPTY_PARTICULARS, toAppointmentInput, toResidentialInput, wholeFormProblems, type OfficerValues } from './officer-form';

const service = { line1: '12 Wellington Street', line2: '', town: 'Leeds', postcode: 'LS1 4AP', country: '' };
const home = { line1: '7 Larkspur Close', line2: '', town: 'Otley', postcode: 'LS21 3QP', country: '' };

function values(overrides: Partial<Omit<OfficerValues, 'particulars'>> & { particulars?: Partial<OfficerValues['particulars']> } = {}): OfficerValues {
  return {
    residentialSame: false,
    residentialAddress: home,
    ...overrides,
    particulars: { ...EMPTY_PARTICULARS, givenNames: 'Priya', familyName: 'Shah', serviceAddress: service, dateOfBirth: '1984-09-02', nationality: 'British', countryOfResidence: 'England', ...overrides.particulars },
  };
}

describe('toAppointmentInput', () => {
  it('sends a nominee’s nominating body chosen from the organisations list with its link, and no link for words alone or another kind', () => {
    const nominee = { role: 'director', directorKind: 'nominee', nominatedBy: 'Leeds City Council', nominatingCounterpartyId: '01JCOUNCIL0000000000000000', appointedOn: '2025-06-01' };
    expect(toAppointmentInput(nominee)).toEqual({ role: 'director', directorKind: 'nominee', nominatedBy: 'Leeds City Council', nominatingCounterpartyId: '01JCOUNCIL0000000000000000', appointedOn: '2025-06-01' });
    expect(toAppointmentInput({ ...nominee, nominatingCounterpartyId: '' })).not.toHaveProperty('nominatingCounterpartyId');
    expect(toAppointmentInput({ ...nominee, nominatedBy: ' ' })).not.toHaveProperty('nominatingCounterpartyId');
    expect(toAppointmentInput({ ...nominee, directorKind: 'employee' })).toEqual({ role: 'director', directorKind: 'employee', appointedOn: '2025-06-01' });
  });
  it('sends the kind only for a director and the nominating body only for a nominee', () => {
    expect(toAppointmentInput({ role: 'chair', directorKind: 'nominee', nominatedBy: 'Leeds City Council', nominatingCounterpartyId: '', appointedOn: '2025-06-01' })).toEqual({ role: 'chair', appointedOn: '2025-06-01' });
    expect(toAppointmentInput({ role: 'director', directorKind: 'employee', nominatedBy: 'Leeds City Council', nominatingCounterpartyId: '', appointedOn: '2025-06-01' })).toEqual({
      role: 'director',
      directorKind: 'employee',
      appointedOn: '2025-06-01',
    });
    expect(toAppointmentInput({ role: 'director', directorKind: 'nominee', nominatedBy: 'Leeds City Council', nominatingCounterpartyId: '', appointedOn: '2025-06-01' })).toMatchObject({ nominatedBy: 'Leeds City Council' });
    expect(toAppointmentInput({ role: '', directorKind: '', nominatedBy: '', nominatingCounterpartyId: '', appointedOn: '' }).role).toBeUndefined();
  });
});

describe('toResidentialInput', () => {
  it('copies the service address when they are the same, and treats a blank address as not recorded', () => {
    expect(toResidentialInput(values({ residentialSame: true }))).toEqual(service);
    expect(toResidentialInput(values({ residentialAddress: EMPTY_ADDRESS }))).toBeNull();
    expect(toResidentialInput(values())).toEqual(home);
  });
});

describe('wholeFormProblems', () => {
  it('asks a company director for the particulars Companies House needs (s167G(3)) and a residential address', () => {
    const problems = wholeFormProblems(values({ particulars: { dateOfBirth: '', nationality: '  ' }, residentialAddress: EMPTY_ADDRESS }), true);
    expect(Object.keys(problems)).toEqual(['particulars.dateOfBirth', 'particulars.nationality', 'residentialAddress.line1']);
    expect(problems['particulars.nationality']).toBe('Enter the nationality: a company must give it to Companies House for each director (CA 2006 s167G(3)).');
    expect(problems['residentialAddress.line1']).toMatch(/CA 2006 s167G\(3\); kept off the public record, s240-241/);
  });

  it('asks nothing of anyone else, and accepts "same as the service address"', () => {
    expect(wholeFormProblems(values({ particulars: { dateOfBirth: '', nationality: '' }, residentialAddress: EMPTY_ADDRESS }), false)).toEqual({});
    expect(wholeFormProblems(values({ residentialSame: true, residentialAddress: EMPTY_ADDRESS }), true)).toEqual({});
  });

  it('checks a residential address that was begun like any other address', () => {
    const problems = wholeFormProblems(values({ residentialAddress: { ...EMPTY_ADDRESS, line1: '7 Larkspur Close', postcode: 'NOT A CODE' } }), false);
    expect(problems).toEqual({ 'residentialAddress.town': 'Enter the town or city.', 'residentialAddress.postcode': 'Enter a UK postcode, such as SW1A 1AA, or leave it empty for an address abroad.' });
  });
});
