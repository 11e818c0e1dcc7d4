import { addYears, daysInMonth, formatLegalDate } from './legal-date';

/**
 * Machine-checkable eligibility for employee membership classes. The class's own rules say who
 * may join (the governing document's admission terms; CA 2006 s112, CCBS Act 2014 Sch 1), and
 * the app checks the three conditions mutuals commonly set: minimum age, minimum contracted
 * hours and minimum length of service, each on the date of admission.
 */
export interface EligibilityTerms {
  minAgeYears: number | null;
  /** Contracted hours a week, e.g. 7.5. */
  minWeeklyHours: number | null;
  minServiceMonths: number | null;
}

export interface EmployeeFacts {
  dateOfBirth: string | null;
  weeklyHours: number | null;
  employmentStart: string | null;
  employmentEnd: string | null;
}

export interface EligibilityProblem {
  /** The field the problem is about, so a form or an import row can point at it. */
  field: 'dateOfBirth' | 'weeklyHours' | 'employmentStart' | 'employmentEnd';
  message: string;
}

/** The date `months` calendar months after `date`, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years of age on a date (a birthday on 29 February is reached on 28 February). */
export function ageOn(dateOfBirth: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (addYears(dateOfBirth, years) > on) years -= 1;
  return years;
}

export function eligibilityProblems(className: string, terms: EligibilityTerms, facts: EmployeeFacts, on: string): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (facts.employmentEnd !== null && facts.employmentEnd <= on) {
    problems.push({ field: 'employmentEnd', message: `Employment ended on ${formatLegalDate(facts.employmentEnd)}, so they cannot join the ${className} class on ${formatLegalDate(on)}.` });
  }
  // An employee class admits employees: before employment began there is nobody to admit, so
  // that is the problem to name, not a length of service still to come.
  const beforeEmployment = facts.employmentStart !== null && on < facts.employmentStart;
  if (beforeEmployment) {
    problems.push({
      field: 'employmentStart',
      message: `The admission date (${formatLegalDate(on)}) is before their employment began (${formatLegalDate(facts.employmentStart!)}); an employee can be admitted only from the day employment begins.`,
    });
  }
  if (facts.dateOfBirth !== null && facts.dateOfBirth > on) {
    problems.push({
      field: 'dateOfBirth',
      message: `The date of birth (${formatLegalDate(facts.dateOfBirth)}) is after the admission date (${formatLegalDate(on)}); check both dates.`,
    });
  } else if (terms.minAgeYears !== null) {
    if (facts.dateOfBirth === null) {
      problems.push({ field: 'dateOfBirth', message: `The ${className} class has a minimum age of ${terms.minAgeYears}; enter the date of birth.` });
    } else if (ageOn(facts.dateOfBirth, on) < terms.minAgeYears) {
      problems.push({
        field: 'dateOfBirth',
        message: `The ${className} class requires age ${terms.minAgeYears} or over; they are ${ageOn(facts.dateOfBirth, on)} on ${formatLegalDate(on)}.`,
      });
    }
  }
  if (terms.minWeeklyHours !== null) {
    if (facts.weeklyHours === null) {
      problems.push({ field: 'weeklyHours', message: `The ${className} class requires at least ${terms.minWeeklyHours} contracted hours a week; enter the hours.` });
    } else if (facts.weeklyHours < terms.minWeeklyHours) {
      problems.push({
        field: 'weeklyHours',
        message: `The ${className} class requires at least ${terms.minWeeklyHours} contracted hours a week; ${facts.weeklyHours} given.`,
      });
    }
  }
  if (terms.minServiceMonths !== null && !beforeEmployment) {
    if (facts.employmentStart === null) {
      problems.push({ field: 'employmentStart', message: `The ${className} class requires ${terms.minServiceMonths} months' service; enter the employment start date.` });
    } else {
      const qualifies = addMonths(facts.employmentStart, terms.minServiceMonths);
      if (qualifies > on) {
        problems.push({
          field: 'employmentStart',
          message: `The ${className} class requires ${terms.minServiceMonths} months' service; employed since ${formatLegalDate(facts.employmentStart)}, they qualify on ${formatLegalDate(qualifies)}.`,
        });
      }
    }
  }
  return problems;
}
