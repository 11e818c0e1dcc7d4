import type BetterSqlite3 from 'better-sqlite3';
import type { ReportSection } from '../../shared/contract/reports';
import { CESSATION_REASON_LABEL } from '../../shared/contract/members';
import { DIRECTOR_KIND_LABEL } from '../../shared/contract/officers';
import { LEDGER_KIND_LABEL, type LedgerKind } from '../../shared/contract/shares';
import { LEGAL_FORM_INFO, type LegalForm } from '../../shared/domain/legal-form';
import { addDays, addYears, formatLegalDate, ukDateOf } from '../../shared/rules/legal-date';
import { noticeVerdict } from '../../shared/rules/notice';
import type { UkPart } from '../../shared/rules/working-days';

/**
 * The reports benchmark's raw side: the figures of the annual governance report and the AGM pack
 * computed with hand-written SQL on better-sqlite3, section by section as the builders define them
 * (main/core/reports/builders), and the app's document flattened to the same keys, so the bench and
 * its test can say that both give the same numbers, and which differ.
 *
 * Keys: `figure:<id>` for a headline figure; `<tableId>|<row>|<column>` for a number in a table,
 * the row named by its first column's text (`<total>` for the total row). Only numbers are compared
 * (a value's `value`); words are the builders' business. Each raw section says which figures and
 * tables it covers, so a table the raw side does not compute yet is listed as not checked rather
 * than passed.
 */
export type Flat = Map<string, number>;

export interface RawFigures {
  values: Flat;
  /** Figure ids and table ids the raw side computed (and so are compared). */
  covers: Set<string>;
}

export interface Period {
  from: string;
  to: string;
  /** The day before `from`: the register "at the start". */
  start: string;
}

export function periodOf(asAt: string, from?: string): Period {
  const f = from ?? addDays(addYears(asAt, -1), 1);
  return { from: f, to: asAt, start: addDays(f, -1) };
}

// ------------------------------------------------------------------ the app's document, flattened

export function flattenDoc(sections: ReportSection[]): Flat {
  const out: Flat = new Map();
  const put = (key: string, v: number) => {
    let k = key;
    for (let i = 2; out.has(k); i++) k = `${key}#${i}`;
    out.set(k, v);
  };
  const walk = (ss: ReportSection[]) => {
    for (const s of ss) {
      for (const b of s.blocks) {
        if (b.type === 'figures') {
          for (const it of b.items) if (typeof it.value.value === 'number') put(`figure:${it.id}`, it.value.value);
        } else if (b.type === 'table') {
          const first = b.columns[0]!.key;
          for (const row of b.rows) {
            const label = row[first]?.display ?? '';
            for (const c of b.columns) {
              const v = row[c.key]?.value;
              if (c.key !== first && typeof v === 'number') put(`${b.id}|${label}|${c.key}`, v);
            }
          }
          if (b.total) for (const c of b.columns) {
            const v = b.total[c.key]?.value;
            if (typeof v === 'number') put(`${b.id}|<total>|${c.key}`, v);
          }
        }
      }
      walk(s.sections ?? []);
    }
  };
  walk(sections);
  return out;
}

/** The part of a key that names what it belongs to: a figure's `figure:<id>`, a table's id. */
const ownerOf = (key: string) => (key.startsWith('figure:') ? key : key.slice(0, key.indexOf('|')));

export interface Comparison {
  checked: number;
  differences: { key: string; app: number | null; raw: number | null }[];
  /** Figures and tables in the app's document the raw side does not compute (not compared). */
  notChecked: string[];
}

export function compare(app: Flat, raw: RawFigures): Comparison {
  const differences: Comparison['differences'] = [];
  let checked = 0;
  const keys = new Set([...app.keys(), ...raw.values.keys()]);
  const notChecked = new Set<string>();
  for (const k of keys) {
    if (!raw.covers.has(ownerOf(k))) {
      notChecked.add(ownerOf(k));
      continue;
    }
    checked += 1;
    const a = app.get(k) ?? null;
    const r = raw.values.get(k) ?? null;
    if (a !== r) differences.push({ key: k, app: a, raw: r });
  }
  return { checked, differences, notChecked: [...notChecked].sort() };
}

// ------------------------------------------------------------------ raw sections

type Db = BetterSqlite3.Database;
const stmts = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/** Time spent in each raw statement (and each section), with the last values it ran with, for EXPLAIN QUERY PLAN. */
export interface StatementProfile {
  sql: string;
  calls: number;
  ms: number;
  args: unknown[];
}
export const rawProfile = { on: false, statements: new Map<string, StatementProfile>(), sections: new Map<string, number>() };

