import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { PSC_NATURE_LABEL } from '../../../../shared/contract/psc';
import type { ReadDb } from '../../context';
import { asTheyStood, beforeLaterChanges, boardOnDate, classesOnDate, closedDay, directorsInPeriod, holdersOnDate, termsInWords, movedMembersOnDate, nameOnDate, pscOnDate } from '../builders/regulator-records';
import { ballotsInPeriod, generalMeetingsInPeriod } from '../builders/cic34';
import type { TraceSet } from './index';

/**
 * The records behind the regulator's reports' figures (CIC34, the society's annual return, the EOT
 * checks). Each set lists exactly what its figure counted, read as the records stood on its dates.
 */

type Params = Record<string, string | number | boolean | null>;
const str = (p: Params, k: string): string => {
  const v = p[k];
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`The trace needs ${k} as a date.`);
  return v;
};
const page = <T>(all: T[], p: { offset: number; limit: number }) => all.slice(p.offset, p.offset + p.limit);
const memberHref = (id: string) => `#/register/members/${id}`;

function membersOn(db: ReadDb, organisationId: string, on: string, classId: string | null, moved: Map<string, string>, filter?: 'trustee') {
  let q = db
    .selectFrom('member as m')
    .innerJoin('membership_class as c', 'c.id', 'm.class_id')
    .where('m.organisation_id', '=', organisationId)
    .where('m.admitted_on', '<=', on)
    .where((eb) => eb.or([eb('m.ceased_on', 'is', null), eb('m.ceased_on', '>', on)]));
  // A class: its members on the day, those moved out of it since included and those moved in excluded.
  if (classId) {
    const into = [...moved].filter(([, c]) => c === classId).map(([m]) => m);
    const away = [...moved].filter(([, c]) => c !== classId).map(([m]) => m);
    q = q.where((eb) =>
      eb.or([eb.and([eb('m.class_id', '=', classId), ...(away.length > 0 ? [eb('m.id', 'not in', away)] : [])]), ...(into.length > 0 ? [eb('m.id', 'in', into)] : [])]),
    );
  }
  if (filter === 'trustee') q = q.where('m.organisation_kind', '=', 'trustee_company');
  return q;
}

const membersSet = (filter?: 'trustee'): TraceSet => ({
  title: (p) =>
    filter === 'trustee'
      ? `Trustees of an employee ownership trust on the register on ${formatLegalDate(String(p['on']))}`
      : `Members on ${formatLegalDate(String(p['on']))}${p['className'] ? ` in the class ${String(p['className'])}` : ''}`,
  async list(db, org, p, pg) {
    const on = str(p, 'on');
    const classId = typeof p['classId'] === 'string' ? p['classId'] : null;
    const moved = await movedMembersOnDate(db, org.id, on);
    const base = membersOn(db, org.id, on, classId, moved, filter);
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base
      .select(['m.id', 'm.member_number', 'm.given_names', 'm.family_name', 'm.admitted_on', 'm.class_id', 'c.name as class_name'])
      .orderBy('m.member_number')
      .offset(pg.offset)
      .limit(pg.limit)
      .execute();
    // Names as they stood on the day, for the page shown.
    const classes = await classesOnDate(db, org.id, on);
    const renamed = await beforeLaterChanges(db, { entityType: 'member', action: 'member.updated' }, rows.map((r) => r.id), on);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        label: `${r.member_number}. ${nameOnDate({ given: r.given_names, family: r.family_name }, renamed.get(r.id))}`,
        detail: `${classes.get(moved.get(r.id) ?? r.class_id)?.name ?? r.class_name}; admitted ${formatLegalDate(r.admitted_on)}`,
        href: memberHref(r.id),
      })),
    };
  },
});

export const REGULATOR_TRACE_SETS: Record<string, TraceSet> = {
  'regulator.members': membersSet(),
  'regulator.trustees': membersSet('trustee'),
  'regulator.holders': {
    title: (p) => `Holders of shares at the end of ${formatLegalDate(String(p['on']))}${p['className'] ? ` in the class ${String(p['className'])}` : ''}`,
    async list(db, org, p, pg) {
      const on = str(p, 'on');
      const all = await holdersOnDate(db, org.id, on, { classId: typeof p['classId'] === 'string' ? p['classId'] : null });
      return {
        total: all.length,
        rows: (await asTheyStood(db, org.id, page(all, pg), on)).map((h) => ({ id: h.memberId, label: `${h.memberNumber}. ${h.name}`, detail: `${h.shares.toLocaleString('en-GB')} share${h.shares === 1 ? '' : 's'} (${h.className})`, href: memberHref(h.memberId) })),
      };
    },
  },
  'regulator.board': {
    title: (p) => `The board in office on ${formatLegalDate(String(p['on']))}`,
    async list(db, org, p, pg) {
      const all = await boardOnDate(db, org.id, str(p, 'on'));
      return {
        total: all.length,
        rows: page(all, pg).map((d) => ({ id: d.officerId, label: d.name, detail: `${d.roles.join(', ')}; appointed ${formatLegalDate(d.appointedOn)}`, href: `#/officers/${d.officerId}` })),
      };
    },
  },
  'regulator.directorsInPeriod': {
    title: (p) => `Directors in office at any time from ${formatLegalDate(String(p['from']))} to ${formatLegalDate(String(p['to']))}`,
    async list(db, org, p, pg) {
      const all = await directorsInPeriod(db, org.id, str(p, 'from'), str(p, 'to'));
      return {
        total: all.length,
        rows: page(all, pg).map((d) => ({
          id: d.id,
          label: d.name,
          detail: termsInWords(d.terms),
          href: `#/officers/${d.officerId}`,
        })),
      };
    },
  },
  'regulator.generalMeetings': {
    title: (p) => `General meetings held from ${formatLegalDate(String(p['from']))} to ${formatLegalDate(String(p['to']))}`,
    async list(db, org, p, pg) {
      const all = await generalMeetingsInPeriod(db, org.id, str(p, 'from'), str(p, 'to'));
      return { total: all.length, rows: page(all, pg).map((m) => ({ id: m.id, label: m.title, detail: `Held ${formatLegalDate(m.heldOn)}; ${m.present} members present or by proxy`, href: `#/meetings/${m.id}` })) };
    },
  },
  'regulator.ballots': {
    title: (p) => `Ballots closed from ${formatLegalDate(String(p['from']))} to ${formatLegalDate(String(p['to']))}`,
    async list(db, org, p, pg) {
      const all = await ballotsInPeriod(db, org.id, str(p, 'from'), str(p, 'to'));
      return {
        total: all.length,
        rows: page(all, pg).map((b) => ({ id: b.id, label: b.title, detail: `Closed ${formatLegalDate(closedDay(b.closedAt)!)}; ${b.voted} of ${b.roll} on the roll voted`, href: `#/ballots/${b.id}` })),
      };
    },
  },
  'regulator.psc': {
    title: (p) => `People with significant control registrable on ${formatLegalDate(String(p['on']))}`,
    async list(db, org, p, pg) {
      const on = str(p, 'on');
      const all = await pscOnDate(db, org.id, on);
      return {
        total: all.length,
        rows: page(all, pg).map((r) => ({ id: r.id, label: r.name, detail: `${r.natures.map((n) => PSC_NATURE_LABEL[n]).join('; ')}; registrable from ${formatLegalDate(r.becameRegistrableOn)}`, href: '#/psc' })),
      };
    },
  },
};
