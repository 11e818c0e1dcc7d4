import { sql } from 'kysely';
import type { BallotResult } from '../../../../shared/contract/ballots';
import { addDays, formatLegalDate, ukDateOf } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import type { ReportSource } from '../source';
import { all, figures, n, pct, periodOf, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Ballots and elections closed in the period (issue 11, report 1), with turnout by class.
 *
 * What the records keep (docs/ballot-protocol.md): the roll is taken from the register on the
 * record date and frozen at opening, one entry per member with the name of their class then and
 * their votes; it records WHO voted and by which channel (a marked register), never how; the box
 * holds the encrypted ballots in an order that says nothing of who cast them, and only the sums
 * are ever decrypted. So turnout by class comes from the roll's marks without touching secrecy.
 * A member given a paper ballot is marked on the roll when the paper is given (ballots/paper.ts),
 * and the declared result counts them as voters the same way; the papers returned are counted by
 * the tellers in batches, which are not linked to the roll.
 *
 * A ballot counts in the period when voting closed on a day in it (UK time); its result is shown
 * when it was declared by the end of the period.
 */

/** Roll entries per slice of the per-class count (the roll_number index: ballot_id, member_number). */
const SLICE = 25_000;

export interface BallotClassTurnout {
  className: string;
  roll: number;
  voted: number;
  rollVotes: number;
  votedVotes: number;
}

export interface BallotInPeriod {
  id: string;
  title: string;
  closedOn: string;
  rollCount: number;
  boxCount: number | null;
  classes: BallotClassTurnout[];
  result: BallotResult | null;
}

/** Ballots of the organisation whose voting closed in the period (ballot_organisation: organisation_id, status). */
export async function ballotsClosedIn(db: ReadDb, organisationId: string, p: Pick<AnnualPeriod, 'from' | 'to'>) {
  // An instant is UTC; a UK day starts at most an hour before UTC's, so look a day either side and judge each by its UK day.
  const rows = await all<{ id: string; title: string; closed_at: string; roll_count: number | null; box_count: number | null; result: string | null; decided_at: string | null }>(
    db,
    sql`select id, title, closed_at, roll_count, box_count, result, decided_at from ballot
        where organisation_id = ${organisationId} and status in ('closed', 'decided')
          and closed_at >= ${addDays(p.from, -1)} and closed_at < ${addDays(p.to, 2)}
        order by closed_at, id`,
  );
  return rows
    .map((r) => ({ ...r, closedOn: ukDateOf(new Date(r.closed_at)) }))
    .filter((r) => r.closedOn >= p.from && r.closedOn <= p.to);
}

export async function ballotTurnoutByClass(db: ReadDb, ballotId: string, checkpoint: () => Promise<void>): Promise<BallotClassTurnout[]> {
  const range = await all<{ lo: number | null; hi: number | null }>(db, sql`select min(member_number) as lo, max(member_number) as hi from ballot_roll where ballot_id = ${ballotId}`);
  const lo = range[0]?.lo;
  const hi = range[0]?.hi;
  const out = new Map<string, BallotClassTurnout>();
  if (lo === null || lo === undefined || hi === null || hi === undefined) return [];
  for (let from = Number(lo); from <= Number(hi); from += SLICE) {
    const rows = await all<{ class_name: string; roll: number; voted: number; roll_votes: number; voted_votes: number }>(
      db,
      sql`select class_name, count(*) as roll, count(voted_by) as voted, sum(weight) as roll_votes, coalesce(sum(case when voted_by is not null then weight end), 0) as voted_votes
          from ballot_roll where ballot_id = ${ballotId} and member_number >= ${from} and member_number < ${from + SLICE}
          group by class_name`,
    );
    for (const r of rows) {
      const c = out.get(r.class_name) ?? { className: r.class_name, roll: 0, voted: 0, rollVotes: 0, votedVotes: 0 };
      c.roll += Number(r.roll);
      c.voted += Number(r.voted);
      c.rollVotes += Number(r.roll_votes);
      c.votedVotes += Number(r.voted_votes);
      out.set(r.class_name, c);
    }
    await checkpoint();
  }
  return [...out.values()].sort((a, b) => a.className.localeCompare(b.className, 'en-GB'));
}

export async function ballotsIn(src: Pick<ReportSource, 'db' | 'org' | 'checkpoint'>, p: AnnualPeriod): Promise<BallotInPeriod[]> {
  const out: BallotInPeriod[] = [];
  for (const b of await ballotsClosedIn(src.db, src.org.id, p)) {
    const classes = await ballotTurnoutByClass(src.db, b.id, src.checkpoint);
    const declaredOn = b.decided_at ? ukDateOf(new Date(b.decided_at)) : null;
    out.push({
      id: b.id,
      title: b.title,
      closedOn: b.closedOn,
      rollCount: b.roll_count ?? classes.reduce((k, c) => k + c.roll, 0),
      boxCount: b.box_count,
      classes,
      result: b.result && declaredOn !== null && declaredOn <= p.to ? (JSON.parse(b.result) as BallotResult) : null,
    });
  }
  return out;
}

export async function ballotsSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const ballots = await ballotsIn(src, p);
  const blocks: SectionResult['section']['blocks'] = [
    figures([{ id: 'ballots-closed', label: 'Ballots and elections closed in the period', value: n(ballots.length, 'annual.ballots.closed', { from: p.from, to: p.to }) }]),
  ];
  const missing: SectionResult['missing'] = [];
  for (const [i, b] of ballots.entries()) {
    const voted = b.classes.reduce((k, c) => k + c.voted, 0);
    const tid = `ballot-${i + 1}-turnout`;
    blocks.push(
      table(
        tid,
        `${b.title}: turnout by class (closed ${formatLegalDate(b.closedOn)})`,
        [
          { key: 'class', label: 'Class on the roll' },
          { key: 'roll', label: 'Members on the roll', numeric: true },
          { key: 'voted', label: 'Voted', numeric: true },
          { key: 'turnout', label: 'Turnout', numeric: true },
        ],
        b.classes.map((c) => ({
          class: words(c.className),
          roll: n(c.roll, 'annual.ballots.roll', { ballotId: b.id, className: c.className, voted: null }),
          voted: n(c.voted, 'annual.ballots.roll', { ballotId: b.id, className: c.className, voted: true }),
          turnout: pct(c.voted, c.roll),
        })),
        {
          total: {
            class: words('All classes'),
            roll: n(b.rollCount, 'annual.ballots.roll', { ballotId: b.id, className: null, voted: null }),
            voted: n(voted, 'annual.ballots.roll', { ballotId: b.id, className: null, voted: true }),
            turnout: pct(voted, b.rollCount),
          },
          empty: 'The roll was empty.',
          note: `From the roll, which records who voted and by which channel, never how (the ballots are encrypted and only their sums decrypted); members given a paper ballot count as voting, as in the declared result. Ballots in the box at the close: ${b.boxCount === null ? 'not recorded' : b.boxCount.toLocaleString('en-GB')} (electronic, and proxies’; papers are counted by the tellers).`,
        },
      ),
    );
    if (b.result) {
      blocks.push({ type: 'quote', title: `${b.title}: the result as declared`, paragraphs: [...b.result.questions.map((q) => q.words), b.result.turnout.words] });
    } else {
      blocks.push({ type: 'text', tone: 'note', text: `${b.title}: no result had been declared by ${formatLegalDate(p.to)}.` });
      missing.push({ section: 'Ballots and elections', what: `The result of “${b.title}”, which closed on ${formatLegalDate(b.closedOn)}, had not been declared by ${formatLegalDate(p.to)}.` });
    }
  }
  if (ballots.length === 0) blocks.push({ type: 'text', text: 'No ballot or election closed in the period.' });
  return { section: { id: 'ballots', title: 'Ballots and elections', blocks }, missing };
}