/** A statement prepared once per connection (as the app compiles its queries once); timed when profiling. */
function q(db: Db, sql: string): BetterSqlite3.Statement {
  let m = stmts.get(db);
  if (!m) stmts.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  if (!rawProfile.on) return s;
  const timed = (method: 'get' | 'all') =>
    (...args: unknown[]) => {
      const t = performance.now();
      const r = (s as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
      const e = rawProfile.statements.get(sql) ?? { sql, calls: 0, ms: 0, args };
      e.calls += 1;
      e.ms += performance.now() - t;
      e.args = args;
      rawProfile.statements.set(sql, e);
      return r;
    };
  return { get: timed('get'), all: timed('all'), pluck: () => ({ get: (...a: unknown[]) => timedPluck(s, sql, a) }) } as unknown as BetterSqlite3.Statement;
}
function timedPluck(s: BetterSqlite3.Statement, sql: string, args: unknown[]) {
  const t = performance.now();
  const r = s.pluck().get(...args);
  const e = rawProfile.statements.get(sql) ?? { sql, calls: 0, ms: 0, args };
  e.calls += 1;
  e.ms += performance.now() - t;
  e.args = args;
  rawProfile.statements.set(sql, e);
  return r;
}
function section(name: string, fn: () => void) {
  if (!rawProfile.on) return fn();
  const t = performance.now();
  fn();
  rawProfile.sections.set(name, (rawProfile.sections.get(name) ?? 0) + performance.now() - t);
}

/** The query plan of each profiled statement, slowest first. */
export function explainSlowest(db: Db, top: number): { sql: string; ms: number; calls: number; plan: string[] }[] {
  return [...rawProfile.statements.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
    .map((e) => ({
      sql: e.sql.replace(/\s+/g, ' ').trim(),
      ms: Math.round(e.ms),
      calls: e.calls,
      plan: (db.prepare(`explain query plan ${e.sql}`).all(...e.args) as { detail: string }[]).map((r) => r.detail),
    }));
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
const formatDate = (d: string) => formatLegalDate(d);

class Out {
  values: Flat = new Map();
  covers = new Set<string>();
  figure(id: string, v: number) {
    this.covers.add(`figure:${id}`);
    this.values.set(`figure:${id}`, v);
  }
  table(id: string) {
    this.covers.add(id);
    return {
      cell: (row: string, col: string, v: number) => {
        let k = `${id}|${row}|${col}`;
        for (let i = 2; this.values.has(k); i++) k = `${id}|${row}|${col}#${i}`;
        this.values.set(k, v);
      },
    };
  }
}

/** Membership (builders/annual-membership.ts): by class at the start and end, admissions, cessations by reason. */
export function rawMembership(db: Db, orgId: string, p: Period, out: Out): void {
  const classes = q(db, 'select id, name, is_employee_class from membership_class where organisation_id = ?').all(orgId) as { id: string; name: string; is_employee_class: number }[];
  // Per class, one range of the index member_class_admitted (class_id, admitted_on, ceased_on): no member row is read.
  const counts = q(
    db,
    `select count(case when admitted_on <= @start and (ceased_on is null or ceased_on > @start) then 1 end) as at_start,
            count(case when ceased_on is null or ceased_on > @to then 1 end) as at_end,
            count(case when admitted_on >= @from then 1 end) as admitted,
            count(case when ceased_on between @from and @to then 1 end) as ceased
       from member indexed by member_class_admitted where class_id = @cls and admitted_on <= @to`,
  );
  const rows = classes
    .map((c) => ({ ...c, ...(counts.get({ cls: c.id, start: p.start, from: p.from, to: p.to }) as { at_start: number; at_end: number; admitted: number; ceased: number }) }))
    .filter((c) => c.at_start + c.at_end + c.admitted + c.ceased > 0)
    .sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  const t = out.table('membership-by-class');
  const sum = { at_start: 0, admitted: 0, ceased: 0, at_end: 0 };
  for (const c of rows) {
    const label = c.is_employee_class ? `${c.name} (employee class)` : c.name;
    t.cell(label, 'atStart', c.at_start);
    t.cell(label, 'admitted', c.admitted);
    t.cell(label, 'ceased', c.ceased);
    t.cell(label, 'atEnd', c.at_end);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
  }
  t.cell('<total>', 'atStart', sum.at_start);
  t.cell('<total>', 'admitted', sum.admitted);
  t.cell('<total>', 'ceased', sum.ceased);
  t.cell('<total>', 'atEnd', sum.at_end);
  out.figure('members-at-start', sum.at_start);
  out.figure('members-admitted', sum.admitted);
  out.figure('members-ceased', sum.ceased);
  out.figure('members-at-end', sum.at_end);
  out.figure('employee-members', rows.filter((c) => c.is_employee_class).reduce((n, c) => n + c.at_end, 0));

  const reasons = q(
    db,
    `select cessation_reason as reason, count(*) as n from member indexed by member_former_by_ceased
      where organisation_id = ? and ceased_on is not null and ceased_on between ? and ? group by cessation_reason`,
  ).all(orgId, p.from, p.to) as { reason: keyof typeof CESSATION_REASON_LABEL | null; n: number }[];
  const r = out.table('membership-cessations-by-reason');
  for (const x of reasons) r.cell(x.reason === null ? 'Not recorded' : CESSATION_REASON_LABEL[x.reason], 'count', x.n);
}

/** The board (builders/annual-board.ts): composition on the date, appointments and departures, attendance. */
export function rawBoard(db: Db, orgId: string, p: Period, out: Out): void {
  // Directors in office on the last day, each officer once, with the kind of their earliest appointment in office then.
  const onDay = q(
    db,
    `select a.officer_id, a.director_kind, o.given_names, o.family_name, m.admitted_on, m.ceased_on as member_ceased_on, c.is_employee_class
       from appointment a join officer o on o.id = a.officer_id
       left join member m on m.id = o.member_id and m.organisation_id = a.organisation_id
       left join membership_class c on c.id = m.class_id
      where a.organisation_id = @org and a.role = 'director' and a.appointed_on <= @to and (a.ceased_on is null or a.ceased_on >= @to)
      order by a.appointed_on, a.id`,
  ).all({ org: orgId, to: p.to }) as { officer_id: string; director_kind: keyof typeof DIRECTOR_KIND_LABEL | null; admitted_on: string | null; member_ceased_on: string | null; is_employee_class: number | null }[];
  const directors = new Map<string, { kind: keyof typeof DIRECTOR_KIND_LABEL | null; employeeMember: boolean }>();
  for (const a of onDay) {
    const seen = directors.get(a.officer_id);
    if (seen) {
      if (!seen.kind && a.director_kind) seen.kind = a.director_kind;
      continue;
    }
    const employeeMember = a.is_employee_class === 1 && a.admitted_on !== null && a.admitted_on <= p.to && (a.member_ceased_on === null || a.member_ceased_on > p.to);
    directors.set(a.officer_id, { kind: a.director_kind, employeeMember });
  }
  out.figure('directors-on-date', directors.size);
  const moved = q(
    db,
    `select count(case when appointed_on between @from and @to then 1 end) as appointed,
            count(case when ceased_on between @from and @to then 1 end) as departed
       from appointment where organisation_id = @org and role = 'director' and appointed_on <= @to`,
  ).get({ org: orgId, from: p.from, to: p.to }) as { appointed: number; departed: number };
  out.figure('directors-appointed', moved.appointed);
  out.figure('directors-departed', moved.departed);
  out.figure('directors-employee-members', [...directors.values()].filter((d) => d.employeeMember).length);

  const byKind = out.table('board-by-kind');
  for (const k of ['employee', 'member', 'independent', 'nominee', null] as const) {
    const count = [...directors.values()].filter((d) => d.kind === k).length;
    if (count > 0) byKind.cell(k ? DIRECTOR_KIND_LABEL[k] : 'Kind not recorded', 'directors', count);
  }
  byKind.cell('<total>', 'directors', directors.size);

  const officers = q(
    db,
    `select count(*) from appointment where organisation_id = ? and role <> 'director' and appointed_on <= ? and (ceased_on is null or ceased_on >= ?)`,
  ).pluck().get(orgId, p.to, p.to) as number;
  out.table('board-officers').cell('<total>', 'name', officers);

  // Attendance: for each director in office at some time in the period, the board meetings held while in
  // office and the committee meetings held while on the committee, attended (present in person or by
  // electronic means) and with apologies.
  const rows = q(
    db,
    `with d as (
        select distinct a.officer_id, trim(o.given_names || ' ' || o.family_name) as name from appointment a join officer o on o.id = a.officer_id
         where a.organisation_id = @org and a.role = 'director' and a.appointed_on <= @to and (a.ceased_on is null or a.ceased_on >= @from)),
      mt as (
        select id, kind, committee_id, held_on from meeting
         where organisation_id = @org and held_on between @from and @to and kind in ('board', 'committee') and status <> 'cancelled'),
      e as (
        select d.officer_id, mt.id as meeting_id, mt.kind from d join mt
         where exists (select 1 from appointment a where a.officer_id = d.officer_id and a.organisation_id = @org and a.role = 'director'
                         and a.appointed_on <= mt.held_on and (a.ceased_on is null or a.ceased_on >= mt.held_on))
           and (mt.kind = 'board' or exists (select 1 from committee_member cm where cm.committee_id = mt.committee_id and cm.officer_id = d.officer_id
                         and cm.joined_on <= mt.held_on and (cm.left_on is null or cm.left_on >= mt.held_on)))),
      marked as (
        select e.officer_id, e.kind,
               exists (select 1 from attendance x where x.meeting_id = e.meeting_id and x.officer_id = e.officer_id and x.status in ('present', 'present_electronically')) as attended,
               exists (select 1 from attendance x where x.meeting_id = e.meeting_id and x.officer_id = e.officer_id and x.status = 'apologies') as apologised
          from e)
     select d.officer_id, d.name,
            count(case when m.kind = 'board' then 1 end) as board_held,
            count(case when m.kind = 'board' and m.attended then 1 end) as board_attended,
            count(case when m.kind = 'board' and not m.attended and m.apologised then 1 end) as board_apologies,
            count(case when m.kind = 'committee' then 1 end) as committee_held,
            count(case when m.kind = 'committee' and m.attended then 1 end) as committee_attended,
            count(case when m.kind = 'committee' and not m.attended and m.apologised then 1 end) as committee_apologies
       from d left join marked m on m.officer_id = d.officer_id
      group by d.officer_id`,
  ).all({ org: orgId, from: p.from, to: p.to }) as Record<string, number | string>[];
  const att = out.table('board-attendance');
  rows.sort((a, b) => byName(String(a['name']), String(b['name'])) || String(a['officer_id']).localeCompare(String(b['officer_id'])));
  for (const r of rows) {
    const name = String(r['name']);
    att.cell(name, 'boardHeld', Number(r['board_held']));
    att.cell(name, 'boardAttended', Number(r['board_attended']));
    att.cell(name, 'boardApologies', Number(r['board_apologies']));
    att.cell(name, 'committeeHeld', Number(r['committee_held']));
    att.cell(name, 'committeeAttended', Number(r['committee_attended']));
    att.cell(name, 'committeeApologies', Number(r['committee_apologies']));
  }
}

/** A percentage as the reports show it (annual-util.ts `pct`): one decimal place, none when there is nothing to divide by. */
function pct(num: number, den: number): number | null {
  return den <= 0 ? null : Math.round((num / den) * 1000) / 10;
}
function cellPct(t: ReturnType<Out['table']>, row: string, col: string, num: number, den: number) {
  const v = pct(num, den);
  if (v !== null) t.cell(row, col, v);
}

/** Interests (builders/annual-interests.ts): declared in the period and open on its last day, by person. */
export function rawInterests(db: Db, orgId: string, p: Period, out: Out): void {
  const rows = q(
    db,
    `select i.officer_id, trim(o.given_names || ' ' || o.family_name) as name,
            count(case when i.declared_on >= @from then 1 end) as declared,
            count(case when i.ended_on is null or i.ended_on >= @to then 1 end) as open
       from interest i join officer o on o.id = i.officer_id
      where i.organisation_id = @org and i.declared_on <= @to
      group by i.officer_id`,
  ).all({ org: orgId, from: p.from, to: p.to }) as { officer_id: string; name: string; declared: number; open: number }[];
  const people = rows.filter((r) => r.declared > 0 || r.open > 0).sort((a, b) => byName(a.name, b.name) || a.officer_id.localeCompare(b.officer_id));
  out.figure('interests-declared', people.reduce((k, r) => k + r.declared, 0));
  out.figure('interests-open', people.reduce((k, r) => k + r.open, 0));
  const t = out.table('interests-by-director');
  for (const r of people) {
    t.cell(r.name, 'declared', r.declared);
    t.cell(r.name, 'open', r.open);
  }
}

const MEETING_KIND_LABEL = { board: 'Board meetings', committee: 'Committee meetings', annual_general: 'Annual general meetings', general: 'General meetings', class: 'Class meetings' } as const;
const DECISION_KIND_LABEL = { board: 'Board decisions', ordinary: 'Ordinary resolutions', special: 'Special resolutions' } as const;

/** Meetings and decisions (builders/annual-meetings.ts): held by kind, decisions by kind and whether carried. */
export function rawMeetings(db: Db, orgId: string, p: Period, out: Out): void {
  const kinds = new Map(
    (q(db, `select kind, count(*) as n from meeting indexed by meeting_when where organisation_id = ? and held_on between ? and ? and status <> 'cancelled' group by kind`).all(orgId, p.from, p.to) as { kind: keyof typeof MEETING_KIND_LABEL; n: number }[]).map((r) => [r.kind, r.n]),
  );
  const t = out.table('meetings-by-kind');
  let total = 0;
  for (const k of Object.keys(MEETING_KIND_LABEL) as (keyof typeof MEETING_KIND_LABEL)[]) {
    const v = kinds.get(k) ?? 0;
    if (v > 0) t.cell(MEETING_KIND_LABEL[k], 'held', v);
    total += v;
  }
  t.cell('<total>', 'held', total);
  out.figure('meetings-held', total);
  const decisions = q(
    db,
    `select kind, count(*) as n, count(case when outcome in ('carried', 'carried_on_casting_vote', 'passed') then 1 end) as carried
       from decision indexed by decision_register where organisation_id = ? and decided_on between ? and ? group by kind`,
  ).all(orgId, p.from, p.to) as { kind: keyof typeof DECISION_KIND_LABEL; n: number; carried: number }[];
  const d = out.table('decisions-by-kind');
  let n = 0;
  let carried = 0;
  for (const k of ['board', 'ordinary', 'special'] as const) {
    const r = decisions.find((x) => x.kind === k);
    if (!r) continue;
    d.cell(DECISION_KIND_LABEL[k], 'recorded', r.n);
    d.cell(DECISION_KIND_LABEL[k], 'carried', r.carried);
    d.cell(DECISION_KIND_LABEL[k], 'notCarried', r.n - r.carried);
    n += r.n;
    carried += r.carried;
  }
  d.cell('<total>', 'recorded', n);
  d.cell('<total>', 'carried', carried);
  d.cell('<total>', 'notCarried', n - carried);
  out.figure('decisions-taken', n);
}

/** Members on a day by class with the class's votes (per member; per share from the ledger), as register-on-date.ts reads them. */
function classesOn(db: Db, orgId: string, on: string) {
  const classes = q(db, 'select id, name, is_employee_class, voting_rights, votes_per_member from membership_class where organisation_id = ?').all(orgId) as {
    id: string;
    name: string;
    is_employee_class: number;
    voting_rights: 'per_member' | 'per_share' | 'none';
    votes_per_member: number;
  }[];
  const count = q(db, 'select count(*) from member indexed by member_class_admitted where class_id = ? and admitted_on <= ? and (ceased_on is null or ceased_on > ?)').pluck();
  const shares = q(
    db,
    `select coalesce(sum(s.shares), 0) from member m join share_transaction s on s.member_id = m.id and s.date <= @on
      where m.class_id = @cls and m.admitted_on <= @on and (m.ceased_on is null or m.ceased_on > @on) and s.organisation_id = @org`,
  ).pluck();
  return classes
    .map((c) => {
      const members = count.get(c.id, on, on) as number;
      const votes = c.voting_rights === 'none' ? 0 : c.voting_rights === 'per_share' ? Math.max(0, shares.get({ cls: c.id, on, org: orgId }) as number) : members * c.votes_per_member;
      return { ...c, members, votes };
    })
    .sort((a, b) => byName(a.name, b.name));
}

/** General meetings (builders/annual-meetings.ts): members present, entitled to vote on the day, resolutions and their results and turnout. */
export function rawGeneralMeetings(db: Db, orgId: string, p: Period, out: Out): void {
  const meetings = q(
    db,
    `select m.id, m.title, m.held_on,
            (select count(*) from attendance a where a.meeting_id = m.id and a.role in ('member', 'proxy', 'corporate_representative') and a.status in ('present', 'present_electronically')) as present
       from meeting m where m.organisation_id = ? and m.held_on between ? and ? and m.status <> 'cancelled' and m.kind in ('annual_general', 'general', 'class')
      order by m.held_on, m.starts_at, m.id`,
  ).all(orgId, p.from, p.to) as { id: string; title: string; held_on: string; present: number }[];
  const gm = out.table('general-meetings');
  const res = out.table('general-meeting-resolutions');
  for (const m of meetings) {
    const cls = classesOn(db, orgId, m.held_on);
    const eligible = cls.filter((c) => c.voting_rights !== 'none').reduce((k, c) => k + c.members, 0);
    const votingRights = cls.reduce((k, c) => k + c.votes, 0);
    const resolutions = q(
      db,
      `select * from (
         select d.id as decision_id, r.position, coalesce(d.kind, r.kind) as kind, d.method, d.votes_for, d.votes_against, d.votes_abstain
           from resolution r left join decision d on d.resolution_id = r.id and d.meeting_id = r.meeting_id where r.meeting_id = @m
         union all
         select d.id, null, d.kind, d.method, d.votes_for, d.votes_against, d.votes_abstain from decision d
          where d.meeting_id = @m and d.resolution_id is null and d.kind in ('ordinary', 'special'))
       order by position is null, position, decision_id`,
    ).all({ m: m.id }) as { method: string | null; votes_for: number | null; votes_against: number | null; votes_abstain: number | null }[];
    gm.cell(m.title, 'present', m.present);
    gm.cell(m.title, 'eligible', eligible);
    cellPct(gm, m.title, 'attendance', m.present, eligible);
    gm.cell(m.title, 'resolutions', resolutions.length);
    const label = `${m.title} (${formatDate(m.held_on)})`;
    for (const r of resolutions) {
      if (r.votes_for !== null) res.cell(label, 'for', r.votes_for);
      if (r.votes_against !== null) res.cell(label, 'against', r.votes_against);
      if (r.votes_abstain !== null) res.cell(label, 'abstain', r.votes_abstain);
      if (r.votes_for !== null) cellPct(res, label, 'turnout', r.votes_for + (r.votes_against ?? 0), r.method === 'poll' ? votingRights : eligible);
    }
  }
}

/** Ballots (builders/annual-ballots.ts): closed in the period (UK day), turnout by class from the roll's marks. */
export function rawBallots(db: Db, orgId: string, p: Period, out: Out): void {
  const ballots = (
    q(db, `select id, closed_at, roll_count from ballot where organisation_id = ? and status in ('closed', 'decided') and closed_at >= ? and closed_at < ? order by closed_at, id`).all(
      orgId,
      addDays(p.from, -1),
      addDays(p.to, 2),
    ) as { id: string; closed_at: string; roll_count: number | null }[]
  ).filter((b) => {
    const on = ukDateOf(new Date(b.closed_at));
    return on >= p.from && on <= p.to;
  });
  out.figure('ballots-closed', ballots.length);
  for (const [i, b] of ballots.entries()) {
    const t = out.table(`ballot-${i + 1}-turnout`);
    const rows = q(db, 'select class_name, count(*) as roll, count(voted_by) as voted from ballot_roll where ballot_id = ? group by class_name').all(b.id) as { class_name: string; roll: number; voted: number }[];
    rows.sort((a, c) => byName(a.class_name, c.class_name));
    for (const r of rows) {
      t.cell(r.class_name, 'roll', r.roll);
      t.cell(r.class_name, 'voted', r.voted);
      cellPct(t, r.class_name, 'turnout', r.voted, r.roll);
    }
    const roll = b.roll_count ?? rows.reduce((k, r) => k + r.roll, 0);
    const voted = rows.reduce((k, r) => k + r.voted, 0);
    t.cell('<total>', 'roll', roll);
    t.cell('<total>', 'voted', voted);
    cellPct(t, '<total>', 'turnout', voted, roll);
  }
}


/**
 * Shares (builders/annual-shares.ts), where the legal form has them: in issue by class at the start and end, moved in the
 * period by kind. The members in number order (the order they were written in, so their pages are read in turn), each
 * one's ledger from share_transaction_member: about 0.5 s for 300,000 members against 3 s driven through member_by_admitted,
 * whose order scatters the reads over the table. (Each member in their class as recorded now: the bench moves no one.)
 */
export function rawShares(db: Db, org: { id: string; legal_form: string }, p: Period, out: Out): void {
  if (!LEGAL_FORM_INFO[org.legal_form as LegalForm].hasShares) return;
  const rows = q(
    db,
    `select c.name, m.class_id, s.kind,
            coalesce(sum(case when s.date <= @start then s.shares end), 0) as at_start, sum(s.shares) as at_end,
            coalesce(sum(case when s.date >= @from then abs(s.shares) end), 0) as moved, count(case when s.date >= @from then 1 end) as entries
       from member m indexed by member_number cross join share_transaction s on s.member_id = m.id and s.date <= @to join membership_class c on c.id = m.class_id
      where m.organisation_id = @org and s.organisation_id = @org
      group by m.class_id, s.kind`,
  ).all({ org: org.id, start: p.start, from: p.from, to: p.to }) as { name: string; class_id: string; kind: LedgerKind; at_start: number; at_end: number; moved: number; entries: number }[];
  const classes = new Map<string, { name: string; atStart: number; atEnd: number; moved: Record<string, number> }>();
  const entries: Record<string, number> = {};
  const moved: Record<string, number> = {};
  for (const r of rows) {
    const c = classes.get(r.class_id) ?? { name: r.name, atStart: 0, atEnd: 0, moved: {} };
    c.atStart += r.at_start;
    c.atEnd += r.at_end;
    c.moved[r.kind] = (c.moved[r.kind] ?? 0) + r.moved;
    classes.set(r.class_id, c);
    entries[r.kind] = (entries[r.kind] ?? 0) + r.entries;
    moved[r.kind] = (moved[r.kind] ?? 0) + r.moved;
  }
  const t = out.table('shares-by-class');
  const row = (label: string, c: { atStart: number; atEnd: number; moved: Record<string, number> }) => {
    const m = (k: string) => c.moved[k] ?? 0;
    t.cell(label, 'atStart', c.atStart);
    t.cell(label, 'allotted', m('allotment'));
    t.cell(label, 'transferred', m('transfer_in'));
    t.cell(label, 'withdrawn', m('withdrawal'));
    t.cell(label, 'redeemed', m('redemption') + m('purchase') + m('cancellation'));
    t.cell(label, 'atEnd', c.atEnd);
  };
  const list = [...classes.entries()].sort(([ia, a], [ib, b]) => byName(a.name, b.name) || ia.localeCompare(ib));
  for (const [, c] of list) row(c.name, c);
  row('<total>', { atStart: list.reduce((k, [, c]) => k + c.atStart, 0), atEnd: list.reduce((k, [, c]) => k + c.atEnd, 0), moved });
  const e = out.table('shares-ledger-entries');
  for (const k of Object.keys(LEDGER_KIND_LABEL) as LedgerKind[]) {
    if ((entries[k] ?? 0) > 0) {
      e.cell(LEDGER_KIND_LABEL[k], 'entries', entries[k]!);
      e.cell(LEDGER_KIND_LABEL[k], 'shares', moved[k] ?? 0);
    }
  }
}

/** Contracts (builders/annual-contracts.ts): live on the day by commissioner with their annual income; awarded, extended, ended in the period. */
export function rawContracts(db: Db, orgId: string, p: Period, out: Out): void {
  const live = q(
    db,
    `select counterparty_id, count(*) as contracts, coalesce(sum(annual_value_pence), 0) as pence from contract_income
      where organisation_id = @org and current_end_on >= @on and start_on <= @on and (terminated_on is null or terminated_on > @on) group by counterparty_id`,
  ).all({ org: orgId, on: p.to }) as { counterparty_id: string; contracts: number; pence: number }[];
  const counts = (sql: string) => new Map((q(db, sql).all({ org: orgId, from: p.from, to: p.to }) as { counterparty_id: string; n: number }[]).map((r) => [r.counterparty_id, r.n]));
  const awarded = counts('select counterparty_id, count(*) as n from contract where organisation_id = @org and award_on between @from and @to group by counterparty_id');
  const extended = counts(
    'select c.counterparty_id, count(*) as n from contract_extension e join contract c on c.id = e.contract_id where c.organisation_id = @org and e.exercised_on between @from and @to group by c.counterparty_id',
  );
  const ended = counts(
    `select counterparty_id, count(*) as n from (
       select counterparty_id from contract_income where organisation_id = @org and current_end_on between @from and @to and (terminated_on is null or terminated_on > current_end_on)
       union all
       select counterparty_id from contract_income where organisation_id = @org and terminated_on between @from and @to and terminated_on <= current_end_on)
     group by counterparty_id`,
  );
  const ids = new Set([...live.map((l) => l.counterparty_id), ...awarded.keys(), ...extended.keys(), ...ended.keys()]);
  const name = q(db, 'select name from counterparty where id = ?').pluck();
  const total = live.reduce((k, l) => k + l.pence, 0);
  const liveCount = live.reduce((k, l) => k + l.contracts, 0);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const t = out.table('contracts-by-commissioner');
  for (const id of ids) {
    const l = live.find((x) => x.counterparty_id === id);
    const label = name.get(id) as string;
    t.cell(label, 'live', l?.contracts ?? 0);
    t.cell(label, 'income', l?.pence ?? 0);
    cellPct(t, label, 'share', l?.pence ?? 0, total);
    t.cell(label, 'awarded', awarded.get(id) ?? 0);
    t.cell(label, 'extended', extended.get(id) ?? 0);
    t.cell(label, 'ended', ended.get(id) ?? 0);
  }
  t.cell('<total>', 'live', liveCount);
  t.cell('<total>', 'income', total);
  cellPct(t, '<total>', 'share', total, total);
  t.cell('<total>', 'awarded', sum(awarded));
  t.cell('<total>', 'extended', sum(extended));
  t.cell('<total>', 'ended', sum(ended));
  out.figure('contracts-live', liveCount);
  out.figure('contracts-income', total);
  out.figure('contracts-awarded', sum(awarded));
  out.figure('contracts-extended', sum(extended));
  out.figure('contracts-ended', sum(ended));
}

/** Employee ownership and control (builders/annual-control.ts): members, votes and the board on the day. */
export function rawControl(db: Db, orgId: string, p: Period, out: Out): void {
  const on = p.to;
  const cls = classesOn(db, orgId, on).filter((c) => c.members > 0 || c.votes > 0);
  const all = classesOn(db, orgId, on);
  const members = all.reduce((k, c) => k + c.members, 0);
  const votes = all.reduce((k, c) => k + c.votes, 0);
  const employeeVotes = all.filter((c) => c.is_employee_class).reduce((k, c) => k + c.votes, 0);
  out.figure('control-members', members);
  out.figure('control-employee-members', all.filter((c) => c.is_employee_class).reduce((k, c) => k + c.members, 0));
  const v = pct(employeeVotes, votes);
  out.covers.add('figure:control-employee-votes');
  if (v !== null) out.values.set('figure:control-employee-votes', v);
  // The board on the day: each officer once, the employee appointment's kind preferred; employees are employee directors,
  // employee members on the day, or member-elected where employees held every vote.
  const apps = q(
    db,
    `select a.officer_id, a.director_kind, m.admitted_on, m.ceased_on as member_ceased_on, c.is_employee_class from appointment a join officer o on o.id = a.officer_id
       left join member m on m.id = o.member_id left join membership_class c on c.id = m.class_id
      where a.organisation_id = @org and a.role = 'director' and a.appointed_on <= @on and (a.ceased_on is null or a.ceased_on >= @on)`,
  ).all({ org: orgId, on }) as { officer_id: string; director_kind: string | null; admitted_on: string | null; member_ceased_on: string | null; is_employee_class: number | null }[];
  const board = new Map<string, { kind: string | null; employeeMember: boolean }>();
  for (const a of apps) {
    const seen = board.get(a.officer_id);
    if (seen && (seen.kind === 'employee' || a.director_kind !== 'employee')) continue;
    board.set(a.officer_id, { kind: a.director_kind, employeeMember: a.is_employee_class === 1 && a.admitted_on !== null && a.admitted_on <= on && (a.member_ceased_on === null || a.member_ceased_on > on) });
  }
  const allVotesEmployees = votes > 0 && employeeVotes === votes;
  out.figure('control-directors', board.size);
  out.figure('control-employee-directors', [...board.values()].filter((d) => d.kind === 'employee' || d.employeeMember || (d.kind === 'member' && allVotesEmployees)).length);
  const t = out.table('control-by-class');
  for (const c of cls) {
    const label = c.is_employee_class ? `${c.name} (employee class)` : c.name;
    t.cell(label, 'members', c.members);
    t.cell(label, 'votes', c.votes);
  }
  t.cell('<total>', 'members', members);
  t.cell('<total>', 'votes', votes);
}

/** The annual governance report's figures, raw, section by section as builders/annual.ts orders them. */
export function rawAnnual(db: Db, org: { id: string; legal_form: string }, p: Period): RawFigures {
  const out = new Out();
  section('The board', () => rawBoard(db, org.id, p, out));
  section('Interests declared', () => rawInterests(db, org.id, p, out));
  section('Meetings and decisions', () => rawMeetings(db, org.id, p, out));
  section('General meetings and resolutions', () => rawGeneralMeetings(db, org.id, p, out));
  section('Ballots and elections', () => rawBallots(db, org.id, p, out));
  section('Membership', () => rawMembership(db, org.id, p, out));
  section('Shares', () => rawShares(db, org, p, out));
  section('Contracts', () => rawContracts(db, org.id, p, out));
  section('Employee ownership and control', () => rawControl(db, org.id, p, out));
  return { values: out.values, covers: out.covers };
}

/** The AGM pack's figures, raw: the members given notice, resolutions, candidates, and the embedded annual report for the last year end. */
export function rawAgm(db: Db, org: { id: string; legal_form: string; financial_year_end: string }, meetingId: string, asAt: string): RawFigures {
  const out = new Out();
  const m = q(db, 'select m.notice_sent_at, m.notice_method, m.held_on, g.gm_notice_clear_days, o.office_country from meeting m join governing_rules g on g.organisation_id = m.organisation_id join organisation o on o.id = m.organisation_id where m.id = ?').get(meetingId) as {
    notice_sent_at: string | null;
    notice_method: 'post' | 'electronic' | 'hand' | null;
    held_on: string;
    gm_notice_clear_days: number;
    office_country: string;
  };
  const sent = m.notice_sent_at !== null && m.notice_sent_at.slice(0, 10) <= asAt;
  const noticeOn = sent ? m.notice_sent_at!.slice(0, 10) : asAt;
  // The clear days: the rules' period (no rule has changed since in the bench's records, so today's row is the day's), and the
  // days given counted by the law module the meetings area uses (shared/rules/notice.ts: deemed delivery, s360 clear days).
  out.figure('required', m.gm_notice_clear_days);
  out.covers.add('figure:given');
  if (sent && m.notice_method) {
    const family = LEGAL_FORM_INFO[org.legal_form as LegalForm].family;
    const v = noticeVerdict({ sentAt: m.notice_sent_at!, method: m.notice_method, meetingOn: m.held_on, requiredClearDays: m.gm_notice_clear_days, part: m.office_country as UkPart, source: '', society: family === 'society' });
    out.values.set('figure:given', v.given);
  }
  out.figure(
    'entitled',
    // Class by class through member_class_admitted (class_id, admitted_on, ceased_on), which covers the count: no member
    // row is read. (Counted through member_by_admitted, which lacks ceased_on, every member row admitted by the day is read:
    // 600 ms for 400,000 members against about 40 ms this way.)
    q(
      db,
      `select coalesce(sum((select count(*) from member m indexed by member_class_admitted where m.class_id = c.id and m.admitted_on <= @on and (m.ceased_on is null or m.ceased_on > @on))), 0)
         from membership_class c where c.organisation_id = @org`,
    ).pluck().get({ org: org.id, on: noticeOn }) as number,
  );
  out.figure('resolutions', q(db, 'select count(*) from resolution where meeting_id = ?').pluck().get(meetingId) as number);
  // Candidates on the meeting's ballots set up by the date (created on or before it, UK day) and not cancelled by it.
  const cands = q(
    db,
    `select count(*) as n, count(c.statement) as s from ballot b join ballot_question q on q.ballot_id = b.id and q.kind = 'election' join ballot_choice c on c.question_id = q.id
      where b.organisation_id = @org and b.meeting_id = @m and substr(b.created_at, 1, 10) <= @on and not (b.status = 'cancelled' and substr(b.updated_at, 1, 10) <= @on)`,
  ).get({ org: org.id, m: meetingId, on: asAt }) as { n: number; s: number };
  out.figure('candidates', cands.n);
  out.figure('statements', cands.s);
  // The annual report for the last financial year ended on or before the date.
  const [mm, dd] = org.financial_year_end.split('-');
  let yearEnd = `${asAt.slice(0, 4)}-${mm}-${dd}`;
  if (yearEnd > asAt) yearEnd = addYears(yearEnd, -1);
  const annual = rawAnnual(db, org, periodOf(yearEnd));
  for (const [k, v] of annual.values) out.values.set(k, v);
  for (const c of annual.covers) out.covers.add(c);
  return { values: out.values, covers: out.covers };
}
