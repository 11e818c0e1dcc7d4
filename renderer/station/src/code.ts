// A voting code and a receipt's tracker as a voter types or pastes them on a phone. The core
// normalises codes the same way (main/core/ballots/cast.ts) and checks them again; the page checks
// the form first so a mistyped code is caught before the voter answers the questions.
import { normaliseCode } from '../../src/features/ballots/kiosk/code';
import { message, type Message } from './message';

export { normaliseCode };

/** Crockford base 32: no I, L, O (read as 1, 1, 0) and no U. */
const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

/** A ballot's voting code, or a written resolution's agreement code: the same form, named for what it is. */
export type CodeKind = 'voting' | 'agreement';

const PROBLEM_KEYS = {
  voting: { empty: 'code.errorEmpty', characters: 'code.errorCharacters', length: 'code.errorLength', letterU: 'code.errorLetterU' },
  agreement: { empty: 'code.agreementErrorEmpty', characters: 'code.agreementErrorCharacters', length: 'code.agreementErrorLength', letterU: 'code.agreementErrorLetterU' },
} as const;

/** What is wrong with a typed code (the same checks as the kiosk's), or null. */
export function codeProblem(typed: string, kind: CodeKind = 'voting'): Message | null {
  const keys = PROBLEM_KEYS[kind];
  const code = normaliseCode(typed);
  if (code === '') return message(keys.empty);
  if (/[^0-9A-Z]/.test(code)) return message(keys.characters);
  if (code.length !== 16) return message(keys.length, { entered: code.length });
  if (!CROCKFORD.test(code)) return message(keys.letterU);
  return null;
}

/** The code in its printed form, four groups of four: "ABCD-EFGH-JKMN-PQRS". */
export function formatCode(typed: string): string {
  return (normaliseCode(typed).match(/.{1,4}/g) ?? []).join('-');
}

/** A tracker as typed or pasted: spaces, dashes and case do not matter. */
export function normaliseTracker(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

/** What is wrong with a typed tracker (64 hexadecimal characters), or null. */
export function trackerProblem(typed: string): Message | null {
  const tracker = normaliseTracker(typed);
  if (tracker === '') return message('receiptCheck.errorEmpty');
  if (/[^0-9a-f]/.test(tracker)) return message('receiptCheck.errorCharacters');
  if (tracker.length !== 64) return message('receiptCheck.errorLength', { entered: tracker.length });
  return null;
}

/** The ballot's fingerprint as voters compare it with the projector: its first 16 characters in fours. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}
