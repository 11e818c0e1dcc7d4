import { z } from 'zod';
import { defineMethods, method } from './method';

export const appStatusSchema = z.object({
  appVersion: z.string(),
  organisationName: z.string().nullable(),
  /**
   * The organisation whose records the file currently shows (one value for the file): a window
   * keeps the one it shows and sends it with every call, so a switch made in another window is
   * noticed rather than read or written under the wrong organisation's name.
   */
  organisationId: z.string().nullable(),
  /** Companies and societies keep different registers (e.g. only companies keep a PSC register). */
  legalFamily: z.enum(['company', 'society']).nullable(),
  host: z.enum(['electron', 'browser', 'cli']),
  /** A job that holds the database (restore, import), so the UI can explain refused changes. */
  busy: z.object({ jobId: z.string(), label: z.string() }).nullable(),
  /**
   * The start-up integrity check (quick_check) runs in the background on large files; changes
   * wait for it. 'damaged' means changes are refused and a backup should be restored.
   */
  integrity: z.object({ state: z.enum(['checking', 'ok', 'damaged']), problem: z.string().nullable() }),
  /**
   * At start the registers are compared with the audit log in the background: 'mismatch' names
   * records changed outside the app (or heads kept outside the file that the log no longer
   * holds); 'off' where the check does not run (the command line runs verify itself).
   */
  registers: z.object({ state: z.enum(['checking', 'ok', 'mismatch', 'off']), problems: z.array(z.string()), more: z.number().int() }),
});
export type AppStatus = z.output<typeof appStatusSchema>;

export const appMethods = defineMethods('app', {
  'app.status': method({
    kind: 'query',
    summary: 'Version, whether the organisation is set up, and any job holding the database.',
    input: z.strictObject({}),
    output: appStatusSchema,
  }),
});
