import type { AdmitInput, HolderKind, MemberDetail, MemberParticularsInput, OrganisationKind } from '../../../../shared/contract/members';
import type { FormFamily } from '../../../../shared/domain/legal-form';
import { numberInput, parseNumber, parsePounds, parseWhole, poundsInput } from '../../lib/money';

/**
 * What the member forms hold: text as typed. Field names follow the contract's paths, so the
 * schema's and the core's field errors land on the right control; fields named …Pence hold
 * pounds as typed and are converted here. The conversion also drops what the register may not
 * keep for this class or legal form (data minimisation).
 */
export interface ParticularsValues {
  /** A person, or an organisation (a council, an NHS trust, a trustee company, a registered society). */
  kind: HolderKind;
  givenNames: string;
  /** A person's family name, or the organisation's name. */
  familyName: string;
  organisation: { organisationKind: OrganisationKind | ''; registrationNumber: string; representative: string };
  /** Joint holders after the first-named (companies with shares, CA 2006 s113(5)). */
  jointHolders: { givenNames: string; familyName: string }[];
  address: { line1: string; line2: string; town: string; postcode: string; country: string };
  email: string;
  emailPurposes: string;
  /**
   * The member's agreement to notices by e-mail: ticked with the date they agreed, and, once they
   * withdraw it, the date of withdrawal (CA 2006 s1144(2), Sch 5 para 6; a society's rules).
   */
  electronicComms: {
    agreed: boolean;
    agreedOn: string;
    withdrawn: boolean;
    revokedOn: string;
    /**
     * Ticked when the e-mail address changes while the agreement stands: the member gave the new
     * address for notices (CA 2006 Sch 5 para 7). Without it the core refuses the change.
     */
    confirmedForAddress?: boolean;
  };
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

/** Joint holders are entered only for shares in a company (CA 2006 s113(5)). */
export function allowsJointHolders(scope: Pick<FormScope, 'family' | 'hasShares'>): boolean {
  return scope.family === 'company' && scope.hasShares;
}

export const EMPTY_PARTICULARS: ParticularsValues = {
  kind: 'individual',
  givenNames: '',
  familyName: '',
  organisation: { organisationKind: '', registrationNumber: '', representative: '' },
  jointHolders: [],
  address: { line1: '', line2: '', town: '', postcode: '', country: '' },
  email: '',
  emailPurposes: '',
  electronicComms: { agreed: false, agreedOn: '', withdrawn: false, revokedOn: '' },
  dateOfBirth: '',
  employee: { employeeNumber: '', serviceArea: '', employmentStart: '', employmentEnd: '', weeklyHours: '' },
  loansAndDepositsPence: '',
};

export function toParticularsInput(v: ParticularsValues, scope: FormScope): MemberParticularsInput {
  const society = scope.family === 'society';
  const org = v.kind === 'organisation';
  return {
    kind: v.kind,
    // An organisation has one name; a person's data is not kept for it (no date of birth, no employment).
    givenNames: org ? '' : v.givenNames,
    familyName: v.familyName,
    organisation: org
      ? {
          organisationKind: (v.organisation.organisationKind || undefined) as OrganisationKind,
          registrationNumber: v.organisation.registrationNumber,
          representative: v.organisation.representative,
        }
      : null,
    jointHolders: !org && allowsJointHolders(scope) ? v.jointHolders : [],
    address: { line1: v.address.line1, line2: v.address.line2, town: v.address.town, postcode: v.address.postcode, country: v.address.country },
    email: v.email,
    ...(society ? { emailPurposes: v.emailPurposes } : {}),
    // Always sent, so unticking the box clears a mistaken entry; a withdrawal is recorded by its date.
    electronicComms: v.electronicComms.agreed
      ? {
          agreedOn: v.electronicComms.agreedOn,
          revokedOn: v.electronicComms.withdrawn ? v.electronicComms.revokedOn : '',
          ...(v.electronicComms.confirmedForAddress && !v.electronicComms.withdrawn ? { confirmedForAddress: true } : {}),
        }
      : null,
    dateOfBirth: org ? '' : v.dateOfBirth,
    employee: scope.employeeClass && !org
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
    kind: p.kind,
    givenNames: p.givenNames,
    familyName: p.familyName,
    organisation: {
      organisationKind: p.organisation?.organisationKind ?? '',
      registrationNumber: p.organisation?.registrationNumber ?? '',
      representative: p.organisation?.representative ?? '',
    },
    jointHolders: p.jointHolders.map((j) => ({ givenNames: j.givenNames, familyName: j.familyName })),
    address: {
      line1: p.address.line1,
      line2: p.address.line2 ?? '',
      town: p.address.town,
      postcode: p.address.postcode ?? '',
      country: p.address.country ?? '',
    },
    email: p.email ?? '',
    emailPurposes: p.emailPurposes ?? '',
    electronicComms: {
      agreed: p.electronicComms !== null,
      agreedOn: p.electronicComms?.agreedOn ?? '',
      withdrawn: p.electronicComms?.revokedOn !== undefined,
      revokedOn: p.electronicComms?.revokedOn ?? '',
    },
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
    'kind',
    'givenNames',
    'familyName',
    'organisation.organisationKind',
    'organisation.registrationNumber',
    'organisation.representative',
    'jointHolders',
    ...[0, 1, 2].flatMap((i) => [`jointHolders.${i}.givenNames`, `jointHolders.${i}.familyName`]),
    'address.line1',
    'address.line2',
    'address.town',
    'address.postcode',
    'address.country',
    'email',
    'emailPurposes',
    'electronicComms.agreedOn',
    'electronicComms.revokedOn',
    'electronicComms.confirmedForAddress',
    'dateOfBirth',
    'employee.employeeNumber',
    'employee.serviceArea',
    'employee.employmentStart',
    'employee.employmentEnd',
    'employee.weeklyHours',
    'loansAndDepositsPence',
  ].map((p) => `${prefix}${p}`);
}
