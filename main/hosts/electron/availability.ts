import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether the Electron app can be started here. Electron's binary cannot be downloaded on our
 * build machines (DESIGN.md "Tests"), and a Linux machine without a display cannot show a
 * window; in both cases the start script falls back to the browser host and the Electron
 * smoke test is skipped, each saying why in one short line.
 */
export type ElectronAvailability = { ok: true; binary: string } | { ok: false; reason: string };

export interface AvailabilityProbe {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The Electron binary's path; throws when it is not installed. */
  resolveBinary: () => string;
}

export const NO_BINARY = "Electron's binary is not installed (it could not be downloaded)";
export const NO_DISPLAY = 'no display (DISPLAY/WAYLAND_DISPLAY unset)';

export function electronAvailability({ platform, env, resolveBinary }: AvailabilityProbe): ElectronAvailability {
  let binary: string;
  try {
    binary = resolveBinary();
  } catch {
    return { ok: false, reason: NO_BINARY };
  }
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return { ok: false, reason: NO_DISPLAY };
  return { ok: true, binary };
}

/**
 * From plain Node, `require('electron')` returns the path of the binary the package's
 * install script downloaded, and throws when that download never happened. The file is
 * checked too, in case the download was interrupted.
 */
export function findElectronBinary(): string {
  const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  const binary: unknown = require('electron');
  if (typeof binary !== 'string') throw new Error('require("electron") did not return a path (is this running inside Electron?)');
  if (!existsSync(binary)) throw new Error(`Electron's binary is missing at ${binary}`);
  return binary;
}
