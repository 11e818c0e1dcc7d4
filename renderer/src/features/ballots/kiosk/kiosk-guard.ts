import type { KioskLock } from './lock';

/**
 * The kiosk's lock, held for the whole page rather than by the kiosk screen. react-router's
 * useBlocker stops the app's own links and Back, but not a change of address it did not make (an
 * address typed, or set by a script): the router moves on and the kiosk screen would unmount with
 * its lock. So the lock lives here, and while it is engaged this module turns any change of address
 * back to the kiosk (below). In memory only, never stored.
 */
interface Engaged {
  /** The locked screen's route (the ballot kiosk's, or a written resolution's "Agree at this laptop"). */
  path: string;
  ballotId: string;
  lock: KioskLock;
  /** Set when the address was turned back, so the kiosk can say why. */
  turnedBack: boolean;
  listeners: Set<() => void>;
  /** The router's record of the kiosk's history entry, put back with its address. */
  historyState: unknown;
}

let engaged: Engaged | null = null;

export function kioskPath(ballotId: string): string {
  return `/ballots/${ballotId}/kiosk`;
}

/** The lock in force, if any. */
export function engagedLock(): { ballotId: string; lock: KioskLock } | null {
  return engaged ? { ballotId: engaged.ballotId, lock: engaged.lock } : null;
}

/**
 * A change of address (Back, Forward, an address typed or set by a script) reaches the page as a
 * popstate event. Listeners on the window run in the order they were added, and this module is
 * loaded (through the routes) before the app creates its router, so this listener runs first: while
 * the lock is engaged it stops the event before the router hears of it and puts the kiosk's address
 * back, so the router never leaves the kiosk and the voter's screen is kept. hashchange is caught
 * as well, in case the router did move: the address is turned back and the kiosk screen, mounted
 * again, finds the lock here.
 */
function away(e: Engaged): boolean {
  return window.location.hash.split('?')[0] !== `#${e.path}`;
}

function turnBack(e: Engaged): void {
  e.turnedBack = true;
  for (const l of e.listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    if (!engaged || !away(engaged)) return;
    event.stopImmediatePropagation();
    window.history.replaceState(engaged.historyState, '', `#${engaged.path}`);
    turnBack(engaged);
  });
  window.addEventListener('hashchange', () => {
    if (!engaged || !away(engaged)) return;
    window.location.replace(`#${engaged.path}`);
    turnBack(engaged);
  });
}

/** Engages the lock for this ballot's kiosk (the page must be at the kiosk's address). */
export function engageKiosk(ballotId: string, lock: KioskLock): void {
  engageLockAt(kioskPath(ballotId), lock, ballotId);
}

/**
 * Engages the lock for any locked screen at `path` (the page must be at that address): a written
 * resolution's "Agree at this laptop" holds the laptop the same way as the ballot kiosk.
 */
export function engageLockAt(path: string, lock: KioskLock, ballotId = ''): void {
  engaged = { path, ballotId, lock, turnedBack: false, listeners: new Set(), historyState: window.history.state as unknown };
}

/** The lock engaged for the screen at `path`, if any (a screen mounted again after the address was turned back finds it here). */
export function engagedLockAt(path: string): KioskLock | null {
  return engaged?.path === path ? engaged.lock : null;
}

/** Calls `listener` each time the address is turned back; answers the unsubscribe. */
export function onTurnedBack(listener: () => void): () => void {
  const e = engaged;
  e?.listeners.add(listener);
  return () => e?.listeners.delete(listener);
}

/** Whether the address was turned back since the last call (and forgets it). */
export function takeTurnedBack(): boolean {
  if (!engaged?.turnedBack) return false;
  engaged.turnedBack = false;
  return true;
}

export function releaseKiosk(): void {
  engaged = null;
}
