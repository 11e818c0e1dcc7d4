import { describe, expect, test } from 'vitest';
import { describeChange, visibleChanges } from './changes';

describe('changes in a member’s history', () => {
  test('reads as label: before → after', () => {
    expect(describeChange({ field: 'address.line1', from: '2 Low St', to: '9 New Rd' })).toBe('Address line 1: 2 Low St → 9 New Rd');
  });

  test('dates in full, money in pounds, reasons in words, and empty values said so', () => {
    expect(describeChange({ field: 'ceasedOn', from: null, to: '2025-03-04' })).toBe('Ceased on: (none) → 4 March 2025');
    expect(describeChange({ field: 'loansAndDepositsPence', from: 0, to: 12550 })).toBe('Loans and deposits: £0.00 → £125.50');
    expect(describeChange({ field: 'cessationReason', from: null, to: 'left_employment' })).toBe('Reason: (none) → Left employment');
    expect(describeChange({ field: 'employee.weeklyHours', from: 30, to: 37.5 })).toBe('Contracted weekly hours: 30 hours a week → 37.5 hours a week');
    expect(describeChange({ field: 'electronicComms.revokedOn', from: null, to: '2026-11-30' })).toBe('Withdrew agreement to notices by e-mail on: (none) → 30 November 2026');
    expect(describeChange({ field: 'electronicComms.agreedOn', from: null, to: '2024-05-01' })).toBe('Agreed to notices by e-mail on: (none) → 1 May 2024');
  });

  test('a field without a label still shows', () => {
    expect(describeChange({ field: 'somethingNew', from: 'a', to: 'b' })).toBe('somethingNew: a → b');
  });

  test('a change from nothing to nothing is not listed (a cessation with no note)', () => {
    const changes = [
      { field: 'ceasedOn', from: null, to: '2025-03-04' },
      { field: 'note', from: null, to: null },
      { field: 'address.line2', from: undefined, to: '' },
      { field: 'cessationReason', from: null, to: 'resigned' },
    ];
    expect(visibleChanges(changes).map(describeChange)).toEqual(['Ceased on: (none) → 4 March 2025', 'Reason: (none) → Resigned']);
  });
});
