import { sql } from 'kysely';
import { formatLegalDate, ukDateOf } from '../../../../shared/rules/legal-date';
import { replayHolding, type Holding, type LedgerMovement } from '../../../../shared/rules/reports/share-capital';
import type { PscNature } from '../../../../shared/rules/psc';
import type { ReadDb } from '../../context';
import type { OrganisationRow } from '../../db/schema';
import { inOfficeOn } from '../../meetings/people';

/**
 * What the regulator's reports (CIC34, the society's annual return, the EOT checks) read from the
 * registers as they stood on a day: the particulars, the share ledger, the board and the PSC
 * record, each from its dated entries or, for the particulars, from the audit log rolled back.
 * Every query is scoped to one organisation.
 */

export interface ParticularsOnDate {
  name: string;
  registrationNumber: string;
  office: string;
  /**
   * The particulars were changed after the day (so today's differ), in words. Not put in a report:
   * the same report for the same day must read the same after later changes.
   */
  changedAfter: string | null;
}

const officeText = (o: { line1: string; line2?: string; town: string; county?: string; postcode: string }) =>
  [o.line1, o.line2, o.town, o.county, o.postcode].filter((x) => x && x.length > 0).join(', ');

/**
 * The name, number and registered office at the end of a day: today's, unless the particulars
 * were changed after it, when the earliest later change's "before" is the state on the day
 * (organisation.updated carries the whole particulars before and after).
 */
export async function particularsOnDate(db: ReadDb, org: OrganisationRow, on: string): Promise<ParticularsOnDate> {
  const events = await db
    .selectFrom('audit_event as e')
    .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.seq', 'e.at', 'p.body'])
    .where('e.entity_type', '=', 'organisation')
    .where('e.entity_id', '=', org.id)
    .where('e.action', '=', 'organisation.updated')
    .where('e.at', '>=', `${on}T00:00:00`)
    .orderBy('e.seq', 'asc')
    .execute();
  for (const e of events) {
    const day = ukDateOf(new Date(e.at));
    if (day <= on || e.body === null) continue;
    const before = (JSON.parse(e.body) as { before?: { name: string; registrationNumber: string; registeredOffice: Parameters<typeof officeText>[0] } | null }).before;
    if (!before) continue;
    return { name: before.name, registrationNumber: before.registrationNumber, office: officeText(before.registeredOffice), changedAfter: `The particulars were changed on ${formatLegalDate(day)}; these are as they stood on ${formatLegalDate(on)}.` };
  }
  return {
    name: org.name,
    registrationNumber: org.registration_number,
    office: officeText({ line1: org.office_line1, ...(org.office_line2 ? { line2: org.office_line2 } : {}), town: org.office_town, ...(org.office_county ? { county: org.office_county } : {}), postcode: org.office_postcode }),
    changedAfter: null,
  };
}

/** The governing rules in force on the day: the last change recorded in the app on or before it, or as set up. */
export async function rulesVersionOnDate(db: ReadDb, org: OrganisationRow, on: string): Promise<{ changedOn: string | null; seq: number | null; setUpOn: string }> {
  const rows = await db
    .selectFrom('audit_event as e')
    .select(['e.seq', 'e.at'])
    .where('e.entity_type', '=', 'governing_rules')
    .where('e.entity_id', '=', org.id)
    .where('e.action', '=', 'rules.updated')
    .where('e.at', '<', `${nextDay(on)}T01:00:00`)
    .orderBy('e.seq', 'desc')
    .execute();
  const last = rows.find((r) => ukDateOf(new Date(r.at)) <= on);
  return { changedOn: last ? ukDateOf(new Date(last.at)) : null, seq: last?.seq ?? null, setUpOn: ukDateOf(new Date(org.created_at)) };
}

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export interface ClassCapital {
  classId: string;
  name: string;
  nominalPence: number | null;
  holders: number;
  shares: number;
  paidPence: number;
}

