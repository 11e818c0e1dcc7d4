/**
 * Procurement routes: how a contract was (or is to be) awarded, the law behind each, and the
 * maximum term that law sets, if any.
 *
 * Sources, and what was verified (1 December 2026, legislation.gov.uk and Cabinet Office and Welsh
 * Government guidance):
 * - Procurement Act 2023 (PA 2023): s19 (award after a competitive tendering procedure); s20(2):
 *   the two competitive tendering procedures, (a) the open procedure and (b) a competitive
 *   flexible procedure (SI 2024/692 reg 19(2)(b) cites "section 20(1) and (2)(b)"); s41 (direct
 *   award in special cases) and s43 (switching to direct award); s45 (frameworks: contracts
 *   awarded "in accordance with a framework"), s46 (competitive selection process), s47
 *   (maximum term of a framework: four years, eight for a defence and security or utilities
 *   framework; it does not apply to light touch frameworks, open frameworks or private utilities'
 *   frameworks). VERIFIED.
 * - PA 2023 s33 (reserving contracts to public service mutuals): applies to an award under s19
 *   of a contract that (1)(a) is for reservable light touch services and (1)(b) "has a maximum
 *   term of five years or less"; the reservation is made in a competitive flexible procedure
 *   (s33(2)). VERIFIED (text as enacted). The app reads "maximum term" as the term with every
 *   option to extend exercised.
 * - Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348): reg 6
 *   (which process applies), reg 7 Direct Award Process A, reg 8 Direct Award Process B, reg 9
 *   Direct Award Process C, reg 10 the Most Suitable Provider Process, reg 11 the Competitive
 *   Process (and reg 18 for contracts based on a framework agreement). VERIFIED (contents as
 *   made). The regime sets no maximum contract term.
 * - Public Contracts Regulations 2015 (SI 2015/102), for awards made before the Act applied:
 *   regs 26 to 32 (open, restricted, competitive procedure with negotiation, competitive
 *   dialogue, innovation partnership, negotiated procedure without prior publication), regs 74
 *   to 76 (light touch regime), reg 77 (reserved contracts for certain services). The three-year
 *   limit on a reg 77 contract is VERIFIED (Cabinet Office guidance on reg 77: "shall not have a
 *   duration longer than 3 years"); that it is paragraph (5) of reg 77 is NOT verified against
 *   the regulation's text and is cited as "reg 77(5)" on the author's reading of its structure.
 * - A grant is not a public contract (no consideration is given for services supplied to the
 *   authority), so no procurement law sets its term.
 */

export const PROCUREMENT_ROUTES = [
  'pa23_open',
  'pa23_competitive_flexible',
  'pa23_direct_award',
  'pa23_framework_call_off',
  'pa23_reserved_mutual',
  'psr_direct_a',
  'psr_direct_b',
  'psr_direct_c',
  'psr_most_suitable',
  'psr_competitive',
  'grant',
  'pcr15',
  'pcr15_light_touch',
  'pcr15_reg77',
  'other',
] as const;
export type ProcurementRoute = (typeof PROCUREMENT_ROUTES)[number];

export type ProcurementRegime = 'pa2023' | 'psr2023' | 'pcr2015' | 'none';

export interface MaximumTermRule {
  /** Months, counting every option to extend. */
  months: number;
  citation: string;
  /** What the law says, for a form or a refusal. */
  statement: string;
}

export interface RouteInfo {
  route: ProcurementRoute;
  /** Short, for a select: "Reserved to public service mutuals (PA 2023 s33)". */
  label: string;
  regime: ProcurementRegime;
  /** The provision the award relies on. */
  legalBasis: string;
  /** The maximum term the law sets for the contract itself, or null. */
  maximumTerm: MaximumTermRule | null;
  /** Said when maximumTerm is null, or to add what the rule does not cover. */
  termNote: string;
}

/**
 * When each regime began to govern awards. An award under a regime before it was in force is a
 * slip (most often the wrong route chosen), refused with the commencement cited:
 * - Procurement Act 2023: the award provisions, s33(1)-(6) among them, came into force on
 *   24 February 2025 (Procurement Act 2023 (Commencement No. 3 and Transitional and Saving
 *   Provisions) Regulations 2024, SI 2024/716, reg 2(2) and the Schedule, the date moved from
 *   28 October 2024 by SI 2024/959). VERIFIED (legislation.gov.uk). Procurements begun before
 *   then go on under the 2015 Regulations (SI 2024/716 Part 3), so a PCR 2015 award after that
 *   date is not refused.
 * - Provider Selection Regime: in force 1 January 2024 (SI 2023/1348 reg 1(2)).
 * - Public Contracts Regulations 2015: in force 26 February 2015 (SI 2015/102 reg 1(2)).
 */
export const REGIME_IN_FORCE: Record<ProcurementRegime, { from: string; citation: string } | null> = {
  pa2023: { from: '2025-02-24', citation: 'Procurement Act 2023 (Commencement No. 3 and Transitional and Saving Provisions) Regulations 2024 (SI 2024/716), as amended by SI 2024/959' },
  psr2023: { from: '2024-01-01', citation: 'Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348) reg 1(2)' },
  pcr2015: { from: '2015-02-26', citation: 'Public Contracts Regulations 2015 (SI 2015/102) reg 1(2)' },
  none: null,
};

const NO_MAXIMUM = 'The law sets no maximum term for this route; the contract decides.';

