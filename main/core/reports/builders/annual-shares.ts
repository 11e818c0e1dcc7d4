import { sql } from 'kysely';
import { LEDGER_KIND_LABEL, type LedgerKind } from '../../../../shared/contract/shares';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import { organisationOnDate } from '../../contracts/reports/organisation-on-date';
import type { ReportSource } from '../source';
import { movedSince } from './annual-membership';
import { classesOnDate } from './regulator-records';
import { all, n, periodOf, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Shares (issue 11, report 1), where the legal form on the date has them: the shares in issue by
 * class at the start and end of the period, and those allotted, transferred, withdrawn and
 * redeemed (or bought back or cancelled) in it, from the share ledger. Ledger entries are signed
 * (allotments and transfers in positive; the rest negative), so the shares in issue on a day are
 * the sum of the entries dated on or before it (as meetings/people.ts `sharesHeldOn` reads them).
 *
 * The ledger has no index by organisation and date, so it is read through the members: the
 * register's number index in slices of members, each slice's ledger from share_transaction_member
 * (member_id, date), with a yield between slices so no read holds the host for long.
 */

/** Members per slice of the ledger read. */
const SLICE = 20_000;

export interface ShareClassFigures {
  classId: string;
  name: string;
  atStart: number;
  atEnd: number;
  /** Shares moved by each kind of entry in the period (positive numbers). */
  moved: Record<LedgerKind, number>;
  /** Ledger entries of each kind in the period. */
  entries: Record<LedgerKind, number>;
}

const KINDS: LedgerKind[] = ['allotment', 'transfer_in', 'transfer_out', 'withdrawal', 'redemption', 'purchase', 'cancellation'];
const zero = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;

export async function shareFigures(db: ReadDb, organisationId: string, p: AnnualPeriod, checkpoint: () => Promise<void>): Promise<ShareClassFigures[]> {
  const range = await all<{ lo: number | null; hi: number | null }>(db, sql`select min(member_number) as lo, max(member_number) as hi from member where organisation_id = ${organisationId}`);
  const lo = range[0]?.lo;
  const hi = range[0]?.hi;
  const classes = new Map<string, ShareClassFigures>();
  // Classes under their names at the end of the period, each member's entries in the class they were then in.
  const names = await classesOnDate(db, organisationId, p.to);
  if (lo === null || lo === undefined || hi === null || hi === undefined) return [];
  type Row = { class_id: string; kind: LedgerKind; at_start: number; at_end: number; moved: number; entries: number };
  const add = (r: Row, sign: 1 | -1) => {
    const c = classes.get(r.class_id) ?? { classId: r.class_id, name: names.get(r.class_id)?.name ?? '', atStart: 0, atEnd: 0, moved: zero(), entries: zero() };
    c.atStart += sign * Number(r.at_start);
    c.atEnd += sign * Number(r.at_end);
    c.moved[r.kind] += sign * Number(r.moved);
    c.entries[r.kind] += sign * Number(r.entries);
    classes.set(r.class_id, c);
  };
  const sums = sql`coalesce(sum(case when s.date <= ${p.start} then s.shares end), 0) as at_start,
            sum(s.shares) as at_end,
            coalesce(sum(case when s.date >= ${p.from} then abs(s.shares) end), 0) as moved,
            count(case when s.date >= ${p.from} then 1 end) as entries`;
  for (let from = Number(lo); from <= Number(hi); from += SLICE) {
    const rows = await all<Row>(
      db,
      sql`select m.class_id, s.kind, ${sums}
          from member m join share_transaction s on s.member_id = m.id and s.date <= ${p.to}
          where m.organisation_id = ${organisationId} and m.member_number >= ${from} and m.member_number < ${from + SLICE} and s.organisation_id = ${organisationId}
          group by m.class_id, s.kind`,
    );
    for (const r of rows) add(r, 1);
    await checkpoint();
  }
  const moved = await movedSince(db, organisationId, p.to);
  if (moved.length) {
    const then = new Map(moved.map((m) => [m.id, m.then]));
    const rows = await all<Row & { member_id: string }>(
      db,
      sql`select s.member_id, m.class_id, s.kind, ${sums}
          from member m join share_transaction s on s.member_id = m.id and s.date <= ${p.to}
          where m.organisation_id = ${organisationId} and m.id in (${sql.join(moved.map((m) => m.id))})
          group by s.member_id, m.class_id, s.kind`,
    );
    for (const r of rows) {
      add(r, -1);
      add({ ...r, class_id: then.get(r.member_id)! }, 1);
    }
  }
  // A class left with nothing once its moved members are counted where they were is not shown.
  for (const [id, c] of classes) if (c.atStart === 0 && c.atEnd === 0 && KINDS.every((k) => c.entries[k] === 0)) classes.delete(id);
  return [...classes.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.classId.localeCompare(b.classId));
}

export async function sharesSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const form = (await organisationOnDate(src.db, src.org, p.to)).legalForm;
  const info = LEGAL_FORM_INFO[form];
  if (!info.hasShares) {
    return {
      section: { id: 'shares', title: 'Shares', blocks: [{ type: 'text', text: `On ${formatLegalDate(p.to)} the organisation was a ${info.label.toLowerCase()}, which has no share capital: its members hold no shares.` }] },
      missing: [],
    };
  }
  const classes = await shareFigures(src.db, src.org.id, p, src.checkpoint);
  const sum = (f: (c: ShareClassFigures) => number) => classes.reduce((k, c) => k + f(c), 0);
  const shareRow = (c: Pick<ShareClassFigures, 'atStart' | 'atEnd' | 'moved'>) => ({
    atStart: n(c.atStart),
    allotted: n(c.moved.allotment),
    transferred: n(c.moved.transfer_in),
    withdrawn: n(c.moved.withdrawal),
    redeemed: n(c.moved.redemption + c.moved.purchase + c.moved.cancellation),
    atEnd: n(c.atEnd),
  });
  const totalMoved = Object.fromEntries(KINDS.map((k) => [k, sum((c) => c.moved[k])])) as Record<LedgerKind, number>;
  const totalEntries = Object.fromEntries(KINDS.map((k) => [k, sum((c) => c.entries[k])])) as Record<LedgerKind, number>;
  const blocks: SectionResult['section']['blocks'] = [
    table(
      'shares-by-class',
      'Shares in issue and moved in the period, by class',
      [
        { key: 'class', label: 'Class' },
        { key: 'atStart', label: `In issue on ${formatLegalDate(p.start)}`, numeric: true },
        { key: 'allotted', label: 'Allotted', numeric: true },
        { key: 'transferred', label: 'Transferred', numeric: true },
        { key: 'withdrawn', label: 'Withdrawn', numeric: true },
        { key: 'redeemed', label: 'Redeemed, bought back or cancelled', numeric: true },
        { key: 'atEnd', label: `In issue on ${formatLegalDate(p.to)}`, numeric: true },
      ],
      classes.map((c) => ({ class: words(c.name), ...shareRow(c) })),
      {
        total: { class: words('All classes'), ...shareRow({ atStart: sum((c) => c.atStart), atEnd: sum((c) => c.atEnd), moved: totalMoved }) },
        empty: 'No share was in issue or moved in the period.',
        note: 'Numbers of shares, from the share ledger. Transferred: the shares received by members of the class (a transfer moves shares between members, so it leaves the shares in issue unchanged). Each member’s shares are counted in the class they were in at the end of the period.',
      },
    ),
    table(
      'shares-ledger-entries',
      'Share ledger entries in the period',
      [
        { key: 'kind', label: 'Entry' },
        { key: 'entries', label: 'Entries', numeric: true },
        { key: 'shares', label: 'Shares', numeric: true },
      ],
      KINDS.filter((k) => totalEntries[k] > 0).map((k) => ({
        kind: words(LEDGER_KIND_LABEL[k]),
        entries: n(totalEntries[k], 'annual.shares.entries', { from: p.from, to: p.to, kind: k }),
        shares: n(totalMoved[k]),
      })),
      { empty: 'No entry was made in the share ledger in the period.' },
    ),
  ];
  return { section: { id: 'shares', title: 'Shares', blocks }, missing: [] };
}
