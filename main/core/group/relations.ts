import type { HoldingView, Relation } from '../../../shared/contract/group';
import { ukDateOf } from '../../../shared/rules/legal-date';
import type { ReadDb } from '../context';
import { particularsOnDate } from '../reports/builders/regulator-records';
import type { OrganisationRow } from '../db/schema';
import type { OrganisationRelationRow } from './tables';

/** Whether a relation holds on day `on` ('YYYY-MM-DD'): since_on <= on < ended_on. */
export function inForceOn(r: Pick<OrganisationRelationRow, 'since_on' | 'ended_on'>, on: string): boolean {
  return r.since_on <= on && (r.ended_on === null || r.ended_on > on);
}

const bpToPct = (bp: number | null) => (bp === null ? null : bp / 100);
export const pctToBp = (pct: number | null | undefined) => (pct === null || pct === undefined ? null : Math.round(pct * 100));

export function toHolding(r: OrganisationRelationRow): HoldingView | null {
  if (r.holding_basis === null || r.holding_words === null) return null;
  return {
    basis: r.holding_basis,
    words: r.holding_words,
    sharesHeld: r.shares_held,
    sharesPct: bpToPct(r.shares_bp),
    votesPct: bpToPct(r.votes_bp),
    membershipClass: r.membership_class,
  };
}

