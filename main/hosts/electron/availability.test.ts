import { describe, expect, it } from 'vitest';
import { NO_BINARY, NO_DISPLAY, electronAvailability, findElectronBinary } from './availability';

const installed = () => '/repo/node_modules/electron/dist/electron';
const missing = () => {
  throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
};

describe('electronAvailability', () => {
  it('is available on Linux with an X11 or Wayland display', () => {
    expect(electronAvailability({ platform: 'linux', env: { DISPLAY: ':0' }, resolveBinary: installed })).toEqual({ ok: true, binary: installed() });
    expect(electronAvailability({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, resolveBinary: installed }).ok).toBe(true);
  });

  it('needs no display variable on Windows or macOS', () => {
    expect(electronAvailability({ platform: 'win32', env: {}, resolveBinary: installed }).ok).toBe(true);
    expect(electronAvailability({ platform: 'darwin', env: {}, resolveBinary: installed }).ok).toBe(true);
  });

  it('says so in one line when the binary is missing', () => {
    const result = electronAvailability({ platform: 'linux', env: { DISPLAY: ':0' }, resolveBinary: missing });
    expect(result).toEqual({ ok: false, reason: NO_BINARY });
    if (!result.ok) expect(result.reason).not.toContain('\n');
  });

  it('reports the missing binary first when both are missing', () => {
    expect(electronAvailability({ platform: 'linux', env: {}, resolveBinary: missing })).toEqual({ ok: false, reason: NO_BINARY });
  });

  it('says so when Linux has no display', () => {
    expect(electronAvailability({ platform: 'linux', env: {}, resolveBinary: installed })).toEqual({ ok: false, reason: NO_DISPLAY });
    expect(electronAvailability({ platform: 'linux', env: { DISPLAY: '', WAYLAND_DISPLAY: '' }, resolveBinary: installed })).toEqual({
      ok: false,
      reason: NO_DISPLAY,
    });
  });
});

describe('findElectronBinary', () => {
  it('returns an existing file or throws, never anything else', () => {
    let outcome: string;
    try {
      outcome = typeof findElectronBinary();
    } catch (e) {
      outcome = e instanceof Error ? 'threw' : 'threw a non-error';
    }
    expect(['string', 'threw']).toContain(outcome);
  });
});
