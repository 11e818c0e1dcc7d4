import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, LEGAL_FORM_INFO, formFamily } from '../domain/legal-form';
import { RULE_KEYS, defaultRuleValues, defaultRules, lawfulRuleProblems } from './governing-rules';

const STATUTE_OR_ARTICLES = /CA 2006 s\d+|CCBS Act 2014 (s\d+|Sch \d)|Model Articles .*SI 2008\/3229/;
const company = defaultRuleValues('company_limited_by_guarantee');
const society = defaultRuleValues('cooperative_society');

describe('defaultRules', () => {
  for (const form of LEGAL_FORMS) {
    it(`gives every rule of a ${LEGAL_FORM_INFO[form].label.toLowerCase()} a source naming a statute or model articles`, () => {
      const defaults = defaultRules(form);
      expect(Object.keys(defaults).sort()).toEqual([...RULE_KEYS].sort());
      for (const key of RULE_KEYS) expect(defaults[key].source, key).toMatch(STATUTE_OR_ARTICLES);
    });

    it(`gives a ${LEGAL_FORM_INFO[form].label.toLowerCase()} defaults that the law allows`, () => {
      expect(lawfulRuleProblems(form, defaultRuleValues(form))).toEqual({});
    });
  }

  it('uses the statutory defaults for a company: 14 clear days, quorum of two, 75%, proxies', () => {
    expect(company).toMatchObject({ gmNoticeClearDays: 14, gmQuorum: 2, specialResolutionPct: 75, proxiesAllowed: true, proxyDeadlineHours: 48 });
    expect(defaultRules('company_limited_by_guarantee').gmQuorum.source).toMatch(/CA 2006 s318/);
  });

  it('votes by share in a company limited by shares and by member in one limited by guarantee', () => {
    expect(defaultRuleValues('cic_limited_by_shares').votingBasis).toBe('one_vote_per_share');
    expect(defaultRuleValues('cic_limited_by_guarantee').votingBasis).toBe('one_member_one_vote');
    expect(defaultRules('cic_limited_by_shares').boardQuorum.source).toMatch(/limited by shares \(SI 2008\/3229 Sch 1\)/);
    expect(defaultRules('cic_limited_by_guarantee').boardQuorum.source).toMatch(/limited by guarantee \(SI 2008\/3229 Sch 2\)/);
  });

  it('runs a society on one member, one vote and without proxies unless its rules say so', () => {
    expect(society).toMatchObject({ votingBasis: 'one_member_one_vote', proxiesAllowed: false });
    expect(defaultRuleValues('community_benefit_society').votingBasis).toBe('one_member_one_vote');
  });

  it('says one member, one vote comes from a co-operative’s rules and the FCA’s registration test, not from the Act', () => {
    const coop = defaultRules('cooperative_society').votingBasis.source;
    expect(coop).toMatch(/^your registered rules/);
    expect(coop).toMatch(/bona fide co-operative society \(CCBS Act 2014 s2\(2\)\(a\)\(i\); FCA registration guidance, RFCCBS 4\)/);
    expect(coop).toMatch(/not a rule of the Act itself/);
    // A community benefit society is not under the co-operative condition at all.
    const bencom = defaultRules('community_benefit_society').votingBasis.source;
    expect(bencom).not.toMatch(/bona fide|s2\(/);
    expect(bencom).toMatch(/sets no voting basis for a community benefit society/);
  });

  it('cites s111 for amalgamations and transfers, and s112-s113 for conversion into a company, each with its own threshold', () => {
    const source = defaultRules('cooperative_society').specialResolutionPct.source;
    expect(source).toMatch(/s111 \(amalgamation or transfer of engagements between societies: two-thirds/);
    expect(source).toMatch(/s112-s113 \(conversion into, amalgamation with or transfer to a company: 75% of those voting with at least half the eligible members voting/);
    expect(source).not.toMatch(/s111 sets two-thirds \(with confirmation\) for amalgamations and conversions/);
  });
});

describe('lawfulRuleProblems', () => {
  const companies = LEGAL_FORMS.filter((f) => formFamily(f) === 'company');

  for (const form of companies) {
    it(`cites the Companies Act for each rule the articles cannot override (${LEGAL_FORM_INFO[form].label.toLowerCase()})`, () => {
      const base = defaultRuleValues(form);
      expect(lawfulRuleProblems(form, { ...base, gmNoticeClearDays: 13 }).gmNoticeClearDays).toMatch(/CA 2006 s307\(1\).*13 given/);
      expect(lawfulRuleProblems(form, { ...base, specialResolutionPct: 74.99 }).specialResolutionPct).toMatch(/CA 2006 s283\(1\).*74\.99% given/);
      expect(lawfulRuleProblems(form, { ...base, specialResolutionPct: 50 }).specialResolutionPct).toMatch(/CA 2006 s283\(1\)/);
      expect(lawfulRuleProblems(form, { ...base, proxiesAllowed: false }).proxiesAllowed).toMatch(/CA 2006 s324/);
      expect(lawfulRuleProblems(form, { ...base, proxyDeadlineHours: 49 }).proxyDeadlineHours).toMatch(/CA 2006 s327\(2\).*49 given/);
    });
  }

  it('accepts exactly the statutory limits for a company', () => {
    expect(lawfulRuleProblems('eot_company', { ...defaultRuleValues('eot_company'), gmNoticeClearDays: 14, specialResolutionPct: 75, proxyDeadlineHours: 48 })).toEqual({});
  });

  it('ignores the proxy deadline when a society allows no proxies', () => {
    expect(lawfulRuleProblems('cooperative_society', { ...society, proxiesAllowed: false, proxyDeadlineHours: 168 })).toEqual({});
  });

  it('lets a society set its own notice period and a two-thirds threshold', () => {
    expect(lawfulRuleProblems('community_benefit_society', { ...society, gmNoticeClearDays: 7, specialResolutionPct: 66.67 })).toEqual({});
  });

  it('refuses a special resolution threshold of a bare majority for any form', () => {
    for (const form of LEGAL_FORMS) {
      expect(lawfulRuleProblems(form, { ...defaultRuleValues(form), specialResolutionPct: 50 }).specialResolutionPct, form).toBeDefined();
    }
  });

  it('refuses one vote per share where members hold no shares', () => {
    const problems = lawfulRuleProblems('company_limited_by_guarantee', { ...company, votingBasis: 'one_vote_per_share' });
    expect(problems.votingBasis).toMatch(/company limited by guarantee has no shares/);
    expect(lawfulRuleProblems('cooperative_society', { ...society, votingBasis: 'one_vote_per_share' })).toEqual({});
  });

  it('reports every offending rule at once, so the form can mark each field', () => {
    const problems = lawfulRuleProblems('cic_limited_by_guarantee', {
      ...company,
      gmNoticeClearDays: 7,
      proxiesAllowed: false,
      votingBasis: 'one_vote_per_share',
    });
    expect(Object.keys(problems).sort()).toEqual(['gmNoticeClearDays', 'proxiesAllowed', 'votingBasis']);
  });
});
