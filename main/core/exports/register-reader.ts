import { formatShareNumbers, parseShareNumbers, subtractRanges, unionRanges, type NumberRange } from '../../../shared/rules/share-numbers';
import type { ReadDb } from '../context';
import { REGISTER_SOURCE_COLUMNS, type RegisterRowSource } from './columns';

/**
 * Reads the register by member number in keyset pages ("after number N"), never by OFFSET, so
 * each page costs the same at the millionth entry as at the first. Each page brings its entries'
 * joint holders and, for numbered classes, the numbers of the shares held, in one query each.
 */
export interface RegisterReader {
  page(afterNumber: number | undefined, limit: number): Promise<RegisterRowSource[]>;
  count(): Promise<number>;
}

/** Whether any class's shares are numbered, so a copy needs the share numbers column. */
export async function anyNumberedClass(db: ReadDb, organisationId: string): Promise<boolean> {
  return (await db.selectFrom('membership_class').select('id').where('organisation_id', '=', organisationId).where('share_numbered', '=', 1).limit(1).executeTakeFirst()) !== undefined;
}

export function registerReader(db: ReadDb, organisationId: string, status: 'current' | 'all'): RegisterReader {
  let classes: Map<string, { name: string; numbered: boolean }> | null = null;
  const classInfo = async () => {
    classes ??= new Map(
      (await db.selectFrom('membership_class').select(['id', 'name', 'share_numbered']).where('organisation_id', '=', organisationId).execute()).map((c) => [
        c.id,
        { name: c.name, numbered: c.share_numbered === 1 },
      ]),
    );
    return classes;
  };
  return {
    async page(afterNumber, limit) {
      let q = db.selectFrom('member').select(REGISTER_SOURCE_COLUMNS).select('id').where('organisation_id', '=', organisationId);
      if (status === 'current') q = q.where('ceased_on', 'is', null);
      if (afterNumber !== undefined) q = q.where('member_number', '>', afterNumber);
      const rows = await q.orderBy('member_number').limit(limit).execute();
      const info = await classInfo();
      const ids = rows.map((r) => r.id);
      const joint = new Map<string, string[]>();
      const numbers = new Map<string, NumberRange[]>();
      if (ids.length > 0) {
        for (const j of await db.selectFrom('member_joint_holder').select(['member_id', 'given_names', 'family_name']).where('member_id', 'in', ids).orderBy('member_id').orderBy('position').execute()) {
          joint.set(j.member_id, [...(joint.get(j.member_id) ?? []), `${j.given_names} ${j.family_name}`]);
        }
        const numberedIds = rows.filter((r) => info.get(r.class_id)?.numbered && r.shares_held > 0).map((r) => r.id);
        if (numberedIds.length > 0) {
          const entries = await db
            .selectFrom('share_transaction')
            .select(['member_id', 'shares', 'share_numbers'])
            .where('member_id', 'in', numberedIds)
            .where('share_numbers', 'is not', null)
            .orderBy('member_id')
            .orderBy('date')
            .orderBy('created_at')
            .execute();
          for (const e of entries) {
            const ranges = parseShareNumbers(e.share_numbers!);
            const held = numbers.get(e.member_id) ?? [];
            numbers.set(e.member_id, e.shares > 0 ? unionRanges(held, ranges) : subtractRanges(held, ranges));
          }
        }
      }
      return rows.map(({ id, ...r }) => ({
        ...r,
        className: info.get(r.class_id)?.name ?? '',
        jointHolders: (joint.get(id) ?? []).join('; '),
        shareNumbers: numbers.has(id) ? formatShareNumbers(numbers.get(id)!) : '',
      }));
    },
    async count() {
      let q = db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId);
      if (status === 'current') q = q.where('ceased_on', 'is', null);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
}
