import { z } from 'zod';
import { defineMethods, method } from './method';
import { id, legalDate } from './fields';
import { jobStartedSchema } from './jobs';
import { fileResult } from './contracts';

/**
 * What the contract records tell the board and a commissioner (issue 10): whether a contract could
 * be reserved to this mutual under the Procurement Act 2023 s33, with the evidence as at a date,
 * and the portfolio of contracts (income by commissioner and service, contracts ending, the
 * largest commissioner's share).
 */
/** One condition of s33, with the evidence held and the law it comes from. */
export const s33ConditionSchema = z.object({
  ref: z.string(),
  title: z.string(),
  met: z.union([z.boolean(), z.literal('cannot_judge')]),
  statement: z.string(),
  evidence: z.array(z.string()),
});
export const s33ResultSchema = z.object({
  asAt: z.string(),
  contractId: id,
  counterpartyName: z.string(),
  reservable: z.union([z.boolean(), z.literal('cannot_judge')]),
  summary: z.string(),
  conditions: z.array(s33ConditionSchema),
  /** Comparable contracts found in the records: same authority, same kind of services, reserved under s33, in the three years before the award. */
  comparable: z.array(z.object({ id, reference: z.string(), title: z.string(), awardOn: z.string(), countsUntil: z.string() })),
  figures: z.object({
    members: z.number().int(),
    employeeMembers: z.number().int(),
    votingRights: z.number().int(),
    employeeVotingRights: z.number().int(),
    directors: z.number().int(),
    employeeDirectors: z.number().int(),
    contractIncomePence: z.number().int(),
    reservableIncomePence: z.number().int(),
  }),
  cannotJudge: z.array(z.string()),
});
export type S33Result = z.output<typeof s33ResultSchema>;

export const portfolioSchema = z.object({
  asAt: z.string(),
  /** Annual value of the contracts live (or in an extension) on the date. */
  annualIncomePence: z.number().int(),
  byCommissioner: z.array(z.object({ counterpartyId: id, name: z.string(), annualPence: z.number().int(), contracts: z.number().int(), share: z.number() })),
  byService: z.array(z.object({ code: z.string(), description: z.string(), annualPence: z.number().int(), contracts: z.number().int() })),
  ending: z.object({ within6: z.number().int(), within12: z.number().int(), within18: z.number().int(), within6Pence: z.number().int(), within12Pence: z.number().int(), within18Pence: z.number().int() }),
  endingContracts: z.array(z.object({ id, reference: z.string(), title: z.string(), counterpartyName: z.string(), currentEndOn: z.string(), annualValuePence: z.number().int().nullable() })),
  /** The largest commissioner's share of annual income (0 to 1): concentration risk. */
  largestShare: z.number(),
  largestCommissioner: z.string().nullable(),
});
export type Portfolio = z.output<typeof portfolioSchema>;

export const contractReportMethods = defineMethods('contractReports', {
  'contractReports.s33Check': method({
    kind: 'query',
    summary: 'Whether the contract could be reserved to this mutual under the Procurement Act 2023 s33, condition by condition with the evidence held, as at a date.',
    input: z.strictObject({ contractId: id, asAt: legalDate('the date of the evidence').optional() }),
    output: s33ResultSchema,
  }),
  'contractReports.evidencePack': method({
    kind: 'command',
    summary: 'The s33 eligibility evidence pack as PDF or DOCX, with every figure from the records as they stood on the date.',
    input: z.strictObject({ contractId: id, asAt: legalDate('the date of the evidence'), format: z.enum(['pdf', 'docx']) }),
    output: jobStartedSchema,
    jobResult: fileResult,
  }),
  'contractReports.portfolio': method({
    kind: 'query',
    summary: 'Income by commissioner and by service, contracts ending in 6, 12 and 18 months, and the largest commissioner’s share, as at a date.',
    input: z.strictObject({ asAt: legalDate('the date').optional() }),
    output: portfolioSchema,
  }),
  'contractReports.portfolioReport': method({
    kind: 'command',
    summary: 'The portfolio as a printable board report (PDF, with charts) or a spreadsheet (XLSX, one sheet per table).',
    input: z.strictObject({ asAt: legalDate('the date'), format: z.enum(['pdf', 'xlsx']) }),
    output: jobStartedSchema,
    jobResult: fileResult,
  }),
});