export const ROUTES: Record<ProcurementRoute, RouteInfo> = {
  pa23_open: {
    route: 'pa23_open',
    label: 'Open procedure (Procurement Act 2023 s20(2)(a))',
    regime: 'pa2023',
    legalBasis: 'Procurement Act 2023 s19 and s20(2)(a): the open procedure, a single-stage tendering procedure without restriction on who may submit a tender',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  pa23_competitive_flexible: {
    route: 'pa23_competitive_flexible',
    label: 'Competitive flexible procedure (Procurement Act 2023 s20(2)(b))',
    regime: 'pa2023',
    legalBasis: 'Procurement Act 2023 s19 and s20(2)(b): a competitive flexible procedure',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  pa23_direct_award: {
    route: 'pa23_direct_award',
    label: 'Direct award (Procurement Act 2023 s41 or s43)',
    regime: 'pa2023',
    legalBasis: 'Procurement Act 2023 s41 (direct award in special cases) or s43 (switching to direct award)',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  pa23_framework_call_off: {
    route: 'pa23_framework_call_off',
    label: 'Call-off under a framework (Procurement Act 2023 s45 to s47)',
    regime: 'pa2023',
    legalBasis: 'Procurement Act 2023 s45: a contract awarded in accordance with a framework, after a competitive selection process (s46) or without competition where s45(4) allows',
    maximumTerm: null,
    termNote:
      'The law sets no maximum term for a call-off contract; the contract decides. Section 47 limits the framework itself, not contracts called off under it, to four years (eight for a defence and security or utilities framework), and does not apply to a light touch framework.',
  },
  pa23_reserved_mutual: {
    route: 'pa23_reserved_mutual',
    label: 'Reserved to public service mutuals (Procurement Act 2023 s33)',
    regime: 'pa2023',
    legalBasis:
      'Procurement Act 2023 s33: a competitive flexible procedure that excludes suppliers that are not qualifying public service mutuals (s33(2)), for a contract for reservable light touch services (s33(1)(a))',
    maximumTerm: {
      months: 60,
      citation: 'Procurement Act 2023 s33(1)(b)',
      statement: 'A contract reserved to public service mutuals must have a maximum term of five years or less, counting every option to extend (Procurement Act 2023 s33(1)(b)).',
    },
    termNote: 'Five years at most, with every extension.',
  },
  psr_direct_a: {
    route: 'psr_direct_a',
    label: 'NHS Provider Selection Regime: Direct Award Process A (SI 2023/1348 reg 7)',
    regime: 'psr2023',
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg 6(3) and reg 7: Direct Award Process A (an existing provider that is the only one capable of providing the services)',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  psr_direct_b: {
    route: 'psr_direct_b',
    label: 'NHS Provider Selection Regime: Direct Award Process B (SI 2023/1348 reg 8)',
    regime: 'psr2023',
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg 6(4) and reg 8: Direct Award Process B (services where patients choose their provider and providers are not limited)',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  psr_direct_c: {
    route: 'psr_direct_c',
    label: 'NHS Provider Selection Regime: Direct Award Process C (SI 2023/1348 reg 9)',
    regime: 'psr2023',
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg 6(5) and reg 9: Direct Award Process C (an existing provider satisfying the authority and the services not changing considerably)',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  psr_most_suitable: {
    route: 'psr_most_suitable',
    label: 'NHS Provider Selection Regime: Most Suitable Provider Process (SI 2023/1348 reg 10)',
    regime: 'psr2023',
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg 6 and reg 10: the Most Suitable Provider Process',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  psr_competitive: {
    route: 'psr_competitive',
    label: 'NHS Provider Selection Regime: Competitive Process (SI 2023/1348 reg 11)',
    regime: 'psr2023',
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg 6 and reg 11: the Competitive Process',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  grant: {
    route: 'grant',
    label: 'Grant (not a public contract)',
    regime: 'none',
    legalBasis: 'A grant: funding for the mutual’s own activity, not a contract for services supplied to the authority, so procurement law does not govern its award',
    maximumTerm: null,
    termNote: 'No procurement law sets the term of a grant; the grant agreement decides.',
  },
  pcr15: {
    route: 'pcr15',
    label: 'Public Contracts Regulations 2015 procedure (open, restricted, negotiated, dialogue or partnership)',
    regime: 'pcr2015',
    legalBasis: 'Public Contracts Regulations 2015 regs 26 to 32: the open, restricted, competitive with negotiation, competitive dialogue or innovation partnership procedure, or the negotiated procedure without prior publication',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  pcr15_light_touch: {
    route: 'pcr15_light_touch',
    label: 'Light touch regime (Public Contracts Regulations 2015 regs 74 to 76)',
    regime: 'pcr2015',
    legalBasis: 'Public Contracts Regulations 2015 regs 74 to 76: the light touch regime for the services in Schedule 3',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
  pcr15_reg77: {
    route: 'pcr15_reg77',
    label: 'Reserved contract for certain services (Public Contracts Regulations 2015 reg 77)',
    regime: 'pcr2015',
    legalBasis: 'Public Contracts Regulations 2015 reg 77: a contract reserved to qualifying organisations, for services listed in reg 77(2)',
    maximumTerm: {
      months: 36,
      citation: 'Public Contracts Regulations 2015 reg 77(5)',
      statement: 'A contract reserved under regulation 77 of the Public Contracts Regulations 2015 may not last longer than three years, counting every option to extend (reg 77(5)).',
    },
    termNote: 'Three years at most, with every extension.',
  },
  other: {
    route: 'other',
    label: 'Other, or transferred to the mutual at spin-out',
    regime: 'none',
    legalBasis: 'Another basis, such as a contract transferred to the mutual when it left the public sector; record the basis in the contract’s notes',
    maximumTerm: null,
    termNote: NO_MAXIMUM,
  },
};

export function routeInfo(route: ProcurementRoute): RouteInfo {
  return ROUTES[route];
}

export function isProcurementRoute(value: string): value is ProcurementRoute {
  return (PROCUREMENT_ROUTES as readonly string[]).includes(value);
}
