import type BetterSqlite3 from 'better-sqlite3';
import type { ReportSection } from '../../shared/contract/reports';
import { CESSATION_REASON_LABEL } from '../../shared/contract/members';
import { DIRECTOR_KIND_LABEL } from '../../shared/contract/officers';
import { addDays, addYears } from '../../shared/rules/legal-date';

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
/** A statement prepared once per connection (as the app compiles its queries once). */
function q(db: Db, sql: string): BetterSqlite3.Statement {
  let m = stmts.get(db);
  if (!m) stmts.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

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

/** The annual governance report's figures, raw. */
export function rawAnnual(db: Db, orgId: string, p: Period): RawFigures {
  const out = new Out();
  rawBoard(db, orgId, p, out);
  rawMembership(db, orgId, p, out);
  return { values: out.values, covers: out.covers };
}

/** The AGM pack's figures, raw: the members given notice, resolutions, candidates, and the embedded annual report for the last year end. */
export function rawAgm(db: Db, org: { id: string; financial_year_end: string }, meetingId: string, asAt: string): RawFigures {
  const out = new Out();
  const m = q(db, 'select notice_sent_at from meeting where id = ?').get(meetingId) as { notice_sent_at: string | null };
  const noticeOn = m.notice_sent_at !== null && m.notice_sent_at.slice(0, 10) <= asAt ? m.notice_sent_at.slice(0, 10) : asAt;
  out.figure(
    'entitled',
    q(db, 'select count(*) from member indexed by member_by_admitted where organisation_id = ? and admitted_on <= ? and (ceased_on is null or ceased_on > ?)').pluck().get(org.id, noticeOn, noticeOn) as number,
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
  const annual = rawAnnual(db, org.id, periodOf(yearEnd));
  for (const [k, v] of annual.values) out.values.set(k, v);
  for (const c of annual.covers) out.covers.add(c);
  return { values: out.values, covers: out.covers };
}