/**
 * Shares held and paid at the end of the day, by class: the ledger's entries dated on or before it,
 * replayed member by member in the order recorded (shared/rules/reports/share-capital.ts). Read in
 * keyset pages, yielding between them, so a large ledger never holds the event loop.
 */
export async function shareCapitalOnDate(db: ReadDb, organisationId: string, on: string, checkpoint: () => Promise<void>): Promise<ClassCapital[]> {
  const classes = await db
    .selectFrom('membership_class')
    .select(['id', 'name', 'share_nominal_pence'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const named = await classesOnDate(db, organisationId, on);
  const moved = await movedMembersOnDate(db, organisationId, on);
  const byClass = new Map<string, ClassCapital>(
    classes.map((c) => [c.id, { classId: c.id, name: named.get(c.id)?.name ?? c.name, nominalPence: c.share_nominal_pence, holders: 0, shares: 0, paidPence: 0 }]),
  );
  const PAGE = 20_000;
  let after: { member: string; at: string; id: string } | null = null;
  let current: { member: string; classId: string; entries: LedgerMovement[] } | null = null;
  const flush = () => {
    if (!current) return;
    const h: Holding = replayHolding(current.entries);
    const c = byClass.get(moved.get(current.member) ?? current.classId);
    if (c && h.shares !== 0) {
      c.holders += h.shares > 0 ? 1 : 0;
      c.shares += h.shares;
      c.paidPence += h.paidPence;
    }
  };
  for (;;) {
    let q = db
      .selectFrom('share_transaction as s')
      .innerJoin('member as m', 'm.id', 's.member_id')
      .select(['s.id', 's.member_id', 's.kind', 's.shares', 's.amount_pence', 's.created_at', 'm.class_id'])
      .where('s.organisation_id', '=', organisationId)
      .where('m.organisation_id', '=', organisationId)
      .where('s.date', '<=', on);
    if (after) {
      const a = after;
      q = q.where(sql<boolean>`(s.member_id, s.created_at, s.id) > (${a.member}, ${a.at}, ${a.id})`);
    }
    const rows = await q.orderBy('s.member_id').orderBy('s.created_at').orderBy('s.id').limit(PAGE).execute();
    for (const r of rows) {
      if (!current || current.member !== r.member_id) {
        flush();
        current = { member: r.member_id, classId: r.class_id, entries: [] };
      }
      current.entries.push({ kind: r.kind, shares: r.shares, amountPence: r.amount_pence });
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { member: last.member_id, at: last.created_at, id: last.id };
    await checkpoint();
  }
  flush();
  const later = await classesCreatedAfter(db, organisationId, on);
  return [...byClass.values()].filter((c) => !(later.has(c.classId) && c.holders === 0 && c.shares === 0)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export interface HolderOnDate {
  memberId: string;
  memberNumber: number;
  name: string;
  classId: string;
  className: string;
  organisationKind: string | null;
  organisationNumber: string | null;
  shares: number;
  /** Today's names (an organisation's name is its family name), to roll the name back with. */
  givenNames: string;
  familyName: string;
}

/** Each member's shares at the end of the day (one grouped query), those holding any, largest first. */
export async function holdersOnDate(db: ReadDb, organisationId: string, on: string, opts: { classId?: string | null; minShares?: number } = {}): Promise<HolderOnDate[]> {
  let q = db
    .selectFrom('share_transaction as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .select(['m.id', 'm.member_number', 'm.given_names', 'm.family_name', 'm.class_id', 'c.name as class_name', 'm.organisation_kind', 'm.organisation_number'])
    .select(sql<number>`sum(s.shares)`.as('held'))
    .where('s.organisation_id', '=', organisationId)
    .where('m.organisation_id', '=', organisationId)
    .where('s.date', '<=', on);
  const moved = await movedMembersOnDate(db, organisationId, on);
  // A class asked for: its members on the day, those moved out since included and those moved in excluded.
  if (opts.classId) {
    const cid = opts.classId;
    const into = [...moved].filter(([, c]) => c === cid).map(([m]) => m);
    const away = [...moved].filter(([, c]) => c !== cid).map(([m]) => m);
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('m.class_id', '=', cid), ...(away.length > 0 ? [eb('m.id', 'not in', away)] : [])]),
        ...(into.length > 0 ? [eb('m.id', 'in', into)] : []),
      ]),
    );
  }
  const rows = await q
    .groupBy('m.id')
    .having(sql<number>`sum(s.shares)`, '>=', Math.max(1, opts.minShares ?? 1))
    .orderBy(sql`sum(s.shares)`, 'desc')
    .orderBy('m.member_number')
    .execute();
  return rows.map((r) => ({
    memberId: r.id,
    memberNumber: r.member_number,
    name: `${r.given_names} ${r.family_name}`.trim(),
    classId: moved.get(r.id) ?? r.class_id,
    className: r.class_name,
    organisationKind: r.organisation_kind ?? null,
    organisationNumber: r.organisation_number ?? null,
    shares: Number(r.held),
    givenNames: r.given_names,
    familyName: r.family_name,
  }));
}

/** Holders with their names and classes' names as they stood on the day (for the rows a report or trace page shows). */
export async function asTheyStood(db: ReadDb, organisationId: string, holders: HolderOnDate[], on: string): Promise<HolderOnDate[]> {
  const classes = await classesOnDate(db, organisationId, on);
  const later = await beforeLaterChanges(db, { entityType: 'member', action: 'member.updated' }, holders.map((h) => h.memberId), on);
  return holders.map((h) => {
    return { ...h, name: nameOnDate({ given: h.givenNames, family: h.familyName }, later.get(h.memberId)), className: classes.get(h.classId)?.name ?? h.className };
  });
}

export interface SeatHolder {
  officerId: string;
  name: string;
  roles: string[];
  appointedOn: string;
  ceasedOn: string | null;
}

/**
 * The board (a society's committee) in office on the day: every officer with a director
 * appointment that day (meetings/people.ts `inOfficeOn`), and the other offices they held.
 */
export async function boardOnDate(db: ReadDb, organisationId: string, on: string): Promise<SeatHolder[]> {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.officer_id', 'a.role', 'a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('o.organisation_id', '=', organisationId)
    .where('a.appointed_on', '<=', on)
    .execute();
  const people = new Map<string, SeatHolder>();
  for (const r of rows.filter((r) => r.role === 'director' && inOfficeOn(r, on)).sort((a, b) => a.appointed_on.localeCompare(b.appointed_on))) {
    if (!people.has(r.officer_id)) people.set(r.officer_id, { officerId: r.officer_id, name: `${r.given_names} ${r.family_name}`.trim(), roles: ['Director'], appointedOn: r.appointed_on, ceasedOn: r.ceased_on });
  }
  const renamed = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, [...people.keys()], on);
  for (const r of rows) {
    const p = people.get(r.officer_id);
    if (p && renamed.has(r.officer_id)) p.name = nameOnDate({ given: r.given_names, family: r.family_name }, renamed.get(r.officer_id));
  }
  const LABEL: Record<string, string> = { chair: 'Chair', vice_chair: 'Vice-chair', secretary: 'Secretary', treasurer: 'Treasurer' };
  for (const r of rows) {
    const p = people.get(r.officer_id);
    if (p && r.role !== 'director' && inOfficeOn(r, on) && !p.roles.includes(LABEL[r.role]!)) p.roles.push(LABEL[r.role]!);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.officerId.localeCompare(b.officerId));
}

