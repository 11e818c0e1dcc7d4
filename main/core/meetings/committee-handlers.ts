import type { Committee } from '../../../shared/contract/meetings';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { assertNotBeforeIncorporation } from '../organisation/guards';
import { notInOfficeReason, shortName } from './people';

/**
 * Committees of the board. Directors may delegate to committees (Model Articles pcls art 5; a
 * society's rules make their own provision), so every member is a director in office on the day
 * they join, and no one joins before the committee is formed or after it is dissolved.
 */

async function committeeView(db: ReadDb, organisationId: string, ids?: readonly string[]): Promise<Committee[]> {
  let q = db.selectFrom('committee').selectAll().where('organisation_id', '=', organisationId);
  if (ids) q = q.where('id', 'in', ids);
  const committees = await q.execute();
  if (committees.length === 0) return [];
  const members = await db
    .selectFrom('committee_member as cm')
    .innerJoin('officer as o', 'o.id', 'cm.officer_id')
    .select(['cm.id', 'cm.committee_id', 'cm.officer_id', 'cm.joined_on', 'cm.left_on', 'o.given_names', 'o.family_name'])
    .where(
      'cm.committee_id',
      'in',
      committees.map((c) => c.id),
    )
    .orderBy('cm.joined_on')
    .orderBy('cm.id')
    .execute();
  return committees
    .sort((a, b) => Number(a.dissolved_on !== null) - Number(b.dissolved_on !== null) || a.name.localeCompare(b.name, 'en-GB'))
    .map((c) => ({
      id: c.id,
      name: c.name,
      terms: c.terms,
      formedOn: c.formed_on,
      dissolvedOn: c.dissolved_on,
      members: members
        .filter((m) => m.committee_id === c.id)
        .sort((a, b) => Number(a.left_on !== null) - Number(b.left_on !== null) || a.family_name.localeCompare(b.family_name, 'en-GB'))
        .map((m) => ({ id: m.id, officerId: m.officer_id, name: `${m.given_names} ${m.family_name}`, joinedOn: m.joined_on, leftOn: m.left_on })),
    }));
}

async function oneCommittee(db: ReadDb, organisationId: string, id: string): Promise<Committee> {
  const [c] = await committeeView(db, organisationId, [id]);
  if (!c) throw new AppError('NOT_FOUND', 'That committee is not on record.');
  return c;
}

async function requireCommittee(tx: WriteContext, rc: RegisterCtx, id: string) {
  const c = await tx.db.selectFrom('committee').selectAll().where('id', '=', id).where('organisation_id', '=', rc.org.id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'That committee is not on record.');
  return c;
}

/** Refuses an officer who was not a director on a day, naming the dates; returns their short name. */
async function assertDirectorOn(db: ReadDb, organisationId: string, officerId: string, on: string, field: string): Promise<string> {
  const officer = await db.selectFrom('officer').select(['given_names', 'family_name']).where('id', '=', officerId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!officer) throw AppError.field(field, 'That director is not in the register.');
  const name = shortName(officer.given_names, officer.family_name);
  const appointments = await db.selectFrom('appointment').select(['appointed_on', 'ceased_on']).where('officer_id', '=', officerId).where('role', '=', 'director').execute();
  const reason = notInOfficeReason(appointments, name, on, formatLegalDate);
  if (reason) throw AppError.field(field, reason.replace('this meeting on', 'joining the committee on').replace('is not a director.', 'is not a director: a committee of the board is made up of directors.'));
  return name;
}

function memberAudit(m: { committee_id: string; officer_id: string; joined_on: string; left_on: string | null }) {
  return { committeeId: m.committee_id, officerId: m.officer_id, joinedOn: m.joined_on, leftOn: m.left_on };
}

