import { rowStateReader, type StateReader } from '../audit/state';
import type { ReadDb } from '../context';

/**
 * What the audit log vouches for in written resolutions: each resolution's own columns (its
 * stored status; a lapse computed on read is not a stored state) and each eligible director's or
 * member's entry with the date their agreement was received.
 */
const reader = rowStateReader;

async function words(db: ReadDb, id: string): Promise<string> {
  const r = await db.selectFrom('written_resolution').select(['body', 'circulated_on']).where('id', '=', id).executeTakeFirst();
  return r ? `the written resolution of the ${r.body} circulated on ${r.circulated_on}` : `a written resolution (${id})`;
}

export const writtenResolutionState = reader('written_resolution', words);

export const writtenResolutionSignatoryState = reader('written_resolution_signatory', async (db, id) => {
  const s = await db.selectFrom('written_resolution_signatory').select(['name', 'written_resolution_id']).where('id', '=', id).executeTakeFirst();
  return s ? `${s.name} on ${await words(db, s.written_resolution_id)}` : `an entry on a written resolution (${id})`;
});

export const writtenResolutionStateReaders: StateReader[] = [writtenResolutionState, writtenResolutionSignatoryState];
