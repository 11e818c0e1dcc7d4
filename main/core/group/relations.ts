import type { HoldingView, Relation } from '../../../shared/contract/group';
import type { ReadDb } from '../context';
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
  /** The organisation first, then its subsidiaries breadth first (by name within a level), then its sisters by name. */
  members: GroupMember[];
  /** The relations in force on the date between the group's members that put them in it. */
  relations: OrganisationRelationRow[];
}

/**
 * The group of `organisationId` as at `on`: the organisation, its subsidiaries recursively (a
 * subsidiary's subsidiaries too) and its sisters, each with the relation that puts it in the group,
 * reading only the relations in force on that day (since_on <= on, and not yet ended).
 *
 * For the consolidated group report (main/core/reports/builders/group.ts): each member's records
 * are then read by its own organisation_id, never mixed. The relations are as they stand now in
 * organisation_relation (one row per pair, changed in place); a relation whose kind or holding was
 * changed later shows its latest terms, and the audit log ('group.relation_set' events) holds the
 * earlier ones if a report must roll them back. Cycles cannot be recorded (group.setRelation
 * refuses them), but the walk keeps a visited set so a file edited by hand cannot loop it.
 * Returns an empty group when the organisation is not in the file.
 */
export async function groupOf(db: ReadDb, organisationId: string, on: string): Promise<Group> {
  const [orgs, rows] = await Promise.all([
    db.selectFrom('organisation').selectAll().orderBy('id').execute(),
    db
      .selectFrom('organisation_relation')
      .selectAll()
      .where('since_on', '<=', on)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
      .orderBy('id')
      .execute(),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const self = byId.get(organisationId);
  if (!self) return { on, members: [], relations: [] };
  const byName = (a: OrganisationRow, b: OrganisationRow) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);

  const members: GroupMember[] = [{ organisation: self, role: 'self', parentId: null, depth: 0 }];
  const relations: OrganisationRelationRow[] = [];
  const seen = new Set([organisationId]);
  let level = [organisationId];
  for (let depth = 1; level.length > 0; depth++) {
    const next: string[] = [];
    for (const parentId of level) {
      const children = rows
        .filter((r) => r.kind === 'subsidiary' && r.organisation_id === parentId && !seen.has(r.related_organisation_id) && byId.has(r.related_organisation_id))
        .sort((a, b) => byName(byId.get(a.related_organisation_id)!, byId.get(b.related_organisation_id)!));
      for (const r of children) {
        seen.add(r.related_organisation_id);
        members.push({ organisation: byId.get(r.related_organisation_id)!, role: 'subsidiary', parentId, depth });
        relations.push(r);
        next.push(r.related_organisation_id);
      }
    }
    level = next;
  }
  const sisters = rows
    .filter((r) => r.kind === 'sister' && (r.organisation_id === organisationId || r.related_organisation_id === organisationId))
    .map((r) => ({ r, other: r.organisation_id === organisationId ? r.related_organisation_id : r.organisation_id }))
    .filter(({ other }) => !seen.has(other) && byId.has(other))
    .sort((a, b) => byName(byId.get(a.other)!, byId.get(b.other)!));
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
