import type { Portfolio } from '../../../../shared/contract/contract-reports';
import { lookupCpv } from '../../../../shared/rules/procurement/cpv';
import type { ReadDb } from '../../context';
import { addDays } from '../../../../shared/rules/legal-date';
import { termEnd } from '../../../../shared/rules/procurement/contract-terms';
import { contractsEndingBy, endingTotalsOn, incomeByCommissionerOn, incomeByServiceOn } from './live-income';

/**
 * The portfolio as at a day, for the board: the annual income of the contracts live on the day
 * (or in an extension) by commissioner and by service, the contracts ending within 6, 12 and 18
 * months, and the largest commissioner's share of the income (concentration risk). Four
 * queries, whatever the number of contracts, two of them reading the monthly checkpoints and a
 * month's changes rather than every live contract (live-income.ts says what counts as live and how
 * a contract with several service categories is split between them).
 */

/** The ending contracts listed one by one; the counts and values above them are exact whatever the number. */
export const ENDING_LIST_LIMIT = 500;

export const NO_SERVICE_CODE = '';

export async function portfolioOn(db: ReadDb, organisationId: string, asAt: string): Promise<Portfolio> {
  // "Within 6 months": ending on or before the last day of the 6 months that follow the date.
  const after = addDays(asAt, 1);
  const by = { by6: termEnd(after, 6), by12: termEnd(after, 12), by18: termEnd(after, 18) };
  // In turn: the reads are synchronous underneath, and issued together they queue on the connection's lock.
  const commissioners = await incomeByCommissionerOn(db, organisationId, asAt);
  const endingTotals = await endingTotalsOn(db, organisationId, asAt, by);
  const services = await incomeByServiceOn(db, organisationId, asAt);
  const ending = await contractsEndingBy(db, organisationId, asAt, by.by18, ENDING_LIST_LIMIT);
  const total = commissioners.reduce((n, c) => n + c.pence, 0);
  const byCommissioner = commissioners
    .map((c) => ({ counterpartyId: c.counterpartyId, name: c.name, annualPence: c.pence, contracts: c.contracts, share: total > 0 ? c.pence / total : 0 }))
    .sort((a, b) => b.annualPence - a.annualPence || a.name.localeCompare(b.name, 'en-GB'));
  const byService = services
    .map((s) => ({
      code: s.code ?? NO_SERVICE_CODE,
      description: s.code === null ? 'No service category recorded' : (lookupCpv(s.code)?.description ?? 'Not in the CPV list shipped with the app'),
      annualPence: s.pence,
      contracts: s.contracts,
    }))
    .sort((a, b) => b.annualPence - a.annualPence || a.code.localeCompare(b.code));
  const largest = byCommissioner[0];
  return {
    asAt,
    annualIncomePence: total,
    byCommissioner,
    byService,
    ending: endingTotals,
    endingContracts: ending,
    largestShare: largest && total > 0 ? largest.share : 0,
    largestCommissioner: largest && total > 0 ? largest.name : null,
  };
}
