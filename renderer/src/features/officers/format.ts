import { appointmentTitle, type Officer } from '../../../../shared/contract/officers';
import { ukDateOf } from '../../../../shared/rules/legal-date';

/** Today's date in the UK, as a legal date: the default for things that have just happened. */
export function todayUk(): string {
  return ukDateOf(new Date());
}

export function fullName(o: { givenNames: string; familyName: string }): string {
  return `${o.givenNames} ${o.familyName}`;
}

export function formatAddress(a: { line1: string; line2?: string | undefined; town: string; postcode?: string | undefined; country?: string | undefined }): string {
  return [a.line1, a.line2, a.town, a.postcode, a.country].filter(Boolean).join(', ');
}

type Appointment = Officer['appointments'][number];

export function titleOf(a: Appointment): string {
  return appointmentTitle(a);
}

/** The roles an officer holds now ("Employee director, Chair"), or held last if none. */
export function currentTitles(o: Officer): string[] {
  return o.appointments.filter((a) => a.ceasedOn === null).map(titleOf);
}

/** Whether the officer is a director today (a chair or secretary need not be). */
export function isCurrentDirector(o: Officer): boolean {
  return o.appointments.some((a) => a.role === 'director' && a.ceasedOn === null);
}
