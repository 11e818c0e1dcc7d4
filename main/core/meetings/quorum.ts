import { isMembersMeeting, type ItemQuorum } from '../../../shared/contract/meetings';
import { boardQuorum, boardQuorumForItems, itemMoments as itemMomentsRule, BOARD_QUORUM_SOURCE, CONFLICT_QUORUM_SOURCE, type BoardDirector } from '../../../shared/rules/board-quorum';
import { conflictedDirectors, sameOrganisation, type DeclaredInterest } from '../../../shared/rules/conflicts';
import { presentAt as presentAtRule } from '../../../shared/rules/time-of-day';
import { gmQuorumFor, type GmQuorum } from '../../../shared/rules/quorum';
import { gmQuorum, type QualifyingAttendee } from '../../../shared/rules/general-meeting-quorum';
import type { LegalForm } from '../../../shared/domain/legal-form';
import { defaultRules, type GoverningRules } from '../../../shared/rules/governing-rules';
import { formFamily } from '../../../shared/domain/legal-form';
import type { ReadDb } from '../context';
import { compiledOnce } from '../db/compiled';
import { meetingRows } from './rows';
import { AppError } from '../errors';
import { toRules } from '../organisation/handlers';
import { committeeMembersOn, directorsOn, shortName } from './people';
import { appointmentsHeld, personKey, type ProxyHolderRow } from './proxy-holders';
import type { AgendaItemRow, AttendanceRow, MeetingRow } from './tables';

/**
 * Quorum of a meeting, for each agenda item and now.
 *
 * Board: the directors present (in person or by electronic means, CA 2006 s360A) against the
 * board quorum in the governing rules (Model Articles art 11(2): two unless the directors fix
 * more). For an item tagged with an organisation, directors with a declared interest in it in
 * force on the meeting date (the interests register, matched by `sameOrganisation`) and those who
 * declared an interest in the item at the meeting are left out of the count where the rules say
 * so (Model Articles art 14(1)-(2); `conflictedExcludedFromQuorum`).
 *
 * Committee: its terms of reference may set a quorum ("the quorum is two"); where they do not,
 * the board's quorum applies, capped at the committee's size on the meeting date, since a
 * committee of two could otherwise never be quorate under a board quorum of three. That default is
 * ours: Model Articles art 6 lets the directors make rules for committees, which follow the
 * articles on directors' decisions "so far as they are applicable".
 *
 * General and class meetings: qualifying persons present (members in person or electronically,
 * proxies, corporate representatives: CA 2006 s318(3)) against `gmQuorumFor` (s318(1)-(2)), two
 * proxies of one member, or two representatives of one corporation, counting as one (s318(2)(a)-(b)).
 */

export interface Conflict {
  officerId: string;
  name: string;
  interest: string;
}

export type ItemQuorumWithConflicts = ItemQuorum & { conflicted: Conflict[] };

/** Everything the quorum needs, read once; the meeting view passes what it has already read. */
export interface QuorumInputs {
  meeting: MeetingRow;
  legalForm: LegalForm;
  rules: { boardQuorum: number; gmQuorum: number; conflictedExcludedFromQuorum: boolean };
  items: readonly AgendaItemRow[];
  attendance: readonly AttendanceRow[];
  /** Interests of the organisation's directors, with names. */
  interests: readonly (DeclaredInterest & { name: string; nature: string })[];
  /** Declarations made at this meeting, per item. */
  declarations: readonly { agendaItemId: string | null; officerId: string; nature: string }[];
  /** Names by officer id for the message ("J. Patel"). */
  shortNames: ReadonlyMap<string, string>;
  /** Directors or committee members eligible to be counted (board and committee meetings). */
  seats: ReadonlySet<string>;
  /** The same, with names, by name. */
  seatList: readonly { officerId: string; name: string; shortName: string }[];
  /** Quorum required and where it comes from (resolved before the per-item loop). */
  required: number;
  quorumSource: string;
  /** Where the rule on conflicted directors comes from. */
  conflictSource: string;
  /** Members entitled to attend (general and class meetings), for s318(1). */
  memberCount: number;
  gmQuorumSource?: string;
  /** The general meeting quorum and its source (CA 2006 s318, or the rules). */
  gm?: GmQuorum;
  /** Proxy appointments of this meeting. */
  proxies?: readonly ProxyHolderRow[];
}

/**
 * Whether an attendance row is there at a moment ('HH:MM', or null for "while the item is taken"):
 * shared/rules/time-of-day.ts `presentAt` on the row's columns.
 */
