import { sql } from 'kysely';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { OrganisationRow } from '../../db/schema';
import { AppError } from '../../errors';
import { groupOf } from '../../group/relations';
import { all, href, optStr, str, type Params } from '../builders/annual-util';
import { classesOnDate, movedMembersOnDate } from '../builders/regulator-records';
import { ANNUAL_TRACE_SETS } from './annual';
import type { TraceSet } from './index';

/**
 * The records behind the consolidated group report's figures (builders/group.ts). Each figure is
 * one organisation's (its column's): the params carry `organisationId` and `groupOn`, the date the
 * group is as at. Before anything is listed the organisation must be in the current
 * organisation's group on that date (group/relations.ts groupOf); any other is refused, so a
 * trace cannot be used to read an organisation outside the group. The list is then the annual
 * report's own set for that organisation (the group's figures are the annual report's), or, for
 * members by kind of class and general meetings, the same rule here. A group total
 * (`organisationId` null) lists each organisation of the group on the date in turn.
 */

type Listed = { total: number; rows: { id: string; label: string; detail: string; href: string | null }[] };
type Page = { offset: number; limit: number };

/**
 * The organisations a figure covers: its column's (`organisationId`), refused unless it is in the
 * current organisation's group on the date (`groupOn`); or, for the group's total
 * (`organisationId` null), every organisation of that group, in the report's order.
 */
export async function groupOrganisations(db: ReadDb, current: OrganisationRow, p: Params): Promise<OrganisationRow[]> {
  const id = optStr(p, 'organisationId');
  const on = str(p, 'groupOn');
  const group = await groupOf(db, current.id, on);
  if (id === null) return group.members.map((m) => m.organisation);
  const m = group.members.find((x) => x.organisation.id === id);
  if (!m) {
    throw new AppError('FORBIDDEN', `That organisation was not in the group of ${current.name} on ${formatLegalDate(on)}, so its records are not listed here: switch to it to see them.`);
  }
  return [m.organisation];
}

/**
 * One page of the records of each organisation in turn (the group's total lists them one after
 * another, each named). The app's pages show the current organisation's records only, so a row of
 * another organisation carries no link (switch to it to open the record).
 */
async function listed(db: ReadDb, current: OrganisationRow, p: Params, page: Page, one: (o: OrganisationRow, page: Page) => Promise<Listed>): Promise<Listed> {
  const orgs = await groupOrganisations(db, current, p);
  const several = orgs.length > 1 || optStr(p, 'organisationId') === null;
  let skip = page.offset;
  let need = page.limit;
  const out: Listed = { total: 0, rows: [] };
  for (const o of orgs) {
    const r = await one(o, { offset: skip, limit: need });
    out.total += r.total;
    out.rows.push(...r.rows.map((row) => ({ ...row, ...(several ? { detail: `${o.name}: ${row.detail}` } : {}), href: o.id === current.id ? row.href : null })));
    need -= r.rows.length;
    skip = Math.max(0, skip - r.total);
  }
  return out;
}

const of = (p: Params) => (typeof p['organisationName'] === 'string' && p['organisationName'] ? ` (${p['organisationName']})` : optStr(p, 'organisationId') === null ? ' across the group' : '');

/** A group set that lists the annual report's set for the column's organisation (or each of the group's). */
function viaAnnual(set: string): TraceSet {
  const inner = ANNUAL_TRACE_SETS[set];
  if (!inner) throw new Error(`The annual report has no trace set ${set}.`);
  return {
    title: (p) => `${inner.title(p)}${of(p)}`,
    list: (db, org, p, page) => listed(db, org, p, page, (o, pg) => inner.list(db, o, p, pg)),
  };
}

/**
 * Members on a day, all or of one kind of class: 'employee' (classes marked for employees) or
 * 'other', each member in the class they were in at the end of `classAsAt` and the classes as
 * they stood then (as membershipFigures counts them).
 */
