import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDetail } from '../../../shared/contract/audit';
import type { Officer } from '../../../shared/contract/officers';
import type { Interest } from '../../../shared/contract/interests';
import type { Result } from '../../../shared/result';
import { uuidv7 } from '../db/ids';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../testing';

// The clock every test runs at: 15 May 2026 in the UK. The organisation was incorporated on 1 April 2015.
const NOW = '2026-05-15T10:00:00Z';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function company(): Promise<TestCore> {
  const t = await openTestCore({ now: () => new Date(NOW) });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  return t;
}

async function society(): Promise<TestCore> {
  const t = await openTestCore({ now: () => new Date(NOW) });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core, { particulars: { legalForm: 'cooperative_society', registrationNumber: '31247R' } });
  return t;
}

const RESIDENTIAL = { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' };
const SERVICE = { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };

function particulars(overrides: Record<string, unknown> = {}) {
  return {
    givenNames: 'Priya',
    familyName: 'Shah',
    serviceAddress: SERVICE,
    dateOfBirth: '1984-09-02',
    nationality: 'British',
    occupation: 'Community nurse',
    countryOfResidence: 'England',
    ...overrides,
  };
}

function addInput(overrides: { particulars?: Record<string, unknown>; residentialAddress?: unknown; appointment?: Record<string, unknown> } = {}) {
  return {
    particulars: particulars(overrides.particulars),
    residentialAddress: 'residentialAddress' in overrides ? overrides.residentialAddress : RESIDENTIAL,
    appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-04-01', ...overrides.appointment },
  };
}

async function add(t: TestCore, overrides: Parameters<typeof addInput>[0] = {}): Promise<Officer> {
  return expectOk(await t.core.dispatch('officers.add', addInput(overrides))) as Officer;
}

function count(t: TestCore, table: string): number {
  return Number(t.core.raw.prepare(`select count(*) from ${table}`).pluck().get());
}

/** The last event about the board itself: a company's change is followed by its Companies House filing duty's event. */
async function lastEvent(t: TestCore): Promise<AuditEventDetail> {
  const seq = Number(t.core.raw.prepare("select max(seq) from audit_event where action not like 'filing.%'").pluck().get());
  return expectOk(await t.core.dispatch('audit.get', { seq })) as AuditEventDetail;
}

/** Asserts a refusal with this code, and optionally that it names this field, and returns the message. */
function refused(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
  return field ? result.error.fieldErrors![field]! : result.error.message;
}

/** Calls a mutation that must be refused, and checks that nothing at all was written. */
async function refusedWithoutChange(t: TestCore, method: string, input: unknown, code: string, field?: string): Promise<string> {
  const tables = ['officer', 'officer_residential_address', 'appointment', 'interest', 'filing_duty', 'audit_event'];
  const before = tables.map((n) => count(t, n));
  const message = refused(await t.core.dispatch(method, input), code, field);
  expect(tables.map((n) => count(t, n))).toEqual(before);
  return message;
}

describe('officers.add', () => {
  it('enters an employee director with the residential address kept apart, and one audit event', async () => {
    const t = await company();
    const officer = await add(t);

    expect(officer).toMatchObject({
      givenNames: 'Priya',
      familyName: 'Shah',
      serviceAddress: SERVICE,
      dateOfBirth: '1984-09-02',
      current: true,
      memberId: null,
      appointments: [{ role: 'director', directorKind: 'employee', nominatedBy: null, appointedOn: '2024-04-01', ceasedOn: null }],
    });
    expect(expectOk(await t.core.dispatch('officers.residentialAddress', { id: officer.id }))).toEqual(RESIDENTIAL);
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'officer.added', entityType: 'officer', entityId: officer.id });
    expect(event.summary).toBe('Entered in the board and officers record as employee director from 1 April 2024');
    expect(event.payload?.after).toMatchObject({ givenNames: 'Priya', 'residentialAddress.line1': '7 Larkspur Close', 'residentialAddress.town': 'Otley' });
  });

  it('never returns the residential address from officers.list or officers.get, nor puts it in an audit summary', async () => {
    const t = await company();
    const officer = await add(t);
    const listed = JSON.stringify(expectOk(await t.core.dispatch('officers.list', { status: 'all' })));
    const got = JSON.stringify(expectOk(await t.core.dispatch('officers.get', { id: officer.id })));
    for (const text of [listed, got, (await lastEvent(t)).summary]) {
      expect(text).not.toContain('Larkspur');
      expect(text).not.toContain('Otley');
      expect(text).not.toContain('LS21');
    }
    expect(listed).toContain('1 High Street');
    expect((await lastEvent(t)).summary).not.toContain('Shah');
  });

  it('records a nominee director with the body that nominated them', async () => {
    const t = await company();
    const officer = await add(t, { appointment: { directorKind: 'nominee', nominatedBy: 'Leeds City Council' } });
    expect(officer.appointments[0]).toMatchObject({ directorKind: 'nominee', nominatedBy: 'Leeds City Council' });
    expect((await lastEvent(t)).summary).toContain('nominee director (leeds city council)');
  });

  it('asks a company only for a secretary’s name, former names and service address (the rest is what Companies House needs of a director)', async () => {
    const t = await company();
    const officer = await add(t, {
      particulars: { dateOfBirth: '', nationality: undefined, countryOfResidence: undefined, occupation: undefined },
      residentialAddress: null,
      appointment: { role: 'secretary', directorKind: undefined },
    });
    expect(officer.appointments[0]).toMatchObject({ role: 'secretary', directorKind: null });
    expect(expectOk(await t.core.dispatch('officers.residentialAddress', { id: officer.id }))).toBeNull();
  });

  it('lets a society record a committee member with name and address only', async () => {
    const t = await society();
    const officer = await add(t, { particulars: { dateOfBirth: undefined, nationality: undefined, countryOfResidence: undefined }, residentialAddress: null });
    expect(officer.current).toBe(true);
  });

  it('refuses a company director without the particulars Companies House needs (s167G(3)), on each missing field', async () => {
    const t = await company();
    const r = await t.core.dispatch('officers.add', addInput({ particulars: { dateOfBirth: undefined, nationality: undefined, countryOfResidence: '' } }));
    expect(refused(r, 'VALIDATION')).toMatch(/date of birth, nationality and country of usual residence \(CA 2006 s167G\(3\)\)/);
    expect(!r.ok && Object.keys(r.error.fieldErrors ?? {})).toEqual(['particulars.dateOfBirth', 'particulars.nationality', 'particulars.countryOfResidence']);
    expect(count(t, 'officer')).toBe(0);
  });

  it('refuses a company director without a residential address, citing s167G(3) and its protection (s240-241)', async () => {
    const t = await company();
    const message = await refusedWithoutChange(t, 'officers.add', addInput({ residentialAddress: null }), 'VALIDATION', 'residentialAddress.line1');
    expect(message).toMatch(/CA 2006 s167G\(3\); kept off the public record, s240-241/);
  });

  it('refuses a director under 16 (s157), naming the birthday', async () => {
    const t = await company();
    const message = await refusedWithoutChange(t, 'officers.add', addInput({ particulars: { dateOfBirth: '2008-06-01' } }), 'VALIDATION', 'appointment.appointedOn');
    expect(message).toBe('CA 2006 s157: a director of a company must be at least 16; they turn 16 on 1 June 2024.');
  });

  it('refuses an appointment in the future or before incorporation, and a date of birth in the future', async () => {
    const t = await company();
    expect(await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { appointedOn: '2026-05-16' } }), 'VALIDATION', 'appointment.appointedOn')).toMatch(
      /cannot be in the future \(today is 15 May 2026\)/,
    );
    expect(await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { appointedOn: '2015-03-31' } }), 'VALIDATION', 'appointment.appointedOn')).toMatch(
      /incorporated or registered on 1 April 2015/,
    );
    await refusedWithoutChange(t, 'officers.add', addInput({ particulars: { dateOfBirth: '2026-06-01' } }), 'VALIDATION', 'particulars.dateOfBirth');
    expectOk(await t.core.dispatch('officers.add', addInput({ appointment: { appointedOn: '2026-05-15' } })));
  });

  it('refuses a director without a kind, a nominee without a nominating body, and a kind on another role', async () => {
    const t = await company();
    await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { directorKind: undefined } }), 'VALIDATION', 'appointment.directorKind');
    await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { directorKind: 'nominee' } }), 'VALIDATION', 'appointment.nominatedBy');
    await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { role: 'treasurer', directorKind: 'independent' } }), 'VALIDATION', 'appointment.directorKind');
  });

  it('refuses a second chair and a second secretary, saying who holds the role', async () => {
    const t = await company();
    await add(t, { appointment: { role: 'chair', directorKind: undefined, appointedOn: '2023-01-09' } });
    await add(t, { particulars: { givenNames: 'Tom', familyName: 'Okafor' }, appointment: { role: 'secretary', directorKind: undefined } });
    const chair = await refusedWithoutChange(t, 'officers.add', addInput({ particulars: { givenNames: 'Ann' }, appointment: { role: 'chair', directorKind: undefined } }), 'CONFLICT', 'appointment.role');
    expect(chair).toBe('Priya Shah is the chair (appointed 9 January 2023). The organisation has one chair at a time: end that appointment first.');
    const secretary = await refusedWithoutChange(t, 'officers.add', addInput({ appointment: { role: 'secretary', directorKind: undefined } }), 'CONFLICT', 'appointment.role');
    expect(secretary).toMatch(/^Tom Okafor is the secretary/);
    // Several treasurers or vice-chairs are the organisation's own business.
    await add(t, { particulars: { givenNames: 'Ann' }, appointment: { role: 'vice_chair', directorKind: undefined } });
    await add(t, { particulars: { givenNames: 'Bea' }, appointment: { role: 'vice_chair', directorKind: undefined } });
  });
});

