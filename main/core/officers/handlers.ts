import { appointmentTitle } from '../../../shared/contract/officers';
import { IDENTITY_VERIFICATION_OPENED, SOCIETY_NO_FILINGS, type FilingForm } from '../../../shared/rules/companies-house';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx, WriteContext, WriteDb } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { diffFlat } from '../members/particulars-diff';
import { assertNotFuture, assertPlausibleDateOfBirth } from '../organisation/guards';
import { checkAppointmentShape, checkCompanyDirector, checkNoClash, withNomination, type AppointmentInput } from './appointment-rules';
import {
  changedParticularNames,
  flattenOfficer,
  officerColumns,
  residentialColumns,
  toResidentialAddress,
  type Address,
  type AppointmentRow,
  type OfficerParticulars,
  type OfficerRow,
} from './columns';
import { appointmentsOf, fullName, listOfficers, officerById, requireOfficer, residentialOf } from './store';
import { recordFilingDuty } from '../filings/duties';

/**
 * The board and officers. For a company this is the board and officers record: since 18 November
 * 2025 (ECCTA 2023 Sch 2) a company keeps no register of directors or secretaries of its own, and
 * each appointment, ending and change of details is notified to Companies House within 14 days
 * (CA 2006 s167G, s167H, s279G, s279H): the handlers here record that duty in the same
 * transaction (main/core/filings). For a society it is the register of officers (CCBS Act 2014
 * s30(1), (3)), with no Companies House filings. Residential addresses live in their own table
 * and leave the service only through `officers.residentialAddress` (CA 2006 s240-241).
 */

/** What the record is called in audit summaries, by legal form. */
function recordName(rc: RegisterCtx): string {
  return rc.form.family === 'company' ? 'the board and officers record' : 'the register of officers';
}

/** The form an appointment or its ending needs at Companies House: directors and the secretary only. */
const APPOINTMENT_FORMS: Partial<Record<string, { start: FilingForm; end: FilingForm }>> = {
  director: { start: 'AP01', end: 'TM01' },
  secretary: { start: 'AP03', end: 'TM02' },
};

/**
 * The AP01 or AP03 for a new appointment, unless it began on the day of incorporation: the
 * directors and secretary named in the application to register need no notice (CA 2006 s167G(4),
 * s279G(4)).
 */
async function appointmentDuty(tx: WriteContext, rc: RegisterCtx, a: AppointmentRow): Promise<void> {
  const forms = APPOINTMENT_FORMS[a.role];
  if (!forms || a.appointed_on === rc.org.incorporated_on) return;
  await recordFilingDuty(tx, rc, { form: forms.start, subjectType: 'officer', subjectId: a.officer_id, appointmentId: a.id, eventOn: a.appointed_on });
}

/** Details a director's notice gives (s167G(3)(a)) and those a secretary's gives (s279G(3)(a)); the member link is ours alone. */
const DIRECTOR_DETAIL = (key: string) => key !== 'memberId';
const SECRETARY_DETAIL = (key: string) => /^(givenNames|familyName|formerNames|serviceAddress\.)/.test(key);

/** A linked member must be an entry of this organisation's register, linked to one officer only. */
async function checkMemberLink(trx: ReadDb, rc: RegisterCtx, memberId: string | undefined, exceptOfficerId: string | null): Promise<void> {
  if (!memberId) return;
  const member = await trx.selectFrom('member').select(['member_number']).where('id', '=', memberId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!member) throw AppError.field('particulars.memberId', "That member is not in this organisation's register of members.");
  let q = trx.selectFrom('officer').select(['given_names', 'family_name']).where('member_id', '=', memberId).where('organisation_id', '=', rc.org.id);
  if (exceptOfficerId) q = q.where('id', '!=', exceptOfficerId);
  const other = await q.executeTakeFirst();
  if (other) {
    throw AppError.field('particulars.memberId', `Member ${member.member_number} is already linked to the entry of ${fullName(other)}; one person has one entry in this register.`);
  }
}

