import { sql } from 'kysely';
import { CESSATION_REASON_LABEL, type CessationReason } from '../../../../shared/contract/members';
import { addDays, daysBetween, formatLegalDate, ukDateOf } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { ReportSource } from '../source';
import { classesOnDate, movedMembersOnDate } from './regulator-records';
import { all, figures, n, periodOf, periodWords, pct, plural, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Membership (issue 11, report 1): the numbers by class at the start and end of the period,
 * admissions and cessations in it by class and reason, and employee members as a share of the
 * employees in the last HR import on or before the end of the period.
 *
 * A member counts on a day when admitted on or before it and not ceased on or before it
 * (admitted_on ≤ day and (ceased_on null or ceased_on > day)), as the registers, meetings and
 * ballot rolls read the register. "At the start" is at the end of the day before the period
 * begins, so start + admitted − ceased = end for every class.
 */

export interface ClassFigures {
  classId: string;
  name: string;
  isEmployeeClass: boolean;
  atStart: number;
  atEnd: number;
  admitted: number;
  ceased: number;
}

export interface MembershipFigures {
  period: AnnualPeriod;
  classes: ClassFigures[];
  atStart: number;
  atEnd: number;
  admitted: number;
  ceased: number;
  employeeMembersAtEnd: number;
  /** Cessations in the period by reason (all classes). */
  ceasedByReason: { reason: CessationReason | 'unrecorded'; count: number }[];
  /** The last HR import applied on or before the end of the period, where one can be told apart for this organisation. */
  hrImport: { asOf: string; appliedOn: string; fileName: string; rows: number } | null;
  hrImportProblem: string | null;
}

/** Members per read of the register (about 15 ms of index at a time). */
const SLICE = 25_000;

type ClassRow = { id: string; name: string; is_employee_class: number; at_start: number; at_end: number; admitted: number; ceased: number };

/**
 * The four figures of each class, from the index member_class_admitted (class_id, admitted_on,
 * ceased_on) alone: every member admitted by the end of the period is counted into its class's
 * figures without reading a member row. A large class is read in windows of admission dates
 * (sized from its tally, migration 0003, to about SLICE members each), with a yield between
 * windows, so no read holds the host for long; the windows together cover every admission once.
 */
export async function classFigures(db: ReadDb, organisationId: string, p: AnnualPeriod, checkpoint: () => Promise<void> = async () => {}, slice = SLICE): Promise<ClassRow[]> {
  const classes = await all<{ id: string; name: string; is_employee_class: number; size: number | null }>(
    db,
    sql`select c.id, c.name, c.is_employee_class, t."current" + t.former as size
        from membership_class c left join member_tally t on t.organisation_id = c.organisation_id and t.class_id = c.id
        where c.organisation_id = ${organisationId}`,
  );
  const out: ClassRow[] = [];
  for (const c of classes) {
    const first = (await all<{ d: string | null }>(db, sql`select min(admitted_on) as d from member where class_id = ${c.id}`))[0]?.d ?? null;
    const row: ClassRow = { id: c.id, name: c.name, is_employee_class: c.is_employee_class, at_start: 0, at_end: 0, admitted: 0, ceased: 0 };
    out.push(row);
    if (first === null || first > p.to) continue;
    const windows = Math.max(1, Math.ceil(Number(c.size ?? 0) / slice));
    const span = daysBetween(first, p.to) + 1;
    const step = Math.ceil(span / windows);
    for (let lo = first; lo <= p.to; lo = addDays(lo, step)) {
      const hi = addDays(lo, step - 1) < p.to ? addDays(lo, step - 1) : p.to;
      const r = (
        await all<{ at_start: number; at_end: number; admitted: number; ceased: number }>(
          db,
          sql`select count(case when admitted_on <= ${p.start} and (ceased_on is null or ceased_on > ${p.start}) then 1 end) as at_start,
                count(case when ceased_on is null or ceased_on > ${p.to} then 1 end) as at_end,
                count(case when admitted_on >= ${p.from} then 1 end) as admitted,
                count(case when ceased_on >= ${p.from} and ceased_on <= ${p.to} then 1 end) as ceased
              from member where class_id = ${c.id} and admitted_on >= ${lo} and admitted_on <= ${hi}`,
        )
      )[0]!;
      row.at_start += Number(r.at_start);
      row.at_end += Number(r.at_end);
      row.admitted += Number(r.admitted);
      row.ceased += Number(r.ceased);
      if (windows > 1) await checkpoint();
    }
  }
  return out;
}

export interface MovedMember {
  id: string;
  /** The class now, and the class at the end of the day asked about. */
  now: string;
  then: string;
  admittedOn: string;
  ceasedOn: string | null;
}

/**
 * Members of the organisation moved to another class after the day, with the class they were in
 * on it (builders/regulator-records.ts `movedMembersOnDate`, from the audit log), so a member
 * moved next year is counted in the class they were in then. Moves are rare: their rows are read
 * by id.
 */
export async function movedSince(db: ReadDb, organisationId: string, on: string): Promise<MovedMember[]> {
  // Several sections ask for the same day within one build: read the audit log once for each head
  // of the log (any change moves the head, so a cached answer is never one from before a change).
  const head = (await all<{ seq: number }>(db, sql`select seq from audit_head`))[0]?.seq ?? 0;
  let cache = MOVED.get(db);
  if (!cache) MOVED.set(db, (cache = new Map()));
  const key = `${organisationId}|${on}|${head}`;
  let found = cache.get(key);
  if (!found) {
    if (cache.size > 64) cache.clear();
    cache.set(key, (found = readMovedSince(db, organisationId, on)));
  }
  return found;
}
const MOVED = new WeakMap<object, Map<string, Promise<MovedMember[]>>>();

async function readMovedSince(db: ReadDb, organisationId: string, on: string): Promise<MovedMember[]> {
  const moved = await movedMembersOnDate(db, organisationId, on);
  if (moved.size === 0) return [];
  const out: MovedMember[] = [];
  const ids = [...moved.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await all<{ id: string; class_id: string; admitted_on: string; ceased_on: string | null }>(
      db,
      sql`select id, class_id, admitted_on, ceased_on from member where organisation_id = ${organisationId} and id in (${sql.join(ids.slice(i, i + 500))})`,
    );
    for (const r of rows) out.push({ id: r.id, now: r.class_id, then: moved.get(r.id)!, admittedOn: r.admitted_on, ceasedOn: r.ceased_on });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** What one member adds to its class's four figures (the same tests as classFigures' counts). */
export function figuresOf(m: Pick<MovedMember, 'admittedOn' | 'ceasedOn'>, p: AnnualPeriod) {
  const by = m.admittedOn <= p.to;
  return {
    at_start: by && m.admittedOn <= p.start && (m.ceasedOn === null || m.ceasedOn > p.start) ? 1 : 0,
    at_end: by && (m.ceasedOn === null || m.ceasedOn > p.to) ? 1 : 0,
    admitted: by && m.admittedOn >= p.from ? 1 : 0,
    ceased: by && m.ceasedOn !== null && m.ceasedOn >= p.from && m.ceasedOn <= p.to ? 1 : 0,
  };
}

/** Cessations in the period by reason: the partial index member_former_by_ceased (organisation_id, ceased_on) finds only those. */
export async function ceasedByReason(db: ReadDb, organisationId: string, p: AnnualPeriod) {
  return all<{ reason: CessationReason | null; count: number }>(
    db,
    sql`select m.cessation_reason as reason, count(*) as count
        from member m
        where m.organisation_id = ${organisationId} and m.ceased_on is not null and m.ceased_on >= ${p.from} and m.ceased_on <= ${p.to}
        group by m.cessation_reason`,
  );
}

/**
 * The last HR import applied on or before the day, from its audit event (import.applied keeps the
 * file's name, its "as of" date and its counts: the rows in the file, not a headcount). Once the
 * log names each event's organisation (migration 0022, audit_event.organisation_id) an import is
 * told apart by it, read in SQL so other organisations' imports never crowd this one's out. An
 * event the migration could not assign (organisation_id null: import.applied names no entity) is
 * this organisation's when the file keeps only one organisation, or when its payload names it;
 * otherwise, as before 0022 in a file of several organisations, it cannot be told apart and none
 * is used.
 */
export async function lastHrImport(db: ReadDb, organisationId: string, on: string): Promise<{ found: MembershipFigures['hrImport']; problem: string | null }> {
  const stamped = Number((await all<{ k: number }>(db, sql`select count(*) as k from pragma_table_info('audit_event') where name = 'organisation_id'`))[0]?.k ?? 0) > 0;
  const orgs = Number((await all<{ k: number }>(db, sql`select count(*) as k from organisation`))[0]?.k ?? 1);
  const before = `${addDays(on, 1)}T00:00`;
  // Imports are applied in the app; look back through them newest first.
  const events = await all<{ at: string; body: string | null; org: string | null }>(
    db,
    stamped
      ? sql`select e.at, p.body, e.organisation_id as org from audit_event e join audit_payload p on p.event_id = e.id
            where e.action = 'import.applied' and (e.organisation_id = ${organisationId} or e.organisation_id is null) and e.at < ${before} order by e.seq desc limit 200`
      : sql`select e.at, p.body, null as org from audit_event e join audit_payload p on p.event_id = e.id
            where e.action = 'import.applied' and e.at < ${before} order by e.seq desc limit 200`,
  );
  const cannotTell = { found: null, problem: 'This file keeps more than one organisation and an HR import’s record does not say which organisation it was for, so the employees cannot be counted for this one.' };
  for (const e of events) {
    if (ukDateOf(new Date(e.at)) > on || e.body === null) continue;
    const after = (JSON.parse(e.body) as { after: { asOf?: string; fileName?: string; counts?: { rows?: number }; organisationId?: string } | null }).after;
    if (!after?.asOf || after.asOf > on || typeof after.counts?.rows !== 'number') continue;
    if (e.org === null && orgs > 1) {
      // Unassigned: the payload may name the organisation; if it names another, it is not this one's.
      if (typeof after.organisationId === 'string') {
        if (after.organisationId !== organisationId) continue;
      } else return cannotTell;
    }
    return { found: { asOf: after.asOf, appliedOn: ukDateOf(new Date(e.at)), fileName: after.fileName ?? '', rows: after.counts.rows }, problem: null };
  }
  return { found: null, problem: `No HR import was applied on or before ${formatLegalDate(on)}, so the number of employees is not on record.` };
}

export async function membershipFigures(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<MembershipFigures> {
  const p = periodOf(src);
  const rows = await classFigures(src.db, src.org.id, p, src.checkpoint);
  await src.checkpoint();
  // Classes and each member's class as they stood at the end of the period (the tables keep only today's).
  const then = await classesOnDate(src.db, src.org.id, p.to);
  for (const m of await movedSince(src.db, src.org.id, p.to)) {
    const f = figuresOf(m, p);
    const from = rows.find((r) => r.id === m.now);
    const to = rows.find((r) => r.id === m.then);
    for (const k of ['at_start', 'at_end', 'admitted', 'ceased'] as const) {
      if (from) from[k] -= f[k];
      if (to) to[k] += f[k];
    }
  }
  await src.checkpoint();
  const reasons = await ceasedByReason(src.db, src.org.id, p);
  await src.checkpoint();
  const hr = await lastHrImport(src.db, src.org.id, p.to);
  const classes: ClassFigures[] = rows
    .map((r) => ({
      classId: r.id,
      name: then.get(r.id)?.name ?? r.name,
      isEmployeeClass: then.get(r.id)?.isEmployeeClass ?? r.is_employee_class === 1,
      atStart: Number(r.at_start),
      atEnd: Number(r.at_end),
      admitted: Number(r.admitted),
      ceased: Number(r.ceased),
    }))
    // A class that had no members at either end and none coming or going is not part of the year's story.
    .filter((c) => c.atStart + c.atEnd + c.admitted + c.ceased > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.classId.localeCompare(b.classId));
  const sum = (f: (c: ClassFigures) => number) => classes.reduce((k, c) => k + f(c), 0);
  const order = ['left_employment', 'resigned', 'expelled', 'deceased', 'other'];
  return {
    period: p,
    classes,
    atStart: sum((c) => c.atStart),
    atEnd: sum((c) => c.atEnd),
    admitted: sum((c) => c.admitted),
    ceased: sum((c) => c.ceased),
    employeeMembersAtEnd: sum((c) => (c.isEmployeeClass ? c.atEnd : 0)),
    ceasedByReason: reasons
      .map((r) => ({ reason: (r.reason ?? 'unrecorded') as CessationReason | 'unrecorded', count: Number(r.count) }))
      .sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason)),
    hrImport: hr.found,
    hrImportProblem: hr.problem,
  };
}

/** The membership section of the annual report. */
export async function membershipSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const f = await membershipFigures(src);
  const p = f.period;
  const cls = (c: ClassFigures | null) => (c ? c.classId : null);
  const row = (c: ClassFigures | null, v: Pick<ClassFigures, 'atStart' | 'admitted' | 'ceased' | 'atEnd'>) => ({
    atStart: n(v.atStart, 'annual.members.onDate', { on: p.start, classId: cls(c), classAsAt: p.to }),
    admitted: n(v.admitted, 'annual.members.admitted', { from: p.from, to: p.to, classId: cls(c), classAsAt: p.to }),
    ceased: n(v.ceased, 'annual.members.ceased', { from: p.from, to: p.to, classId: cls(c), reason: null, classAsAt: p.to }),
    atEnd: n(v.atEnd, 'annual.members.onDate', { on: p.to, classId: cls(c), classAsAt: p.to }),
  });
  const missing: SectionResult['missing'] = [];
  const blocks: SectionResult['section']['blocks'] = [];

  blocks.push(
    figures([
      { id: 'members-at-start', label: `Members on ${formatLegalDate(p.start)}`, value: n(f.atStart, 'annual.members.onDate', { on: p.start, classId: null }) },
      { id: 'members-admitted', label: 'Members admitted in the period', value: n(f.admitted, 'annual.members.admitted', { from: p.from, to: p.to, classId: null }) },
      { id: 'members-ceased', label: 'Members who ceased in the period', value: n(f.ceased, 'annual.members.ceased', { from: p.from, to: p.to, classId: null, reason: null }) },
      { id: 'members-at-end', label: `Members on ${formatLegalDate(p.to)}`, value: n(f.atEnd, 'annual.members.onDate', { on: p.to, classId: null }) },
    ]),
  );

  blocks.push(
    table(
      'membership-by-class',
      'Members by class',
      [
        { key: 'class', label: 'Class' },
        { key: 'atStart', label: `On ${formatLegalDate(p.start)}`, numeric: true },
        { key: 'admitted', label: 'Admitted', numeric: true },
        { key: 'ceased', label: 'Ceased', numeric: true },
        { key: 'atEnd', label: `On ${formatLegalDate(p.to)}`, numeric: true },
      ],
      f.classes.map((c) => ({ class: words(c.isEmployeeClass ? `${c.name} (employee class)` : c.name), ...row(c, c) })),
      { total: { class: words('All classes'), ...row(null, f) }, empty: 'The register had no members in the period.' },
    ),
  );
  if (f.classes.length > 0) {
    blocks.push({
      type: 'chart',
      id: 'membership-by-class-chart',
      chart: 'bar',
      title: 'Members by class at the start and end of the period',
      alt: `Bar chart of members by class: ${f.classes
        .map((c) => `${c.name} ${c.atStart.toLocaleString('en-GB')} on ${formatLegalDate(p.start)} and ${c.atEnd.toLocaleString('en-GB')} on ${formatLegalDate(p.to)}`)
        .join('; ')}.`,
      tableId: 'membership-by-class',
      labelKey: 'class',
      valueKeys: ['atStart', 'atEnd'],
    });
  }

  blocks.push(
    table(
      'membership-cessations-by-reason',
      'Cessations by reason',
      [
        { key: 'reason', label: 'Reason' },
        { key: 'count', label: 'Members', numeric: true },
      ],
      f.ceasedByReason.map((r) => ({
        reason: words(r.reason === 'unrecorded' ? 'Not recorded' : CESSATION_REASON_LABEL[r.reason]),
        count: n(r.count, 'annual.members.ceased', { from: p.from, to: p.to, classId: null, reason: r.reason }),
      })),
      { empty: 'No member ceased in the period.' },
    ),
  );

  // Employee members as a share of the employees.
  const employeeClasses = f.classes.some((c) => c.isEmployeeClass);
  const empMembers = n(f.employeeMembersAtEnd, 'annual.members.onDate', { on: p.to, classId: null, employee: true, classAsAt: p.to });
  if (f.hrImport) {
    blocks.push(
      figures([
        { id: 'employee-members', label: `Members of employee classes on ${formatLegalDate(p.to)}`, value: empMembers },
        {
          id: 'hr-import-rows',
          label: `Employees in the HR file as of ${formatLegalDate(f.hrImport.asOf)}`,
          value: n(f.hrImport.rows),
          note: `Rows in ${f.hrImport.fileName || 'the file'}, imported on ${formatLegalDate(f.hrImport.appliedOn)}: the import keeps the number of rows read, which may include leavers and rows it could not read, not a headcount.`,
        },
        { id: 'employee-member-share', label: 'Employee members as a share of the employees', value: pct(f.employeeMembersAtEnd, f.hrImport.rows) },
      ]),
    );
    missing.push({ section: 'Membership', what: 'The number of employees on the date: the HR import keeps only the number of rows in its file, so the share is of those rows.' });
  } else {
    blocks.push(figures([{ id: 'employee-members', label: `Members of employee classes on ${formatLegalDate(p.to)}`, value: empMembers }]));
    blocks.push({ type: 'toWrite', title: 'Employee members as a share of the employees', why: f.hrImportProblem! });
    missing.push({ section: 'Membership', what: `Employee members as a share of the employees: ${f.hrImportProblem}` });
  }
  if (!employeeClasses) blocks.push({ type: 'text', tone: 'note', text: 'No class is marked as an employee class, so no member counts as an employee member.' });
  blocks.push({
    type: 'text',
    tone: 'note',
    text: `Counted from the register’s dates of admission and cessation: a member counts on a day when admitted on or before it and not ceased by it. Each member is counted in the class they were in at the end of the period, under the class’s name then. ${plural(f.admitted, 'member')} admitted and ${plural(f.ceased, 'member')} ceased ${periodWords(p)}.`,
  });
  return { section: { id: 'membership', title: 'Membership', blocks }, missing };
}
