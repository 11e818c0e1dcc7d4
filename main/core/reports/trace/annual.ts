import { sql, type RawBuilder } from 'kysely';
import { CESSATION_REASON_LABEL, type CessationReason } from '../../../../shared/contract/members';
import { DIRECTOR_KIND_LABEL, ROLE_LABEL } from '../../../../shared/contract/officers';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { formatPence } from '../../../../shared/rules/shareholding';
import type { ReadDb } from '../../context';
import { appointmentsOf, attendanceIn, employeeMemberOn, directorAppointedIn, directorDepartedIn, directorsOnDay, officersOnDay, type AttendanceStatus } from '../builders/annual-board';
import { all, href, optStr, str, type Params } from '../builders/annual-util';
import { declaredIn, interestsOf, openOn } from '../builders/annual-interests';
import { MEETING_KIND_LABEL, DECISION_KIND_LABEL, resolutionsAt } from '../builders/annual-meetings';
import { INTEREST_CATEGORY_LABEL } from '../../../../shared/contract/interests';
import { contractRows, type ContractCountKind } from '../builders/annual-contracts';
import { controlAsAt, employeeDirectors } from '../builders/annual-control';
import { LEDGER_KIND_LABEL, type LedgerKind } from '../../../../shared/contract/shares';
import { VOTE_CHANNEL_LABEL } from '../../../../shared/contract/ballots';
import { addDays, ukDateOf } from '../../../../shared/rules/legal-date';
import { movedSince } from '../builders/annual-membership';
import { classesOnDate } from '../builders/regulator-records';
import type { TraceSet } from './index';

/**
 * The records behind the annual governance report's figures (builders/annual*.ts). Each set
 * counts with the same rule as its figure and reads the records as they stood on the dates in
 * its params, scoped to the organisation.
 */

type Row = { id: string; label: string; detail: string; href: string | null };
type Page = { offset: number; limit: number };

const between = (p: Params) => `from ${formatLegalDate(str(p, 'from'))} to ${formatLegalDate(str(p, 'to'))}`;

interface MemberListRow {
  id: string;
  member_number: number;
  given_names: string;
  family_name: string;
  class_name: string;
  admitted_on: string;
  ceased_on: string | null;
  cessation_reason: CessationReason | null;
}

/**
 * Members of the organisation matching a condition on the member's own columns: the total and one
 * page by member number. `count` says how the total is best found: 'classes' counts through the
 * index member_class_admitted (class_id, admitted_on, ceased_on) of the organisation's classes,
 * never reading a member row; 'organisation' through an index led by organisation_id (admissions,
 * cessations). The page walks the member number index and stops when it is full.
 */
async function memberList(db: ReadDb, orgId: string, where: RawBuilder<unknown>, count: 'classes' | 'organisation', page: Page, detail: (r: MemberListRow) => string) {
  const total = await all<{ k: number }>(
    db,
    count === 'classes'
      ? sql`select count(*) as k from member m where m.class_id in (select id from membership_class where organisation_id = ${orgId}) and ${where}`
      : sql`select count(*) as k from member m where m.organisation_id = ${orgId} and ${where}`,
  );
  const rows = await all<MemberListRow>(
    db,
    sql`select m.id, m.member_number, m.given_names, m.family_name, c.name as class_name, m.admitted_on, m.ceased_on, m.cessation_reason
        from member m join membership_class c on c.id = m.class_id where m.organisation_id = ${orgId} and ${where}
        order by m.member_number limit ${page.limit} offset ${page.offset}`,
  );
  return {
    total: Number(total[0]?.k ?? 0),
    rows: rows.map((r): Row => ({ id: r.id, label: `${r.given_names} ${r.family_name}`.trim(), detail: `Member ${r.member_number}, ${r.class_name}; ${detail(r)}`, href: href.member(r.id) })),
  };
}

/**
 * The members of a class (classId) or of the employee classes (employee: true): with classAsAt,
 * the class each member was in at the end of that day and the classes as they stood then (as the
 * membership figures count them); without it, as recorded now (as the control figures count them).
 */
