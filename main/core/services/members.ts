import type { Kysely } from 'kysely';
import type { memberMethods, MemberDetail, MemberParticulars, TimelineEntry } from '../../../shared/contract/members';
import { CESSATION_REASON_LABEL } from '../../../shared/contract/members';
import { eligibilityProblems } from '../../../shared/rules/eligibility';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { REMOVAL_SOURCE, removableCeasedOnOrBefore, removableFrom } from '../../../shared/rules/retention';
import { appendAudit } from '../audit/log';
import { transact, type Handlers, type ServiceContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { DB, MemberRowDb, MembershipClassRow } from '../db/schema';
import { AppError } from '../errors';
import { assertNotFuture, registerCtx, type RegisterCtx } from '../register/context';
import { nameTokensFor, normaliseEmployeeNumber, particularsColumns, toMemberDetail, toParticulars } from '../register/member-columns';
import { diffFlat, flattenParticulars } from '../register/particulars-diff';
import { countMembers, listPage, searchMembers } from '../register/queries';
import { allocate } from '../register/sequence';
import { requireMember } from '../register/lookup';
import { requireClass } from './classes';
import { recordLedgerEntry } from './shares';

type Methods = keyof typeof memberMethods;

async function otherEntries(db: Kysely<DB>, row: MemberRowDb): Promise<MemberDetail['otherEntries']> {
  const rows = await db
    .selectFrom('member')
    .select(['id', 'member_number', 'admitted_on', 'ceased_on'])
    .where('person_id', '=', row.person_id)
    .where('id', '!=', row.id)
    .orderBy('admitted_on')
    .execute();
  return rows.map((r) => ({ id: r.id, memberNumber: r.member_number, admittedOn: r.admitted_on, ceasedOn: r.ceased_on }));
}

export async function memberDetail(db: Kysely<DB>, rc: RegisterCtx, row: MemberRowDb): Promise<MemberDetail> {
  return toMemberDetail(row, rc.form.hasShares, await otherEntries(db, row));
}

/**
 * What the legal form and the class let the register hold (data minimisation), and whether the
 * person may join the class. Messages name the field they are about.
 */
export function checkParticulars(rc: RegisterCtx, cls: MembershipClassRow, p: MemberParticulars, prefix: string): void {
  const field = (f: string) => `${prefix}${f}`;
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

async function assertNoCurrentEntryForEmployee(db: Kysely<DB>, orgId: string, employeeNumber: string, field: string, exceptId?: string) {
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

async function timeline(db: Kysely<DB>, memberId: string): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('audit_event as e')
    .leftJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.at', 'e.actor', 'e.action', 'e.summary', 'p.body'])
    .where('e.entity_type', '=', 'member')
    .where('e.entity_id', '=', memberId)
    .orderBy('e.seq', 'desc')
    .execute();
  return events.map((e) => {
    if (e.body === null || e.body === undefined) return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, summary: e.summary, changes: [], redacted: true };
    const { before, after } = JSON.parse(e.body) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
    // Field-by-field changes for edits and cessation; other events say it all in their summary.
    const changes =
      (e.action !== 'member.updated' && e.action !== 'member.ceased') || !after || typeof after !== 'object'
        ? []
        : Object.keys(after)
            .filter((k) => k !== 'memberId')
            .map((k) => ({ field: k, from: before?.[k] ?? null, to: after[k] ?? null }));
    return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, summary: e.summary, changes, redacted: false };
  });
}

