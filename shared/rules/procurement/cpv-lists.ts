/**
 * The statutory lists of CPV codes, as the law writes them: single codes and "from X to Y" ranges.
 *
 * Sources, and what was verified in this build (1 December 2026):
 *
 * 1. Procurement Act 2023 (PA 2023) s9: a light touch contract is one for services of a kind
 *    specified in regulations. s33(7)-(8): "reservable light touch services" means services of a
 *    kind specified in regulations under s33(8) from among those specified under s9. VERIFIED
 *    (s33 as enacted, legislation.gov.uk).
 *
 * 2. Procurement Regulations 2024 (SI 2024/692) reg 42: (1) the services covered by the CPV codes
 *    in column (1) of Table 1 in Schedule 1, described in column (2), are light touch services;
 *    (2) a service in Table 1 is a reservable light touch service where column (3) has the letter
 *    "R"; (3) Table 2 lists services that are light touch only under a defence and security
 *    contract. VERIFIED (reg 42 text). Schedule 1 lists its codes one by one: there are no ranges
 *    and no rule that a listed code brings its children with it, so the app gives none.
 *
 *    NOT VERIFIED: the entries of Schedule 1 Table 1 itself (which codes, and which bear "R")
 *    could not be read from any copy available to this build. PA2023_BASIS below therefore takes
 *    Table 1 to be the PCR 2015 Schedule 3 list with its ranges written out, and column (3) "R" to
 *    mark exactly the PCR 2015 reg 77 list. That is an assumption (the 2024 list was consulted on
 *    as carrying the 2015 scope over) and must be checked entry by entry against the Schedule as
 *    made before the app tells a commissioner that a code is, or is not, reservable. Table 2
 *    (defence and security) is not represented.
 *
 * 3. Public Contracts Regulations 2015 (SI 2015/102), for awards made under them:
 *    - Schedule 3 (social and other specific services, the light touch regime of regs 74 to 76):
 *      the list below follows Annex XIV of Directive 2014/24/EU, which Schedule 3 transposes.
 *      The "Health, social and related services" group was checked against the identical list a
 *      Scottish Parliament bill reproduces (75200000-8 ... 98514000-9); the other groups are from
 *      the Annex as known to the author, and every code in them was checked to exist in CPV 2008.
 *      The Annex prints Crisis management services as "794300000-7" (nine digits, a misprint);
 *      the code meant is 79430000-7 and is used here.
 *    - reg 77(2) (reservable public contracts): the list below. VERIFIED against two public
 *      commentaries quoting it (codes and names).
 *
 * A range "from X to Y" covers every CPV code numerically from X to Y inclusive: CPV numbers its
 * codes so that a code's children follow it, so a range covers the children of every code inside
 * it, but no further. A code listed on its own covers only itself (75000000-6 is listed; its child
 * 75220000-4 Defence services is light touch because the separate range 75200000-8 to 75231000-4
 * includes it, not because its parent is listed).
 */

export type CpvListItem = { code: string } | { from: string; to: string };

export interface CpvListGroup {
  heading: string;
  items: CpvListItem[];
}

export interface StatutoryCpvList {
  id: 'pcr2015_schedule_3' | 'pcr2015_reg_77';
  title: string;
  citation: string;
  groups: CpvListGroup[];
}

const c = (code: string): CpvListItem => ({ code });
const range = (from: string, to: string): CpvListItem => ({ from, to });

