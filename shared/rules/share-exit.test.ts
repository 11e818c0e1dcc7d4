import { describe, expect, it } from 'vitest';
import { shareExitRefusal, shareExitRoutes } from './share-exit';

const kinds = (...a: Parameters<typeof shareExitRoutes>) => shareExitRoutes(...a).map((r) => r.kind);

describe('how shares leave a holding', () => {
  it('offers a society withdrawal, transfer or cancellation as its rules provide', () => {
    expect(kinds('society', { withdrawable: true, transferable: false, redeemable: false })).toEqual(['withdrawal']);
    expect(kinds('society', { withdrawable: false, transferable: true, redeemable: false })).toEqual(['transfer', 'cancellation']);
    expect(kinds('society', { withdrawable: false, transferable: false, redeemable: false })).toEqual(['cancellation']);
  });

  it('never offers a company a withdrawal: only transfer, redemption of redeemable shares, or purchase (CA 2006 Part 18)', () => {
    expect(kinds('company', { withdrawable: true, transferable: false, redeemable: false })).toEqual(['purchase']);
    expect(kinds('company', { withdrawable: false, transferable: true, redeemable: true })).toEqual(['transfer', 'redemption', 'purchase']);
    expect(shareExitRoutes('company', { withdrawable: false, transferable: false, redeemable: true }).every((r) => r.kind === 'transfer' || r.needsResolution)).toBe(true);
  });

  it('says why a route is closed, citing the law', () => {
    const plain = { withdrawable: false, transferable: false, redeemable: false };
    expect(shareExitRefusal('company', 'Ordinary', plain, 'withdrawal')).toContain('s684-s689');
    expect(shareExitRefusal('company', 'Ordinary', plain, 'redemption')).toContain('s684(1)');
    expect(shareExitRefusal('society', 'Member', plain, 'purchase')).toContain('CA 2006 s690');
    expect(shareExitRefusal('company', 'Ordinary', plain, 'purchase')).toBeNull();
    expect(shareExitRefusal('society', 'Member', { ...plain, withdrawable: true }, 'cancellation')).toContain('withdrawable');
  });
});
