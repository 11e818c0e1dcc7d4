import type { ReadDb } from '../context';
import type { AuditAction } from '../../../shared/domain/audit-actions';
import { formatLegalDate, ukDateOf } from '../../../shared/rules/legal-date';

/**
 * Events that alter the register of members: an entry made, changed, ceased or removed, a
 * change of shares held (allotted, transferred, withdrawn, redeemed, bought back or cancelled),
 * and a class renamed (the class is shown in the register). Not the upgrade that relabelled a
 * company's "withdrawals" (data.migrated): the shares held and paid it shows did not change. Reading a
 * record (a subject access export, an export) does not alter the register, although a subject
 * access export is an event about the member, which is why this is a list of actions and not
 * "every event about a member".
 */
export const REGISTER_AMENDING_ACTIONS = [
  'member.admitted',
  'member.updated',
  'member.ceased',
  'shares.allotted',
  'shares.transferred',
  'shares.withdrawn',
  'shares.redeemed',
  'shares.purchased',
  'shares.cancelled',
  'register.entries_removed',
  'class.updated',
  'import.applied',
] as const satisfies readonly AuditAction[];

/**
 * When the register was last altered, from the audit log: CA 2006 s120 requires a company to
 * tell a person inspecting it, or given a copy, the most recent date alterations were made.
 * Only this organisation's events: in a file keeping several (issue 11), another's register is
 * not this one's. One lookup per action on the (action, seq) or (organisation_id, seq) index.
 * Returns the UK calendar date ('YYYY-MM-DD'), or null for a register never written to.
 */
export async function registerLastAmended(db: ReadDb, organisationId: string): Promise<string | null> {
  let latest: string | null = null;
  for (const action of REGISTER_AMENDING_ACTIONS) {
    const row = await db
      .selectFrom('audit_event')
      .select('at')
      .where('action', '=', action)
      .where('organisation_id', '=', organisationId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row && (latest === null || row.at > latest)) latest = row.at;
  }
  return latest === null ? null : ukDateOf(new Date(latest));
}

/** The statement every copy carries (required of companies by CA 2006 s120; useful to all). */
export function lastAmendedStatement(lastAmended: string | null, family: 'company' | 'society'): string {
  const cite = family === 'company' ? ' (CA 2006 s120)' : '';
  return lastAmended === null
    ? `No alterations have been made to this register${cite}.`
    : `This register was last amended on ${formatLegalDate(lastAmended)}${cite}.`;
}
