import { describe, expect, it } from 'vitest';
import { registerFilters } from './register-filters';

const none = { search: '', meetingKind: '' as const, from: '', to: '', organisation: '', outcome: '' as const };

describe('registerFilters', () => {
  it('sends nothing for empty boxes, so every way back to "no filter" is one query', () => {
    expect(registerFilters(none)).toEqual({});
    expect(registerFilters({ ...none, search: '   ', organisation: ' ' })).toEqual({});
  });
  it('trims the search and organisation and keeps the choices', () => {
    expect(registerFilters({ ...none, search: ' budget ', organisation: 'Derby City Council ', meetingKind: 'board', outcome: 'carried' })).toEqual({
      search: 'budget',
      organisation: 'Derby City Council',
      meetingKind: 'board',
      outcome: 'carried',
    });
  });
  it('sends a date only once it is a whole, real date', () => {
    expect(registerFilters({ ...none, from: '2026-01-01', to: '2026-02-30' })).toEqual({ from: '2026-01-01' });
  });
});
