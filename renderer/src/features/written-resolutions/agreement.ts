import { AGREEMENT_CHANNEL_LABEL, type WrittenResolution } from '../../../../shared/contract/written-resolutions';
import { ukDateOf } from '../../../../shared/rules/legal-date';
import { formatLegalDate } from '../../lib/dates';

type Signatory = WrittenResolution['signatories'][number];

const UK_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/** An instant in UK time with its legal date: "10:32 on 30 November 2026". */
export function timeAndDate(iso: string): string {
  const at = new Date(iso);
  return `${UK_TIME.format(at)} on ${formatLegalDate(ukDateOf(at))}`;
}

/**
 * How and when a member or director agreed, in words (agreement is not secret, CA 2006 s296):
 * "Agreed on 25 November 2026" where the secretary recorded a document received (the words the
 * page has always used), "Agreed at the meeting laptop at 10:32 on 30 November 2026" or "… from a
 * phone …" where they used their code. Null while they have not agreed.
 */
export function agreementWords(s: Pick<Signatory, 'agreedOn' | 'agreedAt' | 'agreedVia'>): string | null {
  if (!s.agreedOn) return null;
  if (s.agreedAt && s.agreedVia && s.agreedVia !== 'secretary') return `Agreed ${AGREEMENT_CHANNEL_LABEL[s.agreedVia]} at ${timeAndDate(s.agreedAt)}`;
  return `Agreed on ${formatLegalDate(s.agreedOn)}`;
}

/** Whether members may agree with codes: a private company's members' resolution (CA 2006 s288-s300), never a board's or a society's. */
export function codesApply(r: Pick<WrittenResolution, 'body'>, family: 'company' | 'society'): boolean {
  return r.body === 'members' && family === 'company';
}

/** A code as typed, read as the core reads it: case, spaces and dashes ignored; I and L are 1, O is 0 (Crockford). */
export function normaliseAgreementCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

/** Why a typed agreement code cannot be right, before it is sent (the core checks it again), or null. */
export function agreementCodeProblem(typed: string): string | null {
  const code = normaliseAgreementCode(typed);
  if (code === '') return 'Enter the agreement code from your letter.';
  if (/[^0-9A-Z]/.test(code)) return 'An agreement code has only letters and numbers. Check it against your letter.';
  if (code.length !== 16) return `An agreement code has 16 letters and numbers, in four groups of four; you entered ${code.length}. Check it against your letter.`;
  if (!CROCKFORD.test(code)) return 'An agreement code never has the letter U. Check it against your letter.';
  return null;
}

/** The code in its printed form: "ABCD-EFGH-JKMN-PQRS". */
export function formatAgreementCode(typed: string): string {
  return (normaliseAgreementCode(typed).match(/.{1,4}/g) ?? []).join('-');
}
