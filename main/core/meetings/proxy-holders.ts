/**
 * Who holds a proxy appointment, and so which appointments one person present holds.
 *
 * CA 2006 s318(2)-(3) counts qualifying persons: one person holding appointments from several
 * members is one person, however many appointments name them, and one individual attending both
 * as a member and as a proxy is one person too (Re Sanitary Carbon Co [1877] WN 223). So the
 * holder of each appointment must be recognised as the same person from one appointment to the
 * next. A holder who is a member is known by their member id (migration 0010); anyone else by the
 * name on the appointment, folded so that "Jane Smith", "jane  smith" and "Jane Smith." are one
 * name (case, spaces and punctuation ignored; accents kept apart only by their letters).
 */

export interface ProxyHolderRow {
  id: string;
  member_id: string;
  proxy_name: string;
  /** Absent on rows read before migration 0010 was known to the reader: treated as null. */
  proxy_member_id?: string | null;
  revoked_at: string | null;
}

/** A name folded for matching: lower case, accents and punctuation dropped, spaces collapsed. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key of an appointment's holder: the member, or else the folded name. */
export function holderKey(p: Pick<ProxyHolderRow, 'proxy_name' | 'proxy_member_id'>): string {
  return p.proxy_member_id ? `member:${p.proxy_member_id}` : `name:${foldName(p.proxy_name)}`;
}

interface AttendanceLike {
  id: string;
  role: string;
  member_id: string | null;
  name: string;
  proxy_appointment_id: string | null;
}

/**
 * The holder key of someone attending as a proxy: that of the appointment their attendance is
 * linked to, or else their name (an entry recorded without a link).
 */
function attendeeHolderKey(a: AttendanceLike, byId: ReadonlyMap<string, ProxyHolderRow>): string {
  const linked = a.proxy_appointment_id ? byId.get(a.proxy_appointment_id) : undefined;
  return linked ? holderKey(linked) : `name:${foldName(a.name)}`;
}

/**
 * The appointments held by one attendance entry: for a proxy, every unrevoked appointment of the
 * meeting with the same holder (and the one the entry is linked to); for a member attending in
 * their own right, every unrevoked appointment naming them as proxy. None for anyone else.
 */
export function appointmentsHeld<P extends ProxyHolderRow>(a: AttendanceLike, proxies: readonly P[]): P[] {
  if (a.role === 'member' && a.member_id) return proxies.filter((p) => p.revoked_at === null && p.proxy_member_id === a.member_id);
  if (a.role !== 'proxy') return [];
  const byId = new Map(proxies.map((p) => [p.id, p]));
  const key = attendeeHolderKey(a, byId);
  return proxies.filter((p) => p.id === a.proxy_appointment_id || (p.revoked_at === null && holderKey(p) === key));
}

/**
 * One key per individual present: a member attending in their own right and as a proxy (their
 * appointments held by member id) is one qualifying person, not two, and so is a proxy entered
 * twice under their name typed two ways. Everyone else is keyed by their attendance entry.
 */
export function personKey(a: AttendanceLike, proxies: readonly ProxyHolderRow[]): string {
  if (a.role === 'member' && a.member_id) return `member:${a.member_id}`;
  if (a.role === 'proxy') return attendeeHolderKey(a, new Map(proxies.map((p) => [p.id, p])));
  return a.id;
}
