import type { Selectable } from 'kysely';
import { INTEREST_CATEGORY_LABEL, type Interest, type InterestCategory } from '../../../shared/contract/interests';
import { conflictRuleFor } from '../../../shared/rules/conflicts';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import type { InterestTable } from '../db/schema';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { assertNotBeforeIncorporation, assertNotFuture } from '../organisation/guards';
import { appointmentsOf, fullName, requireOfficer } from '../officers/store';

/**
 * Declarations of interest (CA 2006 s177 for proposed transactions, s182 for existing ones; a
 * society's directors declare under its registered rules, the CCBS Act 2014 setting no rule).
 * Current declarations feed the conflict rule (`shared/rules/conflicts.ts`) that keeps a
 * conflicted director out of a quorum and a vote.
 */
type InterestRow = Selectable<InterestTable>;

function toInterest(r: InterestRow & { given_names: string; family_name: string }): Interest {
  return {
    id: r.id,
    officerId: r.officer_id,
    officerName: fullName(r),
    category: r.category as Interest['category'],
    nature: r.nature,
    relatedOrganisation: r.related_organisation,
    counterpartyId: r.counterparty_id,
    declaredOn: r.declared_on,
    endedOn: r.ended_on,
  };
}

function interestsQuery(db: ReadDb, organisationId: string) {
  return db
    .selectFrom('interest as i')
    .innerJoin('officer as o', 'o.id', 'i.officer_id')
    .selectAll('i')
    .select(['o.given_names', 'o.family_name'])
    .where('i.organisation_id', '=', organisationId);
}

async function interestById(db: ReadDb, organisationId: string, id: string): Promise<Interest> {
  const row = await interestsQuery(db, organisationId).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That declaration of interest is not on record.');
  return toInterest(row);
}

export function auditView(r: Pick<InterestRow, 'officer_id' | 'category' | 'nature' | 'related_organisation' | 'declared_on' | 'ended_on'> & { counterparty_id?: string | null }) {
  return {
    officerId: r.officer_id,
    category: r.category,
    nature: r.nature,
    relatedOrganisation: r.related_organisation,
    ...(r.counterparty_id ? { counterpartyId: r.counterparty_id } : {}),
    declaredOn: r.declared_on,
    endedOn: r.ended_on,
  };
}

/**
 * Enters a declaration in the interests register under the rules `interests.declare` applies (a
 * director of the organisation, dated neither in the future nor before incorporation, nor after
 * they left office), without recording an event: the caller records one (the meetings area lists
 * it beside the declaration made at the meeting).
 */
export async function insertInterest(
  tx: WriteContext,
  rc: RegisterCtx,
  input: { officerId: string; category: InterestCategory; nature: string; relatedOrganisation?: string | null; counterpartyId?: string | undefined; declaredOn: string },
  field: { declaredOn: string } = { declaredOn: 'declaredOn' },
): Promise<InterestRow> {
  const trx = tx.db;
  const officer = await requireOfficer(trx, rc.org.id, input.officerId);
  // Chosen from the list of organisations (issue 10): its name is the related organisation when none was typed.
  let relatedOrganisation = input.relatedOrganisation ?? null;
  if (input.counterpartyId) {
    const cp = await trx.selectFrom('counterparty').select(['name']).where('id', '=', input.counterpartyId).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!cp) throw AppError.field('counterpartyId', 'That organisation is not on the list of organisations.');
    relatedOrganisation ??= cp.name;
  }
  assertNotFuture(rc, input.declaredOn, field.declaredOn, 'A declaration');
  assertNotBeforeIncorporation(rc, input.declaredOn, field.declaredOn, 'A declaration');
  const appointments = await appointmentsOf(trx, officer.id);
  const lastEnded = appointments.every((a) => a.ceased_on !== null) ? appointments.map((a) => a.ceased_on!).sort().at(-1) : undefined;
  if (lastEnded && input.declaredOn > lastEnded) {
    throw AppError.field(
      field.declaredOn,
      `${fullName(officer)} left office on ${formatLegalDate(lastEnded)}; a declaration made after that is not a director's declaration (${conflictRuleFor(rc.form.family).statutory ? 'CA 2006 s177, s182' : 'your registered rules'}).`,
    );
  }
  const who = tx.who;
  const row: InterestRow = {
    id: uuidv7(),
    organisation_id: rc.org.id,
    officer_id: officer.id,
    category: input.category,
    nature: input.nature,
    related_organisation: relatedOrganisation,
    counterparty_id: input.counterpartyId ?? null,
    declared_on: input.declaredOn,
    ended_on: null,
    created_at: who.at,
    updated_at: who.at,
  };
  await trx.insertInto('interest').values(row).execute();
  return row;
}

export const interestHandlers = defineHandlers('interests', {
  'interests.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    let q = interestsQuery(ctx.db, rc.org.id);
    if (input.officerId) q = q.where('i.officer_id', '=', input.officerId);
    if (input.currentOnly) q = q.where('i.ended_on', 'is', null);
    const rows = await q.orderBy('i.declared_on', 'desc').orderBy('i.created_at', 'desc').execute();
    return rows.map(toInterest);
  }),

  'interests.declare': mutation(async (input, tx) => {
    const rc = await tx.register();
    const row = await insertInterest(tx, rc, input);
    tx.audit({
        action: 'interest.declared',
        entityType: 'interest',
        entityId: row.id,
        summary: `${INTEREST_CATEGORY_LABEL[input.category]} declared on ${formatLegalDate(input.declaredOn)}`,
        before: null,
        after: auditView(row),
    });
    return interestById(tx.db, rc.org.id, row.id);
  }),

  'interests.end': mutation(async (input, tx) => {
    const trx = tx.db;
    const rc = await tx.register();
    const before = await trx.selectFrom('interest').selectAll().where('id', '=', input.id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That declaration of interest is not on record.');
    if (before.ended_on !== null) throw new AppError('CONFLICT', `That interest was already recorded as ended on ${formatLegalDate(before.ended_on)}.`);
    if (input.endedOn < before.declared_on) {
      throw AppError.field('endedOn', `An interest cannot end before it was declared (${formatLegalDate(before.declared_on)}).`);
    }
    assertNotFuture(rc, input.endedOn, 'endedOn', 'The end of an interest');
    const who = tx.who;
    await trx.updateTable('interest').set({ ended_on: input.endedOn, updated_at: who.at }).where('id', '=', before.id).execute();
    tx.audit({
        action: 'interest.ended',
        entityType: 'interest',
        entityId: before.id,
        summary: `${INTEREST_CATEGORY_LABEL[before.category as Interest['category']]} ended on ${formatLegalDate(input.endedOn)}`,
        before: auditView(before),
        after: auditView({ ...before, ended_on: input.endedOn }),
    });
    return interestById(trx, rc.org.id, before.id);
  }),
});
