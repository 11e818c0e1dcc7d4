import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { candidatesOf, entitledCount, entitledQuery } from '../builders/agm-data';
import type { TraceSet } from './index';

/**
 * The records behind the AGM pack's figures (builders/agm-pack.ts), read through the same queries
 * as the pack, so each list's total is the figure it explains. Scoped to the organisation: a
 * meeting of another organisation lists nothing.
 */

type Params = Record<string, string | number | boolean | null>;

const str = (p: Params, k: string): string => {
  const v = p[k];
  if (typeof v !== 'string') throw new Error(`The trace needs ${k}.`);
  return v;
};

const entitled: TraceSet = {
  title: (p) => `Members on the register on ${formatLegalDate(str(p, 'on'))}, to whom notice is given`,
  async list(db, org, p, pg) {
    const on = str(p, 'on');
    const total = await entitledCount(db, org.id, on);
    const rows = await entitledQuery(db, org.id, on)
      .select(['id', 'member_number', 'given_names', 'family_name', 'admitted_on'])
      .orderBy('sort_key')
      .orderBy('id')
      .offset(pg.offset)
      .limit(pg.limit)
      .execute();
    return {
      total,
      rows: rows.map((r) => ({ id: r.id, label: `${r.given_names} ${r.family_name}`.trim(), detail: `Member ${r.member_number}, admitted ${formatLegalDate(r.admitted_on)}`, href: `#/register/members/${r.id}` })),
    };
  },
};

const resolutions: TraceSet = {
  title: () => 'Resolutions in the notice of the meeting',
  async list(db, org, p, pg) {
    const rows = await db
      .selectFrom('resolution as r')
      .innerJoin('meeting as m', 'm.id', 'r.meeting_id')
      .select(['r.id', 'r.position', 'r.kind', 'r.text', 'r.meeting_id'])
      .where('m.organisation_id', '=', org.id)
      .where('r.meeting_id', '=', str(p, 'meetingId'))
      .orderBy('r.position')
      .execute();
    const all = rows.map((r, i) => ({ id: r.id, label: `Resolution ${i + 1} (${r.kind})`, detail: r.text.replace(/\s+/g, ' ').slice(0, 200), href: `#/meetings/${r.meeting_id}` }));
    return { total: all.length, rows: all.slice(pg.offset, pg.offset + pg.limit) };
  },
};

const candidates: TraceSet = {
  title: (p) => `${p['withStatement'] === true ? 'Candidates with a statement' : 'Candidates'} at elections on the meeting’s ballots set up by ${formatLegalDate(str(p, 'asAt'))}`,
  async list(db, org, p, pg) {
    const { candidates: all } = await candidatesOf(db, org.id, str(p, 'meetingId'), str(p, 'asAt'));
    const rows = all
      .filter((c) => (p['withStatement'] === true ? c.statement !== null : true))
      .map((c) => ({ id: c.id, label: c.name, detail: `${c.election} (${c.ballotTitle})${c.statement ? '' : '; no statement recorded'}`, href: `#/ballots/${c.ballotId}` }));
    return { total: rows.length, rows: rows.slice(pg.offset, pg.offset + pg.limit) };
  },
};

export const AGM_TRACE_SETS: Record<string, TraceSet> = {
  'agm.entitled': entitled,
  'agm.resolutions': resolutions,
  'agm.candidates': candidates,
};
