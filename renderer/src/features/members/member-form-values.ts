import type { AdmitInput, MemberDetail, MemberParticularsInput } from '../../../../shared/contract/members';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { numberInput, parseNumber, parsePounds, parseWhole, poundsInput } from '../../lib/money';

/**
 * What the member forms hold: text as typed. Field names follow the contract's paths, so the
 * schema's and the core's field errors land on the right control; fields named …Pence hold
 * pounds as typed and are converted here. The conversion also drops what the register may not
 * keep for this class or legal form (data minimisation).
 */
export interface ParticularsValues {
  givenNames: string;
  familyName: string;
  address: { line1: string; line2: string; town: string; postcode: string; country: string };
  email: string;
  emailPurposes: string;
  dateOfBirth: string;
  employee: { employeeNumber: string; serviceArea: string; employmentStart: string; employmentEnd: string; weeklyHours: string };
  /** Pounds as typed. */
  loansAndDepositsPence: string;
}

export interface AdmitValues {
  classId: string;
  particulars: ParticularsValues;
  applicationDate: string;
  admittedOn: string;
  boardReference: string;
  /** `amountPaidPence` holds pounds as typed. */
  initialShares: { shares: string; amountPaidPence: string };
}

export interface FormScope {
  family: FormFamily;
  hasShares: boolean;
  /** Whether the chosen class is an employee class. */
  employeeClass: boolean;
}

export const EMPTY_PARTICULARS: ParticularsValues = {
  givenNames: '',
  familyName: '',
  address: { line1: '', line2: '', town: '', postcode: '', country: '' },
  email: '',
  emailPurposes: '',
  dateOfBirth: '',
  employee: { employeeNumber: '', serviceArea: '', employmentStart: '', employmentEnd: '', weeklyHours: '' },
  loansAndDepositsPence: '',
};

export function toParticularsInput(v: ParticularsValues, scope: FormScope): MemberParticularsInput {
  const society = scope.family === 'society';
  return {
    givenNames: v.givenNames,
    familyName: v.familyName,
    address: { line1: v.address.line1, line2: v.address.line2, town: v.address.town, postcode: v.address.postcode, country: v.address.country },
    email: v.email,
    ...(society ? { emailPurposes: v.emailPurposes } : {}),
    dateOfBirth: v.dateOfBirth,
    employee: scope.employeeClass
      ? {
          employeeNumber: v.employee.employeeNumber,
          serviceArea: v.employee.serviceArea,
          employmentStart: v.employee.employmentStart,
          employmentEnd: v.employee.employmentEnd,
          weeklyHours: parseNumber(v.employee.weeklyHours),
        }
      : null,
    loansAndDepositsPence: society ? parsePounds(v.loansAndDepositsPence) : null,
  };
}

export function toAdmitInput(v: AdmitValues, scope: FormScope, previousEntryId?: string): AdmitInput {
  return {
    classId: v.classId,
    particulars: toParticularsInput(v.particulars, scope),
    applicationDate: v.applicationDate,
    admittedOn: v.admittedOn,
    boardReference: v.boardReference,
    ...(previousEntryId ? { previousEntryId } : {}),
    initialShares: scope.hasShares
      ? { shares: parseWhole(v.initialShares.shares), amountPaidPence: parsePounds(v.initialShares.amountPaidPence) ?? Number.NaN }
      : null,
  };
}

/** A stored entry's particulars as form text, for editing or re-admission. */
export function particularsValues(p: MemberDetail['particulars']): ParticularsValues {
  return {
    givenNames: p.givenNames,
    familyName: p.familyName,
    address: {
      line1: p.address.line1,
      line2: p.address.line2 ?? '',
      town: p.address.town,
      postcode: p.address.postcode ?? '',
      country: p.address.country ?? '',
    },
    email: p.email ?? '',
    emailPurposes: p.emailPurposes ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
    employee: p.employee
      ? {
          employeeNumber: p.employee.employeeNumber,
          serviceArea: p.employee.serviceArea ?? '',
          employmentStart: p.employee.employmentStart,
          employmentEnd: p.employee.employmentEnd ?? '',
          weeklyHours: numberInput(p.employee.weeklyHours),
        }
      : EMPTY_PARTICULARS.employee,
    loansAndDepositsPence: poundsInput(p.loansAndDepositsPence),
  };
}

/** Every field path the particulars form shows, for placing the core's field errors. */
export function particularsPaths(prefix: string): string[] {
  return [
    'givenNames',
    'familyName',
    'address.line1',
    'address.line2',
    'address.town',
    'address.postcode',
    'address.country',
    'email',
    'emailPurposes',
    'dateOfBirth',
    'employee.employeeNumber',
    'employee.serviceArea',
    'employee.employmentStart',
    'employee.employmentEnd',
    'employee.weeklyHours',
    'loansAndDepositsPence',
  ].map((p) => `${prefix}${p}`);
}