async function classScope(db: ReadDb, orgId: string, p: Params): Promise<RawBuilder<unknown>> {
  const classId = optStr(p, 'classId');
  const employee = p['employee'] === true;
  const voting = p['voting'] === true;
  if (!classId && !employee && !voting) return sql``;
  const asAt = optStr(p, 'classAsAt');
  let wanted: string[];
  if (classId) wanted = [classId];
  else if (voting) {
    if (!asAt) throw new Error("The trace needs 'classAsAt'.");
    wanted = [...(await classesOnDate(db, orgId, asAt)).values()].filter((c) => c.votingRights !== 'none').map((c) => c.id);
  } else if (asAt) wanted = [...(await classesOnDate(db, orgId, asAt)).values()].filter((c) => c.isEmployeeClass).map((c) => c.id);
  else wanted = (await all<{ id: string }>(db, sql`select id from membership_class where organisation_id = ${orgId} and is_employee_class = 1`)).map((c) => c.id);
  const moved = asAt ? await movedSince(db, orgId, asAt) : [];
  const set = new Set(wanted);
  const out = moved.filter((m) => set.has(m.now) && !set.has(m.then)).map((m) => m.id);
  const into = moved.filter((m) => set.has(m.then) && !set.has(m.now)).map((m) => m.id);
  const inClass = wanted.length ? sql`(m.class_id in (${sql.join(wanted)}) ${out.length ? sql`and m.id not in (${sql.join(out)})` : sql``})` : sql`0`;
  return sql`and (${inClass} ${into.length ? sql`or m.id in (${sql.join(into)})` : sql``})`;
}

