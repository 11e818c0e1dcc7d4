import {
  MEETING_KIND_LABEL,
  isMembersMeeting,
  type MeetingSummary,
  type MeetingView,
} from '../../../shared/contract/meetings';
import { formFamily, type LegalForm } from '../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../shared/rules/legal-date';
import { latestSendDate, noticeVerdict } from '../../../shared/rules/notice';
import { proxyDeadlineFromRules } from '../../../shared/rules/proxy-deadline';
import { shortNoticeVerdict } from '../../../shared/rules/short-notice';
import type { UkPart } from '../../../shared/rules/working-days';
import { formatLocalDateTime } from '../../../shared/rules/working-hours';
import type { GoverningRules } from '../../../shared/rules/governing-rules';
import type { ReadDb } from '../context';
import { AppError } from '../errors';
import { compiledOnce } from '../db/compiled';
import { meetingRows } from './rows';
import type { OrganisationRow } from '../db/schema';
import { toRules } from '../organisation/handlers';
import { votingMembersOn, type VotingMember } from './people';
import { appointmentsHeld } from './proxy-holders';
import { computeQuorums, itemNumbers, orderItems, quorumInputs } from './quorum';
import type { MeetingRow } from './tables';

/**
 * The meeting view (`meetings.get` and every mutation's answer), built from a fixed handful of
 * queries whatever the number of items, papers and attendees: one per table, joined in memory.
 */

/** The part of the UK whose bank holidays count for deemed delivery (CA 2006 s1147(5)): the registered office's. */
export const ukPartOf = (org: Pick<OrganisationRow, 'office_country'>): UkPart => org.office_country as UkPart;

/** Where a general meeting's notice period comes from, as a secretary would cite it. */
export function noticeSource(legalForm: LegalForm): string {
  return formFamily(legalForm) === 'company' ? 'CA 2006 s307 and your articles' : 'your registered rules';
}

type SummaryRow = MeetingRow & { committee_name: string | null; class_name: string | null; minutes_status: MeetingSummary['minutesStatus'] };

export function summaryQuery(db: ReadDb) {
  return db
    .selectFrom('meeting as m')
    .leftJoin('committee as c', 'c.id', 'm.committee_id')
    .leftJoin('membership_class as k', 'k.id', 'm.class_id')
    .leftJoin('minutes as n', (j) => j.onRef('n.meeting_id', '=', 'm.id').on('n.corrects_minutes_id', 'is', null))
    .selectAll('m')
    .select(['c.name as committee_name', 'k.name as class_name', 'n.status as minutes_status', 'n.id as minutes_id']);
}

/** The last day notice of a members' meeting can be posted, while notice is still to be given. */
export function noticeDeadline(m: MeetingRow, rules: Pick<GoverningRules, 'gmNoticeClearDays'>, part: UkPart): string | null {
  if (!isMembersMeeting(m.kind) || m.status !== 'planned' || m.notice_sent_at !== null) return null;
  return latestSendDate({ meetingOn: m.held_on, clearDays: rules.gmNoticeClearDays, method: 'post', part }).latestDay;
}

export function toSummary(r: SummaryRow, deadline: string | null): MeetingSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
    classId: r.class_id,
    className: r.class_name,
    heldOn: r.held_on,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    electronicMeans: r.electronic_means,
    chairOfficerId: r.chair_officer_id,
    chairName: r.chair_name,
    status: r.status,
    minutesStatus: r.minutes_status ?? null,
    noticeDeadline: deadline,
  };
}

/** "Board meeting on 10 March 2026": the words audit summaries start with. */
export const meetingWords = (m: Pick<MeetingRow, 'title' | 'held_on'>) => `${m.title} on ${formatLegalDate(m.held_on)}`;

/** The default title for a new meeting ("Board meeting", "Annual general meeting 2026", "Audit committee"). */
export function defaultTitle(kind: MeetingRow['kind'], heldOn: string, committeeName: string | null, className: string | null): string {
  if (kind === 'committee' && committeeName) return committeeName;
  if (kind === 'annual_general') return `Annual general meeting ${heldOn.slice(0, 4)}`;
  if (kind === 'class' && className) return `Meeting of the ${className} class`;
  return MEETING_KIND_LABEL[kind];
}

interface NoticeParts {
  rules: GoverningRules;
  legalForm: LegalForm;
  part: UkPart;
  /** Members with their votes on the meeting date; null when not read (short notice not in question). */
  voters: readonly VotingMember[] | null;
  /** Consents recorded, by member: the date received and the member's name. */
  consents: ReadonlyMap<string, { consentedOn: string; name: string }>;
}

