import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result';
import { frameFacts, frameId, handleInvoke, isTrustedSender, type FrameFacts } from './ipc';

const OURS = 'app://mutual-governance/#/members';
const MAIN = { processId: 4, routingId: 1 };
const mainFrame: FrameFacts = { url: OURS, ...MAIN, isTop: true };

describe('isTrustedSender', () => {
  it('trusts the main window’s own main frame showing our page', () => {
    expect(isTrustedSender(mainFrame, MAIN)).toBe(true);
    expect(isTrustedSender({ ...mainFrame, url: 'app://mutual-governance/#/meetings' }, MAIN)).toBe(true);
  });

  it('refuses a subframe, even one showing our own page in our own process', () => {
    expect(isTrustedSender({ ...mainFrame, isTop: false }, MAIN)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, routingId: 7, isTop: false }, MAIN)).toBe(false);
  });

  it('refuses the main frame of any other window or process', () => {
    expect(isTrustedSender({ ...mainFrame, routingId: 2 }, MAIN)).toBe(false);
    expect(isTrustedSender({ ...mainFrame, processId: 5 }, MAIN)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'about:blank', 'app://other/', 'devtools://devtools/bundled/inspector.html', ''])(
    'refuses our main frame once it shows %s',
    (url) => {
      expect(isTrustedSender({ ...mainFrame, url }, MAIN)).toBe(false);
    },
  );

  it('refuses when the frame or the main window is gone', () => {
    expect(isTrustedSender(null, MAIN)).toBe(false);
    expect(isTrustedSender(mainFrame, null)).toBe(false);
  });
});

describe('frameFacts and frameId', () => {
  it('read a frame: where it is, what it shows and whether it is top-level', () => {
    expect(frameFacts({ url: OURS, processId: 4, routingId: 1, parent: null })).toEqual(mainFrame);
    expect(frameFacts({ url: OURS, processId: 4, routingId: 9, parent: {} })).toMatchObject({ isTop: false });
    expect(frameId({ url: OURS, processId: 4, routingId: 1, parent: null })).toEqual(MAIN);
  });

  it('are null for a missing or disposed frame', () => {
    expect(frameFacts(null)).toBeNull();
    expect(frameFacts(undefined)).toBeNull();
    const disposed = {
      processId: 4,
      routingId: 1,
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(frameFacts(disposed)).toBeNull();
    expect(frameId(disposed)).toBeNull();
  });
});

describe('handleInvoke', () => {
  it('dispatches a call from our main frame', async () => {
    const dispatch = vi.fn(async () => ok({ appVersion: '0.1.0' }));
    await expect(handleInvoke(mainFrame, MAIN, 'app.status', {}, dispatch)).resolves.toEqual(ok({ appVersion: '0.1.0' }));
    expect(dispatch).toHaveBeenCalledWith('app.status', {});
  });

  it.each<[string, FrameFacts | null]>([
    ['a subframe', { ...mainFrame, isTop: false, routingId: 3 }],
    ['another page', { ...mainFrame, url: 'https://evil.example/' }],
    ['no frame', null],
  ])('refuses a call from %s without dispatching', async (_name, frame) => {
    const dispatch = vi.fn(async () => ok(null));
    const result = await handleInvoke(frame, MAIN, 'app.status', {}, dispatch);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call made for another organisation than the file’s current one, without dispatching it', async () => {
    const dispatch = vi.fn(async (method: string) => (method === 'app.status' ? ok({ organisationId: 'org-b', organisationName: 'B Ltd' }) : ok({ id: 'org-b' })));
    await expect(handleInvoke(mainFrame, MAIN, 'organisation.get', {}, dispatch, 'org-a')).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'organisation_switched' } });
    expect(dispatch).not.toHaveBeenCalledWith('organisation.get', {});
    await expect(handleInvoke(mainFrame, MAIN, 'organisation.get', {}, dispatch, 'org-b')).resolves.toEqual(ok({ id: 'org-b' }));
  });

  it.each([undefined, 42, { toString: () => 'app.status' }])('refuses a method name that is not a string: %s', async (method) => {
    const dispatch = vi.fn(async () => ok(null));
    await expect(handleInvoke(mainFrame, MAIN, method, {}, dispatch)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
