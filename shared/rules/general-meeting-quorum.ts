import type { GmQuorum } from './quorum';
import { checkTimeOfDay, listNames, presentAt, type AttendanceState } from './time-of-day';

/**
 * Qualifying persons present at a general meeting (or a class meeting) of a company.
 *
 * CA 2006 s318(3): a qualifying person is (a) an individual who is a member, (b) a person
 * authorised under s323 to represent a corporation that is a member, or (c) a person appointed as
 * proxy of a member (s324). s318(2): two qualifying persons are a quorum, subject to the articles,
 * unless (a) each is a qualifying person only because he represents a corporation and they
 * represent the same corporation, or (b) each is a qualifying person only because he is a proxy
 * and they are proxies of the same member.
 *
 * Counted here, whatever the quorum the articles set: each individual once, however many
 * capacities they attend in (one person is not two qualifying persons: Re Sanitary Carbon Co
 * [1877] WN 223); a member attending in their own right always counts; people there only as
 * proxies, or only as representatives, count once for each different member (or corporation)
 * they can be matched to, so that two proxies of one member are one, while two proxies each
 * holding appointments from different members are two. A member and their own proxy, both
 * present, are two qualifying persons: s318(2) leaves out only pairs of proxies or pairs of
 * representatives, and the member counts in their own right.
 *
 * A society's quorum, and who counts towards it, is for its registered rules (the CCBS Act 2014
 * sets none); the same counting is applied, with the quorum the rules set (see gmQuorumFor).
 */
export const QUALIFYING_PERSON_SOURCE = 'CA 2006 s318(3)';
export const REPRESENTATIVE_SOURCE = 'CA 2006 s318(2)(a)';
export const PROXY_SOURCE = 'CA 2006 s318(2)(b)';

interface Presence {
  /** The person: one id per individual, even if they attend in two capacities. */
  id: string;
  /** "J. Patel", for the message. */
  name?: string;
  /** Defaults to present throughout. */
  status?: AttendanceState;
  arrivedAt?: string | null;
  leftAt?: string | null;
}

export type QualifyingAttendee = Presence &
  (
    | { as: 'member'; memberId: string }
    | { as: 'proxy'; forMembers: readonly string[] }
    | { as: 'corporate_representative'; corporationMemberId: string }
  );

export interface GmQuorumVerdict {
  quorate: boolean;
  /** Qualifying persons counted. */
  counted: number;
  /** Null where the rules must set a quorum and do not. */
  required: number | null;
  /** Proxies or representatives present but not adding to the count, with why. */
  notCounted: { id: string; name: string; reason: 'same_member' | 'same_corporation' }[];
  message: string;
}

/**
 * Whether the qualifying persons present at a moment (or, with `at` null, still here) make the
 * quorum `gmQuorumFor` gives.
 *
 * @example
 * gmQuorum({ quorum: gmQuorumFor('company_limited_by_guarantee', 40, null), attendees: [
 *   { id: 'p1', as: 'proxy', forMembers: ['m7'] }, { id: 'p2', as: 'proxy', forMembers: ['m7'] }] }).quorate // false
 */
export function gmQuorum(opts: { quorum: GmQuorum; attendees: readonly QualifyingAttendee[]; at?: string | null; endsAt?: string | null }): GmQuorumVerdict {
  const at = opts.at ?? null;
  checkTimeOfDay(at, 'The moment');
  checkTimeOfDay(opts.endsAt, 'The end of the meeting');
  const here = opts.attendees.filter((a) => {
    checkTimeOfDay(a.arrivedAt, 'An arrival time');
    checkTimeOfDay(a.leftAt, 'A departure time');
    if (a.as === 'proxy' && a.forMembers.length === 0) throw new RangeError(`The proxy ${a.name ?? a.id} is recorded with no member they represent.`);
    return presentAt({ status: a.status ?? 'present', arrivedAt: a.arrivedAt ?? null, leftAt: a.leftAt ?? null }, at, opts.endsAt ?? null);
  });

  // Each individual once, with every capacity they attend in.
  const people = new Map<string, { name: string; member: boolean; principals: Set<string> }>();
  for (const a of here) {
    const p = people.get(a.id) ?? { name: a.name ?? 'A person', member: false, principals: new Set<string>() };
    if (a.name) p.name = a.name;
    if (a.as === 'member') p.member = true;
    else if (a.as === 'proxy') for (const m of a.forMembers) p.principals.add(`proxy:${m}`);
    else p.principals.add(`rep:${a.corporationMemberId}`);
    people.set(a.id, p);
  }
  let counted = 0;
  const representatives: { id: string; name: string; principals: string[] }[] = [];
  for (const [id, p] of people) {
    if (p.member) counted += 1;
    else representatives.push({ id, name: p.name, principals: [...p.principals] });
  }
  const { matched, unmatched } = matchPrincipals(representatives);
  counted += matched;
  const notCounted = unmatched.map((r) => ({
    id: r.id,
    name: r.name,
    reason: r.principals.every((x) => x.startsWith('rep:')) ? ('same_corporation' as const) : ('same_member' as const),
  }));

  const required = opts.quorum.quorum;
  if (required === null) {
    const persons = `${counted} qualifying ${counted === 1 ? 'person' : 'persons'} present`;
    return { quorate: false, counted, required, notCounted, message: `${persons}. ${opts.quorum.warning ?? 'Enter the quorum your rules set.'}` };
  }
  const quorate = counted >= required;
  // "3 present, 2 needed": the count and the quorum side by side ("3 of 2 needed" read as a fraction).
  const head = `${quorate ? 'Quorate' : 'Not quorate'}: ${counted} qualifying ${counted === 1 ? 'person' : 'persons'} present, ${required} needed (${opts.quorum.source})`;
  const proxies = notCounted.filter((n) => n.reason === 'same_member').map((n) => n.name);
  const reps = notCounted.filter((n) => n.reason === 'same_corporation').map((n) => n.name);
  const notes: string[] = [];
  if (proxies.length) notes.push(`${listNames(proxies)} ${proxies.length === 1 ? 'is a proxy' : 'are proxies'} of a member another proxy present already represents, so ${proxies.length === 1 ? 'does' : 'do'} not count again (${PROXY_SOURCE})`);
  if (reps.length) notes.push(`${listNames(reps)} ${reps.length === 1 ? 'represents a corporation' : 'represent corporations'} another representative present already represents, so ${reps.length === 1 ? 'does' : 'do'} not count again (${REPRESENTATIVE_SOURCE})`);
  return { quorate, counted, required, notCounted, message: `${head}${notes.map((n) => `; ${n}`).join('')}.` };
}

/**
 * The largest number of proxies and representatives that can each be paired with a different
 * member (or corporation) they represent: a maximum bipartite matching (augmenting paths), which
 * is what "two proxies of the same member are one" amounts to once a proxy may hold appointments
 * from several members. Sizes are small (people present at one meeting).
 */
function matchPrincipals<T extends { principals: string[] }>(people: readonly T[]): { matched: number; unmatched: T[] } {
  const owner = new Map<string, number>();
  const tryAssign = (i: number, seen: Set<string>): boolean => {
    for (const principal of people[i]!.principals) {
      if (seen.has(principal)) continue;
      seen.add(principal);
      const current = owner.get(principal);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(principal, i);
        return true;
      }
    }
    return false;
  };
  const unmatched: T[] = [];
  let matched = 0;
  people.forEach((p, i) => {
    if (tryAssign(i, new Set())) matched += 1;
    else unmatched.push(p);
  });
  return { matched, unmatched };
}