/** Whether the consents recorded reach the majority short notice needs (CA 2006 s307(4)-(6)). */
export function shortNoticeState(m: MeetingRow, p: NoticeParts): NonNullable<NonNullable<MeetingView['notice']>['shortNotice']> {
  const entitled = (p.voters ?? []).filter((v) => v.votes > 0);
  const agreeing = entitled.filter((v) => p.consents.has(v.memberId));
  const total = entitled.reduce((s, v) => s + v.votes, 0);
  const agreeingVotes = agreeing.reduce((s, v) => s + v.votes, 0);
  const pct = p.rules.shortNoticePct;
  let articlesPercentage: number | null = pct === 90 ? null : pct;
  if (articlesPercentage !== null && (articlesPercentage < 90 || articlesPercentage > 95)) articlesPercentage = null;
  const v = shortNoticeVerdict({
    company: 'private',
    annualGeneralMeeting: m.kind === 'annual_general',
    membersEntitled: entitled.length,
    membersAgreeing: agreeing.length,
    // Our companies are limited by guarantee or have one class of voting shares: the members'
    // voting rights (from the register on the meeting date) are the measure either way.
    basis: 'voting_rights',
    total,
    agreeing: agreeingVotes,
    articlesPercentage,
    society: formFamily(p.legalForm) === 'society',
  });
  // Every consent on record, counted or not (a member with no vote on the day is listed with 0), by name.
  const votesOf = new Map((p.voters ?? []).map((x) => [x.memberId, x.votes]));
  const list = [...p.consents]
    .map(([memberId, c]) => ({ memberId, name: c.name, consentedOn: c.consentedOn, votes: votesOf.get(memberId) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { consents: agreeing.length, list, verdict: { ok: v.ok, message: v.message } };
}

export function noticeState(m: MeetingRow, p: NoticeParts): MeetingView['notice'] {
  if (!isMembersMeeting(m.kind)) return null;
  const source = noticeSource(p.legalForm);
  const required = p.rules.gmNoticeClearDays;
  const latest = latestSendDate({ meetingOn: m.held_on, clearDays: required, method: 'post', part: p.part });
  const verdict =
    m.notice_sent_at && m.notice_method
      ? noticeVerdict({ sentAt: m.notice_sent_at, method: m.notice_method, meetingOn: m.held_on, requiredClearDays: required, part: p.part, source, society: formFamily(p.legalForm) === 'society' })
      : null;
  const short = p.voters !== null && (m.short_notice === 1 || (verdict !== null && !verdict.ok)) ? shortNoticeState(m, p) : null;
  return {
    requiredClearDays: required,
    source,
    latestSend: { latestDay: latest.latestDay, message: latest.message },
    verdict: verdict ? { ok: verdict.ok, message: verdict.message, explanation: verdict.explanation } : null,
    shortNotice: short,
    proxyDeadline: p.rules.proxiesAllowed && p.rules.proxyDeadlineHours > 0 ? proxyDeadlineFromRules(`${m.held_on}T${m.starts_at}`, p.rules.proxyDeadlineHours, p.part) : null,
    proxiesAllowed: p.rules.proxiesAllowed,
    family: formFamily(p.legalForm) === 'company' ? 'company' : 'society',
  };
}

/** Whether a proxy appointment arrived by the deadline the rules set (CA 2006 s327 for a company). */
export function proxyInTime(receivedAt: string, deadline: string | null, meetingAt: string): { ok: boolean; message: string } {
  if (receivedAt > meetingAt) return { ok: false, message: `Received at ${formatLocalDateTime(receivedAt)}, after the meeting began.` };
  if (deadline === null) return { ok: true, message: `Received at ${formatLocalDateTime(receivedAt)}; the rules set no deadline before the meeting.` };
  return receivedAt <= deadline
    ? { ok: true, message: `Received at ${formatLocalDateTime(receivedAt)}, by the deadline of ${formatLocalDateTime(deadline)}.` }
    : { ok: false, message: `Received at ${formatLocalDateTime(receivedAt)}, after the deadline of ${formatLocalDateTime(deadline)} (your articles; CA 2006 s327).` };
}

/** The view's queries: fixed shapes, compiled once (db/compiled.ts). */
const Q = {
  meeting: compiledOnce((db: ReadDb, id: string, organisationId: string) => summaryQuery(db).where('m.id', '=', id).where('m.organisation_id', '=', organisationId)),
  rules: compiledOnce((db: ReadDb, organisationId: string) => db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', organisationId)),
  papers: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('paper as p')
      .innerJoin('agenda_item as i', 'i.id', 'p.agenda_item_id')
      .innerJoin('document as d', 'd.id', 'p.document_id')
      .select(['p.id', 'p.agenda_item_id', 'p.title', 'p.file_name', 'p.kind', 'p.position', 'd.size', 'd.sha256'])
      .where('i.meeting_id', '=', meetingId),
  ),
  proxies: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('proxy_appointment as p')
      .innerJoin('member as m', 'm.id', 'p.member_id')
      .selectAll('p')
      .select(['m.given_names', 'm.family_name'])
      .where('p.meeting_id', '=', meetingId)
      .orderBy('p.received_at'),
  ),
  resolutions: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('resolution').selectAll().where('meeting_id', '=', meetingId).orderBy('position')),
  declarations: compiledOnce((db: ReadDb, meetingId: string) =>
    db
      .selectFrom('meeting_declaration as d')
      .innerJoin('officer as o', 'o.id', 'd.officer_id')
      .selectAll('d')
      .select(['o.given_names', 'o.family_name'])
      .where('d.meeting_id', '=', meetingId)
      .orderBy('d.created_at'),
  ),
};

/** The whole meeting view. `org` is the organisation the caller already holds; `today` the UK day (for warnings). */
export async function meetingView(db: ReadDb, org: OrganisationRow, meetingId: string, today: string): Promise<MeetingView> {
  const row = (await Q.meeting.first(db, meetingId, org.id)) as (SummaryRow & { minutes_id: string | null }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That meeting is not on record.');
  const legalForm = org.legal_form as LegalForm;
  const part = ukPartOf(org);
  const rulesRow = await Q.rules.first(db, org.id);
  if (!rulesRow) throw new AppError('NOT_FOUND', 'The governing rules are not on record.');
  const rules = toRules(rulesRow, legalForm);
  const items = await meetingRows.agendaItems.all(db, row.id);
  const papers = await Q.papers.all(db, row.id);
  const attendance = await meetingRows.attendance.all(db, row.id);
  const proxies = await Q.proxies.all(db, row.id);
  const resolutions = await Q.resolutions.all(db, row.id);
  const declarations = await Q.declarations.all(db, row.id);

  const members = isMembersMeeting(row.kind);
  const quorumData = await quorumInputs(db, row, { items, attendance, legalForm, rules });
  const { items: itemQuorums, now } = computeQuorums(quorumData);
  const numbers = itemNumbers(items);

  const warnings: string[] = [];
  let notice: MeetingView['notice'] = null;
  let expected: MeetingView['expected'] = [];
  if (members) {
    notice = noticeState(row, { rules, legalForm, part, voters: null, consents: new Map() });
    // The register is read only when short notice is in question (a large register costs a scan).
    if (row.short_notice === 1 || (notice?.verdict && !notice.verdict.ok)) {
      const voters = await votingMembersOn(db, org.id, row.held_on, row.class_id);
      const consents = await db
        .selectFrom('short_notice_consent as c')
        .innerJoin('member as m', 'm.id', 'c.member_id')
        .select(['c.member_id', 'c.consented_on', 'm.given_names', 'm.family_name'])
        .where('c.meeting_id', '=', row.id)
        .execute();
      const byMember = new Map(consents.map((c) => [c.member_id, { consentedOn: c.consented_on, name: `${c.given_names} ${c.family_name}`.trim() }]));
      notice = noticeState(row, { rules, legalForm, part, voters, consents: byMember });
    }
    if (notice?.verdict && !notice.verdict.ok) {
      if (notice.shortNotice?.verdict.ok) warnings.push(`Notice was short (${notice.verdict.message}) but enough members consented: ${notice.shortNotice.verdict.message}`);
      else warnings.push(`Notice is too short: ${notice.verdict.message}${notice.shortNotice ? ` ${notice.shortNotice.verdict.message}` : ''}`);
    } else if (!notice?.verdict && row.status === 'planned' && notice?.latestSend && notice.latestSend.latestDay < today) {
      warnings.push(`Notice has not been recorded and the last day to post it has passed: ${notice.latestSend.message}`);
    }
    const gm = quorumData.gmQuorumSource;
    if (gm && quorumData.required > quorumData.memberCount && quorumData.memberCount > 0) {
      warnings.push(`The quorum of ${quorumData.required} is more than the ${quorumData.memberCount} members entitled to attend; check that this meeting can be quorate.`);
    }
  } else {
    const seats = quorumData.seatList;
    const recorded = new Set(attendance.map((a) => a.officer_id).filter(Boolean));
    expected = seats.filter((s) => !recorded.has(s.officerId)).map((s) => ({ officerId: s.officerId, name: s.name }));
    if (row.chair_officer_id && !seats.some((d) => d.officerId === row.chair_officer_id)) {
      warnings.push(`The chair is not ${row.kind === 'committee' ? 'a member of the committee' : 'a director in office'} on ${formatLegalDate(row.held_on)}.`);
    }
    if (seats.length > 0 && seats.length < quorumData.required) {
      warnings.push(
        `Only ${seats.length} ${row.kind === 'committee' ? 'committee member' : 'director'}${seats.length === 1 ? ' is' : 's are'} in office on ${formatLegalDate(row.held_on)}, fewer than the quorum of ${quorumData.required} (${quorumData.quorumSource}): the meeting cannot be quorate.`,
      );
    }
    if (row.kind === 'committee' && seats.length === 0) warnings.push(`The committee has no members on ${formatLegalDate(row.held_on)}.`);
  }

  const paperByItem = new Map<string, typeof papers>();
  for (const p of papers) paperByItem.set(p.agenda_item_id, [...(paperByItem.get(p.agenda_item_id) ?? []), p]);
  const meetingAt = `${row.held_on}T${row.starts_at}`;
  const deadline = notice?.proxyDeadline ?? null;

  return {
    meeting: {
      ...toSummary(row, noticeDeadline(row, rules, part)),
      noticeSentAt: row.notice_sent_at,
      noticeMethod: row.notice_method,
      shortNotice: row.short_notice === 1,
      cancelledReason: row.cancelled_reason,
      firstMeetingId: row.first_meeting_id,
      societyResolutionKind: row.society_resolution_kind,
    },
    notice,
    items: orderItems(items).map((it) => {
      const q = itemQuorums.get(it.id);
      return {
        id: it.id,
        parentId: it.parent_id,
        number: numbers.get(it.id) ?? '',
        position: it.position,
        title: it.title,
        presenter: it.presenter,
        purpose: it.purpose,
        minutesAllotted: it.minutes_allotted,
        standard: it.standard,
        relatedOrganisation: it.related_organisation,
        contractRef: it.contract_ref,
        counterpartyId: it.counterparty_id,
        contractId: it.contract_id,
        startsAt: it.starts_at,
        notes: it.notes,
        papers: (paperByItem.get(it.id) ?? [])
          .sort((a, b) => a.position - b.position)
          .map((p) => ({ id: p.id, agendaItemId: p.agenda_item_id, title: p.title, fileName: p.file_name, kind: p.kind, sizeBytes: p.size, sha256: p.sha256, position: p.position })),
        conflicted: q?.conflicted ?? [],
        quorum: members || !q ? null : { quorate: q.quorate, counted: q.counted, required: q.required, message: q.message },
      };
    }),
    attendance: attendance
      .sort((a, b) => ATTENDANCE_ORDER[a.role] - ATTENDANCE_ORDER[b.role] || a.name.localeCompare(b.name, 'en-GB'))
      .map((a) => {
        // The appointments this person holds, matched by holder (./proxy-holders.ts, as the quorum counts them).
        const represents = appointmentsHeld(a, proxies).map((p) => ({ memberId: p.member_id, name: `${p.given_names} ${p.family_name}`.trim() }));
        return {
          id: a.id,
          role: a.role,
          officerId: a.officer_id,
          memberId: a.member_id,
          name: a.name,
          capacity: a.capacity,
          status: a.status,
          arrivedAt: a.arrived_at,
          leftAt: a.left_at,
          represents,
        };
      }),
    proxies: proxies.map((p) => ({
      id: p.id,
      memberId: p.member_id,
      memberName: `${p.given_names} ${p.family_name}`.trim(),
      proxyName: p.proxy_name,
      proxyMemberId: p.proxy_member_id,
      receivedAt: p.received_at,
      instructions: p.instructions,
      revokedAt: p.revoked_at,
      inTime: proxyInTime(p.received_at, deadline, meetingAt),
    })),
    resolutions: resolutions.map((r) => ({
      id: r.id,
      agendaItemId: r.agenda_item_id,
      position: r.position,
      kind: r.kind,
      societyKind: r.society_kind,
      text: r.text,
      explanatoryNote: r.explanatory_note,
    })),
    declarations: declarations.map((d) => ({
      id: d.id,
      agendaItemId: d.agenda_item_id,
      officerId: d.officer_id,
      name: `${d.given_names} ${d.family_name}`,
      nature: d.nature,
      interestId: d.interest_id,
    })),
    quorum: now,
    expected,
    minutesId: row.minutes_id,
    sealed: row.minutes_status === 'signed',
    warnings,
  };
}

const ATTENDANCE_ORDER = { director: 0, member: 1, corporate_representative: 2, proxy: 3, in_attendance: 4 } as const;

