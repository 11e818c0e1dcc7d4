import { describe, expect, test } from 'vitest';
import { admitSchema, memberParticularsSchema, type MemberDetail } from '../../../../shared/contract/members';
import { EMPTY_PARTICULARS, particularsValues, toAdmitInput, toParticularsInput, type AdmitValues } from './member-form-values';

const CLASS_ID = '01900000-0000-7000-8000-000000000001';

const filled: AdmitValues = {
  classId: CLASS_ID,
  particulars: {
    ...EMPTY_PARTICULARS,
    givenNames: 'Émilie',
    familyName: 'Dubois',
    address: { line1: '2 Low St', line2: '', town: 'Leeds', postcode: 'ls1 4ap', country: '' },
    email: 'emilie@example.org',
    emailPurposes: 'Notices of meetings',
    dateOfBirth: '1990-05-01',
    employee: { employeeNumber: 'E0042', serviceArea: 'Nursing', employmentStart: '2020-01-06', employmentEnd: '', weeklyHours: '37.5' },
    loansAndDepositsPence: '250.00',
  },
  applicationDate: '',
  admittedOn: '2024-02-01',
  boardReference: 'BM 2024/03',
  initialShares: { shares: '5', amountPaidPence: '5.00' },
};

describe('admission input from the form', () => {
  test('a society employee class keeps everything, converted to the contract’s types', () => {
    const input = toAdmitInput(filled, { family: 'society', hasShares: true, employeeClass: true });
    const parsed = admitSchema.parse(input);
    expect(parsed.particulars.employee).toEqual({ employeeNumber: 'E0042', serviceArea: 'Nursing', employmentStart: '2020-01-06', weeklyHours: 37.5 });
    expect(parsed.particulars.loansAndDepositsPence).toBe(25000);
    expect(parsed.particulars.emailPurposes).toBe('Notices of meetings');
    expect(parsed.initialShares).toEqual({ shares: 5, amountPaidPence: 500 });
    expect(parsed.particulars.address.postcode).toBe('LS1 4AP');
  });

  test('data minimisation: no employee details outside an employee class, nothing society-only for a company, no shares where there are none', () => {
    const input = toAdmitInput(filled, { family: 'company', hasShares: false, employeeClass: false });
    expect(input.particulars.employee).toBeNull();
    expect(input.particulars.loansAndDepositsPence).toBeNull();
    expect(input.particulars).not.toHaveProperty('emailPurposes');
    expect(input.initialShares).toBeNull();
    expect(admitSchema.safeParse(input).success).toBe(true);
  });

  test('a re-admission carries the earlier entry', () => {
    const previous = '01900000-0000-7000-8000-000000000002';
    expect(toAdmitInput(filled, { family: 'company', hasShares: false, employeeClass: false }, previous).previousEntryId).toBe(previous);
  });

  test('text that is not a number is refused on its own field', () => {
    const bad = { ...filled, initialShares: { shares: 'five', amountPaidPence: '5.001' } };
    const result = admitSchema.safeParse(toAdmitInput(bad, { family: 'society', hasShares: true, employeeClass: false }));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['initialShares.shares', 'initialShares.amountPaidPence']));
  });
});

