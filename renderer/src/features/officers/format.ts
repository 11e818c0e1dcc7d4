import { appointmentTitle, type Officer } from '../../../../shared/contract/officers';

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
