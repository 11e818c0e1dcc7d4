import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOCIETY_WITHDRAWABLE_LIMIT_PENCE, checkHoldingLimits, formatPence } from './shareholding';

const society = { family: 'society' as const, className: 'Employee', withdrawable: true, nominalPence: 100, maxHolding: null };

describe('checkHoldingLimits', () => {
  it('allows a society member exactly £100,000 of withdrawable shares and refuses a penny more (CCBS Act 2014 s24)', () => {
    expect(checkHoldingLimits({ ...society, sharesAfter: 100_000 })).toEqual({ ok: true });
    expect(checkHoldingLimits({ ...society, nominalPence: 1, sharesAfter: 100_000_01 })).toEqual({
      ok: false,
      message: "CCBS Act 2014 s24(1) limits a member's withdrawable shares to £100,000; this would make £100,000.01.",
    });
  });

  it('does not limit a member that is itself a registered society (s24(2))', () => {
    expect(checkHoldingLimits({ ...society, sharesAfter: 500_000, memberIsRegisteredSociety: true })).toEqual({ ok: true });
    expect(checkHoldingLimits({ ...society, sharesAfter: 500_000, memberIsRegisteredSociety: false }).ok).toBe(false);
  });

  it('does not limit transferable (non-withdrawable) shares, or shares in a company', () => {
    expect(checkHoldingLimits({ ...society, withdrawable: false, sharesAfter: 500_000 }).ok).toBe(true);
    expect(checkHoldingLimits({ ...society, family: 'company', sharesAfter: 500_000 }).ok).toBe(true);
  });

  it('applies the class maximum first, even for a registered society member', () => {
    const capped = { ...society, maxHolding: 10, memberIsRegisteredSociety: true };
    expect(checkHoldingLimits({ ...capped, sharesAfter: 10 }).ok).toBe(true);
    expect(checkHoldingLimits({ ...capped, sharesAfter: 11 })).toEqual({ ok: false, message: 'The Employee class allows at most 10 shares per member; this would make 11.' });
  });

  it('refuses exactly the holdings worth more than the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (nominalPence, sharesAfter) => {
        expect(checkHoldingLimits({ ...society, nominalPence, sharesAfter }).ok).toBe(nominalPence * sharesAfter <= SOCIETY_WITHDRAWABLE_LIMIT_PENCE);
      }),
    );
  });
});

describe('formatPence', () => {
  it('shows pence as pounds with two decimals and thousands separators', () => {
    expect(formatPence(12345)).toBe('£123.45');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(100_000_00)).toBe('£100,000.00');
    expect(formatPence(-250)).toBe('-£2.50');
  });
});
