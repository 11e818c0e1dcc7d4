import { createHash } from 'node:crypto';
import type { StateReader } from '../audit/state';

/**
 * Files kept inside the database (papers now, contract documents later). A document's state is
 * its own columns except its bytes, whose SHA-256 is one of those columns; verify also hashes
 * every document's bytes again and names any whose contents no longer match, since a paper
 * swapped in the file with a database tool would otherwise keep its recorded hash.
 */
export const documentState: StateReader = {
  type: 'document',
  describe: async (db, id) => {
    const p = await db.selectFrom('paper').select(['title', 'file_name']).where('document_id', '=', id).executeTakeFirst();
    return p ? `the paper “${p.title}” (${p.file_name})` : `a stored document (${id})`;
  },
  read: async (db, ids) => {
    const rows = await db.selectFrom('document').select(['id', 'organisation_id', 'sha256', 'size', 'media_type', 'created_at']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { ...r }]));
  },
  ids: async (db, after, limit) => {
    let q = db.selectFrom('document').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
  check: async (db) => {
    const findings: { id: string; message: string }[] = [];
    let checked = 0;
    let after: string | null = null;
    // A page at a time, so a file with many large papers is never read into memory at once.
    for (;;) {
      let q = db.selectFrom('document').select(['id', 'sha256', 'bytes']).orderBy('id').limit(20);
      if (after !== null) q = q.where('id', '>', after);
      const rows = await q.execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        checked += 1;
        if (createHash('sha256').update(r.bytes).digest('hex') !== r.sha256) {
          findings.push({ id: r.id, message: 'its contents no longer match the SHA-256 recorded when it was attached' });
        }
      }
      after = rows.at(-1)!.id;
    }
    return { checked, findings };
  },
};
