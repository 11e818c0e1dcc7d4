import { sql, type RawBuilder } from 'kysely';
import { formatPence } from '../../../../shared/rules/shareholding';
import { formatLegalDate } from '../../../../shared/rules/legal-date';
import type { ReadDb } from '../../context';
import { incomeByCommissionerOn } from '../../contracts/reports/live-income';
import type { ReportSource } from '../source';
import { all, byName, figures, n, pct, periodOf, table, words, type AnnualPeriod, type SectionResult } from './annual-util';

/**
 * Contracts (issue 11, report 1): the annual income of the contracts live on the last day of the
 * period by commissioner (contracts/reports/live-income.ts, as the portfolio reads it), and the
 * contracts awarded, extended and ended in the period.
 *
 * - Awarded: the award date in the period (contract_org_award: organisation_id, award_on).
 * - Extended: an option to extend exercised on a day in the period (one count per extension).
 * - Ended: the contract's current end (its 'end' duty, as income-rows.ts keeps it) in the period
 *   and not terminated before it, or terminated in the period (contract_income_live).
 * A contract's term is read as it now stands (live-income.ts says why): an extension exercised
 * after the period is taken as known in it.
 */

export type ContractCountKind = 'awarded' | 'extended' | 'ended';

/** The statement behind each count: the rows (contract id, counterparty, and for extensions the extension id) in the period. */
export function contractRows(kind: ContractCountKind, organisationId: string, p: Pick<AnnualPeriod, 'from' | 'to'>): RawBuilder<{ id: string; contract_id: string; counterparty_id: string; on: string }> {
  if (kind === 'awarded') {
    return sql`select c.id as id, c.id as contract_id, c.counterparty_id as counterparty_id, c.award_on as "on" from contract c
               where c.organisation_id = ${organisationId} and c.award_on >= ${p.from} and c.award_on <= ${p.to}`;
  }
  if (kind === 'extended') {
    return sql`select e.id as id, c.id as contract_id, c.counterparty_id as counterparty_id, e.exercised_on as "on" from contract_extension e join contract c on c.id = e.contract_id
               where c.organisation_id = ${organisationId} and e.exercised_on >= ${p.from} and e.exercised_on <= ${p.to}`;
  }
  return sql`select i.contract_id as id, i.contract_id as contract_id, i.counterparty_id as counterparty_id, i.current_end_on as "on" from contract_income i
             where i.organisation_id = ${organisationId} and i.current_end_on >= ${p.from} and i.current_end_on <= ${p.to} and (i.terminated_on is null or i.terminated_on > i.current_end_on)
             union all
             select i.contract_id, i.contract_id, i.counterparty_id, i.terminated_on from contract_income i
             where i.organisation_id = ${organisationId} and i.terminated_on >= ${p.from} and i.terminated_on <= ${p.to} and i.terminated_on <= i.current_end_on`;
}

async function countsByCommissioner(db: ReadDb, kind: ContractCountKind, organisationId: string, p: AnnualPeriod) {
  const rows = await all<{ counterparty_id: string; k: number }>(db, sql`select counterparty_id, count(*) as k from (${contractRows(kind, organisationId, p)}) group by counterparty_id`);
  return new Map(rows.map((r) => [r.counterparty_id, Number(r.k)]));
}

