import { parentPort, workerData } from 'node:worker_threads';
import { REGISTRY } from '../registry';
import { checkRegistersAgainstLog, type RegisterCheck } from './verify-all';

/**
 * The start-up register check's worker thread (started by register-check-thread.ts). The check
 * (verify-all.ts checkRegistersAgainstLog) already reads the file on a read-only connection of its
 * own, in one read transaction; what cannot cross the thread boundary is the registry's state
 * readers (functions), so this thread builds the registry itself by importing it. The host's
 * event loop then only waits for one message: at 50,000 contracts some of the check's pieces
 * (the contracts' income by month) held it for up to half a second at a time, sliced or not.
 *
 * Loaded as TypeScript through register-check-worker-entry.mjs (tsx) under Vitest and tsx, and
 * as the prebuilt register-check-worker.cjs beside main.cjs in the Electron bundle
 * (tools/build-electron.mjs).
 */

export interface RegisterCheckWorkerData {
  task: 'register-check';
  dbPath: string;
  backupsDir: string;
}

export type RegisterCheckWorkerMessage =
  /** The thread has loaded the registry: from here on a failure is the check's, not the thread's start. */
  | { type: 'ready' }
  | { type: 'done'; check: RegisterCheck }
  | { type: 'failed'; message: string };

/** The check as the worker runs it: no slices, since this thread has no one else to serve. */
export async function runRegisterCheck(data: Pick<RegisterCheckWorkerData, 'dbPath' | 'backupsDir'>, post: (m: RegisterCheckWorkerMessage) => void): Promise<void> {
  try {
    const check = await checkRegistersAgainstLog({ dbPath: data.dbPath, readers: REGISTRY.readers, backupsDir: data.backupsDir }, async () => {});
    post({ type: 'done', check });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

// Only as a worker started for this (the module can be imported for its types and function).
if (parentPort && (workerData as { task?: string } | null)?.task === 'register-check') {
  const port = parentPort;
  const data = workerData as RegisterCheckWorkerData;
  port.postMessage({ type: 'ready' } satisfies RegisterCheckWorkerMessage);
  void runRegisterCheck(data, (m) => port.postMessage(m));
}
