import type { S33Result } from '../../../../../shared/contract/contract-reports';

export type Judgement = boolean | 'cannot_judge';

/** A condition's outcome in words and as a badge, never by colour alone. */
export function judgementLabel(met: Judgement): { text: string; mark: string; tone: 'success' | 'danger' | 'warning' } {
  if (met === 'cannot_judge') return { text: 'Cannot judge', mark: '?', tone: 'warning' };
  return met ? { text: 'Met', mark: '✓', tone: 'success' } : { text: 'Not met', mark: '✗', tone: 'danger' };
}

/** The verdict's heading: a plain yes, no or "the app cannot say", as at the date. */
export function verdictTitle(reservable: Judgement, asAt: string, date: (d: string) => string): string {
  if (reservable === 'cannot_judge') return `The app cannot say on its own whether this contract could be reserved to you, as at ${date(asAt)}`;
  return reservable ? `Yes: this contract could be reserved to you, as at ${date(asAt)}` : `No: this contract could not be reserved to you, as at ${date(asAt)}`;
}

/** A share as a British reader writes it: "62.5%"; whole numbers without a decimal. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const p = Math.round((part / whole) * 1000) / 10;
  return `${p.toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}

/** The figures behind s33(6), each with what it is out of, for the evidence table. */
export function figureRows(f: S33Result['figures'], money: (pence: number) => string): { label: string; value: string; share: string }[] {
  return [
    { label: 'Employee members', value: `${f.employeeMembers.toLocaleString('en-GB')} of ${f.members.toLocaleString('en-GB')} members`, share: percent(f.employeeMembers, f.members) },
    {
      label: 'Voting rights held by employee members',
      value: `${f.employeeVotingRights.toLocaleString('en-GB')} of ${f.votingRights.toLocaleString('en-GB')} votes`,
      share: percent(f.employeeVotingRights, f.votingRights),
    },
    { label: 'Employee and employee-elected directors', value: `${f.employeeDirectors.toLocaleString('en-GB')} of ${f.directors.toLocaleString('en-GB')} directors`, share: percent(f.employeeDirectors, f.directors) },
    {
      label: 'Contract income from reservable light touch services',
      value: `${money(f.reservableIncomePence)} of ${money(f.contractIncomePence)} a year`,
      share: percent(f.reservableIncomePence, f.contractIncomePence),
    },
  ];
}
