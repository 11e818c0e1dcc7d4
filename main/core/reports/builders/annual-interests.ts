import { sql } from 'kysely';
import { INTEREST_CATEGORY_LABEL, type InterestCategory } from '../../../../shared/contract/interests';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { ReportSource } from '../source';
import { beforeLaterChanges, nameOnDate } from './regulator-records';
import { all, byName, figures, n, periodOf, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Interests declared (issue 11, report 1), from the register of interests: those declared in the
 * period and those open on its last day, by the director or officer who declared them. An
 * interest is open on a day when declared on or before it and not ended before it (an interest
 * ending on the day still counts that day, as the conflict rule reads it: meetings/quorum.ts).
 */

export interface InterestOnRecord {
  id: string;
  officerId: string;
  name: string;
  category: InterestCategory;
  nature: string;
  relatedOrganisation: string | null;
  declaredOn: string;
  endedOn: string | null;
}

/** The organisation's interests declared by the end of the period (the register of interests is small: one read, by officer). */
export async function interestsOf(db: ReadDb, organisationId: string, until: string): Promise<InterestOnRecord[]> {
  const rows = await all<{ id: string; officer_id: string; given_names: string; family_name: string; category: InterestCategory; nature: string; related_organisation: string | null; declared_on: string; ended_on: string | null }>(
    db,
    sql`select i.id, i.officer_id, o.given_names, o.family_name, i.category, i.nature, coalesce(cp.name, i.related_organisation) as related_organisation, i.declared_on, i.ended_on
        from interest i join officer o on o.id = i.officer_id
        left join counterparty cp on cp.id = i.counterparty_id
        where i.organisation_id = ${organisationId} and i.declared_on <= ${until}
        order by i.declared_on, i.id`,
  );
  const before = await beforeLaterChanges(db, { entityType: 'officer', action: 'officer.updated' }, [...new Set(rows.map((r) => r.officer_id))], until);
  return rows.map((r) => ({
    id: r.id,
    officerId: r.officer_id,
    name: nameOnDate({ given: r.given_names, family: r.family_name }, before.get(r.officer_id)),
    category: r.category,
    nature: r.nature,
    relatedOrganisation: r.related_organisation,
    declaredOn: r.declared_on,
    // An end recorded for a day after the period was not known on it.
    endedOn: r.ended_on !== null && r.ended_on <= until ? r.ended_on : null,
  }));
}

export const declaredIn = (list: InterestOnRecord[], p: Pick<AnnualPeriod, 'from' | 'to'>) => list.filter((i) => i.declaredOn >= p.from && i.declaredOn <= p.to);
export const openOn = (list: InterestOnRecord[], on: string) => list.filter((i) => i.declaredOn <= on && (i.endedOn === null || i.endedOn >= on));

export async function interestsSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const list = await interestsOf(src.db, src.org.id, p.to);
  const declared = declaredIn(list, p);
  const open = openOn(list, p.to);
  const people = new Map<string, string>();
  for (const i of [...declared, ...open]) people.set(i.officerId, i.name);
  const byPerson = [...people.entries()].map(([officerId, name]) => ({ officerId, name })).sort((a, b) => byName(a, b) || a.officerId.localeCompare(b.officerId));
  const blocks: SectionResult['section']['blocks'] = [
    figures([
      { id: 'interests-declared', label: 'Interests declared in the period', value: n(declared.length, 'annual.interests.declared', { from: p.from, to: p.to, officerId: null }) },
      { id: 'interests-open', label: `Interests open on ${formatLegalDate(p.to)}`, value: n(open.length, 'annual.interests.open', { on: p.to, officerId: null }) },
    ]),
    table(
      'interests-by-director',
      'Interests by director or officer',
      [
        { key: 'name', label: 'Name' },
        { key: 'declared', label: 'Declared in the period', numeric: true },
        { key: 'open', label: `Open on ${formatLegalDate(p.to)}`, numeric: true },
      ],
      byPerson.map((d) => ({
        name: words(d.name),
        declared: n(declared.filter((i) => i.officerId === d.officerId).length, 'annual.interests.declared', { from: p.from, to: p.to, officerId: d.officerId }),
        open: n(open.filter((i) => i.officerId === d.officerId).length, 'annual.interests.open', { on: p.to, officerId: d.officerId }),
      })),
      { empty: 'No interest was declared in the period or open on the date.' },
    ),
    table(
      'interests-open',
      `Interests open on ${formatLegalDate(p.to)}`,
      [
        { key: 'name', label: 'Name' },
        { key: 'category', label: 'Kind of interest' },
        { key: 'nature', label: 'Nature' },
        { key: 'organisation', label: 'Organisation' },
        { key: 'declaredOn', label: 'Declared on' },
      ],
      [...open]
        .sort((a, b) => byName(a, b) || a.declaredOn.localeCompare(b.declaredOn) || a.id.localeCompare(b.id))
        .map((i) => ({
          name: words(i.name),
          category: words(INTEREST_CATEGORY_LABEL[i.category] ?? i.category),
          nature: words(i.nature),
          organisation: words(i.relatedOrganisation ?? '—'),
          declaredOn: words(formatLegalDate(i.declaredOn)),
        })),
      { empty: 'No interest was open on the date.' },
    ),
    { type: 'text', tone: 'note', text: 'From the register of interests: an interest is open on a day when declared on or before it and not ended before it. Names are as they stood on the date; the words of each interest are as recorded now.' },
  ];
  return { section: { id: 'interests', title: 'Interests declared', blocks }, missing: [] };
}
