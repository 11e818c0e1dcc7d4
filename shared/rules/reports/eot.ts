import type { PscNature } from '../psc';
import { moreThanHalf, percentText } from './share-capital';

/**
 * Employee ownership trust requirements (TCGA 1992 ss236H-236U), as far as a company's own
 * registers can show them. Read on 1 December 2026 from:
 * - HMRC Capital Gains Manual CG67850 (gov.uk): s236M, the controlling interest requirement — the
 *   trustees hold more than 50% of the ordinary share capital and have voting powers yielding a
 *   majority of the votes on all questions affecting the company; are entitled to more than 50% of
 *   the profits available for distribution to equity holders; and to more than 50% of the assets
 *   available to equity holders on a winding up; and no provision of any agreement or instrument
 *   lets any of those cease without the trustees' consent.
 * - CG67835 / CG67837 / CG67838 / CG67840 / CG67841: s236J, the all-employee benefit requirement
 *   (the trusts must not permit the settled property to be applied otherwise than for the benefit
 *   of all eligible employees on the same terms — the equality requirement, s236J(1)(a) and (2) —
 *   nor by creating a trust, nor by loans to beneficiaries, nor amendments breaking these); an
 *   excluded participator (CG67839, s236J(5)-(7): a participator in the company, within IHTA 1984
 *   Part 4, or anyone connected with one) cannot be an eligible employee; s236K: the equality
 *   requirement is not infringed by trusts excluding those who have not been eligible employees for
 *   a continuous 12 months (s236K(1)(b)), or applying property by remuneration, length of service
 *   or hours worked where no eligible employee gets nothing (s236K(3)-(6)).
 * - CG67890 (glossary): "ordinary share capital" is CTA 2010 s1119's, all issued share capital other
 *   than capital carrying only a right to a dividend at a fixed rate; s236L is the cases in which the
 *   all-employee benefit requirement is treated as met (CG67846), not the equality requirement.
 * - legislation.gov.uk ukpga/1992/12/section/236N and CG67855/CG67856: s236N, the limited participation requirement (the participator fraction: participators
 *   who are employees or office-holders, and employees connected with them, over all employees;
 *   a participator with under 5% of the share capital and of the assets on a winding up is left out).
 * - Finance Act 2025 Sch 6 (legislation.gov.uk, ukpga/2025/8/schedule/6): para 2 inserts
 *   s236H(4)(za), the trustees must be UK resident at the disposal and for the rest of that tax year;
 *   para 3 inserts s236H(4)(ba) and s236LA, the trustee independence requirement (former owners and
 *   persons connected with them must not make up half or more of the trustees, nor control the
 *   trustees through the trust deed); both have effect for disposals on or after 30 October 2024.
 *   HMRC CG67826 (residence) agrees.
 * These are conditions of a capital gains relief judged on the trust deed and the company's
 * articles, which the app does not hold: what it can show is the share ledger, the votes, the PSC
 * record and the register's classes as they stood on the date.
 */
export const EOT_LAW = {
  controllingInterest: 'TCGA 1992 s236M',
  allEmployeeBenefit: 'TCGA 1992 s236J',
  equality: 'TCGA 1992 s236J(1)(a) and (2), s236K',
  limitedParticipation: 'TCGA 1992 s236N',
  trusteeIndependence: 'TCGA 1992 s236LA (inserted by Finance Act 2025 Sch 6 para 3; disposals on or after 30 October 2024)',
  trusteeResidence: 'TCGA 1992 s236H(4)(za) (inserted by Finance Act 2025 Sch 6 para 2; disposals on or after 30 October 2024)',
  psc: 'CA 2006 Part 21A and Sch 1A',
} as const;

export type Status = 'met' | 'notMet' | 'cannotJudge' | 'info';

/** The first limb of s236M: more than half of the ordinary shares, and a majority of the votes. */
export function sharesAndVotesStatus(x: { trustShares: number; allShares: number; trustVotes: number; allVotes: number }): { status: Status; shares: boolean; votes: boolean } {
  const shares = moreThanHalf(x.trustShares, x.allShares);
  const votes = moreThanHalf(x.trustVotes, x.allVotes);
  return { status: shares && votes ? 'met' : 'notMet', shares, votes };
}

/** The PSC bands of shares or votes a nature states (direct or through a trust or firm), as [low, high] percentages. */
export function pscBand(natures: readonly PscNature[], kind: 'shares' | 'votes'): [number, number] | null {
  for (const n of natures) {
    const m = new RegExp(`^${kind}_(\\d+)_to_(\\d+)`).exec(n);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return null;
}

/**
 * Whether a PSC band agrees with a holding: CA 2006 Sch 1A bands are "more than 25% but not more
 * than 50%", "more than 50% but less than 75%", "75% or more".
 */
export function bandAgrees(band: [number, number], part: number, whole: number): boolean {
  if (whole <= 0) return false;
  const [low, high] = band;
  // Integers only: part/whole > low% ⇔ part*100 > low*whole.
  if (low === 25) return part * 100 > 25 * whole && part * 100 <= 50 * whole;
  if (low === 50) return part * 100 > 50 * whole && part * 100 < 75 * whole;
  if (low === 75 && high === 100) return part * 100 >= 75 * whole;
  return false;
}

export function bandText(band: [number, number]): string {
  const [low] = band;
  return low === 25 ? 'more than 25% but not more than 50%' : low === 50 ? 'more than 50% but less than 75%' : '75% or more';
}

/**
 * A class whose service condition for employees is longer than 12 months. s236K(1)(b) lets the
 * trusts leave out only those who have not been eligible employees for a continuous 12 months (or
 * a shorter period the trusts set): a longer condition, if the trust deed used it to decide who
 * benefits, would infringe the equality requirement. The class is the company's register, not the
 * trust deed, so this is a question to check, never a finding.
 */
export function serviceConditionBeyondAllowed(minServiceMonths: number | null): boolean {
  return minServiceMonths !== null && minServiceMonths > 12;
}

/**
 * 5% or more of the shares: the line below which s236N(6) leaves a participator out of the
 * participator fraction (with 5% of the assets on a winding up, which the app cannot know).
 */
export function atLeastFivePercent(part: number, whole: number): boolean {
  return whole > 0 && part * 20 >= whole;
}

export { percentText };
