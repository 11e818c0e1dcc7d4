import { describe, expect, it } from 'vitest';
import { directorAgeProblem, listParticulars, missingDirectorParticulars } from './director-particulars';

describe('missingDirectorParticulars', () => {
  it('lists the particulars Companies House needs that are empty, in form order', () => {
    expect(missingDirectorParticulars({})).toEqual(['dateOfBirth', 'nationality', 'countryOfResidence']);
    expect(missingDirectorParticulars({ dateOfBirth: '1980-01-01', nationality: '', countryOfResidence: null })).toEqual(['nationality', 'countryOfResidence']);
    expect(missingDirectorParticulars({ dateOfBirth: '1980-01-01', nationality: 'British', countryOfResidence: 'England' })).toEqual([]);
  });

  it('reads them as a sentence', () => {
    expect(listParticulars(['dateOfBirth', 'nationality', 'countryOfResidence'])).toBe('date of birth, nationality and country of usual residence');
    expect(listParticulars(['nationality'])).toBe('nationality');
    expect(listParticulars([])).toBe('');
  });
});

describe('directorAgeProblem (CA 2006 s157)', () => {
  it('allows an appointment on or after the 16th birthday', () => {
    expect(directorAgeProblem('2008-05-10', '2024-05-10')).toBeNull();
    expect(directorAgeProblem('1970-01-01', '2024-05-10')).toBeNull();
  });

  it('refuses an appointment the day before, naming the birthday', () => {
    expect(directorAgeProblem('2008-05-10', '2024-05-09')).toBe('CA 2006 s157: a director of a company must be at least 16; they turn 16 on 10 May 2024.');
  });

  it('counts a 29 February birthday as reached on 29 February of a leap year', () => {
    expect(directorAgeProblem('2008-02-29', '2024-02-29')).toBeNull();
    expect(directorAgeProblem('2008-02-29', '2024-02-28')).toMatch(/turn 16 on 29 February 2024/);
  });
});
