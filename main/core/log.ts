import { randomBytes } from 'node:crypto';

/**
 * Main's log. Stacks and SQL stay here; the renderer gets a short reference it can quote.
 */
export function logError(where: string, error: unknown): string {
  const ref = randomBytes(3).toString('hex');
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[${new Date().toISOString()}] error ${ref} in ${where}: ${detail}`);
  return ref;
}

export function logInfo(message: string): void {
  console.log(`[${new Date().toISOString()}] ${message}`);
}
