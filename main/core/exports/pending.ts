import type { RegisterFacts } from '../../../shared/contract/members';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx } from '../context';
import type { ImportPlanFull } from '../hr-import/plan';

/**
 * Alterations pending for the register: CA 2006 s120(1) requires a company to tell a person
 * inspecting the register, or given a copy, the most recent date alterations were made and
 * "whether there are further alterations to be made". Only changes to what the register
 * contains count. In this app they are:
 *
 * 1. Cessations due: current members of an employee class whose own entry records that their
 *    employment ended on or before today. The register itself says they have left, but their
 *    membership's end has not been entered (it usually follows from the class's terms).
 * 2. An HR import checked against the register and not yet applied (plans are kept for an hour):
 *    the admissions, cessations and changes of particulars it would make.
 *
 * Not pending: a change the secretary has not yet told the app about (the app cannot know it),
 * a board decision recorded nowhere, settings, exports, and the register's own removal of
 * long-former entries (CA 2006 s121 permits it; nothing is "to be made"). A transfer is entered
 * when registered, so none waits in the app for registration.
 */
export async function pendingAlterations(db: ReadDb, rc: RegisterCtx, plans: readonly ImportPlanFull[]): Promise<RegisterFacts['pending']> {
  const out: RegisterFacts['pending'] = [];
  // One pass over the current members, not one per employee class (member has no index by class).
  const due = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', rc.org.id)
    .where('ceased_on', 'is', null)
    .where('employment_end', 'is not', null)
    .where('employment_end', '<=', rc.today)
    .where('class_id', 'in', (eb) => eb.selectFrom('membership_class').select('id').where('organisation_id', '=', rc.org.id).where('is_employee_class', '=', 1))
    .executeTakeFirstOrThrow();
  const n = Number(due.n);
  if (n > 0) {
    out.push({
      kind: 'cessation_due',
      count: n,
      description: `${n} current member${n === 1 ? '' : 's'} of an employee class ${n === 1 ? 'has' : 'have'} an employment end date on or before ${formatLegalDate(rc.today)}, but ${n === 1 ? 'their cessation has' : 'their cessations have'} not been entered.`,
    });
  }
  return [...out, ...importPlanAlterations(rc, plans)];
}

/** What each HR import plan checked and not yet applied would alter (held in memory, not in the file). */
export function importPlanAlterations(rc: RegisterCtx, plans: readonly ImportPlanFull[]): RegisterFacts['pending'] {
  const out: RegisterFacts['pending'] = [];
  for (const p of plans) {
    if (p.organisationId !== rc.org.id) continue;
    const parts = [
      p.admits.length > 0 ? `admit ${p.admits.length}` : null,
      p.ceases.length > 0 ? `record ${p.ceases.length} cessation${p.ceases.length === 1 ? '' : 's'}` : null,
      p.updates.length > 0 ? `change the particulars of ${p.updates.length} entr${p.updates.length === 1 ? 'y' : 'ies'}` : null,
    ].filter((x): x is string => x !== null);
    if (parts.length === 0) continue;
    const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
    out.push({
      kind: 'import_plan',
      count: p.admits.length + p.ceases.length + p.updates.length,
      description: `An HR import of ${p.fileName}, checked and not yet applied, would ${list}.`,
    });
  }
  return out;
}

/** The statement every copy carries (CA 2006 s120 for companies; useful to societies too). */
export function registerStateStatement(lastAmended: string | null, pending: RegisterFacts['pending'], family: 'company' | 'society'): string {
  const cite = family === 'company' ? ' (CA 2006 s120)' : '';
  const amended = lastAmended === null ? `No alterations have been made to this register${cite}.` : `This register was last amended on ${formatLegalDate(lastAmended)}${cite}.`;
  if (pending.length === 0) return `${amended} No further alterations are to be made.`;
  return `${amended} Further alterations are to be made: ${pending.map((p) => p.description).join(' ')}`;
}