export const committeesHandlers = defineHandlers('committees', {
  'committees.list': query(async (_input, ctx) => {
    const rc = await ctx.register();
    return committeeView(ctx.db, rc.org.id);
  }),

  'committees.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    assertNotBeforeIncorporation(rc, input.formedOn, 'formedOn', 'A committee');
    const name = input.name.trim();
    const clash = await tx.db
      .selectFrom('committee')
      .select('id')
      .where('organisation_id', '=', rc.org.id)
      .where('dissolved_on', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (clash) throw AppError.field('name', `There is already a committee called ${name}; choose another name or change that one.`);
    const officerIds = [...new Set(input.officerIds)];
    const names: string[] = [];
    for (const [i, officerId] of officerIds.entries()) names.push(await assertDirectorOn(tx.db, rc.org.id, officerId, input.formedOn, `officerIds.${i}`));
    const at = tx.who.at;
    const id = uuidv7();
    await tx.db
      .insertInto('committee')
      .values({ id, organisation_id: rc.org.id, name, terms: input.terms ?? null, formed_on: input.formedOn, dissolved_on: null, created_at: at, updated_at: at })
      .execute();
    const memberRows = officerIds.map((officerId) => ({ id: uuidv7(), committee_id: id, officer_id: officerId, joined_on: input.formedOn, left_on: null, created_at: at }));
    await tx.db.insertInto('committee_member').values(memberRows).execute();
    tx.audit({
      action: 'committee.created',
      entityType: 'committee',
      entityId: id,
      summary: `${name} formed on ${formatLegalDate(input.formedOn)} with ${names.join(', ')}`,
      before: null,
      after: { name, terms: input.terms ?? null, formedOn: input.formedOn, members: memberRows.map(memberAudit) },
      records: [{ type: 'committee', id }, ...memberRows.map((m) => ({ type: 'committee_member', id: m.id }))],
    });
    return oneCommittee(tx.db, rc.org.id, id);
  }),

  'committees.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await requireCommittee(tx, rc, input.id);
    const name = input.name.trim();
    const terms = input.terms ?? null;
    if (name === before.name && terms === before.terms) return oneCommittee(tx.db, rc.org.id, before.id);
    await tx.db.updateTable('committee').set({ name, terms, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    tx.audit({
      action: 'committee.updated',
      entityType: 'committee',
      entityId: before.id,
      summary: name === before.name ? `${name}: terms of reference changed` : `${before.name} renamed ${name}`,
      before: { name: before.name, terms: before.terms },
      after: { name, terms },
    });
    return oneCommittee(tx.db, rc.org.id, before.id);
  }),

  'committees.addMember': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireCommittee(tx, rc, input.id);
    if (c.dissolved_on !== null && input.joinedOn >= c.dissolved_on) {
      throw AppError.field('joinedOn', `${c.name} was dissolved on ${formatLegalDate(c.dissolved_on)}; no one can join it after that.`);
    }
    if (input.joinedOn < c.formed_on) throw AppError.field('joinedOn', `${c.name} was formed on ${formatLegalDate(c.formed_on)}; no one can join it before that.`);
    const name = await assertDirectorOn(tx.db, rc.org.id, input.officerId, input.joinedOn, 'officerId');
    const current = await tx.db
      .selectFrom('committee_member')
      .select(['joined_on'])
      .where('committee_id', '=', c.id)
      .where('officer_id', '=', input.officerId)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', input.joinedOn)]))
      .executeTakeFirst();
    if (current) throw AppError.field('officerId', `${name} is already on ${c.name} (since ${formatLegalDate(current.joined_on)}).`);
    const row = { id: uuidv7(), committee_id: c.id, officer_id: input.officerId, joined_on: input.joinedOn, left_on: null, created_at: tx.who.at };
    await tx.db.insertInto('committee_member').values(row).execute();
    tx.audit({
      action: 'committee.member_added',
      entityType: 'committee_member',
      entityId: row.id,
      summary: `${c.name}: ${name} joined on ${formatLegalDate(input.joinedOn)}`,
      before: null,
      after: memberAudit(row),
    });
    return oneCommittee(tx.db, rc.org.id, c.id);
  }),

  'committees.removeMember': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireCommittee(tx, rc, input.id);
    const m = await tx.db
      .selectFrom('committee_member as cm')
      .innerJoin('officer as o', 'o.id', 'cm.officer_id')
      .select(['cm.id', 'cm.committee_id', 'cm.officer_id', 'cm.joined_on', 'cm.left_on', 'o.given_names', 'o.family_name'])
      .where('cm.committee_id', '=', c.id)
      .where('cm.officer_id', '=', input.officerId)
      .where('cm.left_on', 'is', null)
      .executeTakeFirst();
    if (!m) throw AppError.field('officerId', `That director is not a current member of ${c.name}.`);
    const name = shortName(m.given_names, m.family_name);
    if (input.leftOn < m.joined_on) throw AppError.field('leftOn', `${name} joined ${c.name} on ${formatLegalDate(m.joined_on)}; they cannot leave before that.`);
    await tx.db.updateTable('committee_member').set({ left_on: input.leftOn }).where('id', '=', m.id).execute();
    tx.audit({
      action: 'committee.member_removed',
      entityType: 'committee_member',
      entityId: m.id,
      summary: `${c.name}: ${name} left on ${formatLegalDate(input.leftOn)}`,
      before: memberAudit(m),
      after: memberAudit({ ...m, left_on: input.leftOn }),
    });
    return oneCommittee(tx.db, rc.org.id, c.id);
  }),

  'committees.dissolve': mutation(async (input, tx) => {
    const rc = await tx.register();
    const c = await requireCommittee(tx, rc, input.id);
    if (c.dissolved_on !== null) throw new AppError('CONFLICT', `${c.name} was already dissolved on ${formatLegalDate(c.dissolved_on)}.`);
    if (input.dissolvedOn < c.formed_on) throw AppError.field('dissolvedOn', `${c.name} was formed on ${formatLegalDate(c.formed_on)}; it cannot be dissolved before that.`);
    const later = await tx.db
      .selectFrom('meeting')
      .select(['held_on'])
      .where('committee_id', '=', c.id)
      .where('held_on', '>', input.dissolvedOn)
      .where('status', '<>', 'cancelled')
      .orderBy('held_on')
      .executeTakeFirst();
    if (later) {
      throw AppError.field('dissolvedOn', `${c.name} has a meeting on ${formatLegalDate(later.held_on)}, after ${formatLegalDate(input.dissolvedOn)}; cancel it first or choose a later date.`);
    }
    const open = await tx.db.selectFrom('committee_member').selectAll().where('committee_id', '=', c.id).where('left_on', 'is', null).execute();
    // Members who joined after the chosen date would be left with a membership ending before it began.
    const lateJoiner = open.find((m) => m.joined_on > input.dissolvedOn);
    if (lateJoiner) throw AppError.field('dissolvedOn', `A member joined ${c.name} on ${formatLegalDate(lateJoiner.joined_on)}, after ${formatLegalDate(input.dissolvedOn)}.`);
    await tx.db.updateTable('committee').set({ dissolved_on: input.dissolvedOn, updated_at: tx.who.at }).where('id', '=', c.id).execute();
    if (open.length) await tx.db.updateTable('committee_member').set({ left_on: input.dissolvedOn }).where('committee_id', '=', c.id).where('left_on', 'is', null).execute();
    tx.audit({
      action: 'committee.dissolved',
      entityType: 'committee',
      entityId: c.id,
      summary: `${c.name} dissolved on ${formatLegalDate(input.dissolvedOn)}`,
      before: { dissolvedOn: null },
      after: { dissolvedOn: input.dissolvedOn, membersLeft: open.length },
      records: [{ type: 'committee', id: c.id }, ...open.map((m) => ({ type: 'committee_member', id: m.id }))],
    });
    return oneCommittee(tx.db, rc.org.id, c.id);
  }),
});