export const ANNUAL_TRACE_SETS: Record<string, TraceSet> = {
  'annual.members.onDate': {
    title: (p) => `${p['employee'] === true ? 'Members of employee classes' : p['voting'] === true ? 'Members entitled to vote' : 'Members'} on ${formatLegalDate(str(p, 'on'))}`,
    async list(db, org, p, page) {
      const on = str(p, 'on');
      return memberList(
        db,
        org.id,
        sql`m.admitted_on <= ${on} and (m.ceased_on is null or m.ceased_on > ${on}) ${await classScope(db, org.id, p)}`,
        'classes',
        page,
        (r) => `admitted ${formatLegalDate(r.admitted_on)}`,
      );
    },
  },
  'annual.members.admitted': {
    title: (p) => `Members admitted ${between(p)}`,
    async list(db, org, p, page) {
      return memberList(
        db,
        org.id,
        sql`m.admitted_on >= ${str(p, 'from')} and m.admitted_on <= ${str(p, 'to')} ${await classScope(db, org.id, p)}`,
        'organisation',
        page,
        (r) => `admitted ${formatLegalDate(r.admitted_on)}`,
      );
    },
  },
  'annual.members.ceased': {
    title: (p) => {
      const reason = optStr(p, 'reason');
      const why = reason === null ? '' : reason === 'unrecorded' ? ' (reason not recorded)' : ` (${CESSATION_REASON_LABEL[reason as CessationReason] ?? reason})`;
      return `Members who ceased ${between(p)}${why}`;
    },
    async list(db, org, p, page) {
      const reason = optStr(p, 'reason');
      const byReason = reason === null ? sql`` : reason === 'unrecorded' ? sql`and m.cessation_reason is null` : sql`and m.cessation_reason = ${reason}`;
      return memberList(
        db,
        org.id,
        sql`m.ceased_on is not null and m.ceased_on >= ${str(p, 'from')} and m.ceased_on <= ${str(p, 'to')} ${await classScope(db, org.id, p)} ${byReason}`,
        'organisation',
        page,
        (r) => `ceased ${formatLegalDate(r.ceased_on!)}${r.cessation_reason ? ` (${CESSATION_REASON_LABEL[r.cessation_reason]})` : ''}`,
      );
    },
  },

  'annual.board.directorsOnDate': {
    title: (p) => {
      const kind = optStr(p, 'kind');
      const what =
        kind === null ? 'Directors' : kind === 'employeeMember' ? 'Directors who were employee members' : kind === 'unrecorded' ? 'Directors of no recorded kind' : `${DIRECTOR_KIND_LABEL[kind as never] ?? kind}s`;
      return `${what} in office on ${formatLegalDate(str(p, 'on'))}`;
    },
    async list(db, org, p, page) {
      const on = str(p, 'on');
      const kind = optStr(p, 'kind');
      const list = directorsOnDay(await appointmentsOf(db, org.id, on), on, await employeeMemberOn(db, org.id, on)).filter((d) =>
        kind === null ? true : kind === 'employeeMember' ? d.employeeMember : kind === 'unrecorded' ? d.directorKind === null : d.directorKind === kind,
      );
      return {
        total: list.length,
        rows: list.slice(page.offset, page.offset + page.limit).map((d) => ({
          id: d.officerId,
          label: d.name,
          detail: `${d.directorKind ? DIRECTOR_KIND_LABEL[d.directorKind] : 'Director'}, in office since ${formatLegalDate(d.appointedOn)}`,
          href: href.officer(d.officerId),
        })),
      };
    },
  },
  'annual.board.officersOnDate': {
    title: (p) => `Officers in office on ${formatLegalDate(str(p, 'on'))}`,
    async list(db, org, p, page) {
      const on = str(p, 'on');
      const list = officersOnDay(await appointmentsOf(db, org.id, on), on);
      return {
        total: list.length,
        rows: list.slice(page.offset, page.offset + page.limit).map((a) => ({ id: a.id, label: a.name, detail: `${ROLE_LABEL[a.role]} since ${formatLegalDate(a.appointedOn)}`, href: href.officer(a.officerId) })),
      };
    },
  },
  'annual.board.appointed': {
    title: (p) => `Directors appointed ${between(p)}`,
    async list(db, org, p, page) {
      const period = { from: str(p, 'from'), to: str(p, 'to'), start: '' };
      const list = directorAppointedIn(await appointmentsOf(db, org.id, period.to), period);
      return {
        total: list.length,
        rows: list.slice(page.offset, page.offset + page.limit).map((a) => ({ id: a.id, label: a.name, detail: `Appointed ${formatLegalDate(a.appointedOn)}`, href: href.officer(a.officerId) })),
      };
    },
  },
  'annual.board.departed': {
    title: (p) => `Directors who left office ${between(p)}`,
    async list(db, org, p, page) {
      const period = { from: str(p, 'from'), to: str(p, 'to'), start: '' };
      const list = directorDepartedIn(await appointmentsOf(db, org.id, period.to), period);
      return {
        total: list.length,
        rows: list.slice(page.offset, page.offset + page.limit).map((a) => ({
          id: a.id,
          label: a.name,
          detail: `Left office ${formatLegalDate(a.ceasedOn!)}${a.cessationReason ? ` (${a.cessationReason})` : ''}`,
          href: href.officer(a.officerId),
        })),
      };
    },
  },
  'annual.board.attendance': {
    title: (p) => {
      const kind = str(p, 'kind') === 'committee' ? 'Committee' : 'Board';
      const status = str(p, 'status');
      const what = status === 'attended' ? 'attended' : status === 'apologies' ? 'with apologies' : 'held while in office';
      return `${kind} meetings ${what}, ${between(p)}`;
    },
    async list(db, org, p, page) {
      const period = { from: str(p, 'from'), to: str(p, 'to'), start: '' };
      const officerId = str(p, 'officerId');
      const kind = str(p, 'kind') === 'committee' ? 'committee' : 'board';
      const status = str(p, 'status') as AttendanceStatus;
      const d = (await attendanceIn(db, org.id, period, await appointmentsOf(db, org.id, period.to))).find((x) => x.officerId === officerId);
      const list = d ? d[kind][status] : [];
      return {
        total: list.length,
        rows: list.slice(page.offset, page.offset + page.limit).map((m) => ({ id: m.id, label: m.title, detail: `${kind === 'board' ? 'Board' : 'Committee'} meeting, ${formatLegalDate(m.heldOn)}`, href: href.meeting(m.id) })),
      };
    },
  },

  'annual.interests.declared': {
    title: (p) => `Interests declared ${between(p)}`,
    async list(db, org, p, page) {
      const officerId = optStr(p, 'officerId');
      const list = declaredIn(await interestsOf(db, org.id, str(p, 'to')), { from: str(p, 'from'), to: str(p, 'to') }).filter((i) => officerId === null || i.officerId === officerId);
      return pageOf(list, page, (i) => ({ id: i.id, label: i.name, detail: `${INTEREST_CATEGORY_LABEL[i.category]}: ${i.nature}; declared ${formatLegalDate(i.declaredOn)}`, href: href.officer(i.officerId) }));
    },
  },
  'annual.interests.open': {
    title: (p) => `Interests open on ${formatLegalDate(str(p, 'on'))}`,
    async list(db, org, p, page) {
      const on = str(p, 'on');
      const officerId = optStr(p, 'officerId');
      const list = openOn(await interestsOf(db, org.id, on), on).filter((i) => officerId === null || i.officerId === officerId);
      return pageOf(list, page, (i) => ({ id: i.id, label: i.name, detail: `${INTEREST_CATEGORY_LABEL[i.category]}: ${i.nature}; declared ${formatLegalDate(i.declaredOn)}`, href: href.officer(i.officerId) }));
    },
  },

  'annual.meetings.held': {
    title: (p) => `${optStr(p, 'kind') ? MEETING_KIND_LABEL[str(p, 'kind') as keyof typeof MEETING_KIND_LABEL] : 'Meetings'} held ${between(p)}`,
    async list(db, org, p, page) {
      const kind = optStr(p, 'kind');
      const where = sql`organisation_id = ${org.id} and held_on >= ${str(p, 'from')} and held_on <= ${str(p, 'to')} and status <> 'cancelled' ${kind ? sql`and kind = ${kind}` : sql``}`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from meeting where ${where}`);
      const rows = await all<{ id: string; title: string; held_on: string; kind: keyof typeof MEETING_KIND_LABEL }>(
        db,
        sql`select id, title, held_on, kind from meeting where ${where} order by held_on, starts_at, id limit ${page.limit} offset ${page.offset}`,
      );
      return { total: Number(total[0]?.k ?? 0), rows: rows.map((r) => ({ id: r.id, label: r.title, detail: `${MEETING_KIND_LABEL[r.kind].replace(/s$/, '')}, ${formatLegalDate(r.held_on)}`, href: href.meeting(r.id) })) };
    },
  },
  'annual.decisions.taken': {
    title: (p) => {
      const kind = optStr(p, 'kind');
      const result = optStr(p, 'result');
      return `${kind ? DECISION_KIND_LABEL[kind as keyof typeof DECISION_KIND_LABEL] : 'Decisions'}${result === 'carried' ? ' carried or passed' : result === 'notCarried' ? ' not carried' : ''} ${between(p)}`;
    },
    async list(db, org, p, page) {
      const kind = optStr(p, 'kind');
      const result = optStr(p, 'result');
      const carried = sql`outcome in ('carried', 'carried_on_casting_vote', 'passed')`;
      const where = sql`organisation_id = ${org.id} and decided_on >= ${str(p, 'from')} and decided_on <= ${str(p, 'to')} ${kind ? sql`and kind = ${kind}` : sql``} ${result === 'carried' ? sql`and ${carried}` : result === 'notCarried' ? sql`and not ${carried}` : sql``}`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from decision where ${where}`);
      const rows = await all<{ id: string; text: string; decided_on: string; outcome: string; meeting_id: string | null; written_resolution_id: string | null }>(
        db,
        sql`select id, text, decided_on, outcome, meeting_id, written_resolution_id from decision where ${where} order by decided_on, id limit ${page.limit} offset ${page.offset}`,
      );
      return {
        total: Number(total[0]?.k ?? 0),
        rows: rows.map((r) => ({
          id: r.id,
          label: r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text,
          detail: `Decided ${formatLegalDate(r.decided_on)}`,
          href: r.meeting_id ? href.meeting(r.meeting_id) : r.written_resolution_id ? href.writtenResolution(r.written_resolution_id) : href.decisions(),
        })),
      };
    },
  },
  'annual.meetings.membersPresent': {
    title: () => 'Members present or represented at the meeting',
    async list(db, org, p, page) {
      const rows = await all<{ id: string; name: string; role: string; member_id: string | null }>(
        db,
        sql`select a.id, a.name, a.role, a.member_id from attendance a join meeting m on m.id = a.meeting_id
            where a.meeting_id = ${str(p, 'meetingId')} and m.organisation_id = ${org.id}
              and a.role in ('member', 'proxy', 'corporate_representative') and a.status in ('present', 'present_electronically')
            order by a.name, a.id`,
      );
      const role = { member: 'Member', proxy: 'Proxy', corporate_representative: 'Corporate representative' } as Record<string, string>;
      return pageOf(rows, page, (r) => ({ id: r.id, label: r.name, detail: role[r.role] ?? r.role, href: r.member_id ? href.member(r.member_id) : null }));
    },
  },
  'annual.meetings.resolutions': {
    title: () => 'Members’ resolutions at the meeting',
    async list(db, org, p, page) {
      const meetingId = str(p, 'meetingId');
      const mine = await all<{ id: string }>(db, sql`select id from meeting where id = ${meetingId} and organisation_id = ${org.id}`);
      const list = mine.length ? await resolutionsAt(db, meetingId) : [];
      return pageOf(list, page, (r) => ({
        id: r.decisionId ?? `${meetingId}-${r.position}`,
        label: r.text.length > 120 ? `${r.text.slice(0, 119)}…` : r.text,
        detail: `${r.kind === 'special' ? 'Special' : 'Ordinary'} resolution${r.outcome ? '' : ', no result recorded'}`,
        href: href.meeting(meetingId),
      }));
    },
  },

  'annual.shares.entries': {
    title: (p) => `Share ledger entries (${LEDGER_KIND_LABEL[str(p, 'kind') as LedgerKind] ?? str(p, 'kind')}) ${between(p)}`,
    async list(db, org, p, page) {
      const where = sql`s.organisation_id = ${org.id} and s.date >= ${str(p, 'from')} and s.date <= ${str(p, 'to')} and s.kind = ${str(p, 'kind')}`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from share_transaction s where ${where}`);
      const rows = await all<{ id: string; member_id: string; date: string; shares: number; given_names: string; family_name: string; member_number: number }>(
        db,
        sql`select s.id, s.member_id, s.date, s.shares, m.given_names, m.family_name, m.member_number from share_transaction s join member m on m.id = s.member_id
            where ${where} order by s.date, s.created_at, s.id limit ${page.limit} offset ${page.offset}`,
      );
      return {
        total: Number(total[0]?.k ?? 0),
        rows: rows.map((r) => ({ id: r.id, label: `${r.given_names} ${r.family_name}`.trim(), detail: `Member ${r.member_number}: ${Math.abs(r.shares).toLocaleString('en-GB')} shares, ${formatLegalDate(r.date)}`, href: href.member(r.member_id) })),
      };
    },
  },

  'annual.ballots.closed': {
    title: (p) => `Ballots and elections closed ${between(p)}`,
    async list(db, org, p, page) {
      const from = str(p, 'from');
      const to = str(p, 'to');
      const rows = (
        await all<{ id: string; title: string; closed_at: string }>(
          db,
          sql`select id, title, closed_at from ballot where organisation_id = ${org.id} and status in ('closed', 'decided') and closed_at >= ${addDays(from, -1)} and closed_at < ${addDays(to, 2)} order by closed_at, id`,
        )
      ).filter((r) => ukDateOf(new Date(r.closed_at)) >= from && ukDateOf(new Date(r.closed_at)) <= to);
      return pageOf(rows, page, (r) => ({ id: r.id, label: r.title, detail: `Voting closed ${formatLegalDate(ukDateOf(new Date(r.closed_at)))}`, href: href.ballot(r.id) }));
    },
  },
  'annual.ballots.roll': {
    title: (p) => `${p['voted'] === true ? 'Members on the roll who voted' : 'Members on the roll'}${optStr(p, 'className') ? ` (${str(p, 'className')})` : ''}`,
    async list(db, org, p, page) {
      const ballotId = str(p, 'ballotId');
      const className = optStr(p, 'className');
      const where = sql`r.ballot_id = ${ballotId} and b.organisation_id = ${org.id} ${className !== null ? sql`and r.class_name = ${className}` : sql``} ${p['voted'] === true ? sql`and r.voted_by is not null` : sql``}`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from ballot_roll r join ballot b on b.id = r.ballot_id where ${where}`);
      const rows = await all<{ id: string; member_id: string; member_number: number; name: string; class_name: string; voted_by: keyof typeof VOTE_CHANNEL_LABEL | null }>(
        db,
        sql`select r.id, r.member_id, r.member_number, r.name, r.class_name, r.voted_by from ballot_roll r join ballot b on b.id = r.ballot_id
            where ${where} order by r.member_number, r.id limit ${page.limit} offset ${page.offset}`,
      );
      return {
        total: Number(total[0]?.k ?? 0),
        rows: rows.map((r) => ({ id: r.id, label: r.name, detail: `Member ${r.member_number}, ${r.class_name}${r.voted_by ? `; voted ${VOTE_CHANNEL_LABEL[r.voted_by]}` : ''}`, href: href.member(r.member_id) })),
      };
    },
  },

  ...Object.fromEntries(
    (['awarded', 'extended', 'ended'] as ContractCountKind[]).map((kind): [string, TraceSet] => [
      `annual.contracts.${kind}`,
      {
        title: (p) => `Contracts ${kind === 'extended' ? 'extended (extensions exercised)' : kind} ${between(p)}`,
        async list(db, org, p, page) {
          const counterpartyId = optStr(p, 'counterpartyId');
          const base = sql`select x.id as id, x.contract_id as contract_id, x."on" as "on", c.reference as reference, c.title as title, cp.name as name
                           from (${contractRows(kind, org.id, { from: str(p, 'from'), to: str(p, 'to') })}) x
                           join contract c on c.id = x.contract_id join counterparty cp on cp.id = x.counterparty_id
                           ${counterpartyId ? sql`where x.counterparty_id = ${counterpartyId}` : sql``}`;
          const total = await all<{ k: number }>(db, sql`select count(*) as k from (${base})`);
          const rows = await all<{ id: string; contract_id: string; on: string; reference: string; title: string; name: string }>(
            db,
            sql`select * from (${base}) order by "on", reference, id limit ${page.limit} offset ${page.offset}`,
          );
          return {
            total: Number(total[0]?.k ?? 0),
            rows: rows.map((r) => ({
              id: r.id,
              label: `${r.reference} ${r.title}`,
              detail: `${r.name}; ${kind === 'awarded' ? 'awarded' : kind === 'extended' ? 'extension exercised' : 'ended'} ${formatLegalDate(r.on)}`,
              href: href.contract(r.contract_id),
            })),
          };
        },
      },
    ]),
  ),
  'annual.contracts.live': {
    title: (p) => `Contracts live on ${formatLegalDate(str(p, 'on'))}`,
    async list(db, org, p, page) {
      const on = str(p, 'on');
      const counterpartyId = optStr(p, 'counterpartyId');
      const where = sql`i.organisation_id = ${org.id} and i.current_end_on >= ${on} and i.start_on <= ${on} and (i.terminated_on is null or i.terminated_on > ${on}) ${counterpartyId ? sql`and i.counterparty_id = ${counterpartyId}` : sql``}`;
      const total = await all<{ k: number }>(db, sql`select count(*) as k from contract_income i where ${where}`);
      const rows = await all<{ id: string; reference: string; title: string; name: string; annual_value_pence: number | null }>(
        db,
        sql`select c.id, c.reference, c.title, cp.name, i.annual_value_pence from contract_income i join contract c on c.id = i.contract_id join counterparty cp on cp.id = i.counterparty_id
            where ${where} order by c.reference, c.id limit ${page.limit} offset ${page.offset}`,
      );
      return {
        total: Number(total[0]?.k ?? 0),
        rows: rows.map((r) => ({
          id: r.id,
          label: `${r.reference} ${r.title}`,
          detail: `${r.name}; ${r.annual_value_pence === null ? 'no annual value recorded' : `${formatPence(r.annual_value_pence)} a year`}`,
          href: href.contract(r.id),
        })),
      };
    },
  },

  'annual.control.employeeDirectors': {
    title: (p) => `Directors who were employees or elected by them on ${formatLegalDate(str(p, 'on'))}`,
    async list(db, org, p, page) {
      const on = str(p, 'on');
      const control = await controlAsAt(db, org.id, on);
      const list = employeeDirectors(control);
      return pageOf(list, page, (d) => ({ id: d.officerId, label: d.name, detail: d.why, href: href.officer(d.officerId) }));
    },
  },
};

function pageOf<T>(list: T[], page: Page, row: (x: T) => Row): { total: number; rows: Row[] } {
  return { total: list.length, rows: list.slice(page.offset, page.offset + page.limit).map(row) };
}
