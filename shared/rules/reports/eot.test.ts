import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastFivePercent, bandAgrees, bandText, pscBand, serviceConditionBeyondAllowed, sharesAndVotesStatus } from './eot';

describe('the controlling interest requirement’s first limb (TCGA 1992 s236M(1)(a))', () => {
  it('needs more than half the shares and more than half the votes', () => {
    expect(sharesAndVotesStatus({ trustShares: 51, allShares: 100, trustVotes: 51, allVotes: 100 })).toEqual({ status: 'met', shares: true, votes: true });
    expect(sharesAndVotesStatus({ trustShares: 50, allShares: 100, trustVotes: 90, allVotes: 100 })).toEqual({ status: 'notMet', shares: false, votes: true });
    expect(sharesAndVotesStatus({ trustShares: 90, allShares: 100, trustVotes: 1, allVotes: 3 })).toEqual({ status: 'notMet', shares: true, votes: false });
  });
});

describe('PSC bands (CA 2006 Sch 1A)', () => {
  it('reads the band of shares or votes from the natures, direct or through a trust', () => {
    expect(pscBand(['shares_50_to_75', 'votes_75_to_100'], 'shares')).toEqual([50, 75]);
    expect(pscBand(['shares_50_to_75', 'votes_75_to_100'], 'votes')).toEqual([75, 100]);
    expect(pscBand(['votes_25_to_50_as_trust'], 'votes')).toEqual([25, 50]);
    expect(pscBand(['appoint_remove_directors'], 'shares')).toBeNull();
  });

  it('places a holding in exactly one band: over 25 to 50 inclusive, over 50 under 75, 75 or more', () => {
    expect(bandAgrees([25, 50], 50, 100)).toBe(true);
    expect(bandAgrees([50, 75], 50, 100)).toBe(false);
    expect(bandAgrees([50, 75], 60, 100)).toBe(true);
    expect(bandAgrees([50, 75], 75, 100)).toBe(false);
    expect(bandAgrees([75, 100], 75, 100)).toBe(true);
    expect(bandText([50, 75])).toBe('more than 50% but less than 75%');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (whole, p) => {
        const part = Math.min(p, whole);
        const bands: [number, number][] = [
          [25, 50],
          [50, 75],
          [75, 100],
        ];
        const n = bands.filter((b) => bandAgrees(b, part, whole)).length;
        expect(n).toBe(part * 4 > whole ? 1 : 0);
      }),
    );
  });
});

describe('what bears on the equality and limited participation requirements', () => {
  it('flags a service condition longer than the 12 months s236K(1)(b) allows the trusts to ask', () => {
    expect(serviceConditionBeyondAllowed(12)).toBe(false);
    expect(serviceConditionBeyondAllowed(13)).toBe(true);
    expect(serviceConditionBeyondAllowed(null)).toBe(false);
  });

  it('counts 5% or more of the shares as s236N(6) does', () => {
    expect(atLeastFivePercent(5, 100)).toBe(true);
    expect(atLeastFivePercent(4, 100)).toBe(false);
    expect(atLeastFivePercent(1, 20)).toBe(true);
    expect(atLeastFivePercent(1, 0)).toBe(false);
  });
});
