import { z } from 'zod';
import { method } from './method';

export const appStatusSchema = z.object({
  appVersion: z.string(),
  organisationName: z.string().nullable(),
  /** Companies and societies keep different registers (e.g. only companies keep a PSC register). */
  legalFamily: z.enum(['company', 'society']).nullable(),
  host: z.enum(['electron', 'browser', 'cli']),
  /** A job that holds the database (restore, import), so the UI can explain refused changes. */
  busy: z.object({ jobId: z.string(), label: z.string() }).nullable(),
});
export type AppStatus = z.output<typeof appStatusSchema>;

export const appMethods = {
  'app.status': method({
    kind: 'query',
    summary: 'Version, whether the organisation is set up, and any job holding the database.',
    input: z.strictObject({}),
    output: appStatusSchema,
  }),
};
