import type { GroupOrganisation, Relation } from '../../../shared/contract/group';
import { LEGAL_FORM_INFO, type LegalForm } from '../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { checkRegistrationNumber } from '../../../shared/rules/registration-number';
import type { ReadDb } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { command, defineHandlers, mutation, query } from '../handler';
import { createOrganisation, toOrganisation } from '../organisation/handlers';
import { pctToBp, subsidiaryCycle, toRelation } from './relations';
import type { OrganisationRelationRow } from './tables';

async function names(db: ReadDb): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organisation').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How a relation reads in the log: "Acme Ltd is a subsidiary of Parent Society (100% of the shares)". */
function describe(r: OrganisationRelationRow, n: ReadonlyMap<string, string>): string {
  const a = n.get(r.organisation_id) ?? 'an organisation';
  const b = n.get(r.related_organisation_id) ?? 'an organisation';
  if (r.kind === 'sister') return `${a} and ${b} are sister organisations (a shared secretariat) from ${formatLegalDate(r.since_on)}`;
  return `${b} is a subsidiary of ${a} from ${formatLegalDate(r.since_on)}: ${r.holding_words ?? ''}`;
}

export const groupHandlers = defineHandlers('group', {
  'group.organisations': query(async (_input, ctx) => {
    const [orgs, rows, current] = await Promise.all([
      ctx.db.selectFrom('organisation').selectAll().orderBy('id').execute(),
      ctx.db.selectFrom('organisation_relation').selectAll().orderBy('since_on').orderBy('id').execute(),
      ctx.organisation(),
    ]);
    const n = new Map(orgs.map((o) => [o.id, o.name]));
    const relations = rows.map((r) => toRelation(r, n));
    const organisations: GroupOrganisation[] = orgs.map((o) => ({
      id: o.id,
      name: o.name,
      legalForm: o.legal_form,
      registrationNumber: o.registration_number,
      current: o.id === current?.id,
      relations: relations.filter((r) => r.organisationId === o.id || r.relatedOrganisationId === o.id),
    }));
    return { organisations, relations };
  }),

  'group.switch': command(async (input, ctx) => {
    const target = await ctx.db.selectFrom('organisation').selectAll().where('id', '=', input.organisationId).executeTakeFirst();
    if (!target) throw new AppError('NOT_FOUND', 'That organisation is not in this file.');
    const current = await ctx.organisation();
    if (current?.id === target.id) return toOrganisation(target);
    // A running job (an import writing, a board pack or export reading) was started for the
    // current organisation and reads it as it goes: switching under it would mix two
    // organisations' records, so the switch waits for it.
    const running = ctx.jobs.running[0];
    if (running) {
      throw new AppError('LOCKED', `${running.label} is still running for ${current?.name ?? 'the current organisation'}; switch to ${target.name} when it finishes.`);
    }
    // Phones are voting in the current organisation's ballot or resolution: the station serves it until stopped.
    const station = await ctx.station.status();
    if (station.running) {
      const serving = station.ballot
        ? `the ballot “${station.ballot.title}”; stop it on the ballot’s page`
        : station.writtenResolution
          ? `the written resolution “${station.writtenResolution.text.length > 60 ? `${station.writtenResolution.text.slice(0, 59)}…` : station.writtenResolution.text}”; stop it on the resolution’s page`
          : 'its ballot or resolution; stop it';
      throw new AppError('LOCKED', `The voting station is open for ${current?.name ?? 'the current organisation'}, serving ${serving} before switching to ${target.name}.`);
    }
    await ctx.setCurrentOrganisation(target.id);
    return toOrganisation(target);
  }),

  'group.addOrganisation': mutation(async (input, tx) => {
    // Two entries for one registered body would split its records between them.
    const check = await tx.db
      .selectFrom('organisation')
      .select(['name', 'legal_form', 'registration_number'])
      .execute();
    const registrar = LEGAL_FORM_INFO[input.particulars.legalForm].registrar;
    const normal = checkRegistrationNumber(input.particulars.legalForm, input.particulars.registrationNumber);
    const number = normal.ok ? normal.value : input.particulars.registrationNumber;
    const same = check.find((o) => LEGAL_FORM_INFO[o.legal_form as LegalForm].registrar === registrar && o.registration_number === number);
    if (same) {
      throw AppError.field('particulars.registrationNumber', `This file already keeps ${same.name}, ${registrar} number ${same.registration_number}. Switch to it instead of adding it again.`);
    }
    return createOrganisation(input, tx);
  }),

  'group.setRelation': mutation(async (input, tx) => {
    const orgs = await tx.db.selectFrom('organisation').select(['id', 'name', 'incorporated_on', 'legal_form']).where('id', 'in', [input.organisationId, input.relatedOrganisationId]).execute();
    const parent = orgs.find((o) => o.id === input.organisationId);
    const related = orgs.find((o) => o.id === input.relatedOrganisationId);
    if (!parent) throw AppError.field('organisationId', 'That organisation is not in this file.');
    if (!related) throw AppError.field('relatedOrganisationId', 'That organisation is not in this file.');
    if (input.sinceOn > tx.today()) throw AppError.field('sinceOn', `The date the relation began cannot be after today (${formatLegalDate(tx.today())}).`);
    for (const o of [parent, related]) {
      if (input.sinceOn < o.incorporated_on) {
        const why = LEGAL_FORM_INFO[o.legal_form as LegalForm].family === 'society' ? 'registered (CCBS Act 2014 s3(3))' : 'incorporated (CA 2006 s16(2))';
        throw AppError.field('sinceOn', `${o.name} did not exist before ${formatLegalDate(o.incorporated_on)}, when it was ${why}; the relation cannot begin earlier.`);
      }
    }
    const before = await tx.db
      .selectFrom('organisation_relation')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('organisation_id', '=', parent.id), eb('related_organisation_id', '=', related.id)]),
          eb.and([eb('organisation_id', '=', related.id), eb('related_organisation_id', '=', parent.id)]),
        ]),
      )
      .executeTakeFirst();
    if (input.kind === 'subsidiary') {
      const cycle = await subsidiaryCycle(tx.db, parent.id, related.id, input.sinceOn, before?.id ?? null);
      if (cycle) {
        const n = await names(tx.db);
        throw AppError.field(
          'relatedOrganisationId',
          `${related.name} cannot be a subsidiary of ${parent.name}: ${parent.name} is already held by it (${cycle.map((id) => n.get(id)).join(' holds ')}), and a group cannot hold itself.`,
        );
      }
    }
    const h = input.kind === 'subsidiary' ? input.holding : null;
    const columns = {
      organisation_id: parent.id,
      related_organisation_id: related.id,
      kind: input.kind,
      holding_basis: h?.basis ?? null,
      holding_words: h?.words ?? null,
      shares_held: h?.basis === 'shares' ? (h.sharesHeld ?? null) : null,
      shares_bp: h?.basis === 'shares' ? pctToBp(h.sharesPct) : null,
      votes_bp: h ? pctToBp(h.votesPct) : null,
      membership_class: h?.basis === 'membership' ? h.membershipClass || null : null,
      since_on: input.sinceOn,
      ended_on: null,
    } satisfies Partial<OrganisationRelationRow>;
    const n = await names(tx.db);
    if (before) {
      const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => columns[k] !== before[k]);
      if (changed.length === 0) return toRelation(before, n);
      await tx.db.updateTable('organisation_relation').set({ ...columns, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    } else {
      await tx.db.insertInto('organisation_relation').values({ id: uuidv7(), ...columns, created_at: tx.who.at, updated_at: tx.who.at }).execute();
    }
    const after = await tx.db.selectFrom('organisation_relation').selectAll().where('organisation_id', '=', parent.id).where('related_organisation_id', '=', related.id).executeTakeFirstOrThrow();
    const view = toRelation(after, n);
    tx.audit({
      action: 'group.relation_set',
      entityType: 'organisation_relation',
      entityId: after.id,
      summary: describe(after, n),
      before: before ? toRelation(before, n) : null,
      after: view,
    });
    return view;
  }),

  'group.endRelation': mutation(async (input, tx) => {
    const before = await tx.db.selectFrom('organisation_relation').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That relation is not recorded in this file.');
    const n = await names(tx.db);
    if (before.ended_on !== null) throw new AppError('CONFLICT', `That relation already ended on ${formatLegalDate(before.ended_on)}.`);
    if (input.endedOn <= before.since_on) throw AppError.field('endedOn', `The relation began on ${formatLegalDate(before.since_on)}; it must end after that.`);
    if (input.endedOn > tx.today()) throw AppError.field('endedOn', `The date the relation ended cannot be after today (${formatLegalDate(tx.today())}).`);
    await tx.db.updateTable('organisation_relation').set({ ended_on: input.endedOn, updated_at: tx.who.at }).where('id', '=', before.id).execute();
    const after: OrganisationRelationRow = { ...before, ended_on: input.endedOn, updated_at: tx.who.at };
    const view: Relation = toRelation(after, n);
    tx.audit({
      action: 'group.relation_ended',
      entityType: 'organisation_relation',
      entityId: before.id,
      summary: `${describe(before, n)}; ended ${formatLegalDate(input.endedOn)}`,
      before: toRelation(before, n),
      after: view,
    });
    return view;
  }),
});

