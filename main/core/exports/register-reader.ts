import type { ReadDb } from '../context';
import { REGISTER_SOURCE_COLUMNS, type RegisterRowSource } from './columns';

/**
 * Reads the register by member number in keyset pages ("after number N"), never by OFFSET, so
 * each page costs the same at the millionth entry as at the first.
 */
export interface RegisterReader {
  page(afterNumber: number | undefined, limit: number): Promise<RegisterRowSource[]>;
  count(): Promise<number>;
}

export function registerReader(db: ReadDb, organisationId: string, status: 'current' | 'all'): RegisterReader {
  let classNames: Map<string, string> | null = null;
  const names = async () => {
    classNames ??= new Map(
      (await db.selectFrom('membership_class').select(['id', 'name']).where('organisation_id', '=', organisationId).execute()).map((c) => [c.id, c.name]),
    );
    return classNames;
  };
  return {
    async page(afterNumber, limit) {
      let q = db.selectFrom('member').select(REGISTER_SOURCE_COLUMNS).where('organisation_id', '=', organisationId);
      if (status === 'current') q = q.where('ceased_on', 'is', null);
      if (afterNumber !== undefined) q = q.where('member_number', '>', afterNumber);
      const rows = await q.orderBy('member_number').limit(limit).execute();
      const classes = await names();
      return rows.map((r) => ({ ...r, className: classes.get(r.class_id) ?? '' }));
    },
    async count() {
      let q = db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId);
      if (status === 'current') q = q.where('ceased_on', 'is', null);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
  };
}
