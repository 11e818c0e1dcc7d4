import { LEGAL_FORM_INFO, formFamily, type LegalForm } from '../domain/legal-form';

/**
 * The rules from the governing document (articles or registered rules) that later features
 * compute with. Defaults come from statute where statute sets one, otherwise from the model
 * articles, and each default names where it comes from so the app can cite it.
 */
export interface GoverningRules {
  /** Clear days' notice of a general meeting (neither the day of notice nor the meeting day count). */
  gmNoticeClearDays: number;
  /** Qualifying persons needed for a general meeting to be quorate. */
  gmQuorum: number;
  /** Directors needed for a board meeting to be quorate. */
  boardQuorum: number;
  /** Minimum percentage of votes in favour to pass a special resolution, e.g. 75. */
  specialResolutionPct: number;
  /** Days after circulation after which an unpassed written resolution lapses. */
  writtenResolutionLapseDays: number;
  votingBasis: VotingBasis;
  /** Whether the chair has a casting vote when board votes are tied. */
  chairCastingVote: boolean;
  proxiesAllowed: boolean;
  /** Hours before a meeting by which a proxy appointment must be received. */
  proxyDeadlineHours: number;
  /** Directors with an interest in a matter are not counted in the quorum, nor vote, on it. */
  conflictedExcludedFromQuorum: boolean;
  /** The board may take decisions by written resolution of all eligible directors. */
  boardWrittenResolutions: boolean;
  /** Percentage of the voting rights whose holders must consent to a general meeting on short notice. */
  shortNoticePct: number;
}

export const VOTING_BASES = ['one_member_one_vote', 'one_vote_per_share'] as const;
export type VotingBasis = (typeof VOTING_BASES)[number];
export const VOTING_BASIS_LABEL: Record<VotingBasis, string> = {
  one_member_one_vote: 'One member, one vote',
  one_vote_per_share: 'One vote per share',
};

export type RuleKey = keyof GoverningRules;
export const RULE_KEYS: readonly RuleKey[] = [
  'gmNoticeClearDays',
  'gmQuorum',
  'boardQuorum',
  'specialResolutionPct',
  'writtenResolutionLapseDays',
  'votingBasis',
  'chairCastingVote',
  'proxiesAllowed',
  'proxyDeadlineHours',
  'conflictedExcludedFromQuorum',
  'boardWrittenResolutions',
  'shortNoticePct',
];

export const RULE_LABEL: Record<RuleKey, string> = {
  gmNoticeClearDays: 'General meeting notice (clear days)',
  gmQuorum: 'General meeting quorum (members)',
  boardQuorum: 'Board quorum (directors)',
  specialResolutionPct: 'Special resolution threshold (%)',
  writtenResolutionLapseDays: 'Written resolution lapses after (days)',
  votingBasis: 'Voting basis',
  chairCastingVote: "Chair's casting vote at board meetings",
  proxiesAllowed: 'Proxies allowed',
  proxyDeadlineHours: 'Proxy deadline (hours before the meeting)',
  conflictedExcludedFromQuorum: 'Directors with an interest in a matter are left out of the quorum for it',
  boardWrittenResolutions: 'The board may decide by written resolution',
  shortNoticePct: 'Consent to short notice (% of voting rights)',
};

export interface RuleDefault<T> {
  value: T;
  /** Where the default comes from, as a secretary would cite it. */
  source: string;
}
export type RuleDefaults = { [K in RuleKey]: RuleDefault<GoverningRules[K]> };

const SOCIETY_RULES = 'your registered rules (CCBS Act 2014 s14 and Sch 1 para 5: the rules must provide for meetings and voting)';

/**
 * One member, one vote is not a rule of the CCBS Act 2014. The Act lets the FCA register a
 * co-operative society only if it is a bona fide co-operative (s2(2)(a)(i)); the FCA's registration
 * guidance (FCA Handbook RFCCBS 4, formerly FG15/12) tests that against the co-operative
 * principles, democratic member control among them, which a co-operative's rules usually meet
 * with one member, one vote. A community benefit society is under no such condition: its rules
 * choose its voting basis.
 */
const CO_OP_VOTING =
  "your registered rules; one member, one vote is how a co-operative's rules usually meet the FCA's test of a bona fide co-operative society (CCBS Act 2014 s2(2)(a)(i); FCA registration guidance, RFCCBS 4), not a rule of the Act itself";
const BENCOM_VOTING = `${SOCIETY_RULES}; the Act sets no voting basis for a community benefit society, and one member, one vote is the usual choice`;

/** Amalgamations, transfers of engagements and conversions have statutory thresholds of their own. */
const SOCIETY_SPECIAL =
  'CCBS Act 2014 s111 (amalgamation or transfer of engagements between societies: two-thirds of those voting, confirmed by over half at a second meeting) and s112-s113 (conversion into, amalgamation with or transfer to a company: 75% of those voting with at least half the eligible members voting, confirmed by over half)';

