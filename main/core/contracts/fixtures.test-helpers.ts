import type { ContractInput } from '../../../shared/contract/contracts';
import type { Counterparty } from '../../../shared/contract/counterparties';
import { ok } from '../decisions/fixtures.test-helpers';
import type { TestCore } from '../testing';

/** A commissioner, through the core. */
export const commissioner = (t: TestCore, name = 'Leeds City Council', kind: Counterparty['kind'] = 'council') => ok<Counterparty>(t, 'counterparties.create', { name, kind });

/**
 * A council's community health contract, live on the fixed clock's today (30 November 2026): a
 * break clause, a price review and an annual KPI report, so it has duties before and after today.
 */
export function communityHealth(counterpartyId: string, over: Partial<ContractInput> = {}): ContractInput {
  return {
    counterpartyId,
    reference: 'LCC/2025/014',
    title: 'Community health services',
    services: ['85300000-2'],
    route: 'pa23_open',
    awardOn: '2025-03-01',
    startOn: '2025-04-01',
    endOn: '2027-03-31',
    extensions: [],
    breaks: [{ earliestOn: '2026-04-01', noticeDays: 90, description: 'Either party' }],
    priceReviews: [{ reviewOn: '2026-04-01' }],
    kpis: [{ name: 'Visits within 48 hours', target: '95%', frequency: 'annual', firstDueOn: '2025-10-15' }],
    ...over,
  };
}