describe('the link to the register of members', () => {
  async function admitMember(t: TestCore): Promise<{ id: string; memberNumber: number }> {
    const cls = expectOk(
      await t.core.dispatch('classes.create', {
        name: 'Employee members',
        votingRights: 'per_member',
        votesPerMember: 1,
        isEmployeeClass: false,
        eligibility: { minAgeYears: null, minWeeklyHours: null, minServiceMonths: null },
        shareTerms: null,
      }),
    ) as { id: string };
    return expectOk(
      await t.core.dispatch('members.admit', {
        classId: cls.id,
        particulars: { givenNames: 'Priya', familyName: 'Shah', address: RESIDENTIAL, employee: null, loansAndDepositsPence: null },
        admittedOn: '2020-01-01',
        initialShares: null,
      }),
    ) as { id: string; memberNumber: number };
  }

  it('links an officer to an entry of this register, and only one officer to it', async () => {
    const t = await company();
    const member = await admitMember(t);
    const officer = await add(t, { particulars: { memberId: member.id } });
    expect(officer.memberId).toBe(member.id);
    const message = await refusedWithoutChange(t, 'officers.add', addInput({ particulars: { memberId: member.id, givenNames: 'Other' } }), 'VALIDATION', 'particulars.memberId');
    expect(message).toBe(`Member ${member.memberNumber} is already linked to the entry of Priya Shah; one person has one entry in this register.`);
  });

  it('refuses a member id that is not in this register', async () => {
    const t = await company();
    const message = await refusedWithoutChange(t, 'officers.add', addInput({ particulars: { memberId: uuidv7() } }), 'VALIDATION', 'particulars.memberId');
    expect(message).toMatch(/not in this organisation's register of members/);
  });
});

describe('officers.appoint and officers.endAppointment', () => {
  it('makes a director chair too, with its own audit event', async () => {
    const t = await company();
    const officer = await add(t);
    const after = expectOk(await t.core.dispatch('officers.appoint', { officerId: officer.id, appointment: { role: 'chair', appointedOn: '2025-06-01' } })) as Officer;
    expect(after.appointments.map((a) => [a.role, a.appointedOn])).toEqual([
      ['director', '2024-04-01'],
      ['chair', '2025-06-01'],
    ]);
    expect(await lastEvent(t)).toMatchObject({ action: 'officer.appointed', entityId: officer.id, summary: 'Appointed chair from 1 June 2025' });
    const again = await refusedWithoutChange(t, 'officers.appoint', { officerId: officer.id, appointment: { role: 'chair', appointedOn: '2026-01-01' } }, 'CONFLICT', 'appointment.role');
    expect(again).toBe('Priya Shah is already the chair (since 1 June 2025); a person cannot hold the same role twice at once.');
  });

  it('refuses the same role twice at once for one person', async () => {
    const t = await company();
    const officer = await add(t);
    const message = await refusedWithoutChange(
      t,
      'officers.appoint',
      { officerId: officer.id, appointment: { role: 'director', directorKind: 'independent', appointedOn: '2025-01-01' } },
      'CONFLICT',
      'appointment.role',
    );
    expect(message).toBe('Priya Shah is already an employee director (since 1 April 2024); a person cannot hold the same role twice at once.');
  });

  it('hands the chair over: refused while held, refused if backdated into the old term, accepted from the day it ended', async () => {
    const t = await company();
    const first = await add(t, { appointment: { role: 'chair', directorKind: undefined, appointedOn: '2020-01-01' } });
    const second = await add(t, { particulars: { givenNames: 'Tom', familyName: 'Okafor' } });
    const chairInput = (appointedOn: string) => ({ officerId: second.id, appointment: { role: 'chair', appointedOn } });
    expect(await refusedWithoutChange(t, 'officers.appoint', chairInput('2025-03-01'), 'CONFLICT', 'appointment.role')).toMatch(/^Priya Shah is the chair \(appointed 1 January 2020\)/);

    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: first.appointments[0]!.id, ceasedOn: '2025-03-31', reason: 'Term ended' }));
    expect(await refusedWithoutChange(t, 'officers.appoint', chairInput('2025-03-30'), 'CONFLICT', 'appointment.role')).toBe(
      "Priya Shah was the chair until 31 March 2025; a new chair's appointment must begin on or after that date.",
    );
    const after = expectOk(await t.core.dispatch('officers.appoint', chairInput('2025-03-31'))) as Officer;
    expect(after.appointments.find((a) => a.role === 'chair')?.appointedOn).toBe('2025-03-31');
  });

  it('refuses to make someone a company director until the particulars Companies House needs and their residential address are recorded', async () => {
    const t = await company();
    const secretary = await add(t, { particulars: { dateOfBirth: undefined, nationality: undefined }, residentialAddress: null, appointment: { role: 'secretary', directorKind: undefined } });
    const input = { officerId: secretary.id, appointment: { role: 'director', directorKind: 'independent', appointedOn: '2025-01-01' } };
    expect(await refusedWithoutChange(t, 'officers.appoint', input, 'VALIDATION')).toBe(
      "A company must give Companies House each director's date of birth and nationality (CA 2006 s167G(3)). Add Priya Shah's to their particulars before appointing them a director.",
    );
    expectOk(await t.core.dispatch('officers.update', { id: secretary.id, particulars: particulars(), residentialAddress: RESIDENTIAL }));
    expectOk(await t.core.dispatch('officers.appoint', input));
  });

  it('ends an appointment with its reason; the officer becomes former when none is left', async () => {
    const t = await company();
    const officer = await add(t);
    const ended = expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: officer.appointments[0]!.id, ceasedOn: '2026-05-01', reason: 'Resigned' })) as Officer;
    expect(ended.appointments[0]).toMatchObject({ ceasedOn: '2026-05-01', cessationReason: 'Resigned' });
    expect(ended.current).toBe(false);
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'officer.appointment_ended', entityId: officer.id, summary: 'Appointment as employee director ended on 1 May 2026' });
    expect(event.payload).toEqual({
      before: { appointmentId: officer.appointments[0]!.id, ceasedOn: null, cessationReason: null },
      after: { appointmentId: officer.appointments[0]!.id, ceasedOn: '2026-05-01', cessationReason: 'Resigned' },
    });
    expect(expectOk(await t.core.dispatch('officers.list', {}))).toEqual([]);
    expect((expectOk(await t.core.dispatch('officers.list', { status: 'former' })) as Officer[]).map((o) => o.id)).toEqual([officer.id]);
  });

  it('refuses an end before the appointment, in the future, twice, or of an unknown appointment', async () => {
    const t = await company();
    const officer = await add(t);
    const id = officer.appointments[0]!.id;
    expect(await refusedWithoutChange(t, 'officers.endAppointment', { appointmentId: id, ceasedOn: '2024-03-31' }, 'VALIDATION', 'ceasedOn')).toBe(
      'An appointment cannot end before it began (appointed 1 April 2024).',
    );
    expect(await refusedWithoutChange(t, 'officers.endAppointment', { appointmentId: id, ceasedOn: '2026-05-16' }, 'VALIDATION', 'ceasedOn')).toMatch(/future/);
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: id, ceasedOn: '2026-05-15' }));
    expect(await refusedWithoutChange(t, 'officers.endAppointment', { appointmentId: id, ceasedOn: '2026-05-15' }, 'CONFLICT')).toMatch(/already ended on 15 May 2026/);
    await refusedWithoutChange(t, 'officers.endAppointment', { appointmentId: uuidv7(), ceasedOn: '2026-05-15' }, 'NOT_FOUND');
  });
});

