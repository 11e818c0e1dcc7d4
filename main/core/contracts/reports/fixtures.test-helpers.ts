import type { ProcurementRoute } from '../../../../shared/contract/contracts';
import type { Core } from '../../core';
import { uuidv7 } from '../../db/ids';
import { generateDuties } from '../../../../shared/rules/procurement/contract-terms';
import { expectOk } from '../../testing';

/**
 * Commissioners and contracts for the reports' tests.
 *
 * Commissioners go through counterparties.create. PROVISIONAL: contracts are inserted directly
 * (with the duties the contracts core builds from the same dates with the law's generateDuties)
 * until contracts.create lands; then this helper calls it, so the tests go through the real rules.
 */

const AT = '2026-11-30T12:00:00.000Z';

/** A commissioner added through counterparties.create (the real rules: a name once on the list). */
export async function commissioner(core: Core, name: string, kind: 'council' | 'nhs_trust' | 'icb' | 'supplier' = 'council'): Promise<string> {
  return (expectOk(await core.dispatch('counterparties.create', { name, kind })) as { id: string }).id;
}

export interface ContractFixture {
  counterpartyId: string;
  reference: string;
  title?: string;
  route?: ProcurementRoute;
  services: string[];
  awardOn?: string | null;
  startOn?: string | null;
  endOn?: string | null;
  annualValuePence?: number | null;
  extensions?: { lengthMonths: number; exercisedOn?: string | null; declinedOn?: string | null }[];
  terminatedOn?: string | null;
}

export async function contract(core: Core, f: ContractFixture): Promise<string> {
  const org = await core.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
  const id = uuidv7();
  const awardOn = f.awardOn === undefined ? '2025-04-01' : f.awardOn;
  const startOn = f.startOn === undefined ? awardOn : f.startOn;
  const endOn = f.endOn === undefined ? '2028-03-31' : f.endOn;
  await core.db
    .insertInto('contract')
    .values({
      id,
      organisation_id: org.id,
      counterparty_id: f.counterpartyId,
      reference: f.reference,
      reference_key: f.reference.toLowerCase(),
      title: f.title ?? `Contract ${f.reference}`,
      description: null,
      route: f.route ?? 'pa23_reserved_mutual',
      bid_due_on: null,
      award_on: awardOn,
      start_on: startOn,
      end_on: endOn,
      terminated_on: f.terminatedOn ?? null,
      termination_reason: f.terminatedOn ? 'Ended by agreement' : null,
      annual_value_pence: f.annualValuePence === undefined ? 100_000_00 : f.annualValuePence,
      whole_life_value_pence: null,
      manager_officer_id: null,
      manager_name: null,
      notes: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  for (const code of f.services) await core.db.insertInto('contract_service').values({ contract_id: id, cpv_code: code }).execute();
  const extensions = (f.extensions ?? []).map((e, i) => ({ id: uuidv7(), position: i + 1, lengthMonths: e.lengthMonths, decisionBy: null, noticeBy: null, exercisedOn: e.exercisedOn ?? null, declinedOn: e.declinedOn ?? null }));
  for (const e of extensions) {
    await core.db
      .insertInto('contract_extension')
      .values({ id: e.id, contract_id: id, position: e.position, length_months: e.lengthMonths, decision_by: null, notice_by: null, exercised_on: e.exercisedOn, declined_on: e.declinedOn, created_at: AT, updated_at: AT })
      .execute();
  }
  const duties = generateDuties({
    route: f.route ?? 'pa23_reserved_mutual',
    awardedOn: awardOn,
    startOn,
    endOn,
    terminatedOn: f.terminatedOn ?? null,
    extensions,
    breaks: [],
    priceReviews: [],
    kpis: [],
    variations: [],
  });
  for (const d of duties) {
    await core.db.insertInto('contract_duty').values({ contract_id: id, key: d.key, organisation_id: org.id, kind: d.kind, due_on: d.dueOn, title: d.title }).execute();
  }
  return id;
}

/** A director appointed through officers.add, optionally linked to their entry in the register of members. */
export async function appointDirector(core: Core, givenNames: string, familyName: string, directorKind: 'employee' | 'independent' | 'nominee' | 'member', appointedOn: string, memberId?: string) {
  return expectOk(
    await core.dispatch('officers.add', {
      particulars: {
        givenNames,
        familyName,
        serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' },
        dateOfBirth: '1980-01-01',
        nationality: 'British',
        occupation: 'Nurse',
        countryOfResidence: 'England',
        ...(memberId ? { memberId } : {}),
      },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind, appointedOn },
    }),
  );
}
