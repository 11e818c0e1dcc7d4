import { CESSATION_REASON_LABEL, MEMBER_FIELD_LABEL, type CessationReason } from '../../../shared/contract/members';
import { isLegalDate } from '../../../shared/rules/legal-date';
import { formatPence } from '../../../shared/rules/shareholding';
import { formatLegalDate } from './dates';

const DATE_FIELDS = new Set(['dateOfBirth', 'employee.employmentStart', 'employee.employmentEnd', 'ceasedOn', 'admittedOn', 'applicationDate', 'electronicComms.agreedOn', 'electronicComms.revokedOn']);

/** The label of a field in a member's history; money fields are shown in pounds, so their label says so. */
export function changeLabel(field: string): string {
  if (field === 'loansAndDepositsPence') return 'Loans and deposits';
  return MEMBER_FIELD_LABEL[field] ?? field;
}

/** One value of a change as a secretary reads it: dates in full, money in pounds, reasons in words. */
export function changeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'cessationReason' && typeof value === 'string') return CESSATION_REASON_LABEL[value as CessationReason] ?? value;
  if (field === 'loansAndDepositsPence' && typeof value === 'number') return formatPence(value);
  if (field === 'employee.weeklyHours' && typeof value === 'number') return `${value} hours a week`;
  if (DATE_FIELDS.has(field) && typeof value === 'string' && isLegalDate(value)) return formatLegalDate(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "Address line 1: 2 Low St → 9 New Rd" */
export function describeChange(change: { field: string; from: unknown; to: unknown }): string {
  return `${changeLabel(change.field)}: ${changeValue(change.field, change.from)} → ${changeValue(change.field, change.to)}`;
}

/**
 * The changes worth listing: one whose before and after read the same (nothing to nothing, as a
 * cessation recorded without a note gives) tells the reader nothing.
 */
export function visibleChanges<C extends { field: string; from: unknown; to: unknown }>(changes: readonly C[]): C[] {
  return changes.filter((c) => changeValue(c.field, c.from) !== changeValue(c.field, c.to));
}
