import type { ReportRequest } from '../../../../shared/contract/reports';
import type { OrganisationRow } from '../../db/schema';
import type { TestCore } from '../../testing';
import type { BuiltReport, ReportBuilder, ReportSource } from '../source';
import { TRACE_SETS } from '../trace/index';
import { REGULATOR_TRACE_SETS } from '../trace/regulator';
import { reportDocSchema, type ReportBlock, type ReportSection, type ReportValue } from '../../../../shared/contract/reports';

/**
 * Tests of the regulator's reports call their builders directly with a source made here (one read
 * of the real file through the core's own handle), until reports.build runs them as jobs.
 */
export async function orgRow(t: TestCore): Promise<OrganisationRow> {
  return t.core.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
}

export async function build(t: TestCore, builder: ReportBuilder, request: ReportRequest, period: { from: string | null; to: string }): Promise<BuiltReport & { steps: string[] }> {
  const steps: string[] = [];
  const src: ReportSource = {
    db: t.core.db,
    org: await orgRow(t),
    request,
    period,
    today: '2026-11-30',
    progress: (_d, _t, label) => void steps.push(label),
    checkpoint: () => Promise.resolve(),
  };
  const built = await builder(src);
  // What the runner adds, so the whole document is checked against the contract the screens and exports read.
  reportDocSchema.parse({
    request,
    title: built.title,
    organisation: { id: src.org.id, name: src.org.name, legalForm: src.org.legal_form, registrationNumber: src.org.registration_number },
    period,
    producedAt: '2026-11-30T12:00:00.000Z',
    auditHead: { seq: 1, hash: 'x' },
    sections: built.sections,
    missing: built.missing,
  });
  const tableIds = blocks(built.sections).flatMap((b) => (b.type === 'table' ? [b.id] : []));
  if (new Set(tableIds).size !== tableIds.length) throw new Error(`Table ids must be unique in a report: ${tableIds.join(', ')}`);
  return { ...built, steps };
}

/** Every block of a report, depth first. */
export function blocks(sections: ReportSection[]): ReportBlock[] {
  return sections.flatMap((s) => [...s.blocks, ...blocks(s.sections ?? [])]);
}

export function section(r: BuiltReport, id: string): ReportSection {
  const s = r.sections.find((x) => x.id === id);
  if (!s) throw new Error(`No section ${id}: ${r.sections.map((x) => x.id).join(', ')}`);
  return s;
}

export function figure(r: BuiltReport, id: string): ReportValue {
  for (const b of blocks(r.sections)) if (b.type === 'figures') for (const i of b.items) if (i.id === id) return i.value;
  throw new Error(`No figure ${id}`);
}

export function table(r: BuiltReport, id: string) {
  const b = blocks(r.sections).find((x) => x.type === 'table' && x.id === id);
  if (!b || b.type !== 'table') throw new Error(`No table ${id}`);
  return b;
}

export function statements(r: BuiltReport) {
  return blocks(r.sections).flatMap((b) => (b.type === 'statement' ? [b] : []));
}

/** Every value carrying a trace: figures, table cells and totals. */
export function traced(r: BuiltReport): ReportValue[] {
  const out: ReportValue[] = [];
  for (const b of blocks(r.sections)) {
    if (b.type === 'figures') out.push(...b.items.map((i) => i.value));
    if (b.type === 'table') {
      for (const row of b.rows) out.push(...Object.values(row));
      if (b.total) out.push(...Object.values(b.total));
    }
  }
  return out.filter((v) => v.trace);
}

/** The trace set by name: from the merged map once registered, else the regulator's own. */
export function traceSet(name: string) {
  const set = TRACE_SETS[name] ?? REGULATOR_TRACE_SETS[name];
  if (!set) throw new Error(`No trace set ${name}`);
  return set;
}

/** Lists a value's trace in full (pages of 500). */
export async function listTrace(t: TestCore, v: ReportValue) {
  const set = traceSet(v.trace!.set);
  const org = await orgRow(t);
  const first = await set.list(t.core.db, org, v.trace!.params, { offset: 0, limit: 500 });
  return first;
}
