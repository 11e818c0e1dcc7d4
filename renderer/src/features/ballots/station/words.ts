import type { StationStatus } from '../../../../../shared/contract/station';

type Turnout = NonNullable<StationStatus['turnout']>;
type Agreement = NonNullable<StationStatus['agreement']>;
type Refusals = StationStatus['refusals'];

const n = (v: number) => v.toLocaleString('en-GB');

/** Whole per cent, never 100% before everyone has voted and never 0% once someone has. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  const pct = Math.round((done / total) * 100);
  if (pct === 100 && done < total) return 99;
  if (pct === 0 && done > 0) return 1;
  return pct;
}

/** "12 of 40 voters on the roll have voted (30%)." Turnout only: never how anyone voted. */
export function turnoutWords(t: Turnout): string {
  if (t.count === 0) return 'Nobody is on the roll.';
  if (t.voted === 0) return `No votes yet: ${n(t.count)} ${t.count === 1 ? 'voter is' : 'voters are'} on the roll.`;
  return `${n(t.voted)} of ${n(t.count)} ${t.count === 1 ? 'voter' : 'voters'} on the roll ${t.voted === 1 ? 'has' : 'have'} voted (${percent(t.voted, t.count)}%).`;
}

/** How many of those who voted did so from a phone: "8 of them from phones." Nothing before anyone has voted. */
export function phoneWords(t: Turnout): string | null {
  if (t.voted === 0) return null;
  if (t.fromPhones === 0) return 'None of them from phones yet.';
  if (t.voted === 1) return 'They voted from a phone.';
  return `${n(t.fromPhones)} of them from ${t.fromPhones === 1 ? 'a phone' : 'phones'}.`;
}

/** The projector's one line, short enough to read from the back of a hall: "37 of 120 have voted". */
export function projectorTurnout(t: Turnout): string {
  if (t.count === 0) return 'Nobody is on the roll';
  return `${n(t.voted)} of ${n(t.count)} ${t.voted === 1 ? 'has' : 'have'} voted`;
}

/** A written resolution: who has agreed and the votes they hold (s296: passed on votes, not heads). */
export function agreementWords(a: Agreement): string {
  const heads = `${n(a.agreed)} of ${n(a.eligible)} eligible ${a.eligible === 1 ? 'member' : 'members'} ${a.agreed === 1 ? 'has' : 'have'} agreed`;
  const votes = a.totalVotes > 0 ? `, holding ${n(a.votesAgreed)} of ${n(a.totalVotes)} ${a.totalVotes === 1 ? 'vote' : 'votes'} (${percent(a.votesAgreed, a.totalVotes)}%)` : '';
  return `${heads}${votes}.${a.passed ? ' The resolution has passed.' : ''}`;
}

/** The refusal counts as rows for the secretary, with words a secretary would use. */
export function refusalRows(r: Refusals): { label: string; count: number }[] {
  return [
    { label: 'Stopped for trying too often', count: r.throttled },
    { label: 'Wrong codes (not a code of this vote)', count: r.badCodes },
    { label: 'Codes that had already been used', count: r.usedCodes },
  ];
}

/** The fingerprint as voters compare it: its first 16 characters in groups of four. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** The core's reason the station stopped ("the ballot closed on 1 December 2026") as a sentence. */
export function stoppedSentence(because: string): string {
  const t = because.trim();
  if (!t) return '';
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
