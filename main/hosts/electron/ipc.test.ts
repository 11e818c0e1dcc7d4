import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/result';
import { handleInvoke, senderFrameUrl } from './ipc';

const OURS = 'app://mutual-governance/#/members';

describe('handleInvoke', () => {
  it('dispatches a call from our own page', async () => {
    const dispatch = vi.fn(async () => ok({ appVersion: '0.1.0' }));
    await expect(handleInvoke(OURS, 'app.status', {}, dispatch)).resolves.toEqual(ok({ appVersion: '0.1.0' }));
    expect(dispatch).toHaveBeenCalledWith('app.status', {});
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'about:blank', 'app://other/', '', null, undefined])(
    'refuses a call from %s without dispatching',
    async (frameUrl) => {
      const dispatch = vi.fn(async () => ok(null));
      const result = await handleInvoke(frameUrl, 'app.status', {}, dispatch);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it.each([undefined, 42, { toString: () => 'app.status' }])('refuses a method name that is not a string: %s', async (method) => {
    const dispatch = vi.fn(async () => ok(null));
    await expect(handleInvoke(OURS, method, {}, dispatch)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('senderFrameUrl', () => {
  it('reads the frame URL', () => {
    expect(senderFrameUrl({ senderFrame: { url: OURS } })).toBe(OURS);
  });

  it('is null for a missing or disposed frame', () => {
    expect(senderFrameUrl({ senderFrame: null })).toBeNull();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderFrameUrl({ senderFrame: disposed })).toBeNull();
  });
});