export function toRelation(r: OrganisationRelationRow, names: ReadonlyMap<string, string>): Relation {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: names.get(r.organisation_id) ?? '',
    relatedOrganisationId: r.related_organisation_id,
    relatedOrganisationName: names.get(r.related_organisation_id) ?? '',
    kind: r.kind,
    holding: toHolding(r),
    sinceOn: r.since_on,
    endedOn: r.ended_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One organisation in a group as at a date, and how it comes to be in it. */
export interface GroupMember {
  organisation: OrganisationRow;
  /** 'self': the organisation asked about; 'subsidiary': held by it, directly or through another; 'sister': shares its secretariat. */
  role: 'self' | 'subsidiary' | 'sister';
  /** For a subsidiary, its parent in the group (the organisation asked about, or one of its subsidiaries); else null. */
  parentId: string | null;
  /** 0 for the organisation itself and its sisters, 1 for its direct subsidiaries, 2 for theirs, … */
  depth: number;
}

export interface Group {
  /** The date the group is as at ('YYYY-MM-DD'). */
  on: string;
  /** The organisation first, then its subsidiaries breadth first (by name on the date within a level), then its sisters by name on the date. */
  members: GroupMember[];
  /** The relations in force on the date between the group's members that put them in it, with their terms as they stood then. */
  relations: OrganisationRelationRow[];
}

/**
 * The relations as they stood at the end of day `on` ('YYYY-MM-DD'), in force or not. A relation is
 * one row per pair, changed in place: group.setRelation rewrites its kind, holding and since date
 * and clears its end, and its audit event carries the relation before it. So a relation recorded
 * again after the day stands as its earliest later re-recording's "before": recorded again "since"
 * a later date, or with other terms, it was on the day as it had been recorded.
 *
 * The dates a relation began and ended are, like a member's admission and cessation, dates in
 * law and count whenever they were recorded: a relation first recorded after the day keeps its
 * own since date (a file set up today still shows the group its relations say it was), and an end
 * (group.endRelation, which sets only ended_on) counts from its date, so a relation ended after
 * the day was still in force on it. A change's day is its UK calendar day (as particularsOnDate).
 */
export async function relationsOnDate(db: ReadDb, on: string): Promise<OrganisationRelationRow[]> {
  const rows = await db.selectFrom('organisation_relation').selectAll().orderBy('id').execute();
  if (rows.length === 0) return rows;
  // Instants are UTC; the UK day ends at most an hour after UTC's, so look from the day's UTC start and judge each by its UK day.
  const events = await db
    .selectFrom('audit_event as e')
    .innerJoin('audit_payload as p', 'p.event_id', 'e.id')
    .select(['e.entity_id', 'e.at', 'p.body'])
    .where('e.entity_type', '=', 'organisation_relation')
    .where('e.action', '=', 'group.relation_set')
    .where('e.at', '>=', `${on}T00:00:00`)
    .orderBy('e.seq', 'asc')
    .execute();
  const then = new Map<string, Relation>();
  for (const e of events) {
    if (!e.entity_id || then.has(e.entity_id) || e.body === null || ukDateOf(new Date(e.at)) <= on) continue;
    const before = (JSON.parse(e.body) as { before?: Relation | null }).before;
    if (before) then.set(e.entity_id, before);
  }
  return rows.map((r) => {
    const b = then.get(r.id);
    if (!b) return r;
    const h = b.holding;
    return {
      ...r,
      organisation_id: b.organisationId,
      related_organisation_id: b.relatedOrganisationId,
      kind: b.kind,
      holding_basis: h?.basis ?? null,
      holding_words: h?.words ?? null,
      shares_held: h?.sharesHeld ?? null,
      shares_bp: pctToBp(h?.sharesPct),
      votes_bp: pctToBp(h?.votesPct),
      membership_class: h?.membershipClass ?? null,
      since_on: b.sinceOn,
      ended_on: b.endedOn,
      updated_at: b.updatedAt,
    };
  });
}

/**
 * The group of `organisationId` as at `on`: the organisation, its subsidiaries recursively (a
 * subsidiary's subsidiaries too) and its sisters, each with the relation that puts it in the group,
 * reading only the relations in force on that day (since_on <= on, and not yet ended) as they stood
 * at its end (`relationsOnDate`: a relation recorded again later, with another since date or other
 * terms, is as it was),
 * so a report built again for a past date finds the same group. Within a level the organisations
 * are ordered by their names as they stood on the day (a later rename does not reorder them).
 *
 * For the consolidated group report (main/core/reports/builders/group.ts): each member's records
 * are then read by its own organisation_id, never mixed. Only the names of organisations that
 * join the group are read (the report's isolation test watches the statements). Cycles cannot be
 * recorded (group.setRelation refuses them), but the walk keeps a visited set so a file edited by
 * hand cannot loop it. Returns an empty group when the organisation is not in the file.
 */
export async function groupOf(db: ReadDb, organisationId: string, on: string): Promise<Group> {
  const [orgs, all] = await Promise.all([db.selectFrom('organisation').selectAll().orderBy('id').execute(), relationsOnDate(db, on)]);
  const rows = all.filter((r) => inForceOn(r, on));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const self = byId.get(organisationId);
  if (!self) return { on, members: [], relations: [] };
  // Names as they stood on the day, read only for the organisations sorted (those joining the group).
  const named = new Map<string, string>();
  const nameOn = async (id: string) => {
    if (!named.has(id)) named.set(id, (await particularsOnDate(db, byId.get(id)!, on)).name);
    return named.get(id)!;
  };
  const sortByName = async <T>(items: T[], idOf: (x: T) => string): Promise<T[]> => {
    const keyed = await Promise.all(items.map(async (x) => ({ x, id: idOf(x), name: await nameOn(idOf(x)) })));
    return keyed.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)).map((k) => k.x);
  };

  const members: GroupMember[] = [{ organisation: self, role: 'self', parentId: null, depth: 0 }];
  const relations: OrganisationRelationRow[] = [];
  const seen = new Set([organisationId]);
  let level = [organisationId];
  for (let depth = 1; level.length > 0; depth++) {
    const next: string[] = [];
    for (const parentId of level) {
      const children = await sortByName(
        rows.filter((r) => r.kind === 'subsidiary' && r.organisation_id === parentId && !seen.has(r.related_organisation_id) && byId.has(r.related_organisation_id)),
        (r) => r.related_organisation_id,
      );
      for (const r of children) {
        seen.add(r.related_organisation_id);
        members.push({ organisation: byId.get(r.related_organisation_id)!, role: 'subsidiary', parentId, depth });
        relations.push(r);
        next.push(r.related_organisation_id);
      }
    }
    level = next;
  }
  const sisters = await sortByName(
    rows
      .filter((r) => r.kind === 'sister' && (r.organisation_id === organisationId || r.related_organisation_id === organisationId))
      .map((r) => ({ r, other: r.organisation_id === organisationId ? r.related_organisation_id : r.organisation_id }))
      .filter(({ other }) => !seen.has(other) && byId.has(other)),
    (x) => x.other,
  );
  for (const { r, other } of sisters) {
    seen.add(other);
    members.push({ organisation: byId.get(other)!, role: 'sister', parentId: null, depth: 0 });
    relations.push(r);
  }
  return { on, members, relations };
}

/**
 * Whether making `childId` a subsidiary of `parentId` from `sinceOn` would close a cycle: whether
 * `parentId` is already held by `childId` (directly or through others) under a relation that is
 * still in force on or after `sinceOn`. Returns the chain of names that would loop, or null.
 */
export async function subsidiaryCycle(db: ReadDb, parentId: string, childId: string, sinceOn: string, ignoreRelationId: string | null): Promise<string[] | null> {
  const rows = await db
    .selectFrom('organisation_relation')
    .select(['id', 'organisation_id', 'related_organisation_id'])
    .where('kind', '=', 'subsidiary')
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', sinceOn)]))
    .execute();
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (r.id === ignoreRelationId) continue;
    children.set(r.organisation_id, [...(children.get(r.organisation_id) ?? []), r.related_organisation_id]);
  }
  // Depth-first from the child: a path back to the parent is the cycle.
  const path: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    path.push(id);
    if (id === parentId) return true;
    if (!seen.has(id)) {
      seen.add(id);
      for (const c of children.get(id) ?? []) if (walk(c)) return true;
    }
    path.pop();
    return false;
  };
  return walk(childId) ? path : null;
}