export function defaultRules(form: LegalForm): RuleDefaults {
  const shares = LEGAL_FORM_INFO[form].hasShares;
  if (formFamily(form) === 'company') {
    const articles = shares
      ? 'Model Articles for private companies limited by shares (SI 2008/3229 Sch 1)'
      : 'Model Articles for private companies limited by guarantee (SI 2008/3229 Sch 2)';
    return {
      gmNoticeClearDays: { value: 14, source: 'CA 2006 s307(1): at least 14 days for a private company' },
      gmQuorum: { value: 2, source: 'CA 2006 s318(2): two qualifying persons unless the articles say otherwise' },
      boardQuorum: { value: 2, source: `${articles}, art 11(2)` },
      specialResolutionPct: { value: 75, source: 'CA 2006 s283(1): not less than 75%' },
      writtenResolutionLapseDays: { value: 28, source: 'CA 2006 s297(1): 28 days unless the articles say otherwise' },
      votingBasis: shares
        ? { value: 'one_vote_per_share', source: 'CA 2006 s284(1)(a): one vote per share' }
        : { value: 'one_member_one_vote', source: 'CA 2006 s284(1)(b): one vote per member' },
      chairCastingVote: { value: true, source: `${articles}, art 13` },
      proxiesAllowed: { value: true, source: 'CA 2006 s324: every member may appoint a proxy' },
      proxyDeadlineHours: { value: 48, source: 'CA 2006 s327(2): no more than 48 hours may be required' },
      conflictedExcludedFromQuorum: { value: true, source: `${articles}, art 14(1)-(2)` },
      boardWrittenResolutions: { value: true, source: `${articles}, art 8 (a unanimous decision of the eligible directors in writing)` },
      shortNoticePct: { value: 90, source: 'CA 2006 s307(6)(a): 90% for a private company, or a higher figure up to 95% in the articles' },
    };
  }
  return {
    gmNoticeClearDays: { value: 14, source: `${SOCIETY_RULES}; 14 clear days is the usual period` },
    gmQuorum: { value: 3, source: SOCIETY_RULES },
    boardQuorum: { value: 3, source: SOCIETY_RULES },
    specialResolutionPct: {
      value: 75,
      source: `${SOCIETY_RULES}; ${SOCIETY_SPECIAL} set their own`,
    },
    writtenResolutionLapseDays: { value: 28, source: `${SOCIETY_RULES}; 28 days follows CA 2006 s297` },
    votingBasis: { value: 'one_member_one_vote', source: form === 'cooperative_society' ? CO_OP_VOTING : BENCOM_VOTING },
    chairCastingVote: { value: true, source: SOCIETY_RULES },
    proxiesAllowed: { value: false, source: `${SOCIETY_RULES}; societies have no statutory right to a proxy` },
    proxyDeadlineHours: { value: 48, source: SOCIETY_RULES },
    conflictedExcludedFromQuorum: { value: true, source: `${SOCIETY_RULES}; the Act is silent, and leaving an interested director out is the usual rule` },
    boardWrittenResolutions: { value: false, source: `${SOCIETY_RULES}; the Act is silent, so the board may decide in writing only if the rules say so` },
    shortNoticePct: { value: 90, source: `${SOCIETY_RULES}; the Act has no rule on short notice (90% follows CA 2006 s307(6))` },
  };
}

export function defaultRuleValues(form: LegalForm): GoverningRules {
  const d = defaultRules(form);
  return Object.fromEntries(RULE_KEYS.map((k) => [k, d[k].value])) as unknown as GoverningRules;
}

/**
 * Rules the governing document cannot override, checked per form. Returns one message per
 * offending rule, each citing its source, e.g. "CA 2006 s307(1) requires at least 14 clear
 * days for a private company's general meeting; 10 given."
 */
export function lawfulRuleProblems(form: LegalForm, rules: GoverningRules): Partial<Record<RuleKey, string>> {
  const problems: Partial<Record<RuleKey, string>> = {};
  const company = formFamily(form) === 'company';
  if (company && rules.gmNoticeClearDays < 14) {
    problems.gmNoticeClearDays = `CA 2006 s307(1) requires at least 14 clear days for a private company's general meeting; ${rules.gmNoticeClearDays} given.`;
  }
  if (company && rules.specialResolutionPct < 75) {
    problems.specialResolutionPct = `CA 2006 s283(1) requires a special resolution to pass by at least 75%; ${rules.specialResolutionPct}% given.`;
  }
  // The company check above already cites s283; keep that citation rather than overwrite it.
  if (rules.specialResolutionPct <= 50 && !problems.specialResolutionPct) {
    problems.specialResolutionPct = `A special resolution needs more than a simple majority; ${rules.specialResolutionPct}% given.`;
  }
  if (company && !rules.proxiesAllowed) {
    problems.proxiesAllowed = 'CA 2006 s324 gives every member of a company the right to appoint a proxy; it cannot be switched off.';
  }
  if (company && rules.proxiesAllowed && rules.proxyDeadlineHours > 48) {
    problems.proxyDeadlineHours = `CA 2006 s327(2) voids any requirement to lodge a proxy more than 48 hours before the meeting; ${rules.proxyDeadlineHours} given.`;
  }
  if (company && (rules.shortNoticePct < 90 || rules.shortNoticePct > 95)) {
    problems.shortNoticePct = `CA 2006 s307(6) requires consent of at least 90% of the voting rights, and articles may raise it to no more than 95%; ${rules.shortNoticePct}% given.`;
  }
  if (rules.votingBasis === 'one_vote_per_share' && !LEGAL_FORM_INFO[form].hasShares) {
    problems.votingBasis = `A ${LEGAL_FORM_INFO[form].label.toLowerCase()} has no shares, so votes cannot be one per share.`;
  }
  return problems;
}
