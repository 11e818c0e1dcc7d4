import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, formFamily } from '../domain/legal-form';
import { gmQuorumFor } from './quorum';

const companies = LEGAL_FORMS.filter((f) => formFamily(f) === 'company');

describe('gmQuorumFor a company', () => {
  it('is one qualifying person when the company has one member, overriding the articles (s318(1))', () => {
    for (const form of companies) {
      expect(gmQuorumFor(form, 1, 3), form).toEqual({ quorum: 1, source: expect.stringMatching(/^CA 2006 s318\(1\): a company limited by shares or guarantee with only one member/) });
      expect(gmQuorumFor(form, 1, null).quorum).toBe(1);
    }
  });

  it('is two where the articles are silent, and what the articles say otherwise (s318(2))', () => {
    expect(gmQuorumFor('company_limited_by_guarantee', 2, null)).toEqual({ quorum: 2, source: 'CA 2006 s318(2): two qualifying persons unless the articles say otherwise' });
    expect(gmQuorumFor('cic_limited_by_shares', 40, 10)).toEqual({ quorum: 10, source: 'your articles (CA 2006 s318(2): two qualifying persons unless the articles say otherwise)' });
  });

  it('warns when the articles’ quorum is more than the members', () => {
    expect(gmQuorumFor('eot_company', 2, 3).warning).toBe('The quorum of 3 set by the articles is more than the 2 members; check that a general meeting can ever be quorate.');
    expect(gmQuorumFor('eot_company', 3, 3).warning).toBeUndefined();
  });
});

describe('gmQuorumFor a society', () => {
  it('follows the rules, even with one member, since s318 is company law', () => {
    expect(gmQuorumFor('cooperative_society', 1, 3)).toMatchObject({ quorum: 3, source: 'your registered rules (CCBS Act 2014 s14 and Sch 1 para 5)' });
    expect(gmQuorumFor('community_benefit_society', 200, 20)).toEqual({ quorum: 20, source: 'your registered rules (CCBS Act 2014 s14 and Sch 1 para 5)' });
  });

  it('has no quorum to offer when the rules are silent, and says so', () => {
    expect(gmQuorumFor('community_benefit_society', 50, null)).toMatchObject({ quorum: null, warning: expect.stringMatching(/sets no quorum/) });
  });
});
