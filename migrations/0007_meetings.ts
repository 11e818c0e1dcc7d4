import { sql, type Kysely } from 'kysely';

/**
 * Meetings and minutes: board and committee meetings, general and class meetings of members,
 * their notice, agenda and papers, attendance, proxies, decisions, minutes, actions and written
 * resolutions.
 *
 * - `document`: a file kept inside the database (papers now; contract documents later), never a
 *   path to a file elsewhere, with its SHA-256 so a copy can be checked. One row per distinct
 *   content per organisation.
 * - `meeting` (with `committee` and `committee_member`), `agenda_item` (one level of sub-items
 *   through `parent_id`), `paper`, `attendance`, `proxy_appointment`, `short_notice_consent`,
 *   `meeting_declaration` (interests declared at the meeting; each also entered in the interests
 *   register), `resolution` (the resolutions a general meeting's notice sets out), `decision`
 *   (with `decision_vote` for named board votes), `action_item`, `minutes` (with
 *   `minutes_comment`), `written_resolution` (with `written_resolution_signatory`).
 * - `governing_rules` gains three rules, nullable so that existing records' audit states are
 *   unchanged (null reads as the default for the legal form): whether directors with an interest
 *   in a matter are left out of the quorum for it (Model Articles art 14), whether the board may
 *   decide by written resolution (art 8), and the percentage for consent to short notice
 *   (CA 2006 s307(6): 90%, or up to 95% if the articles say so).
 *
 * Sealing (CA 2006 s248-s249, s355-s356; s1138: records kept otherwise than in bound books need
 * precautions against falsification): once minutes are signed their row, and the agenda, papers,
 * attendance, declarations, resolutions and decisions of their meeting, are refused any change by
 * triggers here, whatever writes to the file; the service refuses first, with a message. Signed
 * minutes may be deleted only once ten years have passed since the meeting (s248(2), s355(2)).
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`alter table governing_rules add column conflicted_excluded_from_quorum integer`);
  await run(`alter table governing_rules add column board_written_resolutions integer`);
  await run(`alter table governing_rules add column short_notice_pct integer`);

  await run(`create table document (
    id text primary key,
    organisation_id text not null references organisation(id),
    sha256 text not null,
    size integer not null,
    media_type text not null,
    bytes blob not null,
    created_at text not null,
    check (length(sha256) = 64),
    check (size = length(bytes))
  ) strict`);
  await run(`create unique index document_content on document(organisation_id, sha256)`);

  await run(`create table committee (
    id text primary key,
    organisation_id text not null references organisation(id),
    name text not null,
    terms text,
    formed_on text not null,
    dissolved_on text,
    created_at text not null,
    updated_at text not null,
    check (dissolved_on is null or dissolved_on >= formed_on)
  ) strict`);
  await run(`create table committee_member (
    id text primary key,
    committee_id text not null references committee(id),
    officer_id text not null references officer(id),
    joined_on text not null,
    left_on text,
    created_at text not null,
    check (left_on is null or left_on >= joined_on)
  ) strict`);
  await run(`create index committee_member_committee on committee_member(committee_id)`);

  await run(`create table meeting (
    id text primary key,
    organisation_id text not null references organisation(id),
    kind text not null check (kind in ('board', 'committee', 'annual_general', 'general', 'class')),
    title text not null,
    committee_id text references committee(id),
    class_id text references membership_class(id),
    held_on text not null,
    starts_at text not null,
    ends_at text,
    place text,
    electronic_means text,
    chair_officer_id text references officer(id),
    chair_name text,
    status text not null check (status in ('planned', 'notice_given', 'held', 'minutes_approved', 'cancelled')),
    cancelled_reason text,
    notice_sent_at text,
    notice_method text check (notice_method is null or notice_method in ('post', 'electronic', 'hand')),
    short_notice integer not null default 0,
    first_meeting_id text references meeting(id),
    society_resolution_kind text,
    created_at text not null,
    updated_at text not null,
    check (ends_at is null or ends_at > starts_at),
    check ((kind = 'committee') = (committee_id is not null)),
    check ((kind = 'class') = (class_id is not null)),
    check (place is not null or electronic_means is not null)
  ) strict`);
  await run(`create index meeting_when on meeting(organisation_id, held_on, starts_at)`);
  await run(`create index meeting_committee on meeting(committee_id)`);

  await run(`create table agenda_item (
    id text primary key,
    meeting_id text not null references meeting(id),
    parent_id text references agenda_item(id),
    position integer not null,
    title text not null,
    presenter text,
    purpose text not null check (purpose in ('decision', 'discussion', 'information')),
    minutes_allotted integer check (minutes_allotted is null or minutes_allotted > 0),
    standard text check (standard is null or standard in ('apologies', 'declarations', 'previous_minutes', 'matters_arising', 'aob')),
    related_organisation text,
    contract_ref text,
    starts_at text,
    notes text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index agenda_item_meeting on agenda_item(meeting_id, parent_id, position)`);

  await run(`create table paper (
    id text primary key,
    agenda_item_id text not null references agenda_item(id),
    document_id text not null references document(id),
    title text not null,
    file_name text not null,
    kind text not null check (kind in ('pdf', 'docx', 'xlsx', 'png', 'jpeg')),
    position integer not null,
    created_at text not null
  ) strict`);
  await run(`create index paper_item on paper(agenda_item_id, position)`);

  await run(`create table attendance (
    id text primary key,
    meeting_id text not null references meeting(id),
    role text not null check (role in ('director', 'member', 'proxy', 'corporate_representative', 'in_attendance')),
    officer_id text references officer(id),
    member_id text references member(id),
    name text not null,
    capacity text,
    status text not null check (status in ('present', 'present_electronically', 'apologies', 'absent')),
    arrived_at text,
    left_at text,
    proxy_appointment_id text,
    created_at text not null,
    updated_at text not null,
    check (left_at is null or arrived_at is null or left_at > arrived_at),
    check (role <> 'director' or officer_id is not null),
    check (role not in ('member', 'corporate_representative') or member_id is not null)
  ) strict`);
  await run(`create index attendance_meeting on attendance(meeting_id)`);
  await run(`create unique index attendance_director on attendance(meeting_id, officer_id) where role = 'director'`);
  await run(`create unique index attendance_member on attendance(meeting_id, member_id) where role = 'member'`);

  await run(`create table proxy_appointment (
    id text primary key,
    meeting_id text not null references meeting(id),
    member_id text not null references member(id),
    proxy_name text not null,
    received_at text not null,
    instructions text,
    revoked_at text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index proxy_meeting on proxy_appointment(meeting_id, member_id)`);

  await run(`create table short_notice_consent (
    id text primary key,
    meeting_id text not null references meeting(id),
    member_id text not null references member(id),
    consented_on text not null,
    created_at text not null
  ) strict`);
  await run(`create unique index short_notice_consent_member on short_notice_consent(meeting_id, member_id)`);

  await run(`create table meeting_declaration (
    id text primary key,
    meeting_id text not null references meeting(id),
    agenda_item_id text references agenda_item(id),
    officer_id text not null references officer(id),
    interest_id text references interest(id),
    nature text not null,
    created_at text not null
  ) strict`);
  await run(`create index meeting_declaration_meeting on meeting_declaration(meeting_id)`);

  await run(`create table resolution (
    id text primary key,
    meeting_id text not null references meeting(id),
    agenda_item_id text references agenda_item(id),
    position integer not null,
    kind text not null check (kind in ('ordinary', 'special')),
    society_kind text,
    text text not null,
    explanatory_note text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index resolution_meeting on resolution(meeting_id, position)`);

  await run(`create table written_resolution (
    id text primary key,
    organisation_id text not null references organisation(id),
    body text not null check (body in ('board', 'members')),
    kind text check (kind is null or kind in ('ordinary', 'special')),
    text text not null,
    circulated_on text not null,
    lapses_after text,
    status text not null check (status in ('circulating', 'passed', 'lapsed', 'withdrawn')),
    decided_on text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index written_resolution_org on written_resolution(organisation_id, circulated_on)`);
  await run(`create table written_resolution_signatory (
    id text primary key,
    written_resolution_id text not null references written_resolution(id),
    officer_id text references officer(id),
    member_id text references member(id),
    name text not null,
    votes integer not null check (votes >= 0),
    agreed_on text,
    created_at text not null,
    updated_at text not null,
    check ((officer_id is null) <> (member_id is null))
  ) strict`);
  await run(`create index written_resolution_signatory_wr on written_resolution_signatory(written_resolution_id)`);

  await run(`create table decision (
    id text primary key,
    organisation_id text not null references organisation(id),
    meeting_id text references meeting(id),
    agenda_item_id text references agenda_item(id),
    resolution_id text references resolution(id),
    written_resolution_id text references written_resolution(id),
    kind text not null check (kind in ('board', 'ordinary', 'special')),
    text text not null,
    proposer text,
    seconder text,
    method text not null check (method in ('board_vote', 'show_of_hands', 'poll', 'written')),
    votes_named integer not null default 0,
    votes_for integer not null check (votes_for >= 0),
    votes_against integer not null check (votes_against >= 0),
    votes_abstain integer not null check (votes_abstain >= 0),
    outcome text not null,
    recorded_not_quorate integer not null default 0,
    related_organisation text,
    decided_on text not null,
    created_at text not null,
    updated_at text not null,
    check (meeting_id is not null or written_resolution_id is not null)
  ) strict`);
  await run(`create index decision_meeting on decision(meeting_id, agenda_item_id)`);
  await run(`create index decision_register on decision(organisation_id, decided_on)`);
  await run(`create table decision_vote (
    id text primary key,
    decision_id text not null references decision(id),
    officer_id text not null references officer(id),
    vote text not null check (vote in ('for', 'against', 'abstain', 'recused')),
    created_at text not null
  ) strict`);
  await run(`create unique index decision_vote_officer on decision_vote(decision_id, officer_id)`);

  await run(`create table action_item (
    id text primary key,
    organisation_id text not null references organisation(id),
    meeting_id text not null references meeting(id),
    agenda_item_id text references agenda_item(id),
    description text not null,
    owner_officer_id text references officer(id),
    owner_name text not null,
    due_on text,
    status text not null check (status in ('open', 'done', 'dropped')),
    closed_on text,
    closed_note text,
    created_at text not null,
    updated_at text not null,
    check ((status = 'open') = (closed_on is null))
  ) strict`);
  await run(`create index action_item_open on action_item(organisation_id, status, due_on)`);
  await run(`create index action_item_meeting on action_item(meeting_id)`);

  await run(`create table minutes (
    id text primary key,
    meeting_id text not null unique references meeting(id),
    status text not null check (status in ('draft', 'circulated', 'approved', 'signed')),
    body text not null,
    circulated_on text,
    approved_on text,
    approved_by_decision_id text references decision(id),
    approved_in_writing integer not null default 0,
    signed_on text,
    signed_by text,
    sealed_sha256 text,
    sealed_record text,
    corrects_minutes_id text references minutes(id),
    created_at text not null,
    updated_at text not null,
    check ((status = 'signed') = (sealed_sha256 is not null)),
    check (sealed_sha256 is null or (signed_on is not null and signed_by is not null and sealed_record is not null))
  ) strict`);
  await run(`create table minutes_comment (
    id text primary key,
    minutes_id text not null references minutes(id),
    author text not null,
    body text not null,
    created_at text not null
  ) strict`);
  await run(`create index minutes_comment_minutes on minutes_comment(minutes_id)`);

  // The seal. A signed record is refused any change whatever writes to the file.
  const sealed = (meetingExpr: string) => `exists (select 1 from minutes where meeting_id = ${meetingExpr} and status = 'signed')`;
  const refuse = `select raise(abort, 'These minutes are signed and sealed: they cannot be changed (CA 2006 s248, s355, s1138). Record a correction instead.')`;
  await run(`create trigger minutes_sealed_update before update on minutes when old.status = 'signed' begin ${refuse}; end`);
  await run(`create trigger minutes_sealed_delete before delete on minutes when old.status = 'signed'
    and (select held_on from meeting where id = old.meeting_id) > date('now', '-10 years')
    begin select raise(abort, 'Signed minutes must be kept for at least ten years from the meeting (CA 2006 s248(2), s355(2)).'); end`);
  const frozen: Array<[table: string, meetingOf: (row: 'new' | 'old') => string]> = [
    ['meeting', (r) => `${r}.id`],
    ['agenda_item', (r) => `${r}.meeting_id`],
    ['attendance', (r) => `${r}.meeting_id`],
    ['meeting_declaration', (r) => `${r}.meeting_id`],
    ['resolution', (r) => `${r}.meeting_id`],
    ['decision', (r) => `${r}.meeting_id`],
    ['proxy_appointment', (r) => `${r}.meeting_id`],
    ['paper', (r) => `(select meeting_id from agenda_item where id = ${r}.agenda_item_id)`],
    ['decision_vote', (r) => `(select meeting_id from decision where id = ${r}.decision_id)`],
  ];
  for (const [table, meetingOf] of frozen) {
    if (table !== 'meeting') await run(`create trigger ${table}_sealed_insert before insert on ${table} when ${sealed(meetingOf('new'))} begin ${refuse}; end`);
    await run(`create trigger ${table}_sealed_update before update on ${table} when ${sealed(meetingOf('old'))} begin ${refuse}; end`);
    await run(`create trigger ${table}_sealed_delete before delete on ${table} when ${sealed(meetingOf('old'))} begin ${refuse}; end`);
  }
}
