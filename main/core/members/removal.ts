import type { RemovableList } from '../../../shared/contract/members';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { REMOVAL_SOURCE, removableCeasedOnOrBefore, removableFrom } from '../../../shared/rules/retention';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { AppError } from '../errors';

/** Former members whose entries may now be removed (CA 2006 s121: 10 years after ceasing). */
export async function removableEntries(db: ReadDb, rc: RegisterCtx): Promise<RemovableList> {
  const cutoff = removableCeasedOnOrBefore(rc.today);
  const rows = await db
    .selectFrom('member')
    .select(['id', 'member_number', 'given_names', 'family_name', 'ceased_on'])
    .where('organisation_id', '=', rc.org.id)
    .where('ceased_on', 'is not', null)
    .where('ceased_on', '<=', cutoff)
    .orderBy('ceased_on')
    .limit(5000)
    .execute();
  return {
    today: rc.today,
    ceasedOnOrBefore: cutoff,
    source: REMOVAL_SOURCE,
    rows: rows.map((r) => ({
      id: r.id,
      memberNumber: r.member_number,
      givenNames: r.given_names,
      familyName: r.family_name,
      ceasedOn: r.ceased_on!,
      removableFrom: removableFrom(r.ceased_on!),
    })),
  };
}

/**
 * Removes long-former entries (CA 2006 s121). The entry, its share ledger and name tokens go;
 * the personal data in earlier audit payloads about it is erased, and the removal is recorded
 * by member number only. The chain still verifies: it hashes each payload's digest, not the
 * payload; and the removal event records each entry's state as absent.
 */
export async function removeEntries(tx: WriteContext, rc: RegisterCtx, ids: string[]): Promise<{ removed: number }> {
  const db = tx.db;
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('member').select(['id', 'member_number', 'ceased_on']).where('organisation_id', '=', rc.org.id).where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', 'Some of those entries no longer exist; reload the list.');
  const cutoff = removableCeasedOnOrBefore(rc.today);
  const early = rows.filter((r) => r.ceased_on === null || r.ceased_on > cutoff).sort((a, b) => a.member_number - b.member_number);
  if (early.length > 0) {
    const first = early[0]!;
    throw new AppError(
      'FORBIDDEN',
      first.ceased_on === null
        ? `Member ${first.member_number} is a current member; only former members' entries can be removed.`
        : `Member ${first.member_number} ceased on ${formatLegalDate(first.ceased_on)}; ${REMOVAL_SOURCE}, so not before ${formatLegalDate(removableFrom(first.ceased_on))}.`,
    );
  }
  const numbers = rows.map((r) => r.member_number).sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await db.deleteFrom('share_transaction').where('member_id', 'in', chunk).execute();
    await db.deleteFrom('member_name_token').where('member_id', 'in', chunk).execute();
    await db.deleteFrom('member').where('id', 'in', chunk).execute();
  }
  const [removalEventId] = tx.audit({
    action: 'register.entries_removed',
    entityType: 'register',
    entityId: null,
    summary: `${rows.length} former member entr${rows.length === 1 ? 'y' : 'ies'} removed under CA 2006 s121 (ceased on or before ${formatLegalDate(cutoff)})`,
    before: null,
    after: { memberNumbers: numbers },
    records: unique.map((id) => ({ type: 'member', id })),
  });
  // The erasure points at its event, which must exist first.
  await tx.flushAudit();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await db
      .updateTable('audit_payload')
      .set({ body: null, redacted_at: tx.who.at, redacted_by: removalEventId! })
      .where('body', 'is not', null)
      .where('event_id', 'in', (eb) => eb.selectFrom('audit_event').select('id').where('entity_type', '=', 'member').where('entity_id', 'in', chunk))
      .execute();
  }
  return { removed: rows.length };
}
