import type { Bridge } from '../../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index';
import type { AppErrorBody, Result } from '../../../shared/result';
import { sessionToken } from './session';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

/** An error answer from the core, carried through TanStack Query and forms. */
export class ApiError extends Error {
  readonly code: AppErrorBody['code'] | 'SESSION' | 'OFFLINE';
  readonly fieldErrors: Record<string, string> | undefined;
  constructor(body: { code: ApiError['code']; message: string; fieldErrors?: Record<string, string> }) {
    super(body.message);
    this.code = body.code;
    this.fieldErrors = body.fieldErrors;
  }
}

/** How a call is sent. */
export interface CallOptions {
  /**
   * Sent as the page goes away (tab closed, navigated off, laptop lid shut): the browser keeps
   * the request alive after the page is gone (fetch keepalive). Browsers refuse keepalive for a
   * body over 64 KiB, so a larger one goes as an ordinary request (best effort).
   */
  keepalive?: boolean;
}

const KEEPALIVE_MAX_BODY = 60_000;

/**
 * The organisation this window shows, sent with every call (X-MG-Organisation, or the bridge's
 * third argument). The current organisation is one value for the file, so another tab may switch
 * it: the host then refuses this window's calls (CONFLICT, reason 'organisation_switched') rather
 * than read or write the other organisation's records under this one's name, and this window
 * reloads its organisation. Learnt from the first app.status and from this window's own switch.
 */
let shownOrganisation: string | null = null;
const switchedListeners = new Set<(message: string) => void>();
const ORGANISATION_SWITCHED = 'organisation_switched';

/** Called when another window switched the file to another organisation; answers the unsubscribe. */
export function onOrganisationSwitched(listener: (message: string) => void): () => void {
  switchedListeners.add(listener);
  return () => switchedListeners.delete(listener);
}

/** The organisation this window shows (null until the first app.status answers, or after a reload). */
export function shownOrganisationId(): string | null {
  return shownOrganisation;
}

/**
 * Forgets the organisation shown, so the next app.status learns it afresh without calling it a
 * switch by another window: after a restore, whose file may keep another organisation.
 */
export function forgetShownOrganisation(): void {
  shownOrganisation = null;
}

function organisationSwitched(message: string) {
  // Said once: the other calls refused in the same moment find it already forgotten.
  if (shownOrganisation === null) return;
  // Forgotten until app.status answers again: the reload learns the new one.
  shownOrganisation = null;
  for (const listener of switchedListeners) listener(message);
}

/** Keeps the organisation shown up to date from the answers that name it. */
function follow(method: string, result: Result<unknown>) {
  if (!result.ok) {
    if (result.error.reason === ORGANISATION_SWITCHED) organisationSwitched(result.error.message);
    return;
  }
  if (method === 'group.switch') {
    shownOrganisation = (result.value as { id: string }).id;
  } else if (method === 'app.status') {
    const current = (result.value as { organisationId?: string | null; organisationName?: string | null }) ?? {};
    if (!current.organisationId) return;
    if (shownOrganisation === null) shownOrganisation = current.organisationId;
    else if (shownOrganisation !== current.organisationId) {
      const name = current.organisationName ?? 'another organisation';
      organisationSwitched(`Another window switched this file to ${name}. Reload to see ${name}’s records.`);
    }
  }
}

async function overHttp(method: string, input: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
  const token = sessionToken();
  if (!token) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'SESSION' } };
  }
  let response: Response;
  const body = JSON.stringify(input ?? {});
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-MG-Token': token, ...(shownOrganisation ? { 'X-MG-Organisation': shownOrganisation } : {}) },
      body,
      keepalive: options.keepalive === true && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BODY,
    });
  } catch {
    throw new ApiError({ code: 'OFFLINE', message: 'The app’s background service is not running. Start it again with npm start.' });
  }
  if (response.status === 401) throw new ApiError({ code: 'SESSION', message: 'SESSION' });
  if (!response.ok) {
    const text = await response.text();
    let message = `The request was refused (${response.status}).`;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      /* plain-text refusal: keep the generic message */
    }
    throw new ApiError({ code: 'INTERNAL', message });
  }
  return (await response.json()) as Result<unknown>;
}

/**
 * Calls one contract method; the answer is the Result envelope, never a throw for app errors.
 * On the desktop the bridge's IPC message reaches the core even if the window closes straight after.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<Result<MethodOutput<M>>> {
  const result = window.bridge ? await window.bridge.invoke(method, input, shownOrganisation ?? undefined) : await overHttp(method, input, options);
  if (!result.ok && result.error.message === 'SESSION') throw new ApiError({ code: 'SESSION', message: 'SESSION' });
  follow(method, result);
  return result as Result<MethodOutput<M>>;
}

/** Calls a method and throws ApiError on an error answer (for queries and mutations). */
export async function request<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