describe('members that are organisations, and joint holders', () => {
  test('an organisation keeps one name and no personal data of a person', () => {
    const council = {
      ...filled,
      particulars: {
        ...filled.particulars,
        kind: 'organisation' as const,
        familyName: 'Leeds City Council',
        organisation: { organisationKind: 'local_authority' as const, registrationNumber: '', representative: 'Cllr Jo Smith' },
      },
    };
    const parsed = admitSchema.parse(toAdmitInput(council, { family: 'company', hasShares: true, employeeClass: false }));
    expect(parsed.particulars).toMatchObject({ kind: 'organisation', givenNames: '', familyName: 'Leeds City Council', organisation: { organisationKind: 'local_authority', representative: 'Cllr Jo Smith' } });
    expect(parsed.particulars.dateOfBirth).toBeUndefined();
    expect(parsed.particulars.employee).toBeNull();
  });

  test('joint holders are sent only for shares in a company (CA 2006 s113(5))', () => {
    const joint = { ...filled, particulars: { ...filled.particulars, jointHolders: [{ givenNames: 'Raj', familyName: 'Patel' }] } };
    expect(toAdmitInput(joint, { family: 'company', hasShares: true, employeeClass: false }).particulars.jointHolders).toEqual([{ givenNames: 'Raj', familyName: 'Patel' }]);
    expect(toAdmitInput(joint, { family: 'society', hasShares: true, employeeClass: false }).particulars.jointHolders).toEqual([]);
    expect(toAdmitInput(joint, { family: 'company', hasShares: false, employeeClass: false }).particulars.jointHolders).toEqual([]);
  });
});

describe('editing a stored entry', () => {
  test('the stored particulars come back as the same input', () => {
    const stored: MemberDetail['particulars'] = {
      kind: 'individual',
      organisation: null,
      jointHolders: [],
      givenNames: 'Ann',
      familyName: 'Lee',
      address: { line1: '1 High St', town: 'York', postcode: 'YO1 7HH' },
      email: 'ann@example.org',
      electronicComms: { agreedOn: '2024-05-01', revokedOn: '2026-11-02' },
      employee: { employeeNumber: 'E7', employmentStart: '2019-09-01', weeklyHours: 22.5 },
      loansAndDepositsPence: 1999,
    };
    const input = memberParticularsSchema.parse(toParticularsInput(particularsValues(stored), { family: 'society', hasShares: true, employeeClass: true }));
    expect(input).toEqual({ ...stored, employee: { ...stored.employee } });
  });

  test('the agreement to notices by e-mail is sent with its dates, and unticking it clears it', () => {
    const scope = { family: 'company' as const, hasShares: false, employeeClass: false };
    const values = (electronicComms: typeof filled.particulars.electronicComms) => ({ ...filled.particulars, email: 'ann@example.org', electronicComms });
    const agreed = memberParticularsSchema.parse(toParticularsInput(values({ agreed: true, agreedOn: '2024-05-01', withdrawn: false, revokedOn: '2026-01-01' }), scope));
    expect(agreed.electronicComms).toEqual({ agreedOn: '2024-05-01' });
    const withdrawn = memberParticularsSchema.parse(toParticularsInput(values({ agreed: true, agreedOn: '2024-05-01', withdrawn: true, revokedOn: '2026-11-02' }), scope));
    expect(withdrawn.electronicComms).toEqual({ agreedOn: '2024-05-01', revokedOn: '2026-11-02' });
    const none = memberParticularsSchema.parse(toParticularsInput(values({ agreed: false, agreedOn: '2024-05-01', withdrawn: false, revokedOn: '' }), scope));
    expect(none.electronicComms).toBeNull();
  });

  test('the confirmation that the member gave a new address for notices is sent only while the agreement stands', () => {
    const scope = { family: 'company' as const, hasShares: false, employeeClass: false };
    const values = (electronicComms: typeof filled.particulars.electronicComms) => ({ ...filled.particulars, email: 'ann.lee@example.net', electronicComms });
    const confirmed = memberParticularsSchema.parse(
      toParticularsInput(values({ agreed: true, agreedOn: '2024-05-01', withdrawn: false, revokedOn: '', confirmedForAddress: true }), scope),
    );
    expect(confirmed.electronicComms).toEqual({ agreedOn: '2024-05-01', confirmedForAddress: true });
    const withdrawn = memberParticularsSchema.parse(
      toParticularsInput(values({ agreed: true, agreedOn: '2024-05-01', withdrawn: true, revokedOn: '2026-11-02', confirmedForAddress: true }), scope),
    );
    expect(withdrawn.electronicComms).toEqual({ agreedOn: '2024-05-01', revokedOn: '2026-11-02' });
  });
});
