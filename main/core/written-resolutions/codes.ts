import { createHash } from 'node:crypto';
import { newCode, normaliseCode } from '../ballots/cast';

/**
 * One-time agreement codes for members' written resolutions (issue 9). A member signifies
 * agreement by sending the company an authenticated document identifying the resolution and
 * indicating agreement, in hard copy or electronic form (CA 2006 s296(1)-(2)); a document in
 * electronic form is sufficiently authenticated if the sender's identity is confirmed in a manner
 * specified by the company (s1146(3)(a)). Typing one's own code, printed on the letter that went
 * with the copy of the resolution (s291(4), s293(4)), is that manner: the resolution is chosen on
 * the screen, the code says who is agreeing.
 *
 * The codes look like voting codes (16 characters of Crockford base 32, 80 bits, shown as four
 * groups of four, read the same forgiving way) so members learn one form, but their hashes are in
 * a domain of their own: a ballot's voting code is never an agreement code, and a hash in one table
 * says nothing about the other. Only the hash is kept; the code is shown once.
 */
export function newAgreementCode(): string {
  return newCode();
}

export function agreementCodeHash(code: string): string {
  return createHash('sha256').update(`mutual-governance/written-resolution-agreement-code/v1|${normaliseCode(code)}`).digest('hex');
}

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

/** Why a typed code cannot be an agreement code at all (before it is looked up), or null. */
export function agreementCodeProblem(typed: string): string | null {
  const code = normaliseCode(typed);
  if (code === '') return 'Enter the agreement code from your letter.';
  if (!CROCKFORD.test(code)) return 'An agreement code has 16 letters and numbers, in four groups of four, as printed on your letter. Check it and try again.';
  return null;
}
