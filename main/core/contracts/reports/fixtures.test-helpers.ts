import type { ProcurementRoute } from '../../../../shared/contract/contracts';
import type { Core } from '../../core';
import { expectOk } from '../../testing';

/**
 * Commissioners, contracts and directors for the reports' tests, each through the contract's
 * own methods (counterparties.create, contracts.create, officers.add), so the records the
 * reports read are the ones the real rules let in.
 */

/** A commissioner added through counterparties.create (the real rules: a name once on the list). */
export async function commissioner(core: Core, name: string, kind: 'council' | 'nhs_trust' | 'icb' | 'supplier' = 'council'): Promise<string> {
  return (expectOk(await core.dispatch('counterparties.create', { name, kind })) as { id: string }).id;
}

export interface ContractFixture {
  counterpartyId: string;
  reference: string;
  title?: string;
  /** Default 'pcr15_light_touch' (any light touch services, no term limit). */
  route?: ProcurementRoute;
  services: string[];
  /** Default: the start date, or 1 April 2025; null: a bid in preparation. */
  awardOn?: string | null;
  startOn?: string | null;
  endOn?: string | null;
  annualValuePence?: number | null;
  extensions?: { lengthMonths: number; exercisedOn?: string | null; declinedOn?: string | null }[];
  terminatedOn?: string | null;
}

/** A contract recorded through contracts.create (and its extension decisions and termination through their own methods), so the records pass the real rules. */
export async function contract(core: Core, f: ContractFixture): Promise<string> {
  const awardOn = f.awardOn === undefined ? (f.startOn ?? '2025-04-01') : f.awardOn;
  const startOn = f.startOn === undefined ? awardOn : f.startOn;
  const endOn = f.endOn === undefined ? '2028-03-31' : f.endOn;
  const value = f.annualValuePence === undefined ? 100_000_00 : f.annualValuePence;
  const created = expectOk(
    await core.dispatch('contracts.create', {
      counterpartyId: f.counterpartyId,
      reference: f.reference,
      title: f.title ?? `Contract ${f.reference}`,
      services: f.services,
      route: f.route ?? 'pcr15_light_touch',
      ...(awardOn ? { awardOn } : {}),
      ...(startOn ? { startOn } : {}),
      ...(endOn ? { endOn } : {}),
      ...(value !== null ? { annualValuePence: value } : {}),
      extensions: (f.extensions ?? []).map((e) => ({ lengthMonths: e.lengthMonths })),
      breaks: [],
      priceReviews: [],
      kpis: [],
    }),
  ) as { id: string; extensions: { id: string; position: number }[] };
  for (const [i, e] of (f.extensions ?? []).entries()) {
    const on = e.exercisedOn ?? e.declinedOn;
    if (!on) continue;
    const x = created.extensions.find((x) => x.position === i + 1)!;
    expectOk(await core.dispatch('contracts.decideExtension', { contractId: created.id, extensionId: x.id, decision: e.exercisedOn ? 'exercised' : 'declined', on }));
  }
  if (f.terminatedOn) expectOk(await core.dispatch('contracts.terminate', { id: created.id, terminatedOn: f.terminatedOn, reason: 'Ended by agreement' }));
  return created.id;
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