export function attendingAt(a: Pick<AttendanceRow, 'status' | 'arrived_at' | 'left_at'>, at: string | null, endsAt: string | null): boolean {
  return presentAtRule({ status: a.status, arrivedAt: a.arrived_at, leftAt: a.left_at }, at, endsAt);
}

/** The moment each item was taken (shared/rules/board-quorum.ts `itemMoments`), from the rows, in agenda order. */
export function itemMomentsOf(items: readonly AgendaItemRow[], startsAt: string): Map<string, string | null> {
  return itemMomentsRule(
    orderItems(items).map((i) => ({ id: i.id, startsAt: i.starts_at })),
    startsAt,
  );
}

/** The names the first version of this module exported (the decisions area reads them). */
export const presentAt = attendingAt;
export const itemMoments = itemMomentsOf;

/** Items in agenda order: top-level by position, each followed by its sub-items by position. */
export function orderItems<T extends Pick<AgendaItemRow, 'id' | 'parent_id' | 'position'>>(items: readonly T[]): T[] {
  const byPos = (a: T, b: T) => a.position - b.position || (a.id < b.id ? -1 : 1);
  const top = items.filter((i) => i.parent_id === null).sort(byPos);
  const children = new Map<string, T[]>();
  for (const i of items) if (i.parent_id !== null) children.set(i.parent_id, [...(children.get(i.parent_id) ?? []), i]);
  return top.flatMap((t) => [t, ...(children.get(t.id) ?? []).sort(byPos)]);
}

/** "1", "2", "2.1" for items in agenda order. */
export function itemNumbers(items: readonly Pick<AgendaItemRow, 'id' | 'parent_id' | 'position'>[]): Map<string, string> {
  const out = new Map<string, string>();
  let top = 0;
  let sub = 0;
  for (const it of orderItems(items)) {
    if (it.parent_id === null) {
      top += 1;
      sub = 0;
      out.set(it.id, String(top));
    } else {
      sub += 1;
      out.set(it.id, `${out.get(it.parent_id) ?? top}.${sub}`);
    }
  }
  return out;
}