/** Officers holding an appointment of a role on the day (the society's secretary). */
export async function officeHoldersOnDate(db: ReadDb, organisationId: string, on: string, role: 'secretary'): Promise<{ officerId: string; name: string; appointedOn: string }[]> {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.officer_id', 'a.appointed_on', 'a.ceased_on', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', role)
    .where('a.appointed_on', '<=', on)
    .orderBy('a.appointed_on')
    .execute();
  const held = rows.filter((r) => inOfficeOn(r, on));
  const renamed = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, held.map((r) => r.officer_id), on);
  return held.map((r) => ({ officerId: r.officer_id, name: nameOnDate({ given: r.given_names, family: r.family_name }, renamed.get(r.officer_id)), appointedOn: r.appointed_on }));
}

/**
 * The directors in office on any day of the period, once per officer (a director re-appointed in it
 * is one director), with their director appointments that overlapped it, earliest first. A
 * cessation dated after the period is not shown (as annual-board's appointmentsOf): on its last day
 * the director was still in office. `appointedOn` is the first of the terms, `ceasedOn` the last
 * term's cessation within the period (null when in office at its end). Sorted by family name, then
 * given names, as named at the end of the period.
 */
export async function directorsInPeriod(db: ReadDb, organisationId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.id', 'a.officer_id', 'a.appointed_on', 'a.ceased_on', 'a.director_kind', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'director')
    .where('a.appointed_on', '<=', to)
    .where((eb) => eb.or([eb('a.ceased_on', 'is', null), eb('a.ceased_on', '>=', from)]))
    .orderBy('a.appointed_on')
    .orderBy('a.id')
    .execute();
  // Named as they stood at the end of the period, in order of family name then given names.
  const renamed = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, [...new Set(rows.map((r) => r.officer_id))], to);
  const byOfficer = new Map<string, { id: string; officerId: string; name: string; family: string; given: string; kind: (typeof rows)[number]['director_kind']; terms: { appointedOn: string; ceasedOn: string | null }[] }>();
  for (const r of rows) {
    const term = { appointedOn: r.appointed_on, ceasedOn: r.ceased_on !== null && r.ceased_on <= to ? r.ceased_on : null };
    const had = byOfficer.get(r.officer_id);
    if (had) {
      had.terms.push(term);
      had.kind = r.director_kind;
      continue;
    }
    const b = renamed.get(r.officer_id);
    const given = typeof b?.['givenNames'] === 'string' ? (b['givenNames'] as string) : r.given_names;
    const family = typeof b?.['familyName'] === 'string' ? (b['familyName'] as string) : r.family_name;
    byOfficer.set(r.officer_id, { id: r.officer_id, officerId: r.officer_id, name: `${given} ${family}`.trim(), family, given, kind: r.director_kind, terms: [term] });
  }
  const named = [...byOfficer.values()].map((d) => ({ ...d, appointedOn: d.terms[0]!.appointedOn, ceasedOn: d.terms.at(-1)!.ceasedOn }));
  named.sort((a, b) => a.family.localeCompare(b.family, 'en-GB') || a.given.localeCompare(b.given, 'en-GB') || a.appointedOn.localeCompare(b.appointedOn) || a.id.localeCompare(b.id));
  return named.map(({ family: _f, given: _g, ...d }) => d);
}