export const PCR2015_SCHEDULE_3: StatutoryCpvList = {
  id: 'pcr2015_schedule_3',
  title: 'Social and other specific services (the light touch regime)',
  citation: 'Public Contracts Regulations 2015 (SI 2015/102) Schedule 3, for regs 74 to 76',
  groups: [
    {
      heading: 'Health, social and related services',
      items: [
        c('75200000-8'), c('75231200-6'), c('75231240-8'), c('79611000-0'), c('79622000-0'), c('79624000-4'), c('79625000-1'),
        range('85000000-9', '85323000-9'),
        c('98133100-5'), c('98133000-4'), c('98200000-5'), c('98500000-8'),
        range('98513000-2', '98514000-9'),
      ],
    },
    {
      heading: 'Administrative social, educational, healthcare and cultural services',
      items: [
        c('85321000-5'), c('85322000-2'), c('75000000-6'), c('75121000-0'), c('75122000-7'), c('75124000-1'),
        range('79995000-5', '79995200-7'),
        range('80000000-4', '80660000-8'),
        range('92000000-1', '92700000-8'),
        c('79950000-8'), c('79951000-5'), c('79952000-2'), c('79952100-3'), c('79953000-9'), c('79954000-6'), c('79955000-3'), c('79956000-0'),
      ],
    },
    { heading: 'Compulsory social security services', items: [c('75300000-9')] },
    {
      heading: 'Benefit services',
      items: [c('75310000-2'), c('75311000-9'), c('75312000-6'), c('75313000-3'), c('75313100-4'), c('75314000-0'), c('75320000-5'), c('75330000-8'), c('75340000-1')],
    },
    {
      heading: 'Other community, social and personal services including services furnished by trade unions, political organisations, youth associations and other membership organisation services',
      items: [c('98000000-3'), c('98120000-0'), c('98132000-7'), c('98133110-8'), c('98130000-3')],
    },
    { heading: 'Religious services', items: [c('98131000-0')] },
    {
      heading: 'Hotel and restaurant services',
      items: [
        range('55100000-1', '55410000-7'),
        range('55521000-8', '55521200-0'),
        c('55520000-1'), c('55522000-5'), c('55523000-2'), c('55524000-9'), c('55510000-8'), c('55511000-5'), c('55512000-2'), c('55523100-3'),
      ],
    },
    { heading: 'Legal services, to the extent not excluded by regulation 10(1)(d)', items: [range('79100000-5', '79140000-7'), c('75231100-5')] },
    {
      heading: 'Other administrative services and government services',
      items: [range('75100000-7', '75120000-3'), c('75123000-4'), range('75125000-8', '75131000-3')],
    },
    { heading: 'Provision of services to the community', items: [range('75200000-8', '75231000-4')] },
    {
      heading: 'Prison related services, public security and rescue services, to the extent not excluded by regulation 10(1)(h)',
      items: [range('75231210-9', '75231230-5'), range('75240000-0', '75252000-7'), c('79430000-7'), c('98113100-9')],
    },
    { heading: 'Investigation and security services', items: [range('79700000-1', '79721000-4'), c('79722000-1'), c('79723000-8')] },
    { heading: 'International services', items: [c('98900000-2'), c('98910000-5')] },
    {
      heading: 'Postal services',
      items: [c('64000000-6'), c('64100000-7'), c('64110000-0'), c('64111000-7'), c('64112000-4'), c('64113000-1'), c('64114000-8'), c('64115000-5'), c('64116000-2'), c('64122000-7')],
    },
    { heading: 'Miscellaneous services', items: [c('50116510-9'), c('71550000-8')] },
  ],
};

export const PCR2015_REG_77: StatutoryCpvList = {
  id: 'pcr2015_reg_77',
  title: 'Reserved contracts for certain services',
  citation: 'Public Contracts Regulations 2015 (SI 2015/102) reg 77(2)',
  groups: [
    {
      heading: 'Reservable public contracts',
      items: [
        c('75121000-0'), c('75122000-7'), c('75123000-4'), c('79622000-0'), c('79624000-4'), c('79625000-1'),
        c('80110000-8'), c('80300000-7'), c('80420000-4'), c('80430000-7'), c('80511000-9'), c('80520000-5'), c('80590000-6'),
        range('85000000-9', '85323000-9'),
        c('92500000-6'), c('92600000-7'), c('98133000-4'), c('98133110-8'),
      ],
    },
  ],
};

/**
 * How this build decides the Procurement Act 2023 flags (see "NOT VERIFIED" above): light touch =
 * in PCR 2015 Schedule 3; reservable = in PCR 2015 reg 77(2). Shown with every s33 answer.
 */
export const PA2023_BASIS = {
  verified: false,
  statement:
    'The light touch and reservable flags for the Procurement Act 2023 are taken from the lists in Schedule 3 and regulation 77 of the Public Contracts Regulations 2015, which Schedule 1 to the Procurement Regulations 2024 is taken to carry over; the entries of Schedule 1 Table 1 (SI 2024/692) have not been checked one by one in this version of the app.',
} as const;

/** Whether an eight-digit code (no check digit) is in a list, by single code or by range. */
export function listIncludes(list: StatutoryCpvList, digits: string): boolean {
  for (const group of list.groups) {
    for (const item of group.items) {
      if ('code' in item) {
        if (item.code.slice(0, 8) === digits) return true;
      } else if (digits >= item.from.slice(0, 8) && digits <= item.to.slice(0, 8)) {
        return true;
      }
    }
  }
  return false;
}

/** The heading of the group of the list that names the code, for evidence ("Benefit services"). */
export function listGroupOf(list: StatutoryCpvList, digits: string): string | null {
  for (const group of list.groups) {
    for (const item of group.items) {
      if ('code' in item ? item.code.slice(0, 8) === digits : digits >= item.from.slice(0, 8) && digits <= item.to.slice(0, 8)) return group.heading;
    }
  }
  return null;
}