describe('officers.list', () => {
  it('sorts by family name and filters current, former and all', async () => {
    const t = await company();
    const shah = await add(t);
    const adams = await add(t, { particulars: { givenNames: 'Zoë', familyName: 'Adams' } });
    const okafor = await add(t, { particulars: { givenNames: 'Tom', familyName: 'Okafor' } });
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: okafor.appointments[0]!.id, ceasedOn: '2026-01-01' }));
    const names = async (status: string) => (expectOk(await t.core.dispatch('officers.list', { status })) as Officer[]).map((o) => o.familyName);
    expect(await names('current')).toEqual(['Adams', 'Shah']);
    expect(await names('former')).toEqual(['Okafor']);
    expect(await names('all')).toEqual(['Adams', 'Okafor', 'Shah']);
    expect(shah.id).not.toBe(adams.id);
  });
});

describe('officers.update', () => {
  it('changes particulars and the residential address; the audit payload holds both, the summary neither', async () => {
    const t = await company();
    const officer = await add(t);
    const moved = { line1: '3 Mill Lane', town: 'Ilkley', postcode: 'LS29 8AB' };
    const after = expectOk(await t.core.dispatch('officers.update', { id: officer.id, particulars: particulars({ occupation: 'Ward manager' }), residentialAddress: moved })) as Officer;
    expect(after.occupation).toBe('Ward manager');
    expect(expectOk(await t.core.dispatch('officers.residentialAddress', { id: officer.id }))).toEqual(moved);
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'officer.updated', entityId: officer.id, summary: 'Changed: occupation, residential address' });
    expect(event.payload).toEqual({
      before: { occupation: 'Community nurse', 'residentialAddress.line1': '7 Larkspur Close', 'residentialAddress.town': 'Otley', 'residentialAddress.postcode': 'LS21 3QP' },
      after: { occupation: 'Ward manager', 'residentialAddress.line1': '3 Mill Lane', 'residentialAddress.town': 'Ilkley', 'residentialAddress.postcode': 'LS29 8AB' },
    });
  });

  it('writes nothing when nothing changed', async () => {
    const t = await company();
    const officer = await add(t);
    const events = count(t, 'audit_event');
    expectOk(await t.core.dispatch('officers.update', { id: officer.id, particulars: particulars(), residentialAddress: RESIDENTIAL }));
    expect(count(t, 'audit_event')).toBe(events);
  });

  it("refuses to empty a current company director's particulars or residential address", async () => {
    const t = await company();
    const officer = await add(t);
    await refusedWithoutChange(t, 'officers.update', { id: officer.id, particulars: particulars({ nationality: '' }), residentialAddress: RESIDENTIAL }, 'VALIDATION', 'particulars.nationality');
    await refusedWithoutChange(t, 'officers.update', { id: officer.id, particulars: particulars(), residentialAddress: null }, 'VALIDATION', 'residentialAddress.line1');
    expect(expectOk(await t.core.dispatch('officers.residentialAddress', { id: officer.id }))).toEqual(RESIDENTIAL);
  });

  it('refuses an unknown officer', async () => {
    const t = await company();
    await refusedWithoutChange(t, 'officers.update', { id: uuidv7(), particulars: particulars(), residentialAddress: null }, 'NOT_FOUND');
    refused(await t.core.dispatch('officers.get', { id: uuidv7() }), 'NOT_FOUND');
    refused(await t.core.dispatch('officers.residentialAddress', { id: uuidv7() }), 'NOT_FOUND');
  });
});