/** A director's terms in words: "Appointed 1 June 2025; ceased 31 December 2025; appointed 1 February 2026". */
export function termsInWords(terms: readonly { appointedOn: string; ceasedOn: string | null }[]): string {
  const parts = terms.flatMap((t) => [`appointed ${formatLegalDate(t.appointedOn)}`, ...(t.ceasedOn ? [`ceased ${formatLegalDate(t.ceasedOn)}`] : [])]);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The day a ballot closed, in the UK. */
export const closedDay = (at: string | null) => (at ? ukDateOf(new Date(at)) : null);

/** The PSC record's entries registrable on the day (from the day they became registrable until the day they ceased). */
export async function pscOnDate(db: ReadDb, organisationId: string, on: string) {
  const rows = await db
    .selectFrom('psc')
    .select(['id', 'kind', 'name', 'registration_number', 'natures', 'became_registrable_on', 'ceased_on'])
    .where('organisation_id', '=', organisationId)
    .where('became_registrable_on', '<=', on)
    .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    registrationNumber: r.registration_number,
    natures: r.natures.split(',').filter((n) => n.length > 0) as PscNature[],
    becameRegistrableOn: r.became_registrable_on,
  }));
}

/**
 * For records changed after the day, what their changed fields held on it: each entity's earliest
 * later change's "before" (member.updated and officer.updated keep the changed fields;
 * class.updated the whole class). Records not changed since keep today's values.
 */
