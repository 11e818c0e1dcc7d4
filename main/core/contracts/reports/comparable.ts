import { addDays } from '../../../../shared/rules/legal-date';
import { s33PeriodStart, s33StopsCountingOn } from '../../../../shared/rules/procurement/s33';
import type { ReadDb } from '../../context';
import { compiledOnce } from '../../db/compiled';

/**
 * Comparable contracts (Procurement Act 2023 s33(5) and (7)): contracts the same contracting
 * authority awarded to the mutual in reliance on s33 (route 'pa23_reserved_mutual') in the three
 * years ending with the day this contract is awarded, for services of the same kind.
 *
 * "The same kind of services" is a judgement the Act leaves to the authority. The app compares
 * CPV codes: two contracts share a service category when a code of one is the same as, or sits
 * within, a code of the other in the CPV's own hierarchy (85311000 "Social work services with
 * accommodation" sits within 85310000 "Social work services": the digits before the trailing
 * zeros of the broader code begin the narrower one). It names what it found and says that the
 * secretary judges whether the services are of the same kind; a contract with no codes matches
 * nothing, and is said to.
 *
 * The period of three years ending with the award day, and the day an earlier contract stops
 * counting, are the law module's (shared/rules/procurement/s33.ts s33PeriodStart,
 * s33StopsCountingOn): a contract awarded on 2 June 2023 counts for an award on 1 June 2026 but
 * not for one on 2 June 2026. Only award dates are recorded, so the award date stands for the day
 * the mutual entered into the contract, and the evaluation says so.
 */

export interface Comparable {
  id: string;
  reference: string;
  title: string;
  awardOn: string;
  /** The last award day on which it still counts: the day before it stops counting. */
  countsUntil: string;
  /** The first award day for which it no longer counts. */
  stopsCountingOn: string;
  /** The codes the two contracts share: this contract's code and the other's, where they are the same or one sits within the other. */
  sharedCodes: { mine: string; theirs: string }[];
  terminatedOn: string | null;
}

/** The first day of the three years ending with `awardOn` (the law's reading: shared/rules/procurement/s33.ts). */
export const periodStart = s33PeriodStart;

/** "85311000-2" → "85311": the digits that place the code in the hierarchy (at least the division's two). */
function significant(code: string): string {
  const digits = code.slice(0, 8).replace(/0+$/, '');
  return digits.length >= 2 ? digits : code.slice(0, 2);
}

/** Whether two codes are the same category or one sits within the other. */
export function sameCategory(a: string, b: string): boolean {
  const sa = significant(a);
  const sb = significant(b);
  return sa.startsWith(sb) || sb.startsWith(sa);
}

const Q = {
  candidates: compiledOnce((db: ReadDb, organisationId: string, counterpartyId: string, contractId: string, from: string, to: string) =>
    db
      .selectFrom('contract as c')
      .leftJoin('contract_service as s', 's.contract_id', 'c.id')
      .select(['c.id', 'c.reference', 'c.title', 'c.award_on', 'c.terminated_on', 's.cpv_code'])
      .where('c.organisation_id', '=', organisationId)
      .where('c.counterparty_id', '=', counterpartyId)
      .where('c.route', '=', 'pa23_reserved_mutual')
      .where('c.id', '<>', contractId)
      .where('c.award_on', '>=', from)
      .where('c.award_on', '<=', to)
      .orderBy('c.award_on', 'desc')
      .orderBy('c.id'),
  ),
};

/**
 * The comparable contracts for a contract with these codes from this authority, awarded (or to
 * be awarded) on `awardOn`, latest award first.
 */
export async function comparableContracts(
  db: ReadDb,
  organisationId: string,
  contract: { id: string; counterpartyId: string; codes: readonly string[] },
  awardOn: string,
): Promise<Comparable[]> {
  const rows = await Q.candidates.all(db, organisationId, contract.counterpartyId, contract.id, periodStart(awardOn), awardOn);
  const byId = new Map<string, Comparable>();
  for (const r of rows) {
    if (r.cpv_code === null) continue;
    const shared = contract.codes.filter((c) => sameCategory(c, r.cpv_code!));
    if (shared.length === 0) continue;
    const theirs = r.cpv_code;
    const third = s33StopsCountingOn(r.award_on!);
    const entry = byId.get(r.id) ?? {
      id: r.id,
      reference: r.reference,
      title: r.title,
      awardOn: r.award_on!,
      countsUntil: addDays(third, -1),
      stopsCountingOn: third,
      sharedCodes: [],
      terminatedOn: r.terminated_on,
    };
    for (const mine of shared) entry.sharedCodes.push({ mine, theirs });
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}
