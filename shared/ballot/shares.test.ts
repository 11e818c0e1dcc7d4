// k-of-n share transport between trustees (docs/ballot-protocol.md §5).
import { describe, expect, it } from 'vitest';
import { Fn, createTrusteeKey, dealShares, nobleGroup as G, openShare, sealShare, setupHashOf, toHex, trusteeProblem, type ElectionSetup } from './index';

const setup: ElectionSetup = {
  id: 'e',
  title: 'Election',
  questions: [{ id: 'q', kind: 'consultation', text: 'Q', choices: [{ id: 'a', label: 'A' }], min: 0, max: 1 }],
  trustees: { count: 3, threshold: 2 },
};
const h = setupHashOf(setup);

function three() {
  const made = [1, 2, 3].map((i) => createTrusteeKey(G, setup, i, `T${i}`));
  const me = (i: number) => ({ index: i, transportSecret: made[i - 1]!.secret.transportSecret!, transportKey: made[i - 1]!.public.transportKey! });
  const pub = (i: number) => ({ ...made[i - 1]!.public, transportKey: made[i - 1]!.public.transportKey! });
  return { made, me, pub };
}

describe('share transport (k-of-n)', () => {
  it('a sealed share opens only for its recipient and matches the dealer’s commitments', () => {
    for (let round = 0; round < 5; round++) {
      const { made, me, pub } = three();
      expect(trusteeProblem(G, setup, made.map((m) => m.public))).toBeNull();
      const shares = dealShares(made[0]!.secret, 3);
      const sealed = sealShare(G, h, me(1), me(2), shares[1]!);
      expect(JSON.stringify(sealed)).not.toContain(toHex(Fn.toBytes(shares[1]!)));
      expect(openShare(G, h, me(2), pub(1), sealed)).toBe(shares[1]!);
      // Trustee 3 cannot open it, even by claiming to be its recipient.
      expect(() => openShare(G, h, me(3), pub(1), sealed)).toThrow(/from trustee 1 to trustee 2, not from 1 to 3/);
      expect(() => openShare(G, h, me(3), pub(1), { ...sealed, to: 3 })).toThrow(/cannot be opened/);
    }
  });

  it('a changed share, or a wrong share sealed properly, is refused naming the dealer', () => {
    const { made, me, pub } = three();
    const shares = dealShares(made[0]!.secret, 3);
    const sealed = sealShare(G, h, me(1), me(2), shares[1]!);
    const flipped = { ...sealed, ciphertext: sealed.ciphertext.replace(/^./, (x) => (x === '0' ? '1' : '0')) };
    expect(() => openShare(G, h, me(2), pub(1), flipped)).toThrow(/share from trustee 1 \(T1\) cannot be opened/);
    const wrong = sealShare(G, h, me(1), me(2), Fn.add(shares[1]!, 1n));
    expect(() => openShare(G, h, me(2), pub(1), wrong)).toThrow(/share from trustee 1 \(T1\) does not match their published commitments/);
    // A share sealed for another election does not open here.
    const other = sealShare(G, 'b'.repeat(64), me(1), me(2), shares[1]!);
    expect(() => openShare(G, h, me(2), pub(1), other)).toThrow(/cannot be opened/);
  });

  it('a threshold trustee without a transport key is refused at setup', () => {
    const { made } = three();
    const trustees = made.map((m) => m.public);
    delete trustees[1]!.transportKey;
    expect(trusteeProblem(G, setup, trustees)).toBe('Trustee 2 (T2) has no valid transport key for the shares.');
  });
});