describe('declarations of interest', () => {
  const declaration = (officerId: string, overrides: Record<string, unknown> = {}) => ({
    officerId,
    category: 'directorship',
    nature: 'Trustee of Riverside Hospice',
    relatedOrganisation: 'Riverside Hospice',
    declaredOn: '2025-02-03',
    ...overrides,
  });

  it('records a declaration with its audit event, lists it for the officer and the board, and ends it', async () => {
    const t = await company();
    const officer = await add(t);
    const other = await add(t, { particulars: { givenNames: 'Tom', familyName: 'Okafor' } });
    const interest = expectOk(await t.core.dispatch('interests.declare', declaration(officer.id))) as Interest;
    expect(interest).toMatchObject({ officerId: officer.id, officerName: 'Priya Shah', category: 'directorship', relatedOrganisation: 'Riverside Hospice', endedOn: null });
    const declared = await lastEvent(t);
    expect(declared).toMatchObject({ action: 'interest.declared', entityType: 'interest', entityId: interest.id, summary: 'Directorship or trusteeship declared on 3 February 2025' });
    expect(declared.payload?.after).toMatchObject({ officerId: officer.id, nature: 'Trustee of Riverside Hospice' });
    expectOk(await t.core.dispatch('interests.declare', declaration(other.id, { category: 'employment', nature: 'Employed by Leeds City Council', relatedOrganisation: 'Leeds City Council' })));

    const ids = async (input: object) => (expectOk(await t.core.dispatch('interests.list', input)) as Interest[]).map((i) => i.officerName);
    expect(await ids({ officerId: officer.id })).toEqual(['Priya Shah']);
    expect(await ids({ currentOnly: true })).toEqual(['Priya Shah', 'Tom Okafor']);

    const ended = expectOk(await t.core.dispatch('interests.end', { id: interest.id, endedOn: '2026-04-30' })) as Interest;
    expect(ended.endedOn).toBe('2026-04-30');
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'interest.ended', entityId: interest.id, summary: 'Directorship or trusteeship ended on 30 April 2026' });
    expect(await ids({ currentOnly: true })).toEqual(['Tom Okafor']);
    expect(await ids({})).toEqual(['Priya Shah', 'Tom Okafor']);
  });

  it('refuses a declaration in the future, after the officer left office, or for an unknown officer', async () => {
    const t = await company();
    const officer = await add(t);
    await refusedWithoutChange(t, 'interests.declare', declaration(officer.id, { declaredOn: '2026-05-16' }), 'VALIDATION', 'declaredOn');
    await refusedWithoutChange(t, 'interests.declare', declaration(uuidv7()), 'NOT_FOUND');
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: officer.appointments[0]!.id, ceasedOn: '2025-12-31' }));
    expect(await refusedWithoutChange(t, 'interests.declare', declaration(officer.id, { declaredOn: '2026-01-02' }), 'VALIDATION', 'declaredOn')).toMatch(
      /^Priya Shah left office on 31 December 2025/,
    );
    expectOk(await t.core.dispatch('interests.declare', declaration(officer.id, { declaredOn: '2025-12-31' })));
  });

  it('cites the law by legal form: CA 2006 s177 and s182 for a company, the registered rules for a society', async () => {
    const t = await society();
    const officer = await add(t, { particulars: { dateOfBirth: undefined }, residentialAddress: null });
    expectOk(await t.core.dispatch('officers.endAppointment', { appointmentId: officer.appointments[0]!.id, ceasedOn: '2025-12-31' }));
    const message = await refusedWithoutChange(t, 'interests.declare', declaration(officer.id, { declaredOn: '2026-01-02' }), 'VALIDATION', 'declaredOn');
    expect(message).toBe("Priya Shah left office on 31 December 2025; a declaration made after that is not a director's declaration (your registered rules).");
  });

  it('refuses an end before the declaration, in the future, twice, or of an unknown declaration', async () => {
    const t = await company();
    const officer = await add(t);
    const interest = expectOk(await t.core.dispatch('interests.declare', declaration(officer.id))) as Interest;
    expect(await refusedWithoutChange(t, 'interests.end', { id: interest.id, endedOn: '2025-02-02' }, 'VALIDATION', 'endedOn')).toBe(
      'An interest cannot end before it was declared (3 February 2025).',
    );
    await refusedWithoutChange(t, 'interests.end', { id: interest.id, endedOn: '2026-05-16' }, 'VALIDATION', 'endedOn');
    expectOk(await t.core.dispatch('interests.end', { id: interest.id, endedOn: '2025-02-03' }));
    await refusedWithoutChange(t, 'interests.end', { id: interest.id, endedOn: '2025-03-01' }, 'CONFLICT');
    await refusedWithoutChange(t, 'interests.end', { id: uuidv7(), endedOn: '2025-03-01' }, 'NOT_FOUND');
  });
});

