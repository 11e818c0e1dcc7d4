import type { ReadDb } from '../context';
import type { MemberRowDb } from '../db/schema';
import { AppError } from '../errors';

export async function requireMember(db: ReadDb, organisationId: string, id: string): Promise<MemberRowDb> {
  const row = await db.selectFrom('member').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That register entry does not exist (it may have been removed).');
  return row;
}
