import { expect, test } from 'vitest';
import { formatPence } from '../../../../../shared/rules/shareholding';
import { formatLegalDate } from '../../../lib/dates';
import { figureRows, judgementLabel, percent, verdictTitle } from './s33-format';

test('each condition reads met, not met or cannot judge, with a mark as well as a colour', () => {
  expect(judgementLabel(true)).toEqual({ text: 'Met', mark: '✓', tone: 'success' });
  expect(judgementLabel(false)).toEqual({ text: 'Not met', mark: '✗', tone: 'danger' });
  expect(judgementLabel('cannot_judge')).toEqual({ text: 'Cannot judge', mark: '?', tone: 'warning' });
});

test('the verdict says yes, no or that the app cannot say, as at the date in full', () => {
  expect(verdictTitle(true, '2026-12-01', formatLegalDate)).toBe('Yes: this contract could be reserved to you, as at 1 December 2026');
  expect(verdictTitle(false, '2026-03-29', formatLegalDate)).toBe('No: this contract could not be reserved to you, as at 29 March 2026');
  expect(verdictTitle('cannot_judge', '2026-12-01', formatLegalDate)).toBe('The app cannot say on its own whether this contract could be reserved to you, as at 1 December 2026');
});

test('shares are percentages to one decimal place, and a dash when there is nothing to share', () => {
  expect(percent(46, 50)).toBe('92%');
  expect(percent(5, 7)).toBe('71.4%');
  expect(percent(0, 0)).toBe('–');
});

test('the s33(6) figures each say what they are out of', () => {
  const rows = figureRows(
    { members: 50, employeeMembers: 46, votingRights: 50, employeeVotingRights: 46, directors: 7, employeeDirectors: 5, contractIncomePence: 145_000_000, reservableIncomePence: 120_000_000 },
    formatPence,
  );
  expect(rows.map((r) => [r.label, r.value, r.share])).toEqual([
    ['Employee members', '46 of 50 members', '92%'],
    ['Voting rights held by employee members', '46 of 50 votes', '92%'],
    ['Employee and employee-elected directors', '5 of 7 directors', '71.4%'],
    ['Contract income from reservable light touch services', '£1,200,000.00 of £1,450,000.00 a year', '82.8%'],
  ]);
});
