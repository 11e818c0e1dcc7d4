import { sql } from 'kysely';
import type { ReadDb } from '../context';
import { refKey, type RecordRef } from './state';

/**
 * Which organisation a record belongs to, for stamping audit events (migration 0022 assigned the
 * events written before by the same rules). A record keyed by `organisation_id` gives its own; a
 * record kept under a parent gives its parent's; an organisation (and its register settings) is its
 * own, and so are its register settings and governing rules (keyed by its id). Types not listed (exports, imports, the file's own events) have no record to ask.
 */
const DIRECT = new Set([
  'member',
  'officer',
  'contract',
  'ballot',
  'written_resolution',
  'meeting',
  'membership_class',
  'filing_duty',
  'psc_statement',
  'interest',
  'decision',
  'counterparty',
  'committee',
  'action_item',
  'psc',
  'inspection_request',
  'organisation_relation',
]);

/** Records whose id is their organisation's id. */
const ORGANISATION_KEYED = new Set(['organisation', 'register_setting', 'governing_rules']);

const UNDER: Record<string, string> = {
  agenda_item: 'select c.id, m.organisation_id as org from agenda_item c join meeting m on m.id = c.meeting_id',
  resolution: 'select c.id, m.organisation_id as org from resolution c join meeting m on m.id = c.meeting_id',
  attendance: 'select c.id, m.organisation_id as org from attendance c join meeting m on m.id = c.meeting_id',
  short_notice_consent: 'select c.id, m.organisation_id as org from short_notice_consent c join meeting m on m.id = c.meeting_id',
  proxy_appointment: 'select c.id, m.organisation_id as org from proxy_appointment c join meeting m on m.id = c.meeting_id',
  minutes: 'select c.id, m.organisation_id as org from minutes c join meeting m on m.id = c.meeting_id',
  meeting_declaration: 'select c.id, m.organisation_id as org from meeting_declaration c join meeting m on m.id = c.meeting_id',
  paper: 'select c.id, m.organisation_id as org from paper c join agenda_item a on a.id = c.agenda_item_id join meeting m on m.id = a.meeting_id',
  minutes_comment: 'select c.id, m.organisation_id as org from minutes_comment c join minutes n on n.id = c.minutes_id join meeting m on m.id = n.meeting_id',
  committee_member: 'select c.id, k.organisation_id as org from committee_member c join committee k on k.id = c.committee_id',
  ballot_trustee: 'select c.id, b.organisation_id as org from ballot_trustee c join ballot b on b.id = c.ballot_id',
  ballot_roll: 'select c.id, b.organisation_id as org from ballot_roll c join ballot b on b.id = c.ballot_id',
  ballot_paper_batch: 'select c.id, b.organisation_id as org from ballot_paper_batch c join ballot b on b.id = c.ballot_id',
};

/** Every record type this map knows (main/core/audit/owner-backfill.test.ts compares them with migration 0022's back-fill). */
export const OWNED_TYPES: readonly string[] = [...DIRECT, ...Object.keys(UNDER), ...ORGANISATION_KEYED];

/** Whether records of this type can say which organisation they belong to. */
export function hasOwner(type: string): boolean {
  return DIRECT.has(type) || type in UNDER || ORGANISATION_KEYED.has(type);
}

/** The organisation of each record that exists (keyed by refKey); records deleted or of other types are absent. */
export async function ownersOf(db: ReadDb, refs: readonly RecordRef[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!hasOwner(r.type)) continue;
    let ids = byType.get(r.type);
    if (!ids) byType.set(r.type, (ids = new Set()));
    ids.add(r.id);
  }
  const out = new Map<string, string>();
  for (const [type, set] of byType) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const inList = sql.join(chunk.map((id) => sql`${id}`));
      let rows: { id: string; org: string | null }[];
      if (ORGANISATION_KEYED.has(type)) rows = chunk.map((id) => ({ id, org: id }));
      else if (DIRECT.has(type)) rows = (await sql<{ id: string; org: string | null }>`select id, organisation_id as org from ${sql.table(type)} where id in (${inList})`.execute(db)).rows;
      else rows = (await sql<{ id: string; org: string | null }>`select * from (${sql.raw(UNDER[type]!)}) where id in (${inList})`.execute(db)).rows;
      for (const r of rows) if (r.org !== null) out.set(refKey({ type, id: r.id }), r.org);
    }
  }
  return out;
}