export const memberHandlers: Handlers<Methods> = {
  'members.list': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    return listPage(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  },

  'members.search': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    return searchMembers(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  },

  'members.count': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    return countMembers(ctx.db, { organisationId: rc.org.id, hasShares: rc.form.hasShares }, input);
  },

  'members.get': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    return memberDetail(ctx.db, rc, await requireMember(ctx.db, rc.org.id, input.id));
  },

  'members.history': async (input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    await requireMember(ctx.db, rc.org.id, input.id);
    return timeline(ctx.db, input.id);
  },

  'members.admit': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const cls = await requireClass(trx, rc.org.id, input.classId);
      assertNotFuture(rc, input.admittedOn, 'admittedOn', 'An admission');
      checkParticulars(rc, cls, input.particulars, 'particulars.');
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
      const who = ctx.who();
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
      const tokens = nameTokensFor(rc.org.id, row.id, row.family_name, row.given_names);
      if (tokens.length > 0) await trx.insertInto('member_name_token').values(tokens).execute();
      const detail = toMemberDetail(row, rc.form.hasShares, []);
      await appendAudit(trx, who, [
        {
          action: 'member.admitted',
          entityType: 'member',
          entityId: row.id,
          summary: `Member ${memberNumber} entered in the register (${cls.name} class), admitted ${formatLegalDate(row.admitted_on)}`,
          before: null,
          after: { ...flattenParticulars(detail.particulars, cls.name), memberNumber, admittedOn: row.admitted_on, applicationDate: row.application_date, boardReference: row.board_reference },
        },
      ]);
      if (input.initialShares) {
        await recordLedgerEntry(trx, rc, who, {
          member: row,
          cls,
          kind: 'allotment',
          date: input.admittedOn,
          shares: input.initialShares.shares,
          amountPence: input.initialShares.amountPaidPence,
          boardReference: input.boardReference ?? null,
        });
      }
      return memberDetail(trx, rc, await requireMember(trx, rc.org.id, row.id));
    }),

  'members.update': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const before = await requireMember(trx, rc.org.id, input.id);
      const oldClass = await requireClass(trx, rc.org.id, before.class_id);
      const cls = input.classId === before.class_id ? oldClass : await requireClass(trx, rc.org.id, input.classId);
      if (cls.id !== oldClass.id && before.ceased_on !== null) {
        throw AppError.field('classId', 'A former member’s class cannot be changed; it records the class they held.');
      }
      checkParticulars(rc, cls, input.particulars, 'particulars.');
      if (cls.id !== oldClass.id) checkEligibility(cls, input.particulars, rc.today, 'particulars.');
      const employeeNumber = input.particulars.employee ? normaliseEmployeeNumber(input.particulars.employee.employeeNumber) : null;
      if (employeeNumber !== null && employeeNumber !== before.employee_number && before.ceased_on === null) {
        await assertNoCurrentEntryForEmployee(trx, rc.org.id, employeeNumber, 'particulars.employee.employeeNumber', before.id);
      }
      const columns = particularsColumns(input.particulars);
      const after: MemberRowDb = { ...before, ...columns, class_id: cls.id };
      const diff = diffFlat(flattenParticulars(toParticulars(before), oldClass.name), flattenParticulars(toParticulars(after), cls.name));
      if (diff.changed.length === 0) return memberDetail(trx, rc, before);
      const who = ctx.who();
      // Only the columns that changed: an unchanged indexed column would still rewrite its
      // index entries, and every extra page is one more to write and sync at commit.
      const changedColumns = Object.fromEntries(
        Object.entries({ ...columns, class_id: cls.id }).filter(([k, v]) => before[k as keyof MemberRowDb] !== v),
      ) as Partial<MemberRowDb>;
      await trx.updateTable('member').set({ ...changedColumns, updated_at: who.at }).where('id', '=', before.id).execute();
      if (before.family_name !== after.family_name || before.given_names !== after.given_names) {
        await trx.deleteFrom('member_name_token').where('member_id', '=', before.id).execute();
        const tokens = nameTokensFor(rc.org.id, before.id, after.family_name, after.given_names);
        if (tokens.length > 0) await trx.insertInto('member_name_token').values(tokens).execute();
      }
      await appendAudit(trx, who, [
        {
          action: 'member.updated',
          entityType: 'member',
          entityId: before.id,
          summary: `Member ${before.member_number}: ${diff.changed.length} particular${diff.changed.length === 1 ? '' : 's'} changed`,
          before: diff.before,
          after: diff.after,
        },
      ]);
      return memberDetail(trx, rc, { ...after, updated_at: who.at });
    }),

  'members.cease': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const before = await requireMember(trx, rc.org.id, input.memberId);
      if (before.ceased_on !== null) {
        throw new AppError('CONFLICT', `Member ${before.member_number} already ceased on ${formatLegalDate(before.ceased_on)}.`);
      }
      if (input.ceasedOn < before.admitted_on) {
        throw AppError.field('ceasedOn', `Membership cannot end before it began (admitted ${formatLegalDate(before.admitted_on)}).`);
      }
      assertNotFuture(rc, input.ceasedOn, 'ceasedOn', 'A cessation');
      if (before.shares_held > 0) {
        throw new AppError(
          'CONFLICT',
          `Member ${before.member_number} still holds ${before.shares_held} share${before.shares_held === 1 ? '' : 's'}; transfer or withdraw them before recording that membership ended.`,
        );
      }
      const who = ctx.who();
      await trx
        .updateTable('member')
        .set({ ceased_on: input.ceasedOn, cessation_reason: input.reason, cessation_note: input.note ?? null, updated_at: who.at })
        .where('id', '=', before.id)
        .execute();
      await appendAudit(trx, who, [
        {
          action: 'member.ceased',
          entityType: 'member',
          entityId: before.id,
          summary: `Member ${before.member_number} ceased on ${formatLegalDate(input.ceasedOn)}: ${CESSATION_REASON_LABEL[input.reason].toLowerCase()}`,
          before: { ceasedOn: null, cessationReason: null, cessationNote: null },
          after: { ceasedOn: input.ceasedOn, cessationReason: input.reason, cessationNote: input.note ?? null },
        },
      ]);
      return memberDetail(trx, rc, await requireMember(trx, rc.org.id, before.id));
    }),

  'members.subjectAccess': async (input, ctx) =>
    transact(ctx, async (trx) => {
      const rc = await registerCtx(trx, ctx);
      const row = await requireMember(trx, rc.org.id, input.id);
      const entries = await trx.selectFrom('member').selectAll().where('person_id', '=', row.person_id).orderBy('admitted_on').execute();
      const classes = new Map((await trx.selectFrom('membership_class').select(['id', 'name']).where('organisation_id', '=', rc.org.id).execute()).map((c) => [c.id, c.name]));
      const out: Record<string, unknown> = {
        generatedAt: ctx.now().toISOString(),
        controller: { name: rc.org.name, registrationNumber: rc.org.registration_number },
        lawfulBasis: 'UK GDPR Art 6(1)(c): the register of members is kept because the law requires it (CA 2006 s113 / CCBS Act 2014 s30).',
        entries: [] as unknown[],
      };
      for (const e of entries) {
        const ledger = await trx.selectFrom('share_transaction').selectAll().where('member_id', '=', e.id).orderBy('date').orderBy('created_at').execute();
        (out['entries'] as unknown[]).push({
          entry: toMemberDetail(e, rc.form.hasShares, []),
          className: classes.get(e.class_id) ?? null,
          shareLedger: ledger.map((l) => ({ kind: l.kind, date: l.date, shares: l.shares, amountPence: l.amount_pence, noticeDate: l.notice_date, paymentDate: l.payment_date })),
          history: await timeline(trx, e.id),
        });
      }
      const officers = await trx.selectFrom('officer').selectAll().where('member_id', 'in', entries.map((e) => e.id)).execute();
      if (officers.length > 0) {
        out['officerRecords'] = await Promise.all(
          officers.map(async (o) => ({
            officer: { givenNames: o.given_names, familyName: o.family_name, serviceAddress: [o.service_line1, o.service_line2, o.service_town, o.service_postcode].filter(Boolean).join(', ') },
            appointments: await trx.selectFrom('appointment').select(['role', 'director_kind', 'appointed_on', 'ceased_on']).where('officer_id', '=', o.id).execute(),
            interests: await trx.selectFrom('interest').select(['category', 'nature', 'related_organisation', 'declared_on', 'ended_on']).where('officer_id', '=', o.id).execute(),
          })),
        );
      }
      // Disclosure of personal data is itself recorded (UK GDPR Art 5(2), accountability).
      await appendAudit(trx, ctx.who(), [
        { action: 'member.subject_access', entityType: 'member', entityId: row.id, summary: `Subject access export for member ${row.member_number}`, before: null, after: { entries: entries.length } },
      ]);
      return out;
    }),

  'members.removable': async (_input, ctx) => {
    const rc = await registerCtx(ctx.db, ctx);
    const cutoff = removableCeasedOnOrBefore(rc.today);
    const rows = await ctx.db
      .selectFrom('member')
      .select(['id', 'member_number', 'given_names', 'family_name', 'ceased_on'])
      .where('organisation_id', '=', rc.org.id)
      .where('ceased_on', 'is not', null)
      .where('ceased_on', '<=', cutoff)
      .orderBy('ceased_on')
      .limit(5000)
      .execute();
    return {
      today: rc.today,
      ceasedOnOrBefore: cutoff,
      source: REMOVAL_SOURCE,
      rows: rows.map((r) => ({
        id: r.id,
        memberNumber: r.member_number,
        givenNames: r.given_names,
        familyName: r.family_name,
        ceasedOn: r.ceased_on!,
        removableFrom: removableFrom(r.ceased_on!),
      })),
    };
  },

  'members.remove': async (input, ctx) =>
    transact(ctx, async (trx) => removeEntries(trx, ctx, await registerCtx(trx, ctx), input.ids)),
};

