import { fail, type Result } from '../../../shared/result';
import { isTrustedSender } from './security';

/**
 * The one IPC handler's logic (BRIDGE_CHANNEL). Checklist 17: the sender frame must show our
 * own app:// page, otherwise nothing is dispatched. The core validates the input against the
 * contract, so this only checks that the method name is a string. Like `Core.dispatch`, it
 * always answers with a Result and never throws into Electron.
 */
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export async function handleInvoke(frameUrl: string | null | undefined, method: unknown, input: unknown, dispatch: Dispatch): Promise<Result<unknown>> {
  if (!isTrustedSender(frameUrl)) return fail('FORBIDDEN', 'This request did not come from the Mutual Governance window, so it was refused.');
  if (typeof method !== 'string') return fail('VALIDATION', 'The request did not name a method.');
  return dispatch(method, input);
}

/**
 * The URL of an IPC event's sender frame, or null. `senderFrame` is null when the frame has
 * navigated or gone, and reading a disposed frame's `url` throws; both count as untrusted.
 */
export function senderFrameUrl(event: { readonly senderFrame: { readonly url: string } | null }): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}