export async function contractsSection(src: Pick<ReportSource, 'db' | 'org' | 'period' | 'checkpoint'>): Promise<SectionResult> {
  const p = periodOf(src);
  const live = await incomeByCommissionerOn(src.db, src.org.id, p.to);
  await src.checkpoint();
  const awarded = await countsByCommissioner(src.db, 'awarded', src.org.id, p);
  await src.checkpoint();
  const extended = await countsByCommissioner(src.db, 'extended', src.org.id, p);
  await src.checkpoint();
  const ended = await countsByCommissioner(src.db, 'ended', src.org.id, p);
  await src.checkpoint();

  const ids = new Set([...live.map((l) => l.counterpartyId), ...awarded.keys(), ...extended.keys(), ...ended.keys()]);
  const missingNames = [...ids].filter((id) => !live.some((l) => l.counterpartyId === id));
  const names = new Map(live.map((l) => [l.counterpartyId, l.name]));
  if (missingNames.length) {
    for (const r of await all<{ id: string; name: string }>(src.db, sql`select id, name from counterparty where id in (${sql.join(missingNames)})`)) names.set(r.id, r.name);
  }
  const totalPence = live.reduce((k, l) => k + l.pence, 0);
  const sumMap = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const liveCount = live.reduce((k, l) => k + l.contracts, 0);
  const rows = [...ids]
    .map((id) => ({ id, name: names.get(id) ?? '', l: live.find((x) => x.counterpartyId === id) }))
    .sort((a, b) => (b.l?.pence ?? 0) - (a.l?.pence ?? 0) || byName(a, b) || a.id.localeCompare(b.id));
  const pp = { from: p.from, to: p.to };
  const blocks: SectionResult['section']['blocks'] = [
    figures([
      { id: 'contracts-live', label: `Contracts live on ${formatLegalDate(p.to)}`, value: n(liveCount, 'annual.contracts.live', { on: p.to, counterpartyId: null }) },
      { id: 'contracts-income', label: 'Their annual income', value: { display: formatPence(totalPence), value: totalPence } },
      { id: 'contracts-awarded', label: 'Contracts awarded in the period', value: n(sumMap(awarded), 'annual.contracts.awarded', { ...pp, counterpartyId: null }) },
      { id: 'contracts-extended', label: 'Extensions exercised in the period', value: n(sumMap(extended), 'annual.contracts.extended', { ...pp, counterpartyId: null }) },
      { id: 'contracts-ended', label: 'Contracts ended in the period', value: n(sumMap(ended), 'annual.contracts.ended', { ...pp, counterpartyId: null }) },
    ]),
    table(
      'contracts-by-commissioner',
      'Contracts by commissioner',
      [
        { key: 'commissioner', label: 'Commissioner' },
        { key: 'live', label: `Live on ${formatLegalDate(p.to)}`, numeric: true },
        { key: 'income', label: 'Annual income', numeric: true },
        { key: 'share', label: 'Share of income', numeric: true },
        { key: 'awarded', label: 'Awarded', numeric: true },
        { key: 'extended', label: 'Extended', numeric: true },
        { key: 'ended', label: 'Ended', numeric: true },
      ],
      rows.map((r) => ({
        commissioner: words(r.name),
        live: n(r.l?.contracts ?? 0, 'annual.contracts.live', { on: p.to, counterpartyId: r.id }),
        income: { display: formatPence(r.l?.pence ?? 0), value: r.l?.pence ?? 0 },
        share: pct(r.l?.pence ?? 0, totalPence),
        awarded: n(awarded.get(r.id) ?? 0, 'annual.contracts.awarded', { ...pp, counterpartyId: r.id }),
        extended: n(extended.get(r.id) ?? 0, 'annual.contracts.extended', { ...pp, counterpartyId: r.id }),
        ended: n(ended.get(r.id) ?? 0, 'annual.contracts.ended', { ...pp, counterpartyId: r.id }),
      })),
      {
        total: {
          commissioner: words('All commissioners'),
          live: n(liveCount, 'annual.contracts.live', { on: p.to, counterpartyId: null }),
          income: { display: formatPence(totalPence), value: totalPence },
          share: pct(totalPence, totalPence),
          awarded: n(sumMap(awarded), 'annual.contracts.awarded', { ...pp, counterpartyId: null }),
          extended: n(sumMap(extended), 'annual.contracts.extended', { ...pp, counterpartyId: null }),
          ended: n(sumMap(ended), 'annual.contracts.ended', { ...pp, counterpartyId: null }),
        },
        empty: 'No contract was live on the date or awarded, extended or ended in the period.',
        note: 'Annual income is the annual value recorded for each contract live on the date (awarded, started, not ended or terminated), as in the contracts portfolio; a contract with no value recorded counts with none. Ended: reached its end, or terminated, in the period.',
      },
    ),
  ];
  if (rows.length > 0 && totalPence > 0) {
    blocks.push({
      type: 'chart',
      id: 'contracts-by-commissioner-chart',
      chart: 'bar',
      title: 'Annual income by commissioner',
      alt: `Bar chart of the annual income of the contracts live on ${formatLegalDate(p.to)} by commissioner: ${rows
        .filter((r) => (r.l?.pence ?? 0) > 0)
        .map((r) => `${r.name} ${formatPence(r.l!.pence)}`)
        .join('; ')}.`,
      tableId: 'contracts-by-commissioner',
      labelKey: 'commissioner',
      valueKeys: ['income'],
    });
  }
  return { section: { id: 'contracts', title: 'Contracts', blocks }, missing: [] };
}