/** A committee's quorum from its terms of reference ("the quorum shall be two members"), if they say. */
export function quorumFromTerms(terms: string | null): number | null {
  if (!terms) return null;
  const m = /quorum[^.\d]{0,40}?\b(\d+|one|two|three|four|five|six)\b/i.exec(terms);
  if (!m) return null;
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
  const n = words[m[1]!.toLowerCase()] ?? Number(m[1]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Quorum for each item and for the meeting now, from inputs already read. */
export function computeQuorums(q: QuorumInputs): { items: Map<string, ItemQuorumWithConflicts>; now: ItemQuorum | null } {
  const { meeting } = q;
  const items = new Map<string, ItemQuorumWithConflicts>();
  const numbers = itemNumbers(q.items);
  const members = isMembersMeeting(meeting.kind);
  if (members) {
    const now = gmQuorumNow(q);
    for (const it of q.items) items.set(it.id, { ...now, conflicted: [] });
    return { items, now };
  }
  const nameOf = (id: string) => q.shortNames.get(id) ?? 'A director';
  const directors: BoardDirector[] = q.attendance
    .filter((a) => a.role === 'director' && a.officer_id !== null && q.seats.has(a.officer_id))
    .map((a) => ({ id: a.officer_id!, name: nameOf(a.officer_id!), status: a.status, arrivedAt: a.arrived_at, leftAt: a.left_at }));
  const conflictedOf = new Map<string, Conflict[]>();
  const ordered = orderItems(q.items);
  for (const it of ordered) {
    const conflicted: Conflict[] = [];
    const seen = new Set<string>();
    if (it.related_organisation) {
      for (const id of conflictedDirectors(q.interests, it.related_organisation, meeting.held_on)) {
        const interest = q.interests.find((i) => i.officerId === id && i.relatedOrganisation !== null && sameOrganisation(i.relatedOrganisation, it.related_organisation!))!;
        seen.add(id);
        conflicted.push({ officerId: id, name: interest.name, interest: interest.nature });
      }
    }
    for (const d of q.declarations) {
      if (d.agendaItemId !== it.id || seen.has(d.officerId)) continue;
      seen.add(d.officerId);
      conflicted.push({ officerId: d.officerId, name: q.interests.find((i) => i.officerId === d.officerId)?.name ?? nameOf(d.officerId), interest: d.nature });
    }
    conflictedOf.set(it.id, conflicted);
  }
  const rules = { required: q.required, source: q.quorumSource, conflictedExcluded: q.rules.conflictedExcludedFromQuorum, conflictSource: q.conflictSource };
  const verdicts = boardQuorumForItems({
    ...rules,
    directors,
    items: ordered.map((it) => ({ id: it.id, label: `item ${numbers.get(it.id) ?? ''}`, conflicted: conflictedOf.get(it.id)!.map((c) => c.officerId), startsAt: it.starts_at })),
    meetingStartsAt: meeting.starts_at,
    endsAt: meeting.ends_at,
  });
  for (const it of ordered) {
    const v = verdicts.get(it.id)!;
    items.set(it.id, { quorate: v.quorate, counted: v.counted, required: v.required, message: v.message, conflicted: conflictedOf.get(it.id)! });
  }
  const n = boardQuorum({ ...rules, label: 'the meeting', directors, conflicted: [], at: null, endsAt: meeting.ends_at });
  return { items, now: { quorate: n.quorate, counted: n.counted, required: n.required, message: n.message } };
}

/**
 * Qualifying persons present at a general or class meeting (CA 2006 s318(3)): members present in
 * person or electronically, proxies and corporate representatives, counted by
 * shared/rules/general-meeting-quorum.ts (two proxies of one member, or two representatives of
 * one corporation, are one: s318(2)(a)-(b)). A proxy represents every unrevoked appointment of
 * this meeting with the same holder (a member by id, anyone else by folded name), and the one
 * their attendance is linked to.
 */
export function gmQuorumNow(q: Pick<QuorumInputs, 'meeting' | 'attendance' | 'required' | 'gm' | 'proxies'>): ItemQuorum {
  const proxies = q.proxies ?? [];
  const attendees: QualifyingAttendee[] = [];
  for (const a of q.attendance) {
    // One id per individual (./proxy-holders.ts): a member who also attends as a proxy, or a proxy entered twice, is one person.
    const presence = { id: personKey(a, proxies), name: a.name, status: a.status, arrivedAt: a.arrived_at, leftAt: a.left_at };
    if (a.role === 'member' && a.member_id) attendees.push({ ...presence, as: 'member', memberId: a.member_id });
    else if (a.role === 'corporate_representative' && a.member_id) attendees.push({ ...presence, as: 'corporate_representative', corporationMemberId: a.member_id });
    else if (a.role === 'proxy') {
      const forMembers = [...new Set(appointmentsHeld(a, proxies).map((p) => p.member_id))];
      if (forMembers.length) attendees.push({ ...presence, as: 'proxy', forMembers });
    }
  }
  const gm = q.gm ?? { quorum: q.required, source: 'your governing rules' };
  const v = gmQuorum({ quorum: gm, attendees, at: null, endsAt: q.meeting.ends_at });
  return { quorate: v.quorate, counted: v.counted, required: v.required ?? q.required, message: v.message };
}

/** The quorum's queries: fixed shapes, compiled once (db/compiled.ts). */
const Q = {
  membersOn: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('admitted_on', '<=', on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)])),
  ),
  classMembersOn: compiledOnce((db: ReadDb, organisationId: string, on: string, classId: string) =>
    db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', organisationId)
      .where('admitted_on', '<=', on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', on)]))
      .where('class_id', '=', classId),
  ),
  proxies: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('proxy_appointment').select(['id', 'member_id', 'proxy_name', 'proxy_member_id', 'revoked_at']).where('meeting_id', '=', meetingId)),
  interests: compiledOnce((db: ReadDb, organisationId: string, on: string) =>
    db
      .selectFrom('interest as i')
      .innerJoin('officer as o', 'o.id', 'i.officer_id')
      .select(['i.officer_id', 'i.related_organisation', 'i.declared_on', 'i.ended_on', 'i.nature', 'o.given_names', 'o.family_name'])
      .where('i.organisation_id', '=', organisationId)
      .where('i.declared_on', '<=', on)
      .where((eb) => eb.or([eb('i.ended_on', 'is', null), eb('i.ended_on', '>=', on)])),
  ),
  declarations: compiledOnce((db: ReadDb, meetingId: string) => db.selectFrom('meeting_declaration').select(['agenda_item_id', 'officer_id', 'nature']).where('meeting_id', '=', meetingId)),
  committeeTerms: compiledOnce((db: ReadDb, committeeId: string) => db.selectFrom('committee').select(['terms']).where('id', '=', committeeId)),
};

