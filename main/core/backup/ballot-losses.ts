import type Database from 'better-sqlite3';
import type { ReadDb } from '../context';

/**
 * What restoring a backup would undo in the ballots (issue 8, "Bad input and attacks": restoring a
 * backup taken during a ballot). The roll is the one place that knows who has voted, and the box
 * holds the ballots with no voter; a backup taken while a ballot was open holds both as they were
 * then. Restoring it drops every vote cast since, with the receipts those voters were given, and
 * the roll forgets that they voted, so they could vote again. The restore is not refused (the live
 * file may be damaged, and the secretary may need the backup): the check names the loss in words
 * before the secretary confirms, and the restore's audit event records it.
 */
export type BallotStatus = 'draft' | 'open' | 'closed' | 'decided' | 'cancelled';

/** One ballot as a file holds it: enough to compare two files, nothing about how anyone voted. */
export interface BallotFacts {
  id: string;
  title: string;
  status: BallotStatus;
  /** Roll entries marked as voted (any channel, paper issued included). */
  voted: number;
}

const FACTS_SQL = `select b.id as id, b.title as title, b.status as status,
  (select count(*) from ballot_roll r where r.ballot_id = b.id and r.voted_by is not null) as voted
  from ballot b order by b.id`;

/**
 * The ballots in a candidate file, read through its own read-only connection. A file made before
 * migration 0013 has no ballot tables, so no ballots. Called only once the file's schema has been
 * found to be exactly the app's (candidate.ts), so the query runs against known tables.
 */
export function backupBallots(raw: Database.Database, tables: ReadonlySet<string>): BallotFacts[] {
  if (!tables.has('ballot') || !tables.has('ballot_roll')) return [];
  return (raw.prepare(FACTS_SQL).all() as BallotFacts[]).map((b) => ({ ...b, voted: Number(b.voted) }));
}

/** The ballots in the live file. */
export async function liveBallots(db: ReadDb): Promise<BallotFacts[]> {
  const rows = await db
    .selectFrom('ballot as b')
    .select(['b.id', 'b.title', 'b.status'])
    .select((eb) =>
      eb
        .selectFrom('ballot_roll as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.ballot_id', '=', 'b.id')
        .where('r.voted_by', 'is not', null)
        .as('voted'),
    )
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, voted: Number(r.voted ?? 0) }));
}

const votes = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'vote' : 'votes'}`;
const STAGE: Record<BallotStatus, number> = { draft: 0, open: 1, closed: 2, decided: 3, cancelled: 4 };

/**
 * One sentence (or two) per ballot that restoring `backup` over `live` would set back, in the
 * order the ballots were set up; empty when the backup holds every ballot as the live file does.
 *
 * @example
 * ballotLosses([{ id, title: 'AGM 2026 poll', status: 'open', voted: 40 }], [{ id, title: 'AGM 2026 poll', status: 'open', voted: 3 }])
 * // ['This backup was taken while the ballot “AGM 2026 poll” was open: 37 votes recorded since
 * //   then would be lost, and those voters’ receipts would not be in the box. Members who voted
 * //   after it was taken could vote again.']
 */
export function ballotLosses(live: readonly BallotFacts[], backup: readonly BallotFacts[]): string[] {
  const inBackup = new Map(backup.map((b) => [b.id, b]));
  const out: string[] = [];
  for (const l of live) {
    const b = inBackup.get(l.id);
    const name = `the ballot “${l.title}”`;
    if (!b) {
      out.push(missing(l, name));
      continue;
    }
    const lost = Math.max(0, l.voted - b.voted);
    const clauses: string[] = [];
    if (lost > 0) clauses.push(`${votes(lost)} recorded since then would be lost, and those voters’ receipts would not be in the box`);
    if (STAGE[b.status] < STAGE[l.status]) {
      if (l.status === 'cancelled') clauses.push(`the ballot, cancelled since, would be ${b.status === 'draft' ? 'back to being set up' : 'open for voting again'}`);
      else if (b.status === 'draft') clauses.push('the ballot would be back to being set up, without its frozen roll');
      else if (b.status === 'open') clauses.push(`voting, which has since closed, would be open again and the ballot would need closing again`);
      if (l.status === 'decided') clauses.push('its declared result and the trustees’ decryptions would be lost, so the trustees would need to decrypt again');
    }
    if (clauses.length === 0) continue;
    const when =
      b.status === 'draft'
        ? `This backup was taken before ${name} opened`
        : b.status === 'open'
          ? `This backup was taken while ${name} was open`
          : b.status === 'closed' && l.status === 'decided'
            ? `This backup was taken after ${name} closed, before its result was declared`
            : `This backup holds ${name} as it was earlier`;
    out.push(`${when}: ${clauses.join('; ')}.${lost > 0 ? ' Members who voted after it was taken could vote again.' : ''}`);
  }
  return out;
}

/** A ballot of the live file that the backup does not hold at all: it was set up after the backup. */
function missing(l: BallotFacts, name: string): string {
  const cast = l.voted > 0 ? `, with the ${votes(l.voted)} recorded on its roll; those voters’ receipts would not be in any box, and they could vote again in a new ballot` : '';
  switch (l.status) {
    case 'draft':
      return `This backup was taken before ${name} was set up: its set-up, with any trustees’ keys made for it, would be lost.`;
    case 'open':
      return `This backup was taken before ${name} was set up: restoring it would remove the ballot while it is open for voting${cast || ' (no votes have been recorded yet)'}.`;
    case 'closed':
      return `This backup was taken before ${name} was set up: restoring it would remove the closed ballot and its sealed box${cast}.`;
    case 'decided':
      return `This backup was taken before ${name} was set up: restoring it would remove the ballot and its declared result${cast}.`;
    case 'cancelled':
      return `This backup was taken before ${name} was set up: the record of the ballot and its cancellation would be lost.`;
  }
}
