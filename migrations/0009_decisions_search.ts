import { sql, type Kysely } from 'kysely';

/**
 * The decisions register searched by word, fast at any size: 100,000 decisions searched with
 * `like '%word%'` read every row, so a word that matches nothing took over 100 ms.
 *
 * - `decision_fts`: an FTS5 index over each decision's text, organisation, proposer and seconder
 *   (external content: the words point back at `decision` rows by rowid, nothing is stored
 *   twice), kept by triggers whatever writes the table, and built now from the decisions already
 *   recorded. Accents are folded, so "Sian" finds "Siân".
 * - Indexes for the register's outcome filter and for a written resolution's decision.
 * No record changes, so no audit state changes.
 * Frozen: change the schema in a new migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create virtual table decision_fts using fts5(text, related_organisation, proposer, seconder,
    content = 'decision', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2')`);
  await run(`create trigger decision_fts_insert after insert on decision begin
    insert into decision_fts(rowid, text, related_organisation, proposer, seconder) values (new.rowid, new.text, new.related_organisation, new.proposer, new.seconder); end`);
  await run(`create trigger decision_fts_delete after delete on decision begin
    insert into decision_fts(decision_fts, rowid, text, related_organisation, proposer, seconder) values ('delete', old.rowid, old.text, old.related_organisation, old.proposer, old.seconder); end`);
  await run(`create trigger decision_fts_update after update of text, related_organisation, proposer, seconder on decision begin
    insert into decision_fts(decision_fts, rowid, text, related_organisation, proposer, seconder) values ('delete', old.rowid, old.text, old.related_organisation, old.proposer, old.seconder);
    insert into decision_fts(rowid, text, related_organisation, proposer, seconder) values (new.rowid, new.text, new.related_organisation, new.proposer, new.seconder); end`);
  await run(`insert into decision_fts(decision_fts) values ('rebuild')`);
  await run(`create index decision_outcome on decision(organisation_id, outcome, decided_on)`);
  await run(`create index decision_written on decision(written_resolution_id) where written_resolution_id is not null`);
}