export async function beforeLaterChanges(
  db: ReadDb,
  kind: { entityType: 'member' | 'officer' | 'membership_class'; action: 'member.updated' | 'officer.updated' | 'class.updated' },
  ids: readonly string[],
  on: string,
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  // Chunks keep each statement's parameters well under SQLite's limit; the entity index (entity_type, entity_id, seq) finds them.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('audit_event as e')
      .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
      .select(['e.entity_id', 'e.seq', 'e.at', 'p.body'])
      .where('e.entity_type', '=', kind.entityType)
      .where('e.entity_id', 'in', ids.slice(i, i + 500))
      .where('e.action', '=', kind.action)
      .where('e.at', '>=', `${on}T00:00:00`)
      .orderBy('e.seq', 'asc')
      .execute();
    for (const r of rows) {
      if (!r.entity_id || !wanted.has(r.entity_id) || r.body === null || ukDateOf(new Date(r.at)) <= on) continue;
      const before = (JSON.parse(r.body) as { before?: Record<string, unknown> | null }).before;
      if (!before) continue;
      const seen = out.get(r.entity_id) ?? {};
      for (const [k, v] of Object.entries(before)) if (!(k in seen)) seen[k] = v;
      out.set(r.entity_id, seen);
    }
  }
  return out;
}

/** A person's name on the day, from today's and the fields changed since. */
export function nameOnDate(today: { given: string; family: string }, before: Record<string, unknown> | undefined): string {
  const given = typeof before?.['givenNames'] === 'string' ? (before['givenNames'] as string) : today.given;
  const family = typeof before?.['familyName'] === 'string' ? (before['familyName'] as string) : today.family;
  return `${given} ${family}`.trim();
}

export interface ClassOnDay {
  id: string;
  name: string;
  isEmployeeClass: boolean;
  minServiceMonths: number | null;
  votingRights: 'per_member' | 'per_share' | 'none';
  votesPerMember: number;
}

/** The organisation's classes as they stood on the day: name, whether for employees and the service condition. */
/**
 * Classes created after the day (their created_at's UK day is later): a report as at the day leaves
 * them out unless a member was in one on it (a register brought in later may admit members to a new
 * class with earlier dates), so a past report does not grow a row when a class is added.
 */
export async function classesCreatedAfter(db: ReadDb, organisationId: string, on: string): Promise<Set<string>> {
  const rows = await db.selectFrom('membership_class').select(['id', 'created_at']).where('organisation_id', '=', organisationId).where('created_at', '>=', `${on}T00:00:00`).execute();
  return new Set(rows.filter((r) => ukDateOf(new Date(r.created_at)) > on).map((r) => r.id));
}