describe('identity verification with Companies House (company directors)', () => {
  it('stores the date and the personal code, written in three groups, shows them on the officer, and audits the change without the code in the summary', async () => {
    const t = await company();
    const officer = await add(t);
    expect(officer.identity).toBeNull();
    const after = expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: ' ft5 15ed 7jy5 ' } })) as Officer;
    expect(after.identity).toEqual({ verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' });
    expect((expectOk(await t.core.dispatch('officers.get', { id: officer.id })) as Officer).identity).toEqual({ verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' });
    const event = await lastEvent(t);
    expect(event).toMatchObject({ action: 'officer.identity_recorded', entityId: officer.id, summary: 'Identity verified with Companies House on 5 January 2026' });
    expect(event.summary).not.toContain('FT5');
    expect(event.payload).toEqual({ before: { identityVerifiedOn: null, personalCode: null }, after: { identityVerifiedOn: '2026-01-05', personalCode: 'recorded' } });
  });

  it('can record that it is not (or no longer) verified, and writes nothing when nothing changes', async () => {
    const t = await company();
    const officer = await add(t);
    expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' } }));
    const events = count(t, 'audit_event');
    expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: 'ft515ed7jy5' } }));
    expect(count(t, 'audit_event')).toBe(events);
    const cleared = expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: null })) as Officer;
    expect(cleared.identity).toBeNull();
    expect((await lastEvent(t)).summary).toBe('Identity verification no longer recorded');
  });

  it('refuses a personal code that is not 11 letters and numbers, a date in the future or before voluntary verification began, and an unknown officer', async () => {
    const t = await company();
    const officer = await add(t);
    expect(await refusedWithoutChange(t, 'officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED' } }, 'VALIDATION', 'identity.personalCode')).toMatch(
      /11 letters and numbers, such as FT5-15ED-7JY5/,
    );
    await refusedWithoutChange(t, 'officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-05-16', personalCode: 'FT5-15ED-7JY5' } }, 'VALIDATION', 'identity.verifiedOn');
    expect(await refusedWithoutChange(t, 'officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2025-04-07', personalCode: 'FT5-15ED-7JY5' } }, 'VALIDATION', 'identity.verifiedOn')).toMatch(
      /8 April 2025/,
    );
    await refusedWithoutChange(t, 'officers.recordIdentity', { id: uuidv7(), identity: null }, 'NOT_FOUND');
  });

  it('is refused for a society, whose officers are not verified at Companies House (CCBS Act 2014 s30)', async () => {
    const t = await society();
    const officer = await add(t, { particulars: { dateOfBirth: undefined }, residentialAddress: null });
    expect(await refusedWithoutChange(t, 'officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' } }, 'FORBIDDEN')).toMatch(/CCBS Act 2014 s30/);
  });

  it('is never in the printed board and officers record, even the confidential internal copy', async () => {
    const t = await company();
    const officer = await add(t);
    expectOk(await t.core.dispatch('officers.recordIdentity', { id: officer.id, identity: { verifiedOn: '2026-01-05', personalCode: 'FT5-15ED-7JY5' } }));
    for (const statutory of [false, true]) {
      const page = JSON.stringify(expectOk(await t.core.dispatch('exports.officersPage', { statutory })));
      expect(page).not.toContain('FT5');
    }
  });
});
