/**
 * A voting code as the voter types it, checked before the ballot is shown so that a mistyped code
 * is caught before the voter answers (the core checks it again when the vote is cast). Codes are 16
 * characters of Crockford base 32 in four groups of four: case, spaces and dashes do not matter,
 * and I, L and O are read as 1, 1 and 0 as the core reads them (main/core/ballots/cast.ts).
 */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

export function codeProblem(typed: string): string | null {
  const code = normaliseCode(typed);
  if (code === '') return 'Enter the voting code from your ballot letter.';
  if (/[^0-9A-Z]/.test(code)) return 'A voting code has only letters and numbers. Check it against your ballot letter.';
  if (code.length !== 16) return `A voting code has 16 letters and numbers, in four groups of four; you entered ${code.length}. Check it against your ballot letter.`;
  if (!CROCKFORD.test(code)) return 'A voting code never has the letter U. Check it against your ballot letter.';
  return null;
}

/** The code in its printed form, four groups of four: "ABCD-EFGH-JKMN-PQRS". */
export function formatCode(typed: string): string {
  return (normaliseCode(typed).match(/.{1,4}/g) ?? []).join('-');
}
