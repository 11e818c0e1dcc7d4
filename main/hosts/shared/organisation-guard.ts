import type { Result } from '../../../shared/result';

/**
 * The organisation a window shows, sent with every call (the HTTP header, or the Electron
 * bridge's third argument). The current organisation is one value for the file (app_meta), so a
 * second browser tab that switches to B would otherwise make the first tab, still showing A's top
 * bar, read and write B's records. A call made for another organisation than the current one is
 * refused before it reaches the core, and the window reloads its organisation.
 */
export const ORGANISATION_HEADER = 'x-mg-organisation';
/** The AppErrorBody reason a window recognises to reload its organisation. */
export const ORGANISATION_SWITCHED = 'organisation_switched';

/**
 * What a window asks to find its footing, whichever organisation it thinks it shows; and the
 * following of a job it started (by its random id): a job's outcome is for the organisation it was
 * started for, and a restore's own job ends with another file's organisation current.
 */
const ALWAYS = new Set(['app.status', 'group.organisations', 'group.switch', 'jobs.get', 'jobs.cancel']);

type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Dispatches the call if the window's organisation is the file's current one (or the caller names
 * none: the command line, tests, a window not yet set up); otherwise answers CONFLICT.
 */
export async function dispatchForOrganisation(dispatch: Dispatch, method: string, input: unknown, organisationId: string | undefined): Promise<Result<unknown>> {
  if (organisationId && !ALWAYS.has(method)) {
    const status = await dispatch('app.status', {});
    if (status.ok) {
      const current = status.value as { organisationId: string | null; organisationName: string | null };
      if (current.organisationId && current.organisationId !== organisationId) {
        const name = current.organisationName ?? 'another organisation';
        return {
          ok: false,
          error: { code: 'CONFLICT', reason: ORGANISATION_SWITCHED, message: `Another window switched this file to ${name}. Reload to see ${name}’s records.` },
        };
      }
    }
  }
  return dispatch(method, input);
}
