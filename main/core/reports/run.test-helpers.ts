import { formatLegalDate } from '../../../shared/rules/legal-date';
import type { ReportKind } from '../../../shared/contract/reports';
import { count, text, type ReportBuilder } from './source';

/**
 * Builders for the runner's and the formats' tests, until the real ones land (and after: they
 * exercise every kind of block). Loaded on the host (put into BUILDERS by the test) and in the
 * report worker (REPORT_RUNNER.builderModule names this module), so both paths run the same code.
 */

/** Every kind of block, with figures counted from the register as at the period's end. */
export const testBuilder: ReportBuilder = async (src) => {
  const to = src.period.to;
  src.progress(0, 2, 'Counting the members');
  const members = await src.db
    .selectFrom('member')
    .select(['id', 'given_names', 'family_name', 'admitted_on'])
    .where('organisation_id', '=', src.org.id)
    .where('admitted_on', '<=', to)
    .where((eb) => eb.or([eb('ceased_on', 'is', null), eb('ceased_on', '>', to)]))
    .orderBy('family_name')
    .orderBy('given_names')
    .execute();
  await src.checkpoint();
  src.progress(1, 2, 'Writing');
  const byYear = new Map<string, number>();
  for (const m of members) byYear.set(m.admitted_on.slice(0, 4), (byYear.get(m.admitted_on.slice(0, 4)) ?? 0) + 1);
  const years = [...byYear.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const trace = { set: 'test.members', params: { on: to } };
  return {
    title: 'Annual governance report',
    sections: [
      {
        id: 'membership',
        title: 'Membership',
        blocks: [
          text(`The register as it stood on ${formatLegalDate(to)}.`),
          text('A member is admitted by entry in the register (CA 2006 s112(2)).', 'law'),
          { type: 'figures', items: [{ id: 'members', label: 'Members at the end of the period', value: count(members.length, trace) }] },
          {
            type: 'table',
            id: 'members',
            title: 'Members by the year they were admitted',
            columns: [
              { key: 'year', label: 'Year admitted' },
              { key: 'count', label: 'Members', numeric: true },
            ],
            rows: years.map(([year, n]) => ({ year: { display: year }, count: count(n) })),
            total: { year: { display: 'Total' }, count: count(members.length) },
            empty: 'No one was a member on the date.',
          },
          { type: 'chart', id: 'members-chart', chart: 'bar', title: 'Members by year admitted', alt: `Members by year admitted: ${years.map(([y, n]) => `${y}, ${n}`).join('; ')}.`, tableId: 'members', labelKey: 'year', valueKeys: ['count'] },
        ],
        sections: [
          {
            id: 'member-list',
            title: 'Members on the date',
            blocks: [
              {
                type: 'table',
                id: 'member-list',
                title: 'Members on the date, by name',
                columns: [
                  { key: 'name', label: 'Name' },
                  { key: 'admitted', label: 'Admitted' },
                ],
                rows: members.map((m) => ({ name: { display: `${m.given_names} ${m.family_name}` }, admitted: { display: formatLegalDate(m.admitted_on) } })),
              },
            ],
          },
        ],
      },
      {
        id: 'control',
        title: 'Employee ownership and control',
        blocks: [
          { type: 'statement', title: 'Members control the organisation', status: 'met', text: 'Every member has one vote.', evidence: [`${members.length} members on the register`, 'Rules: one member, one vote'], citation: 'Procurement Act 2023 s33' },
          { type: 'toWrite', title: 'The chair’s review of the year', why: 'The records hold no words for it.' },
          { type: 'quote', title: 'Resolution 1', paragraphs: ['THAT the accounts be received.', 'THAT the auditors be reappointed.'] },
          { type: 'form', title: 'Proxy form', intro: 'I appoint the following as my proxy.', fields: ['Name of member', 'Name of proxy', 'Signature'] },
        ],
      },
    ],
    missing: [{ section: 'control', what: 'The chair’s review of the year' }],
  };
};

/** A builder that takes its time, step by step, so a test can cancel it part-way. */
export const slowBuilder: ReportBuilder = async (src) => {
  const steps = 400;
  for (let i = 0; i < steps; i++) {
    src.progress(i, steps, `Step ${i + 1} of ${steps}`);
    await new Promise((r) => setTimeout(r, 10));
    await src.checkpoint();
  }
  return { title: 'Board effectiveness pack', sections: [], missing: [] };
};

/** A builder that reports progress for each of 20,000 rows, without pausing. */
export const noisyBuilder: ReportBuilder = async (src) => {
  const rows = 20_000;
  for (let i = 1; i <= rows; i++) {
    src.progress(i, rows, 'Reading the rows');
    if (i % 1000 === 0) await src.checkpoint();
  }
  return { title: 'Consolidated group report', sections: [], missing: [] };
};

/** A builder that keeps its thread busy for 600 ms in three steps, never yielding (as a careless builder might). */
export const busyBuilder: ReportBuilder = async (src) => {
  for (let step = 0; step < 3; step++) {
    src.progress(step, 3, 'Working');
    const until = performance.now() + 200;
    while (performance.now() < until) {
      // busy
    }
  }
  return { title: 'Employee ownership trust checks', sections: [], missing: [] };
};

export const TEST_BUILDERS: Partial<Record<ReportKind, ReportBuilder>> = { annual: testBuilder, effectiveness: slowBuilder, group: noisyBuilder, eot: busyBuilder };