/** Reads everything the quorum needs for a meeting (a fixed handful of queries). */
export async function quorumInputs(
  db: ReadDb,
  meeting: MeetingRow,
  pre: { items?: readonly AgendaItemRow[]; attendance?: readonly AttendanceRow[]; legalForm?: LegalForm; rules?: GoverningRules } = {},
): Promise<QuorumInputs> {
  const org = { id: meeting.organisation_id };
  const legalForm =
    pre.legalForm ?? ((await db.selectFrom('organisation').select(['legal_form']).where('id', '=', org.id).executeTakeFirstOrThrow()).legal_form as LegalForm);
  const rules = pre.rules ?? toRules(await db.selectFrom('governing_rules').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow(), legalForm);
  const items = pre.items ?? (await meetingRows.agendaItems.all(db, meeting.id));
  const attendance = pre.attendance ?? (await meetingRows.attendance.all(db, meeting.id));
  const base = { meeting, legalForm, rules, items, attendance };
  if (isMembersMeeting(meeting.kind)) {
    const members = meeting.class_id === null ? await Q.membersOn.first(db, org.id, meeting.held_on) : await Q.classMembersOn.first(db, org.id, meeting.held_on, meeting.class_id);
    const memberCount = Number(members?.n ?? 0);
    const proxies = await Q.proxies.all(db, meeting.id);
    // The articles' quorum where they set one other than the statute's two (s318(2)); a society's rules always set it.
    const statutory = formFamily(legalForm) === 'company' && rules.gmQuorum === defaultRules(legalForm).gmQuorum.value;
    const gm = gmQuorumFor(legalForm, memberCount, statutory ? null : rules.gmQuorum);
    return {
      ...base,
      interests: [],
      declarations: [],
      shortNames: new Map(),
      seats: new Set(),
      seatList: [],
      required: gm.quorum ?? rules.gmQuorum,
      quorumSource: gm.source,
      conflictSource: '',
      memberCount,
      gmQuorumSource: gm.source,
      gm,
      proxies,
    };
  }
  const interestRows = await Q.interests.all(db, org.id, meeting.held_on);
  const declarations = await Q.declarations.all(db, meeting.id);
  let seats: { officerId: string; name: string; shortName: string }[];
  const company = formFamily(legalForm) === 'company';
  const boardSource = company ? (rules.boardQuorum === defaultRules(legalForm).boardQuorum.value ? BOARD_QUORUM_SOURCE : 'your articles') : 'your registered rules';
  let required = rules.boardQuorum;
  let quorumSource = boardSource;
  if (meeting.kind === 'committee') {
    const committee = await Q.committeeTerms.first(db, meeting.committee_id!);
    if (!committee) throw new AppError('NOT_FOUND', 'The committee of this meeting is not on record.');
    seats = await committeeMembersOn(db, meeting.committee_id!, meeting.held_on);
    const fromTerms = quorumFromTerms(committee.terms);
    required = fromTerms ?? Math.max(1, Math.min(rules.boardQuorum, seats.length));
    quorumSource = fromTerms !== null ? 'the committee’s terms of reference' : `the board’s quorum (${boardSource}), capped at the committee’s size`;
  } else {
    seats = await directorsOn(db, org.id, meeting.held_on);
  }
  const shortNames = new Map(seats.map((s) => [s.officerId, s.shortName]));
  for (const r of interestRows) if (!shortNames.has(r.officer_id)) shortNames.set(r.officer_id, shortName(r.given_names, r.family_name));
  return {
    ...base,
    interests: interestRows.map((r) => ({
      officerId: r.officer_id,
      relatedOrganisation: r.related_organisation,
      declaredOn: r.declared_on,
      endedOn: r.ended_on,
      nature: r.nature,
      name: `${r.given_names} ${r.family_name}`,
    })),
    declarations: declarations.map((d) => ({ agendaItemId: d.agenda_item_id, officerId: d.officer_id, nature: d.nature })),
    shortNames,
    seats: new Set(seats.map((s) => s.officerId)),
    seatList: seats,
    required,
    quorumSource,
    conflictSource: company ? CONFLICT_QUORUM_SOURCE : 'your registered rules',
    memberCount: 0,
  };
}

async function requireMeeting(db: ReadDb, meetingId: string): Promise<MeetingRow> {
  const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'That meeting is not on record.');
  return meeting;
}

/**
 * Quorum for each agenda item of a meeting: whether it is quorate for that item, the number
 * counted and required, a message naming who left and who is conflicted, and the directors with
 * an interest in the item's organisation (board and committee meetings).
 */
export async function itemQuorums(db: ReadDb, meetingId: string): Promise<Map<string, ItemQuorumWithConflicts>> {
  const meeting = await requireMeeting(db, meetingId);
  return computeQuorums(await quorumInputs(db, meeting)).items;
}

/** Quorum of the meeting as it stands (nobody left out for conflicts). */
export async function meetingQuorumNow(db: ReadDb, meetingId: string): Promise<ItemQuorum | null> {
  const meeting = await requireMeeting(db, meetingId);
  return computeQuorums(await quorumInputs(db, meeting)).now;
}