function checkParticularDates(rc: RegisterCtx, p: OfficerParticulars): void {
  if (p.dateOfBirth) assertPlausibleDateOfBirth(rc, p.dateOfBirth, 'particulars.dateOfBirth');
}

function appointmentAudit(a: AppointmentRow) {
  return { appointmentId: a.id, role: a.role, directorKind: a.director_kind, nominatedBy: a.nominated_by, nominatingCounterpartyId: a.nominating_counterparty_id, appointedOn: a.appointed_on, ceasedOn: a.ceased_on, cessationReason: a.cessation_reason };
}

function newAppointment(rc: RegisterCtx, officerId: string, a: AppointmentInput, at: string): AppointmentRow {
  return {
    id: uuidv7(),
    organisation_id: rc.org.id,
    officer_id: officerId,
    role: a.role,
    director_kind: a.role === 'director' ? (a.directorKind ?? null) : null,
    nominated_by: a.directorKind === 'nominee' ? (a.nominatedBy ?? null) : null,
    nominating_counterparty_id: a.directorKind === 'nominee' ? (a.nominatingCounterpartyId ?? null) : null,
    appointed_on: a.appointedOn,
    ceased_on: null,
    cessation_reason: null,
    created_at: at,
    updated_at: at,
  };
}

function titleOf(a: AppointmentRow): string {
  return appointmentTitle({ role: a.role as AppointmentInput['role'], directorKind: a.director_kind as AppointmentInput['directorKind'], nominatedBy: a.nominated_by }).toLowerCase();
}

async function holdsCurrentDirectorship(trx: ReadDb, officerId: string): Promise<boolean> {
  return (await appointmentsOf(trx, officerId)).some((a) => a.role === 'director' && a.ceased_on === null);
}

async function writeResidential(trx: WriteDb, officerId: string, address: Address | null, at: string): Promise<void> {
  if (address === null) {
    await trx.deleteFrom('officer_residential_address').where('officer_id', '=', officerId).execute();
    return;
  }
  const cols = { ...residentialColumns(address), updated_at: at };
  await trx
    .insertInto('officer_residential_address')
    .values({ officer_id: officerId, ...cols })
    .onConflict((oc) => oc.column('officer_id').doUpdateSet(cols))
    .execute();
}

