import type { ClassInput, MembershipClass } from '../../../shared/contract/classes';
import type { z } from 'zod';
import type { classInputSchema } from '../../../shared/contract/classes';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { foldText } from '../../../shared/rules/fold';
import { COMPANY_NOT_WITHDRAWABLE, SOCIETY_NOT_REDEEMABLE } from '../../../shared/rules/share-exit';
import type { ReadDb } from '../context';
import { uuidv7 } from '../db/ids';
import type { MembershipClassRow, OrganisationRow } from '../db/schema';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { requireOrganisation } from '../organisation/handlers';
type ParsedClass = z.output<typeof classInputSchema>;

export function toClass(r: MembershipClassRow, currentMembers: number): MembershipClass {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    votingRights: r.voting_rights as MembershipClass['votingRights'],
    votesPerMember: r.votes_per_member,
    isEmployeeClass: r.is_employee_class === 1,
    eligibility: {
      minAgeYears: r.min_age_years,
      minWeeklyHours: r.min_weekly_hours_centi === null ? null : r.min_weekly_hours_centi / 100,
      minServiceMonths: r.min_service_months,
    },
    shareTerms:
      r.share_nominal_pence === null
        ? null
        : {
            nominalPence: r.share_nominal_pence,
            withdrawable: r.share_withdrawable === 1,
            transferable: r.share_transferable === 1,
            maxHolding: r.share_max_holding,
            redeemable: r.share_redeemable === 1,
            numbered: r.share_numbered === 1,
          },
    voteCap: r.vote_cap_bp == null ? null : { pct: r.vote_cap_bp / 100, source: r.vote_cap_source ?? '' },
    currentMembers,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function columns(c: ParsedClass) {
  const employee = c.isEmployeeClass;
  return {
    name: c.name,
    name_key: foldText(c.name),
    description: c.description ?? null,
    voting_rights: c.votingRights,
    votes_per_member: c.votingRights === 'per_member' ? c.votesPerMember : 1,
    is_employee_class: employee ? 1 : 0,
    // Eligibility conditions are only checked for employee classes; others keep none.
    min_age_years: employee ? c.eligibility.minAgeYears : null,
    min_weekly_hours_centi: employee && c.eligibility.minWeeklyHours !== null ? Math.round(c.eligibility.minWeeklyHours * 100) : null,
    min_service_months: employee ? c.eligibility.minServiceMonths : null,
    share_nominal_pence: c.shareTerms?.nominalPence ?? null,
    share_withdrawable: c.shareTerms ? (c.shareTerms.withdrawable ? 1 : 0) : null,
    share_transferable: c.shareTerms ? (c.shareTerms.transferable ? 1 : 0) : null,
    share_max_holding: c.shareTerms?.maxHolding ?? null,
    // Null rather than 0 when off, so classes saved before migration 0006 keep their audit state.
    share_redeemable: c.shareTerms?.redeemable ? 1 : null,
    share_numbered: c.shareTerms?.numbered ? 1 : null,
    // Basis points, so the cap's two decimals are exact (migration 0013); null: no cap.
    vote_cap_bp: c.voteCap ? Math.round(c.voteCap.pct * 100) : null,
    vote_cap_source: c.voteCap?.source ?? null,
  };
}

/** Terms that depend on the legal form: shares where the form has them, and only there. */
function checkAgainstForm(org: OrganisationRow, c: ParsedClass): void {
  const form = LEGAL_FORM_INFO[org.legal_form as LegalForm];
  if (form.hasShares && c.shareTerms === null) {
    throw AppError.field('shareTerms.nominalPence', `Members of a ${form.label.toLowerCase()} hold shares: set the share terms for this class.`);
  }
  if (!form.hasShares && c.shareTerms !== null) {
    throw AppError.field('shareTerms', `A ${form.label.toLowerCase()} has no shares, so a class cannot have share terms.`);
  }
  if (!form.hasShares && c.votingRights === 'per_share') {
    throw AppError.field('votingRights', `A ${form.label.toLowerCase()} has no shares, so votes cannot be one per share.`);
  }
  if (form.family === 'company' && c.shareTerms?.withdrawable) throw AppError.field('shareTerms.withdrawable', COMPANY_NOT_WITHDRAWABLE);
  if (form.family === 'society' && c.shareTerms?.redeemable) throw AppError.field('shareTerms.redeemable', SOCIETY_NOT_REDEEMABLE);
}

/**
 * Whether a class's shares are numbered is fixed once any of its shares has a ledger entry: the
 * register must distinguish each share by its number "so long as the share has a number"
 * (CA 2006 s113(3)(a)(i)), and shares issued without numbers cannot be given them afterwards here.
 */
async function assertNumberingUnchanged(db: ReadDb, before: MembershipClassRow, numbered: boolean): Promise<void> {
  if ((before.share_numbered === 1) === numbered) return;
  const used = await db
    .selectFrom('share_transaction as t')
    .innerJoin('member as m', 'm.id', 't.member_id')
    .select('t.id')
    .where('m.class_id', '=', before.id)
    .limit(1)
    .executeTakeFirst();
  if (used) {
    throw AppError.field(
      'shareTerms.numbered',
      numbered
        ? `Shares of the ${before.name} class have already been issued without numbers, so the class cannot start numbering them now (CA 2006 s113(3)(a)(i)).`
        : `Shares of the ${before.name} class have been issued with numbers, which the register must go on showing (CA 2006 s113(3)(a)(i)).`,
    );
  }
}

/** Current members per class, from the tally kept by triggers (migration 0003). */
export async function classCounts(db: ReadDb, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('member_tally').select(['class_id', 'current']).where('organisation_id', '=', organisationId).execute();
  return new Map(rows.map((r) => [r.class_id, r.current]));
}

export async function requireClass(db: ReadDb, organisationId: string, id: string): Promise<MembershipClassRow> {
  const row = await db.selectFrom('membership_class').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That membership class does not exist.');
  return row;
}

/**
 * The caps of all the classes together must leave some of the votes to the members whose votes
 * are not capped: otherwise no roll could meet them (shared/rules/ballot-roll.ts refuses it when
 * a ballot opens, which is too late to find out).
 */
async function assertCapsLeaveRoom(db: ReadDb, organisationId: string, name: string, capBp: number | null, exceptId?: string): Promise<void> {
  if (capBp === null) return;
  let q = db.selectFrom('membership_class').select(['name', 'vote_cap_bp']).where('organisation_id', '=', organisationId).where('vote_cap_bp', 'is not', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const others = await q.orderBy('name').execute();
  const total = others.reduce((n, o) => n + (o.vote_cap_bp ?? 0), capBp);
  if (total >= 10000) {
    const list = [...others.map((o) => `${o.name} ${(o.vote_cap_bp ?? 0) / 100}%`), `${name} ${capBp / 100}%`].join(', ');
    throw AppError.field(
      'voteCap.pct',
      `The caps on the classes' shares of the votes would add up to ${total / 100}% (${list}). Together they must stay below 100%, so that some of the votes are left to the members whose votes are not capped.`,
    );
  }
}

async function assertNameFree(db: ReadDb, organisationId: string, name: string, exceptId?: string): Promise<void> {
  let q = db.selectFrom('membership_class').select('id').where('organisation_id', '=', organisationId).where('name_key', '=', foldText(name));
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw AppError.field('name', `There is already a class called ${name}.`);
}

export const classHandlers = defineHandlers('classes', {
  'classes.list': query(async (_input, ctx) => {
    const org = await requireOrganisation(ctx.db);
    const rows = await ctx.db.selectFrom('membership_class').selectAll().where('organisation_id', '=', org.id).orderBy('created_at').execute();
    const counts = await classCounts(ctx.db, org.id);
    return rows.map((r) => toClass(r, counts.get(r.id) ?? 0));
  }),

  'classes.create': mutation(async (input, tx) => {
    const org = await requireOrganisation(tx.db);
    checkAgainstForm(org, input);
    await assertNameFree(tx.db, org.id, input.name);
    const cols = columns(input);
    await assertCapsLeaveRoom(tx.db, org.id, input.name, cols.vote_cap_bp);
    const row: MembershipClassRow = { id: uuidv7(), organisation_id: org.id, ...cols, created_at: tx.who.at, updated_at: tx.who.at };
    await tx.db.insertInto('membership_class').values(row).execute();
    const view = toClass(row, 0);
    tx.audit({ action: 'class.created', entityType: 'membership_class', entityId: row.id, summary: `Class “${row.name}” created`, before: null, after: view });
    return view;
  }),

  'classes.update': mutation(async (input, tx) => {
    const org = await requireOrganisation(tx.db);
    const before = await requireClass(tx.db, org.id, input.id);
    checkAgainstForm(org, input.changes);
    await assertNameFree(tx.db, org.id, input.changes.name, before.id);
    const counts = await classCounts(tx.db, org.id);
    const current = counts.get(before.id) ?? 0;
    const next = columns(input.changes);
    await assertNumberingUnchanged(tx.db, before, next.share_numbered === 1);
    await assertCapsLeaveRoom(tx.db, org.id, input.changes.name, next.vote_cap_bp, before.id);
    if (current > 0 && next.share_max_holding !== null) {
      const over = await tx.db
        .selectFrom('member')
        .select(['member_number', 'shares_held'])
        .where('class_id', '=', before.id)
        .where('ceased_on', 'is', null)
        .where('shares_held', '>', next.share_max_holding)
        .orderBy('member_number')
        .limit(1)
        .executeTakeFirst();
      if (over) {
        throw AppError.field(
          'shareTerms.maxHolding',
          `Member ${over.member_number} already holds ${over.shares_held} shares, more than ${next.share_max_holding}; reduce their holding first.`,
        );
      }
    }
    if (current > 0 && before.is_employee_class === 1 && !input.changes.isEmployeeClass) {
      throw AppError.field('isEmployeeClass', `The class has ${current} current members whose employee details depend on it; move them to another class first.`);
    }
    await tx.db.updateTable('membership_class').set({ ...next, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    const after = { ...before, ...next, updated_at: tx.who.at };
    tx.audit({
      action: 'class.updated',
      entityType: 'membership_class',
      entityId: before.id,
      summary: `Class “${after.name}” changed`,
      before: toClass(before, current),
      after: toClass(after, current),
    });
    return toClass(after, current);
  }),

  'classes.delete': mutation(async (input, tx) => {
    const org = await requireOrganisation(tx.db);
    const row = await requireClass(tx.db, org.id, input.id);
    const used = await tx.db.selectFrom('member').select('id').where('class_id', '=', row.id).limit(1).executeTakeFirst();
    if (used) {
      throw new AppError('CONFLICT', `The ${row.name} class has register entries, so it cannot be deleted; it stays for the register's history.`);
    }
    await tx.db.deleteFrom('membership_class').where('id', '=', row.id).execute();
    tx.audit({ action: 'class.deleted', entityType: 'membership_class', entityId: row.id, summary: `Class “${row.name}” deleted`, before: toClass(row, 0), after: null });
    return { deleted: true as const };
  }),
});

export type { ClassInput };
