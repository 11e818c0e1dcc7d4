import { beforeAll, describe, expect, test } from 'vitest';
import type * as Guard from './kiosk-guard';

// A window with just what the guard touches: events, the address and the history. The guard adds
// its listeners when it is loaded, and the "router" adds its own afterwards, as in the app.
class FakeWindow extends EventTarget {
  replaced: string[] = [];
  location = {
    hash: '#/ballots/b1/kiosk',
    replace: (to: string) => {
      this.replaced.push(to);
      this.location.hash = to;
    },
  };
  history = {
    state: { idx: 3 } as unknown,
    replaceState: (state: unknown, _title: string, to: string) => {
      this.history.state = state;
      this.replaced.push(to);
      this.location.hash = to;
    },
  };
}

const win = new FakeWindow();
let guard: typeof Guard;
const routerHeard: string[] = [];

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = win;
  guard = await import('./kiosk-guard');
  win.addEventListener('popstate', () => routerHeard.push(win.location.hash));
});

function goTo(hash: string) {
  win.location.hash = hash;
  win.dispatchEvent(new Event('popstate'));
}

describe('the kiosk’s guard on the address', () => {
  test('lets the router hear every change while no kiosk is locked', () => {
    goTo('#/members');
    expect(routerHeard).toEqual(['#/members']);
    goTo('#/ballots/b1/kiosk');
  });

  test('while locked, stops a change before the router hears it and puts the kiosk’s address back', async () => {
    routerHeard.length = 0;
    win.history.state = { idx: 3 };
    const { createLock } = await import('./lock');
    guard.engageKiosk('b1', await createLock('polling station 4', 1000));
    let told = 0;
    const stop = guard.onTurnedBack(() => (told += 1));
    goTo('#/members');
    expect(routerHeard).toEqual([]);
    expect(win.location.hash).toBe('#/ballots/b1/kiosk');
    expect(win.history.state).toEqual({ idx: 3 });
    expect(told).toBe(1);
    expect(guard.takeTurnedBack()).toBe(true);
    expect(guard.takeTurnedBack()).toBe(false);
    stop();
    // The kiosk's own address passes.
    goTo('#/ballots/b1/kiosk');
    expect(routerHeard).toEqual(['#/ballots/b1/kiosk']);
    expect(guard.engagedLock()?.ballotId).toBe('b1');
  });

  test('a hash change the router acted on first is turned back too', () => {
    win.location.hash = '#/settings';
    win.dispatchEvent(new Event('hashchange'));
    expect(win.location.hash).toBe('#/ballots/b1/kiosk');
  });

  test('once released with the passphrase, the address is free again', () => {
    routerHeard.length = 0;
    guard.releaseKiosk();
    expect(guard.engagedLock()).toBeNull();
    goTo('#/ballots/b1');
    expect(routerHeard).toEqual(['#/ballots/b1']);
  });

  test('holds a written resolution’s “Agree at this laptop” the same way, at its own address', async () => {
    const path = '/written-resolutions/w1/agree';
    win.location.hash = `#${path}`;
    routerHeard.length = 0;
    const { createLock } = await import('./lock');
    const lock = await createLock('meeting room laptop', 1000);
    guard.engageLockAt(path, lock);
    expect(guard.engagedLockAt(path)).toBe(lock);
    expect(guard.engagedLockAt('/ballots/b1/kiosk')).toBeNull();
    goTo('#/members');
    expect(routerHeard).toEqual([]);
    expect(win.location.hash).toBe(`#${path}`);
    expect(guard.takeTurnedBack()).toBe(true);
    guard.releaseKiosk();
    expect(guard.engagedLockAt(path)).toBeNull();
    goTo('#/written-resolutions/w1');
    expect(routerHeard).toEqual(['#/written-resolutions/w1']);
  });
});
