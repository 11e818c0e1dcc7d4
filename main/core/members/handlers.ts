import type { MemberDetail, MemberParticulars } from '../../../shared/contract/members';
import { CESSATION_REASON_LABEL } from '../../../shared/contract/members';
import { eligibilityProblems } from '../../../shared/rules/eligibility';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { requireClass } from '../classes/handlers';
import type { ReadDb, RegisterCtx } from '../context';
import { uuidv7 } from '../db/ids';
import type { MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { command, defineHandlers, mutation, query } from '../handler';
import { assertNotBeforeIncorporation, assertNotFuture, assertPlausibleDateOfBirth } from '../organisation/guards';
import { nameParts } from '../../../shared/rules/fold';
import { checkHoldingLimits } from '../../../shared/rules/shareholding';
import { shareExitRoutes } from '../../../shared/rules/share-exit';
import { allotShares, disposeOnCessation } from '../shares/operations';
import { emailKey, jointHolderRows, nameTokensFor, normaliseEmployeeNumber, particularsColumns, readJointHolders, toMemberDetail, toParticulars } from './columns';
import { registerFacts, updateRegisterSettings } from './register-facts';
import { requireMember } from './lookup';
import { diffFlat, flattenParticulars } from './particulars-diff';
import { countMembers, listPage, searchMembers } from './queries';
import { removableEntries, removeEntries } from './removal';
import { subjectAccess } from './subject-access';
import { allocate } from './sequence';
import { timeline } from './timeline';

async function otherEntries(db: ReadDb, row: MemberRowDb): Promise<MemberDetail['otherEntries']> {
  const rows = await db
    .selectFrom('member')
    .select(['id', 'member_number', 'admitted_on', 'ceased_on'])
    .where('person_id', '=', row.person_id)
    .where('id', '!=', row.id)
    .orderBy('admitted_on')
    .execute();
  return rows.map((r) => ({ id: r.id, memberNumber: r.member_number, admittedOn: r.admitted_on, ceasedOn: r.ceased_on }));
}

export async function memberDetail(db: ReadDb, rc: RegisterCtx, row: MemberRowDb): Promise<MemberDetail> {
  return toMemberDetail(row, rc.form.hasShares, await otherEntries(db, row), await readJointHolders(db, row.id));
}

/** Search words for an entry: the extra words of its own name and every word of its joint holders' names. */
function searchTokens(organisationId: string, memberId: string, p: MemberParticulars) {
  const own = nameTokensFor(organisationId, memberId, p.familyName, p.givenNames);
  const seen = new Set(own.map((t) => t.token));
  const joint = (p.jointHolders ?? [])
    .flatMap((j) => nameParts(`${j.givenNames} ${j.familyName}`))
    .filter((t) => t.length >= 2 && !seen.has(t) && (seen.add(t), true))
    .map((token) => ({ organisation_id: organisationId, token, member_id: memberId }));
  return [...own, ...joint];
}

/**
 * What the legal form and the class let the register hold (data minimisation), and whether the
 * person may join the class. Messages name the field they are about.
 */
export function checkParticulars(rc: RegisterCtx, cls: MembershipClassRow, p: MemberParticulars, prefix: string): void {
  const field = (f: string) => `${prefix}${f}`;
  if (p.dateOfBirth) assertPlausibleDateOfBirth(rc, p.dateOfBirth, field('dateOfBirth'));
  if (p.kind === 'organisation' && cls.is_employee_class === 1) {
    throw AppError.field(field('kind'), `The ${cls.name} class is for employees, so an organisation cannot be a member of it; choose another class.`);
  }
  if ((p.jointHolders ?? []).length > 0 && !(rc.form.family === 'company' && rc.form.hasShares)) {
    throw AppError.field(
      field('jointHolders'),
      rc.form.family === 'company'
        ? `Joint holders hold shares together (CA 2006 s113(5)); a ${rc.form.label.toLowerCase()} has no shares, so each member is entered alone.`
        : 'Joint holders are entered for shares in a company (CA 2006 s113(5)); a society’s register (CCBS Act 2014 s30) enters each member alone.',
    );
  }
  if (cls.is_employee_class === 1 && p.employee === null) {
    throw AppError.field(field('employee.employeeNumber'), `The ${cls.name} class is for employees: enter the employee details.`);
  }
  if (cls.is_employee_class === 0 && p.employee !== null) {
    throw AppError.field(field('employee.employeeNumber'), `Employee details are kept only for members of an employee class; the ${cls.name} class is not one.`);
  }
  if (rc.form.family === 'company' && p.emailPurposes) {
    throw AppError.field(field('emailPurposes'), 'E-mail purposes are recorded only by societies (CCBS Act 2014 s30); leave this empty.');
  }
  if (rc.form.family === 'company' && p.loansAndDepositsPence !== null) {
    throw AppError.field(field('loansAndDepositsPence'), 'Loans and deposits are recorded only in a society’s register (CCBS Act 2014 s30).');
  }
}

/**
 * The agreement to notices by e-mail: given by today, withdrawn (if at all) on or after it was
 * given and by today, and, while it stands, with an e-mail address to send to. For a company the
 * law is the reason: a document may be sent in electronic form only to a person who has agreed
 * and not revoked the agreement (CA 2006 s1144(2), Sch 5 Part 3 para 6), at an address they
 * specified for the purpose (para 7). A society gives notice as its registered rules provide, so
 * its messages cite the rules, never company law.
 */
export function checkElectronicComms(
  rc: Pick<RegisterCtx, 'today' | 'form'>,
  comms: { agreedOn: string; revokedOn?: string | undefined } | null,
  email: string | null | undefined,
  prefix: string,
): void {
  if (comms === null) return;
  const company = rc.form.family === 'company';
  const field = (f: string) => `${prefix}${f}`;
  const today = formatLegalDate(rc.today);
  if (comms.agreedOn > rc.today) {
    throw AppError.field(
      field('electronicComms.agreedOn'),
      company
        ? `The member’s agreement to notices by e-mail cannot be dated in the future (today is ${today}): notices may go by e-mail only to a member who has already agreed (CA 2006 s1144(2), Sch 5 para 6).`
        : `The member’s agreement to notices by e-mail cannot be dated in the future (today is ${today}).`,
    );
  }
  if (comms.revokedOn !== undefined) {
    if (comms.revokedOn < comms.agreedOn) {
      throw AppError.field(
        field('electronicComms.revokedOn'),
        `The agreement cannot be withdrawn before it was given: the member agreed on ${formatLegalDate(comms.agreedOn)}${company ? ' (CA 2006 Sch 5 para 6)' : ''}.`,
      );
    }
    if (comms.revokedOn > rc.today) {
      throw AppError.field(
        field('electronicComms.revokedOn'),
        `The date the member withdrew their agreement cannot be in the future (today is ${today}); record it once they have withdrawn it${company ? ' (CA 2006 Sch 5 para 6)' : ''}.`,
      );
    }
    return;
  }
  if (!email) {
    throw AppError.field(
      field('email'),
      company
        ? 'Enter the e-mail address the member agreed to receive notices at: notices may go by e-mail only to an address the member gave for the purpose (CA 2006 Sch 5 para 7).'
        : 'Enter the e-mail address the member agreed to receive notices at, as the society’s rules provide.',
    );
  }
}

/**
 * A change of e-mail address while the member's agreement to notices by e-mail stands. A notice
 * may be sent in electronic form only to an address "specified for the purpose by the intended
 * recipient" (CA 2006 Sch 5 para 7(1)(a)): the agreement was given for the old address, so the
 * new one is refused until the secretary confirms the member gave it for notices
 * (`electronicComms.confirmedForAddress`), unticks the agreement, or records its withdrawal. Never
 * ended silently. The same address in other capitals is the same mailbox, so it needs nothing.
 */
export function checkAddressForNotices(
  rc: Pick<RegisterCtx, 'form'>,
  before: MemberRowDb,
  input: Pick<MemberParticulars, 'email' | 'electronicComms'>,
  comms: { revokedOn?: string | undefined } | null,
  prefix: string,
): void {
  const standing = (before.electronic_comms_agreed_on ?? null) !== null && (before.electronic_comms_revoked_on ?? null) === null;
  if (!standing || comms === null || comms.revokedOn !== undefined) return;
  const key = (e: string | null | undefined) => (e ? emailKey(e) : null);
  if (key(input.email) === null || key(input.email) === key(before.email)) return;
  if (input.electronicComms?.confirmedForAddress === true) return;
  const name = `${before.given_names} ${before.family_name}`.trim();
  throw AppError.field(
    `${prefix}electronicComms.confirmedForAddress`,
    `The e-mail address changed; confirm that ${name} gave the new address for notices, or untick the agreement${rc.form.family === 'company' ? ' (CA 2006 Sch 5 para 7)' : ''}.`,
  );
}

export function checkEligibility(cls: MembershipClassRow, p: MemberParticulars, on: string, prefix: string): void {
  if (cls.is_employee_class !== 1 || p.employee === null) return;
  const problems = eligibilityProblems(
    cls.name,
    {
      minAgeYears: cls.min_age_years,
      minWeeklyHours: cls.min_weekly_hours_centi === null ? null : cls.min_weekly_hours_centi / 100,
      minServiceMonths: cls.min_service_months,
    },
    { dateOfBirth: p.dateOfBirth ?? null, weeklyHours: p.employee.weeklyHours, employmentStart: p.employee.employmentStart, employmentEnd: p.employee.employmentEnd ?? null },
    on,
  );
  if (problems.length === 0) return;
  const path = (f: string) => (f === 'dateOfBirth' ? `${prefix}dateOfBirth` : `${prefix}employee.${f}`);
  const fieldErrors = Object.fromEntries(problems.map((pr) => [path(pr.field), pr.message]));
  throw new AppError('VALIDATION', problems[0]!.message, fieldErrors);
}

async function assertNoCurrentEntryForEmployee(db: ReadDb, orgId: string, employeeNumber: string, field: string, exceptId?: string) {
  let q = db
    .selectFrom('member')
    .select(['member_number'])
    .where('organisation_id', '=', orgId)
    .where('employee_number', '=', normaliseEmployeeNumber(employeeNumber))
    .where('ceased_on', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) {
    throw new AppError('CONFLICT', `Employee ${employeeNumber} is already member ${clash.member_number}; a person holds one membership.`, {
      [field]: `Employee ${employeeNumber} is already member ${clash.member_number}.`,
    });
  }
}

/**
 * A society member that stops being recorded as a registered society comes back under the
 * £100,000 limit on withdrawable shares (CCBS Act 2014 s24(1); s24(2) exempted it), so a change
 * that would leave it over the limit is refused.
 */
function checkStillWithinLimit(rc: RegisterCtx, before: MemberRowDb, after: MemberRowDb, cls: MembershipClassRow): void {
  if (before.organisation_kind !== 'registered_society' || after.organisation_kind === 'registered_society' || cls.share_nominal_pence === null) return;
  const check = checkHoldingLimits({
    family: rc.form.family,
    className: cls.name,
    withdrawable: cls.share_withdrawable === 1,
    nominalPence: cls.share_nominal_pence,
    maxHolding: null,
    sharesAfter: before.shares_held,
    memberIsRegisteredSociety: false,
  });
  if (!check.ok) throw AppError.field('particulars.organisation.organisationKind', `${check.message} Only a registered society may hold more (s24(2)).`);
}

export const memberHandlers = defineHandlers('members', {
  'members.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    return listPage(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  }),

  'members.search': query(async (input, ctx) => {
    const rc = await ctx.register();
    return searchMembers(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  }),

  'members.count': query(async (input, ctx) => {
    const rc = await ctx.register();
    return countMembers(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  }),

  'members.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    return memberDetail(ctx.db, rc, await requireMember(ctx.db, rc.org.id, input.id));
  }),

  'members.history': query(async (input, ctx) => {
    const rc = await ctx.register();
    await requireMember(ctx.db, rc.org.id, input.id);
    return timeline(ctx.db, input.id);
  }),

  'members.admit': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const cls = await requireClass(trx, rc.org.id, input.classId);
    assertNotFuture(rc, input.admittedOn, 'admittedOn', 'An admission');
    assertNotBeforeIncorporation(rc, input.admittedOn, 'admittedOn', 'An admission');
    checkParticulars(rc, cls, input.particulars, 'particulars.');
    checkElectronicComms(rc, input.particulars.electronicComms ?? null, input.particulars.email, 'particulars.');
    checkEligibility(cls, input.particulars, input.admittedOn, 'particulars.');
    if (rc.form.hasShares && input.initialShares === null) {
      throw AppError.field('initialShares.shares', `Members of a ${rc.form.label.toLowerCase()} hold shares: enter the shares allotted on admission.`);
    }
    if (!rc.form.hasShares && input.initialShares !== null) {
      throw AppError.field('initialShares.shares', `A ${rc.form.label.toLowerCase()} has no shares.`);
    }
    if (input.particulars.employee) {
      await assertNoCurrentEntryForEmployee(trx, rc.org.id, input.particulars.employee.employeeNumber, 'particulars.employee.employeeNumber');
    }
    let personId = uuidv7();
    if (input.previousEntryId) {
      const previous = await requireMember(trx, rc.org.id, input.previousEntryId);
      const current = await trx.selectFrom('member').select('member_number').where('person_id', '=', previous.person_id).where('ceased_on', 'is', null).executeTakeFirst();
      if (current) throw new AppError('CONFLICT', `This person is already member ${current.member_number}; a person holds one membership.`);
      if (previous.ceased_on !== null && input.admittedOn <= previous.ceased_on) {
        throw AppError.field('admittedOn', `Their previous membership ended on ${formatLegalDate(previous.ceased_on)}; re-admission must come after that.`);
      }
      personId = previous.person_id;
    }
    const who = tx.who;
    const memberNumber = await allocate(trx, rc.org.id, 'member_number', 1);
    const row: MemberRowDb = {
      id: uuidv7(),
      organisation_id: rc.org.id,
      person_id: personId,
      member_number: memberNumber,
      class_id: cls.id,
      ...particularsColumns(input.particulars),
      application_date: input.applicationDate ?? null,
      admitted_on: input.admittedOn,
      board_reference: input.boardReference ?? null,
      ceased_on: null,
      cessation_reason: null,
      cessation_note: null,
      shares_held: 0,
      paid_pence: 0,
      created_at: who.at,
      updated_at: who.at,
    };
    await trx.insertInto('member').values(row).execute();
    const joint = jointHolderRows(row.id, input.particulars);
    if (joint.length > 0) await trx.insertInto('member_joint_holder').values(joint).execute();
    const tokens = searchTokens(rc.org.id, row.id, input.particulars);
    if (tokens.length > 0) await trx.insertInto('member_name_token').values(tokens).execute();
    const detail = toMemberDetail(row, rc.form.hasShares, [], input.particulars.jointHolders ?? []);
    tx.audit(
      {
        action: 'member.admitted',
        entityType: 'member',
        entityId: row.id,
        summary: `Member ${memberNumber} entered in the register (${cls.name} class), admitted ${formatLegalDate(row.admitted_on)}`,
        before: null,
        after: { ...flattenParticulars(detail.particulars, cls.name), memberNumber, admittedOn: row.admitted_on, applicationDate: row.application_date, boardReference: row.board_reference },
      },
    );
    if (input.initialShares) {
      await allotShares(tx, rc, row, cls, {
        date: input.admittedOn,
        shares: input.initialShares.shares,
        amountPaidPence: input.initialShares.amountPaidPence,
        boardReference: input.boardReference ?? null,
      });
    }
    return memberDetail(trx, rc, await requireMember(trx, rc.org.id, row.id));
  }),

  'members.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const before = await requireMember(trx, rc.org.id, input.id);
    const oldClass = await requireClass(trx, rc.org.id, before.class_id);
    const cls = input.classId === before.class_id ? oldClass : await requireClass(trx, rc.org.id, input.classId);
    if (cls.id !== oldClass.id && before.ceased_on !== null) {
      throw AppError.field('classId', 'A former member’s class cannot be changed; it records the class they held.');
    }
    checkParticulars(rc, cls, input.particulars, 'particulars.');
    // Left out of the change, the recorded agreement stands, and must still have an address to go to.
    const comms = input.particulars.electronicComms !== undefined ? input.particulars.electronicComms : toParticulars(before).electronicComms;
    checkElectronicComms(rc, comms, input.particulars.email, 'particulars.');
    checkAddressForNotices(rc, before, input.particulars, comms, 'particulars.');
    if (cls.id !== oldClass.id) checkEligibility(cls, input.particulars, rc.today, 'particulars.');
    const employeeNumber = input.particulars.employee ? normaliseEmployeeNumber(input.particulars.employee.employeeNumber) : null;
    if (employeeNumber !== null && employeeNumber !== before.employee_number && before.ceased_on === null) {
      await assertNoCurrentEntryForEmployee(trx, rc.org.id, employeeNumber, 'particulars.employee.employeeNumber', before.id);
    }
    const columns = particularsColumns(input.particulars);
    const after: MemberRowDb = { ...before, ...columns, class_id: cls.id };
    const jointBefore = await readJointHolders(trx, before.id);
    const diff = diffFlat(flattenParticulars(toParticulars(before, jointBefore), oldClass.name), flattenParticulars(toParticulars(after, input.particulars.jointHolders ?? []), cls.name));
    if (diff.changed.length === 0) return memberDetail(trx, rc, before);
    checkStillWithinLimit(rc, before, after, cls);
    const who = tx.who;
    // Only the columns that changed: an unchanged indexed column would still rewrite its
    // index entries, and every extra page is one more to write and sync at commit.
    const changedColumns = Object.fromEntries(
      Object.entries({ ...columns, class_id: cls.id }).filter(([k, v]) => before[k as keyof MemberRowDb] !== v),
    ) as Partial<MemberRowDb>;
    await trx.updateTable('member').set({ ...changedColumns, updated_at: who.at }).where('id', '=', before.id).execute();
    const jointChanged = diff.changed.includes('jointHolders');
    if (jointChanged) {
      await trx.deleteFrom('member_joint_holder').where('member_id', '=', before.id).execute();
      const joint = jointHolderRows(before.id, input.particulars);
      if (joint.length > 0) await trx.insertInto('member_joint_holder').values(joint).execute();
    }
    if (before.family_name !== after.family_name || before.given_names !== after.given_names || jointChanged) {
      await trx.deleteFrom('member_name_token').where('member_id', '=', before.id).execute();
      const tokens = searchTokens(rc.org.id, before.id, input.particulars);
      if (tokens.length > 0) await trx.insertInto('member_name_token').values(tokens).execute();
    }
    tx.audit(
      {
        action: 'member.updated',
        entityType: 'member',
        entityId: before.id,
        summary: `Member ${before.member_number}: ${diff.changed.length} particular${diff.changed.length === 1 ? '' : 's'} changed`,
        before: diff.before,
        after: diff.after,
      },
    );
    return memberDetail(trx, rc, { ...after, updated_at: who.at });
  }),

  'members.cease': mutation(async (input, tx) => {
    const rc = await tx.register();
    const trx = tx.db;
    const before = await requireMember(trx, rc.org.id, input.memberId);
    if (before.ceased_on !== null) {
      throw new AppError('CONFLICT', `Member ${before.member_number} already ceased on ${formatLegalDate(before.ceased_on)}.`);
    }
    if (input.ceasedOn < before.admitted_on) {
      throw AppError.field('ceasedOn', `Membership cannot end before it began (admitted ${formatLegalDate(before.admitted_on)}).`);
    }
    assertNotFuture(rc, input.ceasedOn, 'ceasedOn', 'A cessation');
    assertNotBeforeIncorporation(rc, input.ceasedOn, 'ceasedOn', 'A cessation');
    // The register may not show anything happening to their shares after membership ended.
    const later = await trx
      .selectFrom('share_transaction')
      .select(['date'])
      .where('member_id', '=', before.id)
      .where('date', '>', input.ceasedOn)
      .orderBy('date', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (later) {
      throw AppError.field(
        'ceasedOn',
        `Member ${before.member_number}’s share ledger has an entry on ${formatLegalDate(later.date)}, after ${formatLegalDate(input.ceasedOn)}; membership cannot have ended before it.`,
      );
    }
    if (before.shares_held > 0) {
      if (!input.shares) {
        const cls = await requireClass(trx, rc.org.id, before.class_id);
        const routes = shareExitRoutes(rc.form.family, {
          withdrawable: cls.share_withdrawable === 1,
          transferable: cls.share_transferable === 1,
          redeemable: cls.share_redeemable === 1,
        });
        const held = `${before.shares_held} share${before.shares_held === 1 ? '' : 's'}`;
        const message = `Member ${before.member_number} still holds ${held}; say what happens to ${before.shares_held === 1 ? 'it' : 'them'} when membership ends: ${routes.map((r) => r.label.toLowerCase()).join(', or ')}.`;
        throw new AppError('VALIDATION', message, { 'shares.kind': message });
      }
      await disposeOnCessation(tx, rc, before, input.shares, input.ceasedOn);
    } else if (input.shares) {
      throw AppError.field('shares.kind', `Member ${before.member_number} holds no shares, so there is nothing to dispose of.`);
    }
    const who = tx.who;
    await trx
      .updateTable('member')
      .set({ ceased_on: input.ceasedOn, cessation_reason: input.reason, cessation_note: input.note ?? null, updated_at: who.at })
      .where('id', '=', before.id)
      .execute();
    tx.audit(
      {
        action: 'member.ceased',
        entityType: 'member',
        entityId: before.id,
        summary: `Member ${before.member_number} ceased on ${formatLegalDate(input.ceasedOn)}: ${CESSATION_REASON_LABEL[input.reason].toLowerCase()}`,
        before: { ceasedOn: null, cessationReason: null, cessationNote: null },
        after: { ceasedOn: input.ceasedOn, cessationReason: input.reason, cessationNote: input.note ?? null },
      },
    );
    return memberDetail(trx, rc, await requireMember(trx, rc.org.id, before.id));
  }),

  'members.subjectAccess': mutation(async (input, tx) => subjectAccess(tx, input.id)),

  'members.removable': query(async (_input, ctx) => removableEntries(ctx.db, await ctx.register())),

  'members.registerFacts': command(async (_input, ctx) => registerFacts(ctx)),

  'members.updateRegisterSettings': mutation(async (input, tx) => updateRegisterSettings(tx, input)),

  'members.remove': mutation(async (input, tx) => removeEntries(tx, await tx.register(), input.ids)),
});
