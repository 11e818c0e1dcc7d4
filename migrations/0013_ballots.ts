import { sql, type Kysely } from 'kysely';

/**
 * Secret, verifiable ballots (issue 8; the protocol is docs/ballot-protocol.md).
 *
 * - `ballot`: one ballot (a poll at a general meeting, a members' vote outside a meeting, an
 *   election, a consultation), with its record date, the base its results are computed on, its
 *   trustees' number and threshold, and, once opened, the election's public key, fingerprint and
 *   the frozen roll's hash and total votes (§3); once closed, the sealed box hash and the tally;
 *   once decrypted, the result.
 * - `ballot_question` and `ballot_choice`: what is voted on, in order (each choice one ciphertext, §3).
 * - `ballot_trustee`: each trustee's public key part and proof (§5), their set-up secret and, for
 *   k-of-n, their combined share, both sealed under their own passphrase (§11), and their partial
 *   decryption with its proofs (§7). `ballot_share` carries the k-of-n shares sealed from one trustee
 *   to another (§5 "Share transport").
 * - `ballot_roll`: the voter roll frozen at opening (member, class, votes as a weight), whether and
 *   by which channel each voter voted, the hash of their voting code (never the code), and the paper
 *   serial they were given.
 * - `ballot_box`: the encrypted ballots. WITHOUT ROWID and keyed by (ballot, tracker), with no voter,
 *   no time and no sequence: SQLite stores a WITHOUT ROWID table in its primary key's order, so the
 *   rows sit in tracker order, which says nothing about who cast them or when (§10). (The WAL holds
 *   recently written pages until a checkpoint; the core checkpoints after each cast, see
 *   main/core/ballots/cast.ts.)
 * - `ballot_proxy_vote`: a proxy's ballot for an appointer, held apart (still encrypted, never
 *   decrypted alone) until the close, so that the appointer voting in person can override it;
 *   moved into the box at the close.
 * - `ballot_alpha`: the α of every ciphertext cast, to refuse a copied ballot (§6).
 * - `ballot_paper_batch`: counts of paper ballots entered per batch by two tellers.
 * - `membership_class` gains an optional cap on the class's share of the votes in a ballot.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  // A class's share of the total votes in a ballot may be capped by the rules (e.g. investor or
  // supporter members at 10%, as the Co-operatives UK multi-stakeholder model rules allow), in
  // basis points (1000 = 10%), with the rule that says so. Null: no cap. Nullable, so every
  // existing class's audit state is unchanged.
  await run(`alter table membership_class add column vote_cap_bp integer check (vote_cap_bp is null or (vote_cap_bp > 0 and vote_cap_bp < 10000))`);
  await run(`alter table membership_class add column vote_cap_source text`);

  await run(`create table ballot (
    id text primary key,
    organisation_id text not null references organisation(id),
    meeting_id text references meeting(id),
    title text not null,
    base text not null check (base in ('votes_cast', 'eligible_votes')),
    record_date text not null,
    status text not null check (status in ('draft', 'open', 'closed', 'decided', 'cancelled')),
    trustee_count integer not null check (trustee_count >= 2),
    threshold integer not null check (threshold >= 1 and threshold <= trustee_count),
    casting_vote integer not null default 0,
    setup_hash text not null,
    public_key text,
    fingerprint text,
    roll_hash text,
    roll_count integer,
    total_weight integer,
    opened_at text,
    closed_at text,
    sealed_box_hash text,
    box_count integer,
    tally text,
    result text,
    lot_seed text,
    decided_at text,
    created_at text not null,
    updated_at text not null
  ) strict`);
  await run(`create index ballot_organisation on ballot(organisation_id, status)`);
  await run(`create index ballot_meeting on ballot(meeting_id) where meeting_id is not null`);

  await run(`create table ballot_question (
    id text primary key,
    ballot_id text not null references ballot(id),
    position integer not null,
    kind text not null check (kind in ('resolution', 'election', 'consultation')),
    text text not null,
    resolution_kind text check (resolution_kind in ('ordinary', 'special')),
    resolution_id text references resolution(id),
    min_choices integer not null,
    max_choices integer not null,
    created_at text not null,
    check (kind <> 'resolution' or resolution_kind is not null),
    unique (ballot_id, position)
  ) strict`);

  await run(`create table ballot_choice (
    id text primary key,
    question_id text not null references ballot_question(id),
    position integer not null,
    label text not null,
    statement text,
    created_at text not null,
    unique (question_id, position)
  ) strict`);

  await run(`create table ballot_trustee (
    id text primary key,
    ballot_id text not null references ballot(id),
    position integer not null,
    name text not null,
    role text,
    public_part text,
    sealed_secret text,
    sealed_share text,
    decryption text,
    created_at text not null,
    updated_at text not null,
    unique (ballot_id, position)
  ) strict`);

  await run(`create table ballot_share (
    id text primary key,
    ballot_id text not null references ballot(id),
    dealer integer not null,
    recipient integer not null,
    sealed text not null,
    created_at text not null,
    unique (ballot_id, dealer, recipient)
  ) strict`);

  await run(`create table ballot_roll (
    id text primary key,
    ballot_id text not null references ballot(id),
    member_id text not null references member(id),
    member_number integer not null,
    name text not null,
    class_name text not null,
    weight integer not null check (weight > 0),
    code_hash text,
    voted_by text check (voted_by in ('kiosk', 'code', 'phone', 'paper', 'proxy')),
    paper_serial text,
    created_at text not null,
    updated_at text not null,
    unique (ballot_id, member_id)
  ) strict`);
  await run(`create index ballot_roll_number on ballot_roll(ballot_id, member_number)`);
  await run(`create unique index ballot_roll_code on ballot_roll(code_hash) where code_hash is not null`);
  await run(`create unique index ballot_roll_paper on ballot_roll(ballot_id, paper_serial) where paper_serial is not null`);

  await run(`create table ballot_box (
    ballot_id text not null references ballot(id),
    tracker text not null,
    weight integer not null check (weight > 0),
    ballot text not null,
    primary key (ballot_id, tracker)
  ) strict, without rowid`);
  // The box's rows are large (a ballot is ~11 KB), so counting or sealing it through the table
  // walks every row's pages; this index holds only (ballot, tracker, weight), in tracker order like
  // the table, so the count each cast's audit state needs and the seal read it alone.
  await run(`create index ballot_box_seal on ballot_box(ballot_id, tracker, weight)`);

  // Every α of every ballot cast (in the box or held as a proxy's vote), so a ballot that copies
  // another's ciphertexts and proofs is refused at cast (ballot copying, Cortier and Smyth 2011; §6).
  await run(`create table ballot_alpha (
    ballot_id text not null references ballot(id),
    alpha text not null,
    primary key (ballot_id, alpha)
  ) strict, without rowid`);

  await run(`create table ballot_proxy_vote (
    roll_id text primary key references ballot_roll(id),
    ballot_id text not null references ballot(id),
    proxy_appointment_id text not null references proxy_appointment(id),
    tracker text not null,
    ballot text not null,
    created_at text not null
  ) strict`);
  await run(`create index ballot_proxy_vote_ballot on ballot_proxy_vote(ballot_id)`);

  await run(`create table ballot_paper_batch (
    id text primary key,
    ballot_id text not null references ballot(id),
    label text not null,
    first_teller text,
    first_entry text,
    second_teller text,
    second_entry text,
    created_at text not null,
    updated_at text not null,
    unique (ballot_id, label)
  ) strict`);
}
