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
 * members by kind of class and general meetings, the same rule here.
 */

/** The organisation of the figure's column, refused unless it is in the current organisation's group on the date. */
export async function groupOrganisation(db: ReadDb, current: OrganisationRow, p: Params): Promise<OrganisationRow> {
  const id = str(p, 'organisationId');
  const on = str(p, 'groupOn');
  const group = await groupOf(db, current.id, on);
  const m = group.members.find((x) => x.organisation.id === id);
  if (!m) {
    throw new AppError('FORBIDDEN', `That organisation was not in the group of ${current.name} on ${formatLegalDate(on)}, so its records are not listed here: switch to it to see them.`);
  }
  return m.organisation;
}

/**
 * The app's pages show the current organisation's records only, so a row of another organisation
 * of the group carries no link (switch to it to open the record).
 */
function linksFor<T extends { rows: { href: string | null }[] }>(current: OrganisationRow, listed: OrganisationRow, out: T): T {
  if (current.id === listed.id) return out;
  return { ...out, rows: out.rows.map((r) => ({ ...r, href: null })) };
}

const of = (p: Params) => (typeof p['organisationName'] === 'string' && p['organisationName'] ? ` (${p['organisationName']})` : '');

/** A group set that lists the annual report's set for the column's organisation. */
function viaAnnual(set: string): TraceSet {
  const inner = ANNUAL_TRACE_SETS[set];
  if (!inner) throw new Error(`The annual report has no trace set ${set}.`);
  return {
    title: (p) => `${inner.title(p)}${of(p)}`,
    async list(db, org, p, page) {
      const o = await groupOrganisation(db, org, p);
      return linksFor(org, o, await inner.list(db, o, p, page));
    },
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
    async list(db, org, p, page) {
      const o = await groupOrganisation(db, org, p);
      return linksFor(org, o, await membersOnDate(db, o, p, page));
    },
  },
  'group.members.admitted': viaAnnual('annual.members.admitted'),
  'group.members.ceased': viaAnnual('annual.members.ceased'),
  'group.board.directorsOnDate': viaAnnual('annual.board.directorsOnDate'),
  'group.meetings.held': viaAnnual('annual.meetings.held'),
  'group.decisions.taken': viaAnnual('annual.decisions.taken'),
  'group.contracts.live': viaAnnual('annual.contracts.live'),
  'group.meetings.general': {
    title: (p) => `General meetings held from ${formatLegalDate(str(p, 'from'))} to ${formatLegalDate(str(p, 'to'))}${of(p)}`,
    async list(db, org, p, page) {
      const o = await groupOrganisation(db, org, p);
      const where = sql`organisation_id = ${o.id} and held_on >= ${str(p, 'from')} and held_on <= ${str(p, 'to')} and status <> 'cancelled' and kind in ('annual_general', 'general', 'class')`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from meeting where ${where}`);
      const rows = await all<{ id: string; title: string; held_on: string }>(db, sql`select id, title, held_on from meeting where ${where} order by held_on, starts_at, id limit ${page.limit} offset ${page.offset}`);
      return linksFor(org, o, { total: Number(total[0]?.k ?? 0), rows: rows.map((r) => ({ id: r.id, label: r.title, detail: `Held ${formatLegalDate(r.held_on)}`, href: href.meeting(r.id) })) });
    },
  },
};