export const officersHandlers = defineHandlers('officers', {
  'officers.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    return listOfficers(ctx.db, rc.org.id, input.status ?? 'current');
  }),

  'officers.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return officerById(ctx.db, rc.org.id, input.id);
  }),

  'officers.residentialAddress': query(async (input, ctx) => {
    const rc = await ctx.register();
    const officer = await requireOfficer(ctx.db, rc.org.id, input.id);
    const row = await residentialOf(ctx.db, officer.id);
    return row ? toResidentialAddress(row) : null;
  }),

  'officers.add': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const p = input.particulars;
    checkParticularDates(rc, p);
    checkAppointmentShape(rc, input.appointment, 'appointment.');
    if (input.appointment.role === 'director') {
      checkCompanyDirector(
        rc,
        { name: `${p.givenNames} ${p.familyName}`, dateOfBirth: p.dateOfBirth ?? null, nationality: p.nationality ?? null, countryOfResidence: p.countryOfResidence ?? null, hasResidentialAddress: input.residentialAddress !== null },
        input.appointment.appointedOn,
        { particulars: 'particulars.', residential: 'residentialAddress.', appointedOn: 'appointment.appointedOn' },
      );
    }
    await checkMemberLink(trx, rc, p.memberId, null);
    await checkNoClash(trx, rc, null, input.appointment, 'appointment.');
    const who = tx.who;
    const row: OfficerRow = { id: uuidv7(), organisation_id: rc.org.id, ...officerColumns(p), identity_verified_on: null, personal_code: null, created_at: who.at, updated_at: who.at };
    await trx.insertInto('officer').values(row).execute();
    await writeResidential(trx, row.id, input.residentialAddress, who.at);
    const appointment = newAppointment(rc, row.id, await withNomination(trx, rc, input.appointment, 'appointment.'), who.at);
    await trx.insertInto('appointment').values(appointment).execute();
    tx.audit(
      {
        action: 'officer.added',
        entityType: 'officer',
        entityId: row.id,
        summary: `Entered in ${recordName(rc)} as ${titleOf(appointment)} from ${formatLegalDate(appointment.appointed_on)}`,
        before: null,
        after: { ...flattenOfficer(row, await residentialOf(trx, row.id)), appointment: appointmentAudit(appointment) },
      },
    );
    await appointmentDuty(tx, rc, appointment);
    return officerById(trx, rc.org.id, row.id);
  }),

  'officers.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const before = await requireOfficer(trx, rc.org.id, input.id);
    const p = input.particulars;
    checkParticularDates(rc, p);
    const changedOn = input.changedOn ?? rc.today;
    assertNotFuture(rc, changedOn, 'changedOn', 'The date the change took effect');
    if (rc.form.family === 'company' && (await holdsCurrentDirectorship(trx, before.id))) {
      checkCompanyDirector(
        rc,
        { name: `${p.givenNames} ${p.familyName}`, dateOfBirth: p.dateOfBirth ?? null, nationality: p.nationality ?? null, countryOfResidence: p.countryOfResidence ?? null, hasResidentialAddress: input.residentialAddress !== null },
        // s157 is judged at appointment; an edit only needs the entry to be complete.
        null,
        { particulars: 'particulars.', residential: 'residentialAddress.', appointedOn: 'particulars.dateOfBirth' },
      );
    }
    await checkMemberLink(trx, rc, p.memberId, before.id);
    const residentialBefore = await residentialOf(trx, before.id);
    const who = tx.who;
    const after: OfficerRow = { ...before, ...officerColumns(p) };
    const residentialAfter = input.residentialAddress ? { officer_id: before.id, ...residentialColumns(input.residentialAddress), updated_at: who.at } : null;
    const diff = diffFlat(flattenOfficer(before, residentialBefore), flattenOfficer(after, residentialAfter));
    if (diff.changed.length === 0) return officerById(trx, rc.org.id, before.id);
    await trx.updateTable('officer').set({ ...officerColumns(p), updated_at: who.at }).where('id', '=', before.id).execute();
    if (diff.changed.some((k) => k.startsWith('residentialAddress.'))) await writeResidential(trx, before.id, input.residentialAddress, who.at);
    const names = changedParticularNames(diff.changed);
    tx.audit(
      { action: 'officer.updated', entityType: 'officer', entityId: before.id, summary: `Changed: ${names.join(', ')}`, before: diff.before, after: diff.after },
    );
    // A current director's or secretary's change of details is notified within 14 days (CA 2006 s167H, s279H).
    const held = (await appointmentsOf(trx, before.id)).filter((a) => a.ceased_on === null).map((a) => a.role);
    for (const [role, form, counts] of [['director', 'CH01', DIRECTOR_DETAIL], ['secretary', 'CH03', SECRETARY_DETAIL]] as const) {
      const relevant = diff.changed.filter(counts);
      if (!held.includes(role) || relevant.length === 0) continue;
      await recordFilingDuty(tx, rc, { form, subjectType: 'officer', subjectId: before.id, detail: changedParticularNames(relevant).join(', '), eventOn: changedOn });
    }
    return officerById(trx, rc.org.id, before.id);
  }),

  'officers.appoint': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const officer = await requireOfficer(trx, rc.org.id, input.officerId);
    checkAppointmentShape(rc, input.appointment, 'appointment.');
    if (input.appointment.role === 'director') {
      checkCompanyDirector(
        rc,
        {
          name: fullName(officer),
          dateOfBirth: officer.date_of_birth,
          nationality: officer.nationality,
          countryOfResidence: officer.country_of_residence,
          hasResidentialAddress: (await residentialOf(trx, officer.id)) !== null,
        },
        input.appointment.appointedOn,
        null,
      );
    }
    await checkNoClash(trx, rc, officer, input.appointment, 'appointment.');
    const who = tx.who;
    const appointment = newAppointment(rc, officer.id, await withNomination(trx, rc, input.appointment, 'appointment.'), who.at);
    await trx.insertInto('appointment').values(appointment).execute();
    await trx.updateTable('officer').set({ updated_at: who.at }).where('id', '=', officer.id).execute();
    tx.audit(
      {
        action: 'officer.appointed',
        entityType: 'officer',
        entityId: officer.id,
        summary: `Appointed ${titleOf(appointment)} from ${formatLegalDate(appointment.appointed_on)}`,
        before: null,
        after: appointmentAudit(appointment),
      },
    );
    await appointmentDuty(tx, rc, appointment);
    return officerById(trx, rc.org.id, officer.id);
  }),

  'officers.endAppointment': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const before = await trx.selectFrom('appointment').selectAll().where('id', '=', input.appointmentId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That appointment is not in the register.');
    if (before.ceased_on !== null) {
      throw new AppError('CONFLICT', `That appointment as ${titleOf(before)} already ended on ${formatLegalDate(before.ceased_on)}.`);
    }
    if (input.ceasedOn < before.appointed_on) {
      throw AppError.field('ceasedOn', `An appointment cannot end before it began (appointed ${formatLegalDate(before.appointed_on)}).`);
    }
    assertNotFuture(rc, input.ceasedOn, 'ceasedOn', 'The end of an appointment');
    const who = tx.who;
    const reason = input.reason ?? null;
    await trx.updateTable('appointment').set({ ceased_on: input.ceasedOn, cessation_reason: reason, updated_at: who.at }).where('id', '=', before.id).execute();
    await trx.updateTable('officer').set({ updated_at: who.at }).where('id', '=', before.officer_id).execute();
    tx.audit(
      {
        action: 'officer.appointment_ended',
        entityType: 'officer',
        entityId: before.officer_id,
        summary: `Appointment as ${titleOf(before)} ended on ${formatLegalDate(input.ceasedOn)}`,
        before: { appointmentId: before.id, ceasedOn: null, cessationReason: null },
        after: { appointmentId: before.id, ceasedOn: input.ceasedOn, cessationReason: reason },
      },
    );
    const forms = APPOINTMENT_FORMS[before.role];
    if (forms) await recordFilingDuty(tx, rc, { form: forms.end, subjectType: 'officer', subjectId: before.officer_id, appointmentId: before.id, eventOn: input.ceasedOn });
    return officerById(trx, rc.org.id, before.officer_id);
  }),

  'officers.recordIdentity': mutation(async (input, tx) => {
    const rc = await tx.register();
    // Identity verification is a Companies House requirement (CA 2006 s167M); a society's officers have none.
    if (rc.form.family !== 'company') throw new AppError('FORBIDDEN', SOCIETY_NO_FILINGS);
    const before = await requireOfficer(tx.db, rc.org.id, input.id);
    const next = input.identity;
    if (next) {
      assertNotFuture(rc, next.verifiedOn, 'identity.verifiedOn', 'The date the identity was verified');
      if (next.verifiedOn < IDENTITY_VERIFICATION_OPENED) {
        throw AppError.field('identity.verifiedOn', `Companies House began verifying identities on ${formatLegalDate(IDENTITY_VERIFICATION_OPENED)}; the date cannot be earlier.`);
      }
    }
    const after = { identity_verified_on: next?.verifiedOn ?? null, personal_code: next?.personalCode ?? null };
    if (after.identity_verified_on === before.identity_verified_on && after.personal_code === before.personal_code) return officerById(tx.db, rc.org.id, before.id);
    await tx.db.updateTable('officer').set({ ...after, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    // The personal code is treated as confidential (Companies House): the log says whether one is held, not what it is.
    const shown = (v: { identity_verified_on: string | null; personal_code: string | null }) => ({ identityVerifiedOn: v.identity_verified_on, personalCode: v.personal_code === null ? null : 'recorded' });
    tx.audit({
      action: 'officer.identity_recorded',
      entityType: 'officer',
      entityId: before.id,
      summary: next ? `Identity verified with Companies House on ${formatLegalDate(next.verifiedOn)}` : 'Identity verification no longer recorded',
      before: shown(before),
      after: shown(after),
    });
    return officerById(tx.db, rc.org.id, before.id);
  }),

});
