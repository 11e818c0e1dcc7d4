/**
 * Every kind of audit event the app writes, with the words a secretary reads in the log.
 * Adding a mutation means adding its action here, so the audit log filter knows it.
 */
export const AUDIT_ACTIONS = {
  'organisation.set_up': 'Organisation set up',
  'organisation.updated': 'Organisation particulars changed',
  'rules.updated': 'Governing rules changed',
  'data.restored': 'Database restored from a backup',
  'audit.records_baselined': 'Audit log began vouching for record states',
  'class.created': 'Membership class created',
  'class.updated': 'Membership class changed',
  'class.deleted': 'Membership class deleted',
  'member.admitted': 'Member admitted',
  'member.updated': 'Member particulars changed',
  'member.ceased': 'Membership ceased',
  'register.entries_removed': 'Former members removed from the register',
  'shares.allotted': 'Shares allotted',
  'shares.transferred': 'Shares transferred',
  'shares.withdrawn': 'Shares withdrawn',
  'shares.redeemed': 'Shares redeemed',
  'shares.purchased': 'Own shares purchased',
  'shares.cancelled': 'Shares cancelled under the rules',
  'register.settings_changed': 'Register settings changed',
  'data.migrated': 'Records converted by an upgrade',
  'officer.added': 'Director or officer added',
  'officer.updated': 'Officer particulars changed',
  'officer.appointed': 'Appointment made',
  'officer.appointment_ended': 'Appointment ended',
  'officer.identity_recorded': 'Director identity verification recorded',
  'interest.declared': 'Interest declared',
  'interest.ended': 'Interest ended',
  'psc.added': 'Person with significant control entered',
  'psc.ceased': 'Person with significant control ceased',
  'psc.statement_added': 'PSC statement entered',
  'psc.statement_withdrawn': 'PSC statement withdrawn',
  'filing.due': 'Companies House filing due',
  'filing.filed': 'Companies House filing made',
  'filing.not_required': 'Companies House filing not needed',
  'import.applied': 'HR import applied',
  'inspection.logged': 'Inspection request logged',
  'inspection.closed': 'Inspection request closed',
  'register.exported': 'Register exported',
  'member.subject_access': 'Subject access export',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/** Actions whose events may erase earlier events' personal data (the chain still verifies). */
export const REDACTING_ACTIONS: readonly AuditAction[] = ['register.entries_removed'];
