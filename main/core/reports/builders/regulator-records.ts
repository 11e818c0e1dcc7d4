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
  const byClass = new Map<string, ClassCapital>(classes.map((c) => [c.id, { classId: c.id, name: c.name, nominalPence: c.share_nominal_pence, holders: 0, shares: 0, paidPence: 0 }]));
  const PAGE = 20_000;
  let after: { member: string; at: string; id: string } | null = null;
  let current: { member: string; classId: string; entries: LedgerMovement[] } | null = null;
  const flush = () => {
    if (!current) return;
    const h: Holding = replayHolding(current.entries);
    const c = byClass.get(current.classId);
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
  return [...byClass.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
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
  if (opts.classId) q = q.where('m.class_id', '=', opts.classId);
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
    classId: r.class_id,
    className: r.class_name,
    organisationKind: r.organisation_kind ?? null,
    organisationNumber: r.organisation_number ?? null,
    shares: Number(r.held),
  }));
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
  return rows.filter((r) => inOfficeOn(r, on)).map((r) => ({ officerId: r.officer_id, name: `${r.given_names} ${r.family_name}`.trim(), appointedOn: r.appointed_on }));
}

/** Director appointments that overlapped the period (in office on any day of it), earliest first. */
export async function directorsInPeriod(db: ReadDb, organisationId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('appointment as a')
    .innerJoin('officer as o', 'o.id', 'a.officer_id')
    .select(['a.id', 'a.officer_id', 'a.appointed_on', 'a.ceased_on', 'a.director_kind', 'o.given_names', 'o.family_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'director')
    .where('a.appointed_on', '<=', to)
    .where((eb) => eb.or([eb('a.ceased_on', 'is', null), eb('a.ceased_on', '>=', from)]))
    .orderBy('o.family_name')
    .orderBy('o.given_names')
    .orderBy('a.appointed_on')
    .execute();
  return rows.map((r) => ({ id: r.id, officerId: r.officer_id, name: `${r.given_names} ${r.family_name}`.trim(), appointedOn: r.appointed_on, ceasedOn: r.ceased_on, kind: r.director_kind }));
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