export async function classesOnDate(db: ReadDb, organisationId: string, on: string): Promise<Map<string, ClassOnDay>> {
  const rows = await db
    .selectFrom('membership_class')
    .select(['id', 'name', 'is_employee_class', 'min_service_months', 'voting_rights', 'votes_per_member'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const later = await beforeLaterChanges(db, { entityType: 'membership_class', action: 'class.updated' }, rows.map((r) => r.id), on);
  return new Map(
    rows.map((r) => {
      const b = later.get(r.id) as
        | { name?: string; isEmployeeClass?: boolean; eligibility?: { minServiceMonths?: number | null }; votingRights?: ClassOnDay['votingRights']; votesPerMember?: number }
        | undefined;
      return [
        r.id,
        {
          id: r.id,
          name: b?.name ?? r.name,
          isEmployeeClass: b?.isEmployeeClass ?? r.is_employee_class === 1,
          minServiceMonths: b?.eligibility && 'minServiceMonths' in b.eligibility ? (b.eligibility.minServiceMonths ?? null) : r.min_service_months,
          votingRights: b?.votingRights ?? r.voting_rights,
          votesPerMember: b?.votesPerMember ?? r.votes_per_member,
        },
      ];
    }),
  );
}

/**
 * Members whose class was changed after the day, with the class they were in on it. A change of
 * class is a member.updated event whose "before" names the class it left (by its name then); the
 * earliest such change after the day tells the class on the day. Members never moved keep today's.
 */
export async function movedMembersOnDate(db: ReadDb, organisationId: string, on: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('audit_event as e')
    .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
    .innerJoin('member as m', 'm.id', 'e.entity_id')
    .select(['e.entity_id', 'e.seq', 'e.at', 'p.body', 'm.class_id'])
    .where('e.entity_type', '=', 'member')
    .where('e.action', '=', 'member.updated')
    .where('e.at', '>=', `${on}T00:00:00`)
    .where('m.organisation_id', '=', organisationId)
    .where('p.body', 'like', '%"className"%')
    .orderBy('e.seq', 'asc')
    .execute();
  if (rows.length === 0) return new Map();
  const classes = await classesOnDate(db, organisationId, on);
  const today = await db.selectFrom('membership_class').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const byName = new Map<string, string>([...today.map((c) => [c.name, c.id] as const), ...[...classes.values()].map((c) => [c.name, c.id] as const)]);
  const out = new Map<string, string>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.entity_id || seen.has(r.entity_id) || r.body === null || ukDateOf(new Date(r.at)) <= on) continue;
    const before = (JSON.parse(r.body) as { before?: Record<string, unknown> | null }).before;
    if (!before || typeof before['className'] !== 'string') continue;
    seen.add(r.entity_id);
    const then = byName.get(before['className']);
    if (then && then !== r.class_id) out.set(r.entity_id, then);
  }
  return out;
}

export interface ClassVotes {
  classId: string;
  name: string;
  members: number;
  votes: number;
}

/**
 * The members' votes on the day, by class, on the classes' voting terms as they then stood: a
 * class's members (admitted by the day, not ceased by it, in the class they were then in) times its
 * votes per member, or the shares its members held at the end of the day. (No cap on a class's
 * share of the votes is applied here; the caller says where one exists.)
 */
export async function votesOnDate(db: ReadDb, organisationId: string, on: string, holders: readonly HolderOnDate[]): Promise<ClassVotes[]> {
  const classes = await classesOnDate(db, organisationId, on);
  const moved = await movedMembersOnDate(db, organisationId, on);
  const grouped = await db
    .selectFrom('member')
    .select(['class_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('admitted_on', '<=', on)
    .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
    .groupBy('class_id')
    .execute();
  const members = new Map(grouped.map((g) => [g.class_id, Number(g.n)]));
  if (moved.size > 0) {
    const rows = await db
      .selectFrom('member')
      .select(['id', 'class_id'])
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', [...moved.keys()])
      .where('admitted_on', '<=', on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
      .execute();
    for (const r of rows) {
      members.set(r.class_id, (members.get(r.class_id) ?? 0) - 1);
      members.set(moved.get(r.id)!, (members.get(moved.get(r.id)!) ?? 0) + 1);
    }
  }
  const shares = new Map<string, number>();
  for (const h of holders) shares.set(h.classId, (shares.get(h.classId) ?? 0) + h.shares);
  return [...classes.values()]
    .map((c) => {
      const n = members.get(c.id) ?? 0;
      return { classId: c.id, name: c.name, members: n, votes: c.votingRights === 'none' ? 0 : c.votingRights === 'per_share' ? (shares.get(c.id) ?? 0) : n * c.votesPerMember };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
