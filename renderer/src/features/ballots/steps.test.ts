import { describe, expect, it } from 'vitest';
import { awaitingSum, keysReady, trusteeProgress, trusteeStep } from './steps';

const t = (over: Partial<{ keyMade: boolean; sharesDealt: boolean; sharesAccepted: boolean; decrypted: boolean }> = {}) => ({
  position: 1,
  name: 'A',
  role: null,
  keyMade: false,
  sharesDealt: false,
  sharesAccepted: false,
  decrypted: false,
  ...over,
});

describe('each trustee’s next step', () => {
  it('asks every trustee for a key, and with all required nothing more before opening', () => {
    const b = { status: 'draft' as const, threshold: 2, trusteeCount: 2, trustees: [t({ keyMade: true }), t()] };
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual([null, 'make_key']);
    expect(keysReady(b)).toBe(false);
    b.trustees[1]!.keyMade = true;
    expect(keysReady(b)).toBe(true);
  });

  it('with k of n: shares are sealed only once every key is made, and accepted only once all are sealed', () => {
    const b = { status: 'draft' as const, threshold: 2, trusteeCount: 3, trustees: [t({ keyMade: true }), t({ keyMade: true }), t()] };
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual([null, null, 'make_key']);
    b.trustees[2] = t({ keyMade: true });
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual(['deal', 'deal', 'deal']);
    b.trustees[0] = t({ keyMade: true, sharesDealt: true });
    b.trustees[1] = t({ keyMade: true, sharesDealt: true });
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual([null, null, 'deal']);
    b.trustees[2] = t({ keyMade: true, sharesDealt: true });
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual(['accept', 'accept', 'accept']);
    expect(keysReady(b)).toBe(false);
    b.trustees = b.trustees.map((x) => ({ ...x, sharesAccepted: true }));
    expect(keysReady(b)).toBe(true);
    expect(trusteeProgress(b, b.trustees[0]!)).toBe('Key made, shares sealed and accepted');
  });

  it('offers Decrypt only once closed, to those who have not', () => {
    const b = { status: 'closed' as const, threshold: 2, trusteeCount: 2, trustees: [t({ keyMade: true, decrypted: true }), t({ keyMade: true })] };
    expect(b.trustees.map((x) => trusteeStep(b, x))).toEqual([null, 'decrypt']);
    expect(trusteeStep({ ...b, status: 'open' }, b.trustees[1]!)).toBeNull();
    expect(trusteeStep({ ...b, status: 'decided' }, b.trustees[1]!)).toBeNull();
  });

  it('offers no Decrypt while the sealed ballots are still being added up', () => {
    const b = {
      status: 'closed' as const,
      threshold: 2,
      trusteeCount: 2,
      trustees: [t({ keyMade: true }), t({ keyMade: true })],
      summed: false,
    };
    expect(awaitingSum(b)).toBe(true);
    expect(trusteeStep(b, b.trustees[0]!)).toBeNull();
    expect(awaitingSum({ status: 'closed', summed: true })).toBe(false);
  });
});
