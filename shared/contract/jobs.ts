import { z } from 'zod';
import { defineMethods, method } from './method';
import { isoInstant } from './fields';
import { ERROR_CODES } from '../result';

export const jobStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  state: z.enum(['running', 'succeeded', 'failed']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  /** Whether the job stops part-way when asked (jobs.cancel); only such jobs offer a Cancel button. */
  cancellable: z.boolean(),
  startedAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  result: z.unknown().optional(),
  error: z
    .object({ code: z.enum(ERROR_CODES), message: z.string(), fieldErrors: z.record(z.string(), z.string()).optional() })
    .optional(),
});
export type JobStatus = z.output<typeof jobStatusSchema>;

/** What a method that starts a long job answers: follow it with jobs.get. */
export const jobStartedSchema = z.object({ jobId: z.string() });

const jobId = z.string().regex(/^[0-9a-f]{32}$/, 'Unknown job.');

export const jobMethods = defineMethods('jobs', {
  'jobs.get': method({
    kind: 'query',
    summary: 'Progress and outcome of a long job.',
    input: z.strictObject({ id: jobId }),
    output: jobStatusSchema,
  }),
  /**
   * A command, not a mutation: it changes no record, and must be answered while an exclusive job
   * (a restore, an import) holds the database, when mutations are refused.
   */
  'jobs.cancel': method({
    kind: 'command',
    summary: 'Asks a long job that can stop part-way (cancellable) to stop. Answers its status: still running until it has stopped, then failed with the cancellation as its error. Asking again is harmless; a job that has already finished is refused (CONFLICT).',
    input: z.strictObject({ id: jobId }),
    output: jobStatusSchema,
  }),
});
