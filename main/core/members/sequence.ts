import type { WriteDb } from '../context';

/**
 * Allocates `count` consecutive numbers from a named sequence and returns the first. Numbers
 * only ever go up, so a member number is never reused, even after an entry is removed.
 */
export async function allocate(trx: WriteDb, organisationId: string, name: string, count: number): Promise<number> {
  const row = await trx
    .insertInto('sequence')
    .values({ organisation_id: organisationId, name, next_value: 1 + count })
    .onConflict((oc) => oc.columns(['organisation_id', 'name']).doUpdateSet((eb) => ({ next_value: eb('sequence.next_value', '+', count) })))
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return row.next_value - count;
}
