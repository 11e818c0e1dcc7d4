import { call } from '../api/client';

/**
 * Turns a member number typed in an officer form into the register entry's id. Empty means no
 * link; a number that is not in the register is a field error.
 */
export async function resolveMemberNumber(text: string): Promise<{ ok: true; memberId: string | undefined } | { ok: false; message: string }> {
  const number = text.trim();
  if (number === '') return { ok: true, memberId: undefined };
  const result = await call('members.search', { query: number, status: 'all', limit: 10 });
  if (!result.ok) return { ok: false, message: result.error.message };
  const entry = result.value.rows.find((r) => r.memberNumber === Number(number));
  return entry ? { ok: true, memberId: entry.id } : { ok: false, message: `No entry in the register of members has the number ${number}.` };
}
