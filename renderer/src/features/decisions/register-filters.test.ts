import { describe, expect, it } from 'vitest';
import { decisionsAbout, filtersFromParams, paramsFromFilters, registerFilters } from './register-filters';

const none = { search: '', meetingKind: '' as const, from: '', to: '', organisation: '', counterpartyId: '', outcome: '' as const };

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

describe('filters in the address bar', () => {
  it('reads a link’s filters, keeping the words as given', () => {
    expect(filtersFromParams(new URLSearchParams('organisation=Riverside+Borough+Council&outcome=carried&meeting=board&from=2026-01-01&q=budget'))).toEqual({
      ...none,
      organisation: 'Riverside Borough Council',
      outcome: 'carried',
      meetingKind: 'board',
      from: '2026-01-01',
      search: 'budget',
    });
  });
  it('ignores a meeting kind, outcome or date the register does not know', () => {
    expect(filtersFromParams(new URLSearchParams('meeting=picnic&outcome=maybe&from=2026-02-30&to=soon'))).toEqual(none);
  });
  it('writes only the filters set, and reads back what it wrote', () => {
    expect(paramsFromFilters(none).toString()).toBe('');
    const set = { ...none, organisation: 'St Mary’s & St John’s Trust', to: '2026-03-31', outcome: 'lost' as const };
    expect(filtersFromParams(paramsFromFilters(set))).toEqual(set);
  });
  it('links to the decisions about an organisation', () => {
    expect(decisionsAbout('Riverside Borough Council')).toBe('/decisions?organisation=Riverside+Borough+Council');
    expect(filtersFromParams(new URLSearchParams(decisionsAbout('A & B Ltd').split('?')[1])).organisation).toBe('A & B Ltd');
  });
  it('links to the decisions about an organisation on the list by its id, and sends it; an address that is not an id is ignored', () => {
    const id = '0190f000-0000-7000-8000-000000000001';
    expect(decisionsAbout({ counterpartyId: id })).toBe(`/decisions?counterparty=${id}`);
    const read = filtersFromParams(new URLSearchParams(`counterparty=${id}&outcome=carried`));
    expect(read).toEqual({ ...none, counterpartyId: id, outcome: 'carried' });
    expect(registerFilters(read)).toEqual({ counterpartyId: id, outcome: 'carried' });
    expect(filtersFromParams(new URLSearchParams('counterparty=riverside')).counterpartyId).toBe('');
  });
});
