import { isMembersMeeting, type ItemQuorum } from '../../../shared/contract/meetings';
import { conflictedDirectors, type DeclaredInterest } from '../../../shared/rules/conflicts';
import { gmQuorumFor } from '../../../shared/rules/quorum';
import type { LegalForm } from '../../../shared/domain/legal-form';
import type { GoverningRules } from '../../../shared/rules/governing-rules';
import type { ReadDb } from '../context';
import { AppError } from '../errors';
import { toRules } from '../organisation/handlers';
import { committeeMembersOn, directorsOn, shortName } from './people';
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
  /** Members entitled to attend (general and class meetings), for s318(1). */
  memberCount: number;
  gmQuorumSource?: string;
  /** Proxy appointments of this meeting: appointment id to the member who appointed. */
  proxyMembers?: ReadonlyMap<string, string>;
}

const PRESENT = new Set(['present', 'present_electronically']);

/**
 * Who is present at a moment ('HH:MM'), or, with `at` null, who is here at the end of what is
 * recorded so far (arrived, not yet left). A departure at or after the meeting's end is not a
 * departure from any item: the meeting closed with them there.
 */
export function presentAt(a: Pick<AttendanceRow, 'status' | 'arrived_at' | 'left_at'>, at: string | null, endsAt: string | null): boolean {
  if (!PRESENT.has(a.status)) return false;
  const left = a.left_at !== null && !(endsAt !== null && a.left_at >= endsAt);
  if (at === null) return !left;
  if (a.arrived_at !== null && a.arrived_at > at) return false;
  return !(left && a.left_at! <= at);
}

/**
 * The moment each item was taken: its own time where recorded; an untimed item between timed
 * ones is taken at the previous timed item's time (or the start); an untimed item after the last
 * timed one has not been reached yet, so it is judged on who is still here (null).
 */
export function itemMoments(items: readonly AgendaItemRow[], startsAt: string): Map<string, string | null> {
  const ordered = orderItems(items);
  const out = new Map<string, string | null>();
  const lastTimed = ordered.reduce((acc, it, i) => (it.starts_at ? i : acc), -1);
  let prev = startsAt;
  ordered.forEach((it, i) => {
    if (it.starts_at) prev = it.starts_at;
    out.set(it.id, it.starts_at ?? (i < lastTimed ? prev : null));
  });
  return out;
}

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

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);

/**
 * Board and committee quorum (until shared/rules/board-quorum.ts lands; then this defers to it):
 * quorate when the directors counted reach the quorum.
 */
export function boardQuorumVerdict(opts: {
  label: string;
  counted: number;
  required: number;
  left: string[];
  conflicted: string[];
  conflictedCounted: boolean;
}): ItemQuorum {
  const quorate = opts.counted >= opts.required;
  const reasons: string[] = [];
  if (opts.left.length) reasons.push(...opts.left);
  if (opts.conflicted.length && !opts.conflictedCounted) {
    reasons.push(`${list(opts.conflicted)} ${opts.conflicted.length === 1 ? 'is' : 'are'} conflicted`);
  }
  const head = `${quorate ? 'Quorate' : 'Not quorate'} for ${opts.label}: ${opts.counted} of ${opts.required} needed`;
  return { quorate, counted: opts.counted, required: opts.required, message: reasons.length && !quorate ? `${head}; ${list(reasons)}.` : `${head}.` };
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
  const moments = itemMoments(q.items, meeting.starts_at);
  const seated = q.attendance.filter((a) => a.role === 'director' && a.officer_id !== null && q.seats.has(a.officer_id));
  const nameOf = (id: string) => q.shortNames.get(id) ?? 'A director';
  for (const it of q.items) {
    const conflictedIds = new Set<string>();
    const conflicted: Conflict[] = [];
    if (it.related_organisation) {
      for (const id of conflictedDirectors(q.interests, it.related_organisation, meeting.held_on)) {
        const interest = q.interests.find((i) => i.officerId === id && i.relatedOrganisation !== null)!;
        conflictedIds.add(id);
        conflicted.push({ officerId: id, name: interest.name, interest: interest.nature });
      }
    }
    for (const d of q.declarations) {
      if (d.agendaItemId !== it.id || conflictedIds.has(d.officerId)) continue;
      conflictedIds.add(d.officerId);
      conflicted.push({ officerId: d.officerId, name: q.interests.find((i) => i.officerId === d.officerId)?.name ?? nameOf(d.officerId), interest: d.nature });
    }
    const at = moments.get(it.id) ?? null;
    const here = seated.filter((a) => presentAt(a, at, meeting.ends_at));
    const excluded = q.rules.conflictedExcludedFromQuorum ? here.filter((a) => conflictedIds.has(a.officer_id!)) : [];
    const counted = here.length - excluded.length;
    const left = seated
      .filter((a) => PRESENT.has(a.status) && a.left_at !== null && !presentAt(a, at, meeting.ends_at) && (a.arrived_at === null || at === null || a.arrived_at <= at))
      .map((a) => `${nameOf(a.officer_id!)} left at ${a.left_at}`);
    const verdict = boardQuorumVerdict({
      label: `item ${numbers.get(it.id) ?? ''}`,
      counted,
      required: q.required,
      left,
      conflicted: excluded.map((a) => nameOf(a.officer_id!)),
      conflictedCounted: !q.rules.conflictedExcludedFromQuorum,
    });
    items.set(it.id, { ...verdict, conflicted });
  }
  const hereNow = seated.filter((a) => presentAt(a, null, meeting.ends_at));
  const leftNow = seated.filter((a) => PRESENT.has(a.status) && !presentAt(a, null, meeting.ends_at)).map((a) => `${nameOf(a.officer_id!)} left at ${a.left_at}`);
  const now = boardQuorumVerdict({ label: 'the meeting', counted: hereNow.length, required: q.required, left: leftNow, conflicted: [], conflictedCounted: true });
  return { items, now };
}

