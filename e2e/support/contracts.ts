/**
 * A council's community adult social care contract reserved to public service mutuals (Procurement
 * Act 2023 s33), live from July 2025 to June 2030 at £412,500 a year, with no clauses: the input to
 * `contracts.create` for journeys that need a contract on screen. `over` changes any part.
 */
export function reservedContract(counterpartyId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    counterpartyId,
    reference: 'NCC/ASC/017',
    title: 'Community adult social care',
    services: ['85312000-9'],
    route: 'pa23_reserved_mutual',
    awardOn: '2025-06-02',
    startOn: '2025-07-01',
    endOn: '2030-06-30',
    annualValuePence: 41_250_000,
    extensions: [],
    breaks: [],
    priceReviews: [],
    kpis: [],
    ...over,
  };
}
