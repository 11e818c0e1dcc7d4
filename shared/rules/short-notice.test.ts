import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requisitePercentage, shortNoticeVerdict, type ShortNoticeConsent } from './short-notice';

const guarantee = (membersAgreeing: number, agreeing: number, extra: Partial<ShortNoticeConsent> = {}): ShortNoticeConsent => ({
  membersEntitled: 10,
  membersAgreeing,
  basis: 'voting_rights',
  total: 10,
  agreeing,
  ...extra,
});

describe('shortNoticeVerdict for a private company', () => {
  it('accepts a majority in number holding exactly 90% of the voting rights', () => {
    expect(shortNoticeVerdict(guarantee(9, 9))).toEqual({
      ok: true,
      requiredPercentage: 90,
      source: 'CA 2006 s307(4)-(6)',
      message:
        'Short notice needs a majority in number of the members entitled to attend and vote, together holding at least 90% of the total voting rights (CA 2006 s307(4)-(6)); 9 of 10 members agreed, holding 90%.',
    });
  });

  it('refuses 89% of the votes, and a bare half of the members however much they hold', () => {
    expect(shortNoticeVerdict({ ...guarantee(9, 89), total: 100 }).ok).toBe(false);
    expect(shortNoticeVerdict({ ...guarantee(9, 8999), total: 10000 }).message).toMatch(/; 9 of 10 members agreed, holding 89\.99%\.$/);
    // Five of ten is not a majority in number, even holding 95% of the shares.
    expect(shortNoticeVerdict({ ...guarantee(5, 95), total: 100, basis: 'nominal_value' }).ok).toBe(false);
  });

  it('measures a company with shares by the nominal value of the voting shares', () => {
    const shares = { membersEntitled: 4, membersAgreeing: 3, basis: 'nominal_value' as const, total: 100_00 };
    expect(shortNoticeVerdict({ ...shares, agreeing: 90_00 }).ok).toBe(true);
    expect(shortNoticeVerdict({ ...shares, agreeing: 89_99 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('at least 90% of the nominal value of the shares giving a right to attend and vote'),
    });
  });

  it('applies the articles’ higher percentage, up to 95%, and cites them', () => {
    const v = shortNoticeVerdict({ ...guarantee(10, 9499), total: 10000, articlesPercentage: 95 });
    expect(v).toMatchObject({ ok: false, requiredPercentage: 95, source: 'CA 2006 s307(4)-(6) and the articles' });
    expect(shortNoticeVerdict({ ...guarantee(10, 95), total: 100, articlesPercentage: 95 }).ok).toBe(true);
  });

  it('refuses an articles percentage outside 90% to 95% as a mistake in the rules', () => {
    expect(() => requisitePercentage('private', 89)).toThrow(/between 90% and 95%.*89% given/);
    expect(() => requisitePercentage('private', 96)).toThrow(RangeError);
    expect(requisitePercentage('private', 92.5)).toBe(92.5);
  });

  it('passes exactly when a majority in number holds at least the percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (entitled, total, share, people) => {
        const membersAgreeing = Math.floor(people * entitled);
        const agreeing = Math.floor(share * total);
        const v = shortNoticeVerdict({ membersEntitled: entitled, membersAgreeing, basis: 'voting_rights', total, agreeing });
        expect(v.ok).toBe(membersAgreeing > entitled / 2 && agreeing * 100 >= 90 * total);
      }),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => shortNoticeVerdict(guarantee(11, 5))).toThrow(RangeError);
    expect(() => shortNoticeVerdict(guarantee(5, 11))).toThrow(RangeError);
    expect(() => shortNoticeVerdict(guarantee(-1, 5))).toThrow(RangeError);
  });
});

describe('shortNoticeVerdict for a public company', () => {
  it('needs 95% for a general meeting other than the AGM', () => {
    expect(shortNoticeVerdict({ ...guarantee(10, 94), total: 100, company: 'public' })).toMatchObject({ ok: false, requiredPercentage: 95 });
    expect(shortNoticeVerdict({ ...guarantee(10, 95), total: 100, company: 'public' }).ok).toBe(true);
  });

  it('needs every member entitled for the AGM, citing s337(2)', () => {
    const agm = { company: 'public' as const, annualGeneralMeeting: true };
    expect(shortNoticeVerdict(guarantee(9, 99, { ...agm, total: 100 }))).toEqual({
      ok: false,
      requiredPercentage: null,
      source: 'CA 2006 s337(2)',
      message: "Short notice of a public company's annual general meeting needs every member entitled to attend and vote (CA 2006 s337(2)); 9 of 10 members agreed.",
    });
    expect(shortNoticeVerdict(guarantee(10, 10, agm)).ok).toBe(true);
  });

  it('leaves a private company’s AGM to the ordinary rule (a private company need not hold one)', () => {
    expect(shortNoticeVerdict(guarantee(9, 9, { annualGeneralMeeting: true }))).toMatchObject({ ok: true, requiredPercentage: 90 });
  });

  it('for a society, says its rules decide and applies the company test only as a named safe check', () => {
    const v = shortNoticeVerdict({ membersEntitled: 4, membersAgreeing: 1, basis: 'voting_rights', total: 4, agreeing: 1, society: true });
    expect(v.ok).toBe(false);
    expect(v.source).toBe('your registered rules');
    expect(v.message).toBe(
      'Your registered rules decide whether a meeting may be held at shorter notice (the CCBS Act 2014 is silent). As a safe check the app asks what company law asks (CA 2006 s307(4)-(6)): a majority in number of the members entitled to vote, together holding at least 90% of the votes; 1 of 4 members agreed, holding 25%.',
    );
  });
});
