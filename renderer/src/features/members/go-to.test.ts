import { describe, expect, test } from 'vitest';
import { ariaSort, nextSort, parseGoTo } from './go-to';

describe('the Go to box', () => {
  test('a member number jumps by number', () => {
    expect(parseGoTo('4500')).toEqual({ sort: 'number', startAt: '4500' });
    expect(parseGoTo(' #0042 ')).toEqual({ sort: 'number', startAt: '42' });
    expect(parseGoTo('Member 7')).toEqual({ sort: 'number', startAt: '7' });
  });

  test('anything else is the start of a family name', () => {
    expect(parseGoTo('Sm')).toEqual({ sort: 'name', startAt: 'Sm' });
    expect(parseGoTo('O’Brien 2')).toEqual({ sort: 'name', startAt: 'O’Brien 2' });
  });

  test('nothing typed is no jump', () => {
    expect(parseGoTo('   ')).toBeNull();
  });
});

describe('sortable column headers', () => {
  test('only the sorted column has a direction', () => {
    expect(ariaSort('name', 'name', 'desc')).toBe('descending');
    expect(ariaSort('number', 'name', 'asc')).toBe('none');
  });

  test('the same column flips; another column starts ascending', () => {
    expect(nextSort({ sort: 'name', direction: 'asc' }, 'name')).toEqual({ sort: 'name', direction: 'desc' });
    expect(nextSort({ sort: 'name', direction: 'desc' }, 'number')).toEqual({ sort: 'number', direction: 'asc' });
  });
});