/**
 * Removes long-former entries (CA 2006 s121). The entry, its share ledger and name tokens go;
 * the personal data in earlier audit payloads about it is erased, and the removal is recorded
 * by member number only. The chain still verifies: it hashes each payload's digest, not the payload.
 */
async function removeEntries(trx: Kysely<DB>, ctx: ServiceContext, rc: RegisterCtx, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await trx.selectFrom('member').select(['id', 'member_number', 'ceased_on']).where('organisation_id', '=', rc.org.id).where('id', 'in', unique).execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', 'Some of those entries no longer exist; reload the list.');
  const cutoff = removableCeasedOnOrBefore(rc.today);
  const early = rows.filter((r) => r.ceased_on === null || r.ceased_on > cutoff).sort((a, b) => a.member_number - b.member_number);
  if (early.length > 0) {
    const first = early[0]!;
    throw new AppError(
      'FORBIDDEN',
      first.ceased_on === null
        ? `Member ${first.member_number} is a current member; only former members' entries can be removed.`
        : `Member ${first.member_number} ceased on ${formatLegalDate(first.ceased_on)}; ${REMOVAL_SOURCE}, so not before ${formatLegalDate(removableFrom(first.ceased_on))}.`,
    );
  }
  const numbers = rows.map((r) => r.member_number).sort((a, b) => a - b);
  const who = ctx.who();
  const [removalEventId] = await appendAudit(trx, who, [
    {
      action: 'register.entries_removed',
      entityType: 'register',
      entityId: null,
      summary: `${rows.length} former member entr${rows.length === 1 ? 'y' : 'ies'} removed under CA 2006 s121 (ceased on or before ${formatLegalDate(cutoff)})`,
      before: null,
      after: { memberNumbers: numbers },
    },
  ]);
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    await trx
      .updateTable('audit_payload')
      .set({ body: null, redacted_at: who.at, redacted_by: removalEventId! })
      .where('body', 'is not', null)
      .where('event_id', 'in', (eb) => eb.selectFrom('audit_event').select('id').where('entity_type', '=', 'member').where('entity_id', 'in', chunk))
      .execute();
    await trx.deleteFrom('share_transaction').where('member_id', 'in', chunk).execute();
    await trx.deleteFrom('member_name_token').where('member_id', 'in', chunk).execute();
    await trx.deleteFrom('member').where('id', 'in', chunk).execute();
  }
  return { removed: rows.length };
}
