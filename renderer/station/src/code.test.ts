import { describe, expect, it } from 'vitest';
import { codeProblem, formatCode, normaliseCode, normaliseTracker, shortFingerprint, trackerProblem } from './code';

describe('a voting code typed or pasted on a phone', () => {
  it('ignores spaces, dashes and case, and reads I, L and O as 1, 1 and 0 (as the core does)', () => {
    expect(normaliseCode(' abcd-efgh jkmn\tpqrs ')).toBe('ABCDEFGHJKMNPQRS');
    expect(normaliseCode('ilo0-1111-2222-3333')).toBe('1100111122223333');
    expect(formatCode('abcdefghjkmnpqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it('accepts a pasted code however it was grouped', () => {
    for (const typed of ['ABCD-EFGH-JKMN-PQRS', 'abcd efgh jkmn pqrs', 'ABCDEFGHJKMNPQRS', 'AB-CD EF-GH JK-MN PQ-RS\n']) expect(codeProblem(typed)).toBeNull();
  });

  it('says what is wrong with a code that cannot be one', () => {
    expect(codeProblem('   ')).toEqual({ key: 'code.errorEmpty' });
    expect(codeProblem('ABCD-EFGH-JKMN-PQR!')).toEqual({ key: 'code.errorCharacters' });
    expect(codeProblem('ABCD-EFGH-JKMN')).toEqual({ key: 'code.errorLength', values: { entered: 12 } });
    expect(codeProblem('ABCD-EFGH-JKMN-PQRST')).toEqual({ key: 'code.errorLength', values: { entered: 17 } });
    expect(codeProblem('ABCD-EFGH-JKMN-PQRU')).toEqual({ key: 'code.errorLetterU' });
  });

  it('names a written resolution’s code an agreement code', () => {
    expect(codeProblem('', 'agreement')).toEqual({ key: 'code.agreementErrorEmpty' });
    expect(codeProblem('ABCD', 'agreement')).toEqual({ key: 'code.agreementErrorLength', values: { entered: 4 } });
    expect(codeProblem('abcd efgh jkmn pqrs', 'agreement')).toBeNull();
  });
});

describe('a tracker typed to check a receipt', () => {
  const tracker = '3f9a0c1b'.repeat(8);

  it('ignores the spaces of its printed groups, dashes and case', () => {
    const grouped = (tracker.match(/.{4}/g) ?? []).join(' ').toUpperCase();
    expect(normaliseTracker(grouped)).toBe(tracker);
    expect(trackerProblem(grouped)).toBeNull();
  });

  it('refuses anything but 64 hexadecimal characters', () => {
    expect(trackerProblem('')).toEqual({ key: 'receiptCheck.errorEmpty' });
    expect(trackerProblem(tracker.slice(0, 60))).toEqual({ key: 'receiptCheck.errorLength', values: { entered: 60 } });
    expect(trackerProblem(`${tracker.slice(0, 63)}g`)).toEqual({ key: 'receiptCheck.errorCharacters' });
  });
});

describe('the ballot’s fingerprint', () => {
  it('is shown as the projector shows it: the first 16 characters in fours', () => {
    expect(shortFingerprint('3f9a0c1d77e24b5a9c0d1e2f3a4b5c6d')).toBe('3f9a 0c1d 77e2 4b5a');
  });
});
