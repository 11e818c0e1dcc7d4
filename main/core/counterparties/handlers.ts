import { sql } from 'kysely';
import type { z } from 'zod';
import { COUNTERPARTY_KIND_LABEL, type Counterparty, type counterpartyInput } from '../../../shared/contract/counterparties';
import type { RecordRef } from '../audit/state';
import type { ReadDb, RegisterCtx, WriteContext } from '../context';
import { uuidv7 } from '../db/ids';
import { AppError } from '../errors';
import { defineHandlers, mutation, query } from '../handler';
import { contractStatusOf } from '../contracts/status';
import type { CounterpartyRow } from './tables';
import { nameKey } from './names';

/**
 * The organisations the mutual deals with (issue 10): councils, NHS bodies, other mutuals,
 * suppliers. One list used by contracts (the commissioner), declarations of interest, nominee
 * directors and agenda items. Records made before the list existed name organisations in words;
 * they are matched to the list by `nameKey` (case and spacing ignored) and can be linked to it
 * with `counterparties.linkName`, keeping the words as recorded.
 */
type Input = z.output<typeof counterpartyInput>;

export async function requireCounterparty(db: ReadDb, organisationId: string, id: string, field = 'counterpartyId'): Promise<CounterpartyRow> {
  const row = await db.selectFrom('counterparty').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw AppError.field(field, 'That organisation is not on the list of organisations.');
  return row;
}

/** A meeting's record is frozen once its minutes are signed (migration 0008's triggers). */
const NOT_SEALED = (meetingColumn: string) =>
  `not exists (select 1 from minutes mi where mi.meeting_id = ${meetingColumn} and mi.status = 'signed' and mi.corrects_minutes_id is null)`;

interface Counts {
  contracts: Map<string, number>;
  interests: Map<string, number>;
}

