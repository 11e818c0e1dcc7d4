import type { RemovableList } from '../../../shared/contract/members';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { removableCeasedOnOrBefore, removableFrom, retentionRule, type RetentionRule } from '../../../shared/rules/retention';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { AppError } from '../errors';
import { readRegisterSettings } from './settings';

/**
 * The removal rule for this organisation: CA 2006 s121's 10 years for a company; for a society,
 * the period its rules set (Settings), since the CCBS Act 2014 sets none.
 */
export async function removalRule(db: ReadDb, rc: RegisterCtx): Promise<RetentionRule> {
  return retentionRule(rc.form.family, (await readRegisterSettings(db, rc.org.id)).retentionYears);
}

/** A society's removal rule in a sentence's middle: whose period it is. */
function societyRuleWords(rule: RetentionRule, rulesSetOne: boolean): string {
  const years = `${rule.years} year${rule.years === 1 ? '' : 's'}`;
  return rulesSetOne
    ? `the society’s rules allow removal ${years} after a member ceases (the CCBS Act 2014 sets no period)`
    : `the CCBS Act 2014 sets no period and the society’s rules set none, so the app waits ${years}, as CA 2006 s121 does for companies`;
}

/** Former members whose entries may now be removed, under the organisation's removal rule. */
export async function removableEntries(db: ReadDb, rc: RegisterCtx): Promise<RemovableList> {
  const rule = await removalRule(db, rc);
  const cutoff = removableCeasedOnOrBefore(rc.today, rule);
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
    source: rule.source,
    years: rule.years,
    statutory: rule.statutory,
    rows: rows.map((r) => ({
      id: r.id,
      memberNumber: r.member_number,
      givenNames: r.given_names,
      familyName: r.family_name,
      ceasedOn: r.ceased_on!,
      removableFrom: removableFrom(r.ceased_on!, rule),
    })),
  };
}

/**
 * Removes long-former entries (companies: CA 2006 s121; societies: as their rules allow). The entry, its share ledger and name tokens go;
 * the personal data in earlier audit payloads about it is erased, and the removal is recorded
 * by member number only. The chain still verifies: it hashes each payload's digest, not the
 * payload; and the removal event records each entry's state as absent.
 */
export async function removeEntries(tx: WriteContext, rc: RegisterCtx, ids: string[]): Promise<{ removed: number }> {
  const db = tx.db;
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('member').select(['id', 'member_number', 'ceased_on']).where('organisation_id', '=', rc.org.id).where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', 'Some of those entries no longer exist; reload the list.');
  const rule = await removalRule(db, rc);
  const cutoff = removableCeasedOnOrBefore(rc.today, rule);
  const early = rows.filter((r) => r.ceased_on === null || r.ceased_on > cutoff).sort((a, b) => a.member_number - b.member_number);
  if (early.length > 0) {
    const first = early[0]!;
    throw new AppError(
      'FORBIDDEN',
      first.ceased_on === null
        ? `Member ${first.member_number} is a current member; only former members' entries can be removed.`
        : `Member ${first.member_number} ceased on ${formatLegalDate(first.ceased_on)}; ${
            rule.statutory ? rule.source : societyRuleWords(rule, (await readRegisterSettings(db, rc.org.id)).retentionYears !== null)
          }, so not before ${formatLegalDate(removableFrom(first.ceased_on, rule))}.`,
    );
  }
  const numbers = rows.map((r) => r.member_number).sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await db.deleteFrom('share_transaction').where('member_id', 'in', chunk).execute();
    await db.deleteFrom('member_name_token').where('member_id', 'in', chunk).execute();
    await db.deleteFrom('member_joint_holder').where('member_id', 'in', chunk).execute();
    await db.deleteFrom('member').where('id', 'in', chunk).execute();
  }
  const [removalEventId] = tx.audit({
    action: 'register.entries_removed',
    entityType: 'register',
    entityId: null,
    summary: `${rows.length} former member entr${rows.length === 1 ? 'y' : 'ies'} removed ${rule.statutory ? 'under CA 2006 s121' : 'as the society’s rules allow'} (ceased on or before ${formatLegalDate(cutoff)})`,
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
