import type { AppUnderTest } from './app';

/**
 * Calls a contract method on the app under test the way the renderer does (same token, same
 * envelope), for seeding records a journey is not about. Throws on an error answer.
 */
export async function api<T = any>(app: AppUnderTest, method: string, input: unknown = {}): Promise<T> {
  const url = new URL(app.url);
  const token = url.searchParams.get('token')!;
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-MG-Token': token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message}`);
  return body.value as T;
}

/** Waits for a job started by a method to finish and returns its result. */
export async function runJob<T = any>(app: AppUnderTest, method: string, input: unknown = {}): Promise<T> {
  const { jobId } = await api<{ jobId: string }>(app, method, input);
  for (;;) {
    const status = await api<{ state: string; result?: T; error?: { message: string } }>(app, 'jobs.get', { id: jobId });
    if (status.state === 'succeeded') return status.result as T;
    if (status.state === 'failed') throw new Error(`${method} job failed: ${status.error?.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