/** Contracts per commissioner, and current declarations naming each organisation (linked, or by the same name). */
async function counts(db: ReadDb, organisationId: string, list: readonly CounterpartyRow[]): Promise<Counts> {
  const contracts = new Map<string, number>();
  const rows = await db
    .selectFrom('contract')
    .select(['counterparty_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .groupBy('counterparty_id')
    .execute();
  for (const r of rows) contracts.set(r.counterparty_id, Number(r.n));
  const byKey = new Map(list.map((c) => [c.name_key, c.id]));
  const interests = new Map<string, number>();
  const current = await db
    .selectFrom('interest')
    .select(['counterparty_id', 'related_organisation'])
    .where('organisation_id', '=', organisationId)
    .where('ended_on', 'is', null)
    .execute();
  for (const i of current) {
    const ids = new Set<string>();
    if (i.counterparty_id) ids.add(i.counterparty_id);
    const byName = i.related_organisation ? byKey.get(nameKey(i.related_organisation)) : undefined;
    if (byName) ids.add(byName);
    for (const id of ids) interests.set(id, (interests.get(id) ?? 0) + 1);
  }
  return { contracts, interests };
}

function toCounterparty(r: CounterpartyRow, c: Counts): Counterparty {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    odsCode: r.ods_code,
    companiesHouseNumber: r.companies_house_number,
    charityNumber: r.charity_number,
    societyNumber: r.society_number,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    address: r.address,
    notes: r.notes,
    contractCount: c.contracts.get(r.id) ?? 0,
    currentInterestCount: c.interests.get(r.id) ?? 0,
  };
}

async function counterpartyView(db: ReadDb, organisationId: string, id: string): Promise<Counterparty> {
  const row = await requireCounterparty(db, organisationId, id, 'id');
  return toCounterparty(row, await counts(db, organisationId, [row]));
}

function auditView(r: CounterpartyRow) {
  return {
    name: r.name,
    kind: r.kind,
    odsCode: r.ods_code,
    companiesHouseNumber: r.companies_house_number,
    charityNumber: r.charity_number,
    societyNumber: r.society_number,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    address: r.address,
    notes: r.notes,
  };
}

/** The name (by its key) and the ODS code must not already be on the list. */
async function assertUnique(db: ReadDb, rc: RegisterCtx, input: Input, exceptId: string | null): Promise<void> {
  let q = db.selectFrom('counterparty').select(['id', 'name']).where('organisation_id', '=', rc.org.id).where('name_key', '=', nameKey(input.name));
  if (exceptId) q = q.where('id', '!=', exceptId);
  const same = await q.executeTakeFirst();
  if (same) {
    throw AppError.field(
      'name',
      same.name === input.name
        ? `${same.name} is already on the list of organisations; choose it instead of adding it again.`
        : `“${input.name}” is already on the list of organisations as “${same.name}” (names are compared without case or spacing); choose it instead of adding it again.`,
    );
  }
  if (input.odsCode) {
    let o = db.selectFrom('counterparty').select(['name']).where('organisation_id', '=', rc.org.id).where('ods_code', '=', input.odsCode);
    if (exceptId) o = o.where('id', '!=', exceptId);
    const other = await o.executeTakeFirst();
    if (other) throw AppError.field('odsCode', `The ODS code ${input.odsCode} is already recorded for ${other.name}; each NHS organisation has its own code.`);
  }
}

function columns(input: Input) {
  return {
    name: input.name,
    name_key: nameKey(input.name),
    kind: input.kind,
    ods_code: input.odsCode ?? null,
    companies_house_number: input.companiesHouseNumber ?? null,
    charity_number: input.charityNumber ?? null,
    society_number: input.societyNumber ?? null,
    contact_name: input.contactName ?? null,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
  };
}

/**
 * Adds an organisation to the list inside the caller's transaction, under the same rules as
 * `counterparties.create`, and records its event. For the contracts import, which adds a
 * commissioner it does not find on the list.
 */
export async function insertCounterparty(tx: WriteContext, rc: RegisterCtx, input: Input): Promise<CounterpartyRow> {
  await assertUnique(tx.db, rc, input, null);
  const row: CounterpartyRow = { id: uuidv7(), organisation_id: rc.org.id, ...columns(input), created_at: tx.who.at, updated_at: tx.who.at };
  await tx.db.insertInto('counterparty').values(row).execute();
  tx.audit({
    action: 'counterparty.created',
    entityType: 'counterparty',
    entityId: row.id,
    summary: `${row.name} added to the list of organisations (${COUNTERPARTY_KIND_LABEL[row.kind]})`,
    before: null,
    after: auditView(row),
  });
  return row;
}

/** Finds the organisation on the list by a name compared without case or spacing. */
export async function counterpartyByName(db: ReadDb, organisationId: string, name: string): Promise<CounterpartyRow | undefined> {
  return db.selectFrom('counterparty').selectAll().where('organisation_id', '=', organisationId).where('name_key', '=', nameKey(name)).executeTakeFirst();
}

/** The records that name an organisation in words and are not yet linked to the list (and can still be changed). */
async function unlinkedRecords(db: ReadDb, organisationId: string) {
  const [interests, decisions, items, appointments] = await Promise.all([
    db.selectFrom('interest').select(['id', 'related_organisation as name']).where('organisation_id', '=', organisationId).where('counterparty_id', 'is', null).where('related_organisation', 'is not', null).execute(),
    db
      .selectFrom('decision as d')
      .select(['d.id', 'd.related_organisation as name'])
      .where('d.organisation_id', '=', organisationId)
      .where('d.counterparty_id', 'is', null)
      .where('d.related_organisation', 'is not', null)
      .where(sql<boolean>`(d.meeting_id is null or ${sql.raw(NOT_SEALED('d.meeting_id'))})`)
      .execute(),
    db
      .selectFrom('agenda_item as i')
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .select(['i.id', 'i.related_organisation as name'])
      .where('m.organisation_id', '=', organisationId)
      .where('i.counterparty_id', 'is', null)
      .where('i.related_organisation', 'is not', null)
      .where(sql<boolean>`${sql.raw(NOT_SEALED('i.meeting_id'))}`)
      .execute(),
    db
      .selectFrom('appointment')
      .select(['id', 'officer_id', 'nominated_by as name'])
      .where('organisation_id', '=', organisationId)
      .where('nominating_counterparty_id', 'is', null)
      .where('nominated_by', 'is not', null)
      .execute(),
  ]);
  return { interests, decisions, items, appointments };
}

export const counterpartyHandlers = defineHandlers('counterparties', {
  'counterparties.list': query(async (input, ctx) => {
    const rc = await ctx.register();
    let q = ctx.db.selectFrom('counterparty').selectAll().where('organisation_id', '=', rc.org.id);
    if (input.kind) q = q.where('kind', '=', input.kind);
    const search = input.search ? nameKey(input.search) : '';
    const rows = await q.orderBy('name_key').execute();
    // Matched by words anywhere in the name (case and spacing ignored) or by the exact ODS code.
    const matched = search ? rows.filter((r) => r.name_key.includes(search) || r.ods_code === search.toUpperCase()) : rows;
    const c = await counts(ctx.db, rc.org.id, matched);
    return matched.map((r) => toCounterparty(r, c));
  }),

  'counterparties.get': query(async (input, ctx) => {
    const rc = await ctx.register();
    const db = ctx.db;
    const row = await requireCounterparty(db, rc.org.id, input.id, 'id');
    const c = await counts(db, rc.org.id, [row]);
    const names = (text: string | null) => text !== null && nameKey(text) === row.name_key;

    const contractRows = await db.selectFrom('contract').selectAll().where('counterparty_id', '=', row.id).orderBy('award_on', 'desc').orderBy('reference_key').execute();
    const contracts = [];
    for (const k of contractRows) {
      const s = await contractStatusOf(db, k, rc.today);
      contracts.push({ id: k.id, reference: k.reference, title: k.title, status: s.status, currentEndOn: s.currentEndOn });
    }

    const interestRows = await db
      .selectFrom('interest as i')
      .innerJoin('officer as o', 'o.id', 'i.officer_id')
      .select(['i.id', 'i.officer_id', 'i.nature', 'i.declared_on', 'i.ended_on', 'i.counterparty_id', 'i.related_organisation', 'o.given_names', 'o.family_name'])
      .where('i.organisation_id', '=', rc.org.id)
      .where((eb) => eb.or([eb('i.counterparty_id', '=', row.id), eb('i.related_organisation', 'is not', null)]))
      .execute();
    const interests = interestRows
      .filter((i) => i.counterparty_id === row.id || names(i.related_organisation))
      .sort((a, b) => (a.ended_on === null) !== (b.ended_on === null) ? (a.ended_on === null ? -1 : 1) : b.declared_on.localeCompare(a.declared_on))
      .map((i) => ({ id: i.id, officerId: i.officer_id, officerName: `${i.given_names} ${i.family_name}`, nature: i.nature, declaredOn: i.declared_on, endedOn: i.ended_on }));

    const appointmentRows = await db
      .selectFrom('appointment as a')
      .innerJoin('officer as o', 'o.id', 'a.officer_id')
      .select(['a.id', 'a.officer_id', 'a.appointed_on', 'a.ceased_on', 'a.nominating_counterparty_id', 'a.nominated_by', 'o.given_names', 'o.family_name'])
      .where('a.organisation_id', '=', rc.org.id)
      .where((eb) => eb.or([eb('a.nominating_counterparty_id', '=', row.id), eb('a.nominated_by', 'is not', null)]))
      .execute();
    const nominees = appointmentRows
      .filter((a) => a.nominating_counterparty_id === row.id || (a.nominating_counterparty_id === null && names(a.nominated_by)))
      .sort((a, b) => b.appointed_on.localeCompare(a.appointed_on))
      .map((a) => ({ appointmentId: a.id, officerId: a.officer_id, officerName: `${a.given_names} ${a.family_name}`, appointedOn: a.appointed_on, ceasedOn: a.ceased_on }));

    const decisionRows = await db
      .selectFrom('decision')
      .select(['id', 'text', 'decided_on', 'outcome', 'counterparty_id', 'related_organisation'])
      .where('organisation_id', '=', rc.org.id)
      .where((eb) => eb.or([eb('counterparty_id', '=', row.id), eb('related_organisation', 'is not', null)]))
      .orderBy('decided_on', 'desc')
      .execute();
    const decisions = decisionRows
      .filter((d) => d.counterparty_id === row.id || names(d.related_organisation))
      .map((d) => ({ id: d.id, text: d.text, decidedOn: d.decided_on, outcome: d.outcome }));

    return { ...toCounterparty(row, c), contracts, interests, nominees, decisions };
  }),

  'counterparties.create': mutation(async (input, tx) => {
    const rc = await tx.register();
    const row = await insertCounterparty(tx, rc, input);
    return counterpartyView(tx.db, rc.org.id, row.id);
  }),

  'counterparties.update': mutation(async (input, tx) => {
    const rc = await tx.register();
    const before = await requireCounterparty(tx.db, rc.org.id, input.id, 'id');
    await assertUnique(tx.db, rc, input, before.id);
    const cols = columns(input);
    const after: CounterpartyRow = { ...before, ...cols, updated_at: tx.who.at };
    const changed = JSON.stringify(auditView(before)) !== JSON.stringify(auditView(after));
    if (changed) {
      await tx.db.updateTable('counterparty').set({ ...cols, updated_at: tx.who.at }).where('id', '=', before.id).execute();
      tx.audit({
        action: 'counterparty.updated',
        entityType: 'counterparty',
        entityId: before.id,
        summary: before.name === after.name ? `${after.name} changed on the list of organisations` : `${before.name} renamed ${after.name} on the list of organisations`,
        before: auditView(before),
        after: auditView(after),
      });
    }
    return counterpartyView(tx.db, rc.org.id, before.id);
  }),

  'counterparties.unlinkedNames': query(async (_input, ctx) => {
    const rc = await ctx.register();
    const records = await unlinkedRecords(ctx.db, rc.org.id);
    const groups = new Map<string, { spellings: Map<string, number>; uses: number }>();
    for (const r of [...records.interests, ...records.decisions, ...records.items, ...records.appointments]) {
      const name = r.name!.trim();
      if (name === '') continue;
      const key = nameKey(name);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { spellings: new Map(), uses: 0 }));
      g.uses += 1;
      g.spellings.set(name, (g.spellings.get(name) ?? 0) + 1);
    }
    const list = await ctx.db.selectFrom('counterparty').select(['id', 'name_key']).where('organisation_id', '=', rc.org.id).execute();
    const byKey = new Map(list.map((c) => [c.name_key, c.id]));
    return [...groups.entries()]
      .map(([key, g]) => ({
        // The spelling used most often (the first typed, on a tie) stands for the group.
        name: [...g.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0],
        uses: g.uses,
        matchId: byKey.get(key) ?? null,
      }))
      .sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name, 'en-GB'));
  }),

  'counterparties.linkName': mutation(async (input, tx) => {
    const rc = await tx.register();
    const cp = await requireCounterparty(tx.db, rc.org.id, input.counterpartyId);
    const key = nameKey(input.name);
    const records = await unlinkedRecords(tx.db, rc.org.id);
    const named = <T extends { name: string | null }>(rows: T[]) => rows.filter((r) => r.name !== null && nameKey(r.name) === key);
    const interests = named(records.interests);
    const decisions = named(records.decisions);
    const items = named(records.items);
    const appointments = named(records.appointments);
    const result = { interests: interests.length, decisions: decisions.length, agendaItems: items.length, appointments: appointments.length };
    const total = interests.length + decisions.length + items.length + appointments.length;
    if (total === 0) return result;
    const at = tx.who.at;
    const refs: RecordRef[] = [];
    for (const part of chunks(interests.map((r) => r.id))) {
      await tx.db.updateTable('interest').set({ counterparty_id: cp.id, updated_at: at }).where('id', 'in', part).execute();
    }
    refs.push(...interests.map((r) => ({ type: 'interest', id: r.id })));
    for (const part of chunks(decisions.map((r) => r.id))) {
      await tx.db.updateTable('decision').set({ counterparty_id: cp.id, updated_at: at }).where('id', 'in', part).execute();
    }
    refs.push(...decisions.map((r) => ({ type: 'decision', id: r.id })));
    for (const part of chunks(items.map((r) => r.id))) {
      await tx.db.updateTable('agenda_item').set({ counterparty_id: cp.id, updated_at: at }).where('id', 'in', part).execute();
    }
    refs.push(...items.map((r) => ({ type: 'agenda_item', id: r.id })));
    for (const part of chunks(appointments.map((r) => r.id))) {
      await tx.db.updateTable('appointment').set({ nominating_counterparty_id: cp.id, updated_at: at }).where('id', 'in', part).execute();
    }
    // An appointment's state is part of its officer's entry.
    refs.push(...[...new Set(appointments.map((a) => a.officer_id))].map((id) => ({ type: 'officer', id })));
    const parts = [
      [interests.length, 'declaration of interest', 'declarations of interest'],
      [decisions.length, 'decision', 'decisions'],
      [items.length, 'agenda item', 'agenda items'],
      [appointments.length, 'nomination', 'nominations'],
    ] as const;
    const words = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
    tx.audit({
      action: 'counterparty.name_linked',
      entityType: 'counterparty',
      entityId: cp.id,
      summary: `${words.join(', ')} naming “${input.name}” linked to ${cp.name} on the list of organisations (the words recorded are kept)`,
      before: null,
      after: {
        name: input.name,
        counterpartyId: cp.id,
        interestIds: interests.map((r) => r.id),
        decisionIds: decisions.map((r) => r.id),
        agendaItemIds: items.map((r) => r.id),
        appointmentIds: appointments.map((r) => r.id),
      },
      records: refs,
    });
    return result;
  }),
});

function* chunks<T>(list: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
