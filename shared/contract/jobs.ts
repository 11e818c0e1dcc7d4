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

export const jobMethods = defineMethods('jobs', {
  'jobs.get': method({
    kind: 'query',
    summary: 'Progress and outcome of a long job.',
    input: z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, 'Unknown job.') }),
    output: jobStatusSchema,
  }),
});
