import type { MemberIndexPage } from '../../../shared/contract/exports';
import { memberName } from '../../../shared/contract/members';
import { memberIndexRule } from '../../../shared/rules/member-index';
import { recordHead } from '../audit/anchors';
import type { WriteContext } from '../context';
import { currentMemberCount } from '../members/register-facts';
import { readRegisterSettings } from '../members/settings';
import { headOf } from './register-export';

/**
 * The index of members' names (CA 2006 s115): current members in alphabetical order of name
 * (family name or organisation's name, then given names), each with the member number that finds
 * their entry in the register. It is produced from the register itself each time, so no
 * alteration to the register is ever missing from it, which is what a person inspecting the
 * index must be told (s120(2)). Keyset pages by (name key, member number); the first page is
 * recorded in the audit log as a copy prepared, like the register's.
 */
export async function memberIndexPage(tx: WriteContext, input: { after?: { sortKey: string; memberNumber: number } | undefined; limit?: number | undefined }): Promise<MemberIndexPage> {
  const rc = await tx.register();
  const limit = input.limit ?? 500;
  let q = tx.db
    .selectFrom('member')
    .select(['id', 'member_number', 'given_names', 'family_name', 'holder_kind', 'sort_key'])
    .where('organisation_id', '=', rc.org.id)
    .where('ceased_on', 'is', null);
  if (input.after) {
    const after = input.after;
    q = q.where((eb) => eb(eb.refTuple('sort_key', 'member_number'), '>', eb.tuple(after.sortKey, after.memberNumber)));
  }
  const rows = await q.orderBy('sort_key').orderBy('member_number').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const joint = new Map<string, { givenNames: string; familyName: string }[]>();
  if (ids.length > 0) {
    for (const j of await tx.db.selectFrom('member_joint_holder').select(['member_id', 'given_names', 'family_name']).where('member_id', 'in', ids).orderBy('member_id').orderBy('position').execute()) {
      joint.set(j.member_id, [...(joint.get(j.member_id) ?? []), { givenNames: j.given_names, familyName: j.family_name }]);
    }
  }
  const total = await currentMemberCount(tx.db, rc.org.id);
  const settings = await readRegisterSettings(tx.db, rc.org.id);
  const rule = memberIndexRule(rc.form.family, total, settings.registerIsIndex);
  const head = await headOf(tx.db);
  if (!input.after) {
    tx.audit({
      action: 'register.exported',
      entityType: 'register',
      entityId: null,
      summary: `Index of members’ names prepared for printing, ${total} ${total === 1 ? 'entry' : 'entries'}`,
      before: null,
      after: { view: 'index', format: 'print', status: 'current', rows: total, fingerprint: head.fingerprint },
    });
    recordHead(tx.files.dbPath, { seq: head.seq, hash: head.hash, at: tx.who.at, what: 'print' });
  }
  const last = page[page.length - 1];
  return {
    organisationName: rc.org.name,
    title: 'Index of members’ names',
    description:
      rc.form.family === 'company'
        ? 'Every current member by name, with the member number under which their entry is found in the register (CA 2006 s115).'
        : 'Every current member by name, with their member number. The CCBS Act 2014 does not require a society to keep an index; this one is for finding entries.',
    rule: rule.statement,
    stateStatement:
      rc.form.family === 'company'
        ? 'This index is produced from the register of members itself, so every alteration to the register is reflected in it (CA 2006 s120(2)).'
        : 'This index is produced from the register of members itself, so every alteration to the register is reflected in it.',
    fingerprint: head.fingerprint,
    generatedAt: tx.now().toISOString(),
    rows: page.map((r) => ({
      name: memberName({ kind: r.holder_kind === 'organisation' ? 'organisation' : 'individual', givenNames: r.given_names, familyName: r.family_name }, joint.get(r.id) ?? []),
      indexName: r.holder_kind === 'organisation' || r.given_names === '' ? r.family_name : `${r.family_name}, ${r.given_names}`,
      memberNumber: r.member_number,
    })),
    next: rows.length > limit && last ? { sortKey: last.sort_key, memberNumber: last.member_number } : null,
    total,
  };
}
