/**
 * Changes to one meeting, one after another. Two saves in flight at once (an arrival time saved
 * on blur, then a departure typed straight after) could otherwise reach the core or come back in
 * either order, and the older answer would replace the newer one on screen.
 */
const queues = new Map<string, Promise<unknown>>();
export function inTurn<T>(meetingId: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(meetingId) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(meetingId, settled);
  void settled.then(() => {
    if (queues.get(meetingId) === settled) queues.delete(meetingId);
  });
  return next;
}
