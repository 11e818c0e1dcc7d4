import { describe, expect, it } from 'vitest';
import { agreementCodeProblem, agreementWords, codesApply, formatAgreementCode, timeAndDate } from './agreement';

describe('agreement in words', () => {
  it('says how and when each agreed, in UK time', () => {
    expect(agreementWords({ agreedOn: null, agreedAt: null, agreedVia: null })).toBeNull();
    expect(agreementWords({ agreedOn: '2026-11-25', agreedAt: null, agreedVia: 'secretary' })).toBe('Agreed on 25 November 2026');
    expect(agreementWords({ agreedOn: '2026-11-30', agreedAt: '2026-11-30T10:32:10.000Z', agreedVia: 'kiosk' })).toBe('Agreed at the meeting laptop at 10:32 on 30 November 2026');
    // British Summer Time: 23:30 UTC on 30 June is 00:30 on 1 July in the UK.
    expect(agreementWords({ agreedOn: '2026-07-01', agreedAt: '2026-06-30T23:30:00.000Z', agreedVia: 'phone' })).toBe('Agreed from a phone at 00:30 on 1 July 2026');
    expect(timeAndDate('2026-12-17T23:59:00.000Z')).toBe('23:59 on 17 December 2026');
  });

  it('offers codes only for a company’s members’ resolutions', () => {
    expect(codesApply({ body: 'members' }, 'company')).toBe(true);
    expect(codesApply({ body: 'board' }, 'company')).toBe(false);
    expect(codesApply({ body: 'members' }, 'society')).toBe(false);
  });
});

describe('an agreement code as typed', () => {
  it('is read the forgiving way the core reads it, and a wrong length is caught before it is sent', () => {
    expect(agreementCodeProblem(' abcd efgh jkmn pqrs ')).toBeNull();
    expect(formatAgreementCode('abcdefghjkmnpqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(formatAgreementCode('oil0-1111-2222-3333')).toBe('0110-1111-2222-3333');
    expect(agreementCodeProblem('')).toBe('Enter the agreement code from your letter.');
    expect(agreementCodeProblem('ABCD-EFGH')).toBe('An agreement code has 16 letters and numbers, in four groups of four; you entered 8. Check it against your letter.');
    expect(agreementCodeProblem('ABCD-EFGH-JKMN-PQRU')).toBe('An agreement code never has the letter U. Check it against your letter.');
    expect(agreementCodeProblem('ABCD-EFGH-JKMN-PQR!')).toBe('An agreement code has only letters and numbers. Check it against your letter.');
  });
});