async function membersOnDate(db: ReadDb, org: OrganisationRow, p: Params, page: { offset: number; limit: number }) {
  const on = str(p, 'on');
  const kind = optStr(p, 'classKind');
  let scope = sql``;
  if (kind === 'employee' || kind === 'other') {
    const asAt = str(p, 'classAsAt');
    const classes = await classesOnDate(db, org.id, asAt);
    const wanted = new Set([...classes.values()].filter((c) => c.isEmployeeClass === (kind === 'employee')).map((c) => c.id));
    const moved = await movedMembersOnDate(db, org.id, asAt);
    const movedIds = [...moved.keys()];
    const into = movedIds.filter((id) => wanted.has(moved.get(id)!));
    const inClass = wanted.size ? sql`(m.class_id in (${sql.join([...wanted])}) ${movedIds.length ? sql`and m.id not in (${sql.join(movedIds)})` : sql``})` : sql`0`;
    scope = sql`and (${inClass} ${into.length ? sql`or m.id in (${sql.join(into)})` : sql``})`;
  }
  const where = sql`m.organisation_id = ${org.id} and m.admitted_on <= ${on} and (m.ceased_on is null or m.ceased_on > ${on}) ${scope}`;
  const total = await all<{ k: number }>(db, sql`select count(*) as k from member m where ${where}`);
  const rows = await all<{ id: string; member_number: number; given_names: string; family_name: string; class_name: string; admitted_on: string }>(
    db,
    sql`select m.id, m.member_number, m.given_names, m.family_name, c.name as class_name, m.admitted_on
        from member m join membership_class c on c.id = m.class_id where ${where}
        order by m.member_number limit ${page.limit} offset ${page.offset}`,
  );
  return {
    total: Number(total[0]?.k ?? 0),
    rows: rows.map((r) => ({ id: r.id, label: `${r.given_names} ${r.family_name}`.trim(), detail: `Member ${r.member_number}, ${r.class_name}; admitted ${formatLegalDate(r.admitted_on)}`, href: href.member(r.id) })),
  };
}

export const GROUP_TRACE_SETS: Record<string, TraceSet> = {
  'group.members.onDate': {
    title: (p) => {
      const kind = optStr(p, 'classKind');
      return `${kind === 'employee' ? 'Members of employee classes' : kind === 'other' ? 'Members of other classes' : 'Members'} on ${formatLegalDate(str(p, 'on'))}${of(p)}`;
    },
    list: (db, org, p, page) => listed(db, org, p, page, (o, pg) => membersOnDate(db, o, p, pg)),
  },
  'group.members.admitted': viaAnnual('annual.members.admitted'),
  'group.members.ceased': viaAnnual('annual.members.ceased'),
  'group.board.directorsOnDate': viaAnnual('annual.board.directorsOnDate'),
  'group.meetings.held': viaAnnual('annual.meetings.held'),
  'group.decisions.taken': viaAnnual('annual.decisions.taken'),
  'group.contracts.live': viaAnnual('annual.contracts.live'),
  'group.meetings.general': {
    title: (p) => `General meetings held from ${formatLegalDate(str(p, 'from'))} to ${formatLegalDate(str(p, 'to'))}${of(p)}`,
    list: (db, org, p, page) => listed(db, org, p, page, async (o, pg) => {
      const where = sql`organisation_id = ${o.id} and held_on >= ${str(p, 'from')} and held_on <= ${str(p, 'to')} and status <> 'cancelled' and kind in ('annual_general', 'general', 'class')`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from meeting where ${where}`);
      const rows = await all<{ id: string; title: string; held_on: string }>(db, sql`select id, title, held_on from meeting where ${where} order by held_on, starts_at, id limit ${pg.limit} offset ${pg.offset}`);
      return { total: Number(total[0]?.k ?? 0), rows: rows.map((r) => ({ id: r.id, label: r.title, detail: `Held ${formatLegalDate(r.held_on)}`, href: href.meeting(r.id) })) };
    }),
  },
};
