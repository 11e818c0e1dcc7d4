import { fail, type Result } from '../../../shared/result';
import { isAppUrl } from './security';
import { dispatchForOrganisation } from '../shared/organisation-guard';

/**
 * The IPC handlers' logic, as pure functions. Checklist 17: every message is checked against
 * the frame that sent it before anything is done: it must be the main frame of our one window
 * (not a subframe, not another window) and it must show our own app:// page. Like
 * `Core.dispatch`, the handlers always answer with a Result and never throw into Electron.
 */
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** What is known of a frame: where it is (which process and document) and what it shows. */
export interface FrameFacts {
  url: string;
  processId: number;
  routingId: number;
  /** True for a top-level frame, false for an iframe. */
  isTop: boolean;
}

/** The identity of the main window's main frame, which alone may call. */
export interface FrameId {
  processId: number;
  routingId: number;
}

/** The slice of Electron's WebFrameMain read here. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

export const REFUSED_SENDER = 'This request did not come from the Mutual Governance window, so it was refused.';

/**
 * Trusted only when the sender is the main window's own main frame (the same process and
 * document: Electron may hand out distinct objects for one frame, so identity is compared by
 * processId and routingId) and shows app://mutual-governance. A subframe, another window, a
 * navigated or vanished frame, or no main window at all: refused.
 */
export function isTrustedSender(frame: FrameFacts | null, mainFrame: FrameId | null): boolean {
  if (frame === null || mainFrame === null) return false;
  return (
    frame.isTop &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId &&
    isAppUrl(frame.url)
  );
}

/**
 * Reads the facts of a frame (an IPC event's `senderFrame`, or a window's `mainFrame`), or
 * null. `senderFrame` is null when the frame has navigated or gone, and reading a disposed
 * frame throws; both count as untrusted.
 */
export function frameFacts(frame: FrameLike | null | undefined): FrameFacts | null {
  try {
    if (!frame) return null;
    return { url: frame.url, processId: frame.processId, routingId: frame.routingId, isTop: frame.parent === null };
  } catch {
    return null;
  }
}

export function frameId(frame: FrameLike | null | undefined): FrameId | null {
  const facts = frameFacts(frame);
  return facts ? { processId: facts.processId, routingId: facts.routingId } : null;
}

/** BRIDGE_CHANNEL: a contract call. The core validates the input against the contract. */
export async function handleInvoke(
  sender: FrameFacts | null,
  mainFrame: FrameId | null,
  method: unknown,
  input: unknown,
  dispatch: Dispatch,
  organisationId?: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, mainFrame)) return fail('FORBIDDEN', REFUSED_SENDER);
  if (typeof method !== 'string') return fail('VALIDATION', 'The request did not name a method.');
  // The organisation the window shows: refused if the file was switched to another meanwhile.
  return dispatchForOrganisation(dispatch, method, input, typeof organisationId === 'string' && organisationId !== '' ? organisationId : undefined);
}
