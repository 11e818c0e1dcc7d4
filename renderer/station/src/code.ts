// A voting code and a receipt's tracker as a voter types or pastes them on a phone. The core
// normalises codes the same way (main/core/ballots/cast.ts) and checks them again; the page checks
// the form first so a mistyped code is caught before the voter answers the questions.
import { normaliseCode } from '../../src/features/ballots/kiosk/code';
import { message, type Message } from './message';

export { normaliseCode };

/** Crockford base 32: no I, L, O (read as 1, 1, 0) and no U. */
const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

/** What is wrong with a typed voting code (the same checks as the kiosk's), or null. */
export function codeProblem(typed: string): Message | null {
  const code = normaliseCode(typed);
  if (code === '') return message('code.errorEmpty');
  if (/[^0-9A-Z]/.test(code)) return message('code.errorCharacters');
  if (code.length !== 16) return message('code.errorLength', { entered: code.length });
  if (!CROCKFORD.test(code)) return message('code.errorLetterU');
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
