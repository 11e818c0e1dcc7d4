/**
 * Every kind of audit event the app writes, with the words a secretary reads in the log.
 * Adding a mutation means adding its action here, so the audit log filter knows it.
 */
export const AUDIT_ACTIONS = {
  'organisation.set_up': 'Organisation set up',
  'organisation.updated': 'Organisation particulars changed',
  'rules.updated': 'Governing rules changed',
  'data.restored': 'Database restored from a backup',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
