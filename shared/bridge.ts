import type { Result } from './result';

/**
 * What the Electron preload exposes to the renderer as `window.bridge`. The browser host has
 * no bridge; the renderer's client then speaks HTTP to the loopback host instead.
 */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

export const BRIDGE_CHANNEL = 'mg:invoke';
