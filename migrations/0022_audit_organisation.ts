import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * The audit log per organisation (issue 11, group structures): one file keeps several
 * organisations, and the log viewer must show the current one's events and the file's own, never
 * another's.
 *
 * - `audit_event.organisation_id` (nullable): the organisation whose record the event is about;
 *   null for an event of the file itself (a restore, the baseline, an upgrade's conversion).
 *   From this migration the core stamps every new event and hashes the column (chain version 3,
 *   main/core/audit/chain.ts); the hashes of the events already written are left as they were.
 * - Index `audit_event_organisation (organisation_id, seq)`: the log lists newest first by
 *   sequence number, one keyset range for the organisation and one for the file's events (null),
 *   merged; each is a descending walk of this index that stops at the page size.
 *
 * Existing events are assigned from what they name, in this order (the first that answers wins):
 *  1. Events of the file itself stay null: entity types 'database' (restores) and 'audit' (the
 *     baseline), action 'data.migrated', and any event an upgrade recorded (entity type
 *     'register' with `after.migration` in its payload).
 *  2. The event's entity: an organisation (its register settings, its governing rules) is its own; a record with an
 *     organisation_id column gives it; a record kept under a parent (agenda items, resolutions,
 *     attendance, consents, proxies, minutes, declarations under their meeting; papers under an
 *     agenda item; comments under minutes; committee members under the committee; a ballot's
 *     trustees, roll and paper batches under the ballot) gives its parent's.
 *  3. The records the event listed (`audit_state`), when they all belong to one organisation
 *     (an HR import, a removal of register entries whose rows still exist).
 *  4. What its payload names where the record itself was deleted: `before.agendaItemId` (a
 *     removed paper or decision), `before.committeeId` (a committee member), `before.meetingId`,
 *     `before.memberId` or `before.officerId` (an attendance entry, a withdrawn consent).
 *  5. Before a second organisation was set up there was only one: every other event written
 *     before the second `organisation.set_up` (all of them if the file never had two) is the
 *     first organisation's.
 * What stays null besides the file's own events: events written after a second organisation
 * existed that name neither a record that still exists nor one its payload names: exports without
 * an entity (`register.exported`), `contract_import.applied` (its payload names no organisation),
 * and removals whose record is gone with nothing surviving to tell (`minutes.deleted`,
 * `class.deleted`, `register.entries_removed` with the earlier, erased events of the members it
 * removed, `attendance.removed` of a guest who was neither member nor officer, `decision.removed`
 * whose agenda item is gone too, and an agenda item, paper or resolution removed when no sibling
 * was left to renumber). They are
 * shown to every organisation as the file's, as they were before.
 *
 * The assignment of these events is not in their hashes (that would change every hash the file's
 * backups, exports and printed fingerprints hold). Instead it is vouched for by one event the core
 * records at the next start (`audit.organisations_assigned`, through `migration_event`): its
 * payload holds the SHA-256 of every (seq, organisation_id) pair up to the last event assigned
 * here, and `verify` recomputes it, so changing one of these columns afterwards is reported.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`alter table audit_event add column organisation_id text`);
  await run(`create index audit_event_organisation on audit_event(organisation_id, seq)`);

  const any = await db.selectFrom('audit_event').select('seq').limit(1).executeTakeFirst();
  if (!any) return;

  // The log is append-only in SQL (0001's trigger): lifted for this one assignment, in this
  // migration's transaction, and put back exactly as it was before the transaction commits.
  await run(`drop trigger audit_event_no_update`);

  // Each record's organisation, by entity type and id (a temporary table, gone with the connection).
  await run(`create temp table mg_entity_org (type text not null, id text not null, org text not null, primary key (type, id)) without rowid`);
  const direct = [
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
  ];
  for (const t of direct) await run(`insert or ignore into mg_entity_org select '${t}', id, organisation_id from ${t} where organisation_id is not null`);
  await run(`insert or ignore into mg_entity_org select 'organisation', id, id from organisation`);
  await run(`insert or ignore into mg_entity_org select 'register_setting', id, id from organisation`);
  await run(`insert or ignore into mg_entity_org select 'governing_rules', organisation_id, organisation_id from governing_rules`);
  for (const t of ['agenda_item', 'resolution', 'attendance', 'short_notice_consent', 'proxy_appointment', 'minutes', 'meeting_declaration']) {
    await run(`insert or ignore into mg_entity_org select '${t}', c.id, m.organisation_id from ${t} c join meeting m on m.id = c.meeting_id`);
  }
  await run(`insert or ignore into mg_entity_org select 'paper', p.id, m.organisation_id from paper p join agenda_item a on a.id = p.agenda_item_id join meeting m on m.id = a.meeting_id`);
  await run(`insert or ignore into mg_entity_org select 'minutes_comment', c.id, m.organisation_id from minutes_comment c join minutes n on n.id = c.minutes_id join meeting m on m.id = n.meeting_id`);
  await run(`insert or ignore into mg_entity_org select 'committee_member', c.id, k.organisation_id from committee_member c join committee k on k.id = c.committee_id`);
  for (const t of ['ballot_trustee', 'ballot_roll', 'ballot_paper_batch']) {
    await run(`insert or ignore into mg_entity_org select '${t}', c.id, b.organisation_id from ${t} c join ballot b on b.id = c.ballot_id`);
  }

  // 1. The file's own events, kept apart from every rule below.
  await run(`create temp table mg_file_event (seq integer primary key)`);
  await run(`insert into mg_file_event select e.seq from audit_event e
    where e.entity_type in ('database', 'audit') or e.action = 'data.migrated'
       or (e.entity_type = 'register' and exists (select 1 from audit_payload p
            where p.event_id = e.id and json_valid(p.body) and json_extract(p.body, '$.after.migration') is not null))`);
  // The assignments are gathered first (the first rule to answer wins: insert or ignore), then
  // written in one pass, so each event is written at most once.
  await run(`create temp table mg_assign (seq integer primary key, org text not null)`);
  const open = `e.seq not in (select seq from mg_file_event) and e.seq not in (select seq from mg_assign)`;

  // 2. The entity.
  await run(`insert or ignore into mg_assign select e.seq, o.org from audit_event e join mg_entity_org o on o.type = e.entity_type and o.id = e.entity_id
    where e.seq not in (select seq from mg_file_event)`);

  // 3. The records it listed, when all are one organisation's.
  await run(`insert or ignore into mg_assign select s.event_seq, min(o.org) from audit_state s join mg_entity_org o on o.type = s.entity_type and o.id = s.entity_id
    where s.event_seq not in (select seq from mg_file_event) and s.event_seq not in (select seq from mg_assign)
    group by s.event_seq having count(distinct o.org) = 1`);

  // 4. What a deleted record's payload names (only payloads with a before state: '{"before":{...').
  const named = (
    [
      ['agendaItemId', 'agenda_item'],
      ['committeeId', 'committee'],
      ['meetingId', 'meeting'],
      ['memberId', 'member'],
      ['officerId', 'officer'],
    ] as const
  )
    .map(([key, type]) => `(select o.org from mg_entity_org o where o.type = '${type}' and o.id = json_extract(p.body, '$.before.${key}'))`)
    .join(', ');
  await run(`insert or ignore into mg_assign select * from (
      select e.seq, coalesce(${named}) as org from audit_event e join audit_payload p on p.event_id = e.id
       where ${open} and substr(p.body, 1, 11) = '{"before":{' and json_valid(p.body)
    ) where org is not null`);

  // 5. Before a second organisation existed, the only one.
  const setUps = await db
    .selectFrom('audit_event')
    .select(['seq', 'entity_id'])
    .where('action', '=', 'organisation.set_up')
    .where('entity_type', '=', 'organisation')
    .orderBy('seq')
    .limit(2)
    .execute();
  const orgs = await db.selectFrom('organisation').select('id').orderBy('id').limit(2).execute();
  const first: string | undefined = setUps[0]?.entity_id ?? (orgs.length === 1 ? orgs[0]!.id : undefined);
  if (first) {
    const until = setUps.length === 2 ? setUps[1]!.seq : Number.MAX_SAFE_INTEGER;
    await sql`insert or ignore into mg_assign select e.seq, ${first} from audit_event e where e.seq < ${until} and ${sql.raw(open)}`.execute(db);
  }

  await run(`update audit_event set organisation_id = (select a.org from mg_assign a where a.seq = audit_event.seq) where seq in (select seq from mg_assign)`);
  await run(`drop table mg_assign`);
  await run(`drop table mg_entity_org`);
  await run(`drop table mg_file_event`);
  await sql`create trigger audit_event_no_update before update on audit_event
    begin select raise(abort, 'audit events cannot be changed'); end`.execute(db);

  // The digest the core's event will hold and verify recomputes (see above).
  const digest = createHash('sha256').update('mg-audit-organisations-v1\n');
  let after = 0;
  let through = 0;
  let assigned = 0;
  let count = 0;
  for (;;) {
    const rows = (await sql<{ seq: number; organisation_id: string | null }>`select seq, organisation_id from audit_event where seq > ${after} order by seq limit 20000`.execute(db)).rows;
    if (rows.length === 0) break;
    for (const r of rows) {
      digest.update(`${r.seq}\t${r.organisation_id ?? ''}\n`);
      if (r.organisation_id !== null) assigned += 1;
      count += 1;
    }
    after = through = rows[rows.length - 1]!.seq;
  }
  await db
    .insertInto('migration_event')
    .values({
      migration: '0022_audit_organisation',
      action: 'audit.organisations_assigned',
      summary: `The log’s ${count} earlier events were each assigned to the organisation they are about (${assigned}), or to the file itself (${count - assigned})`,
      after: JSON.stringify({ throughSeq: through, events: count, assigned, digest: digest.digest('hex') }),
      records: JSON.stringify([]),
    })
    .execute();
}