/**
 * Qualifying persons present at a general or class meeting (CA 2006 s318(3)): members present in
 * person or electronically, proxies and corporate representatives. Two or more proxies of one
 * member, or representatives of one corporation, are one qualifying person for the quorum
 * (s318(2)(a)-(b)); counted here as one for each member represented.
 */
export function gmQuorumNow(q: Pick<QuorumInputs, 'meeting' | 'attendance' | 'required' | 'gmQuorumSource' | 'proxyMembers'>): ItemQuorum {
  const here = q.attendance.filter((a) => a.role !== 'director' && a.role !== 'in_attendance' && presentAt(a, null, q.meeting.ends_at));
  const keys = new Set<string>();
  for (const a of here) {
    if (a.role === 'member') keys.add(`m:${a.member_id}`);
    else if (a.role === 'corporate_representative') keys.add(`c:${a.member_id ?? a.id}`);
    else keys.add(`p:${(a.proxy_appointment_id && q.proxyMembers?.get(a.proxy_appointment_id)) ?? a.id}`);
  }
  const counted = keys.size;
  const quorate = counted >= q.required;
  const source = q.gmQuorumSource ? ` (${q.gmQuorumSource})` : '';
  return {
    quorate,
    counted,
    required: q.required,
    message: `${quorate ? 'Quorate' : 'Not quorate'}: ${counted} of ${q.required} qualifying person${q.required === 1 ? '' : 's'} needed${source}.`,
  };
}

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
  const items = pre.items ?? (await db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meeting.id).execute());
  const attendance = pre.attendance ?? (await db.selectFrom('attendance').selectAll().where('meeting_id', '=', meeting.id).execute());
  const base = { meeting, legalForm, rules, items, attendance };
  if (isMembersMeeting(meeting.kind)) {
    const members = await db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org.id)
      .where('admitted_on', '<=', meeting.held_on)
      .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', meeting.held_on)]))
      .$if(meeting.class_id !== null, (qb) => qb.where('class_id', '=', meeting.class_id!))
      .executeTakeFirstOrThrow();
    const memberCount = Number(members.n);
    const proxies = await db.selectFrom('proxy_appointment').select(['id', 'member_id']).where('meeting_id', '=', meeting.id).execute();
    const gm = gmQuorumFor(legalForm, memberCount, rules.gmQuorum);
    return {
      ...base,
      interests: [],
      declarations: [],
      shortNames: new Map(),
      seats: new Set(),
      seatList: [],
      required: gm.quorum ?? rules.gmQuorum,
      memberCount,
      gmQuorumSource: gm.source,
      proxyMembers: new Map(proxies.map((p) => [p.id, p.member_id])),
    };
  }
  const interestRows = await db
    .selectFrom('interest as i')
    .innerJoin('officer as o', 'o.id', 'i.officer_id')
    .select(['i.officer_id', 'i.related_organisation', 'i.declared_on', 'i.ended_on', 'i.nature', 'o.given_names', 'o.family_name'])
    .where('i.organisation_id', '=', org.id)
    .where('i.declared_on', '<=', meeting.held_on)
    .where((eb) => eb.or([eb('i.ended_on', 'is', null), eb('i.ended_on', '>=', meeting.held_on)]))
    .execute();
  const declarations = await db.selectFrom('meeting_declaration').select(['agenda_item_id', 'officer_id', 'nature']).where('meeting_id', '=', meeting.id).execute();
  let seats: { officerId: string; name: string; shortName: string }[];
  let required = rules.boardQuorum;
  if (meeting.kind === 'committee') {
    const committee = await db.selectFrom('committee').select(['terms']).where('id', '=', meeting.committee_id!).executeTakeFirstOrThrow();
    seats = await committeeMembersOn(db, meeting.committee_id!, meeting.held_on);
    required = quorumFromTerms(committee.terms) ?? Math.max(1, Math.min(rules.boardQuorum, seats.length));
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
