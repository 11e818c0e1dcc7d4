import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';
import { headerSetKey, MAPPING_SETTING_KEY, suggestMapping } from './mapping';
import { analyse, hrCsv, HR_HEADER, plan, uploadText } from './testing';

describe('suggestMapping', () => {
  it('recognises the headings UK HR systems export', () => {
    expect(
      suggestMapping(['Employee No', 'Forename', 'Surname', 'Post Code', 'Start Date', 'Leaving Date', 'Contracted Hours', 'Department/Service', 'Address 1', 'Town', 'E-mail', 'DOB']),
    ).toEqual({
      employeeNumber: 'Employee No',
      givenNames: 'Forename',
      familyName: 'Surname',
      fullName: null,
      email: 'E-mail',
      dateOfBirth: 'DOB',
      wholeAddress: null,
      addressLine1: 'Address 1',
      addressLine2: null,
      town: 'Town',
      postcode: 'Post Code',
      serviceArea: 'Department/Service',
      employmentStart: 'Start Date',
      employmentEnd: 'Leaving Date',
      weeklyHours: 'Contracted Hours',
      className: null,
    });
  });

  it('prefers an exact heading to one that only contains the words, and uses each column once', () => {
    const m = suggestMapping(['Legal Surname (as on passport)', 'Email Address', 'Home Address Line 1', 'Payroll Number', 'Membership Class']);
    expect(m).toMatchObject({
      familyName: 'Legal Surname (as on passport)',
      email: 'Email Address',
      addressLine1: 'Home Address Line 1',
      employeeNumber: 'Payroll Number',
      className: 'Membership Class',
    });
  });

  it('takes one name column and one address column as a full name and a whole address, and keeps separate columns where there are any', () => {
    expect(suggestMapping(['Payroll No', 'Employee Name', 'Home Address', 'Start Date'])).toMatchObject({ fullName: 'Employee Name', wholeAddress: 'Home Address', addressLine1: null, town: null });
    expect(suggestMapping(['Payroll No', 'Full Name', 'Address', 'Town', 'Start Date'])).toMatchObject({ fullName: 'Full Name', wholeAddress: null, addressLine1: 'Address', town: 'Town' });
    expect(suggestMapping(['Payroll No', 'Forename', 'Surname', 'Name', 'Postal Address', 'Postcode'])).toMatchObject({
      givenNames: 'Forename',
      familyName: 'Surname',
      fullName: null,
      wholeAddress: 'Postal Address',
      postcode: 'Postcode',
    });
  });

  it('leaves a field empty when no heading fits', () => {
    expect(suggestMapping(['Colour', 'Shoe size'])).toEqual(Object.fromEntries(Object.keys(suggestMapping([])).map((k) => [k, null])));
  });
});

describe('remembered mapping', () => {
  let t: TestCore;
  afterEach(async () => t?.cleanup());

  it('remembers the mapping, date format and class chosen for a set of headings, in any order', async () => {
    t = await openTestCore({ now: () => new Date('2026-05-01T10:00:00Z') });
    await setUpOrganisation(t.core);
    const create = (name: string) =>
      t.core.dispatch('classes.create', {
        name,
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: true,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: null,
      });
    expectOk(await create('Employee'));
    const staff = expectOk(await create('Staff')) as { id: string };
    const text = hrCsv([{ no: 'E1', dob: '1985-07-14', start: '2019-04-01' }]);

    const first = await analyse(t.core, await uploadText(t.core, 'a.csv', text));
    expect(first.remembered).toBe(false);
    expect(first.defaultClassId).toBeNull();
    // The secretary maps the e-mail column to nothing and reads dates as year-month-day.
    const chosen = { ...first.mapping, email: null };
    await plan(t.core, { importId: first.importId, mapping: chosen, dateFormat: 'ymd', defaultClassId: staff.id, asOf: '2026-05-01' });

    const reordered = hrCsv([{ no: 'E1' }], [...HR_HEADER].reverse());
    const again = await analyse(t.core, await uploadText(t.core, 'b.csv', reordered));
    expect(again.remembered).toBe(true);
    expect(again.mapping).toEqual(chosen);
    expect(again.dateFormat).toBe('ymd');
    expect(again.defaultClassId).toBe(staff.id);

    const other = await analyse(t.core, await uploadText(t.core, 'c.csv', hrCsv([{ no: 'E1' }], [...HR_HEADER.slice(0, -1), 'Weekly Hours'])));
    expect(other.remembered).toBe(false);
    expect(other.mapping.weeklyHours).toBe('Weekly Hours');

    const setting = t.core.raw.prepare('select organisation_id, value from app_setting where key = ?').all(MAPPING_SETTING_KEY) as { value: string }[];
    expect(setting).toHaveLength(1);
    expect(Object.keys(JSON.parse(setting[0]!.value))).toEqual([headerSetKey(HR_HEADER)]);
  });
});
