import type { StateReader } from '../audit/state';
import type { ReadDb } from '../context';
import { termsOf } from './status';
import { generateDuties } from './terms';
import { incomeMonthsDiffering, incomeRowsDiffering } from './reports/income-rows';

/**
 * What the audit log vouches for in a contract: its own columns (not the reference key, which is
 * derived) and every part — service codes, extension options, break clauses, price reviews, KPIs,
 * variations, documents (with the SHA-256 of their contents), decision links and the duties
 * recorded as done. Editing any of them in the file with a database tool shows up in Verify as
 * the contract changed outside the app. The dated duties themselves are derived from the terms
 * and rebuilt on every change; `check` regenerates them and names a contract whose stored
 * duties (their keys, kinds and dates) no longer match its terms, or whose duties' `done` flags
 * (migration 0018, read by the timeline's open-duties index) differ from contract_duty_done, or
 * whose duties' copies of its reference, title and commissioner's name (migration 0023, shown on
 * the timeline) differ from them, and the monthly live-income checkpoints (migration 0020) that
 * differ from the income rows. The duties' own titles are words a later version may put
 * differently, so they are not compared.
 */
async function read(db: ReadDb, ids: readonly string[]) {
  const [rows, services, extensions, breaks, reviews, kpis, variations, documents, decisions, done] = await Promise.all([
    db.selectFrom('contract').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('contract_service').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('cpv_code').execute(),
    db.selectFrom('contract_extension').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
    db.selectFrom('contract_break').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
    db.selectFrom('contract_price_review').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
    db.selectFrom('contract_kpi').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
    db.selectFrom('contract_variation').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('id').execute(),
    db
      .selectFrom('contract_document as cd')
      .innerJoin('document as d', 'd.id', 'cd.document_id')
      .selectAll('cd')
      .select(['d.sha256'])
      .where('cd.contract_id', 'in', ids)
      .orderBy('cd.contract_id')
      .orderBy('cd.id')
      .execute(),
    db.selectFrom('contract_decision').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('decision_id').execute(),
    db.selectFrom('contract_duty_done').selectAll().where('contract_id', 'in', ids).orderBy('contract_id').orderBy('key').execute(),
  ]);
  const group = <T extends { contract_id: string }>(list: T[]) => {
    const m = new Map<string, Omit<T, 'contract_id'>[]>();
    for (const { contract_id, ...rest } of list) {
      let l = m.get(contract_id);
      if (!l) m.set(contract_id, (l = []));
      l.push(rest);
    }
    return (id: string) => m.get(id) ?? [];
  };
  const parts = {
    services: group(services),
    extensions: group(extensions),
    breaks: group(breaks),
    priceReviews: group(reviews),
    kpis: group(kpis),
    variations: group(variations),
    documents: group(documents),
    decisions: group(decisions),
    dutiesDone: group(done),
  };
  return new Map(
    rows.map(({ reference_key: _k, ...r }) => [
      r.id,
      {
        ...r,
        services: parts.services(r.id).map((s) => s.cpv_code),
        extensions: parts.extensions(r.id),
        breaks: parts.breaks(r.id),
        priceReviews: parts.priceReviews(r.id),
        kpis: parts.kpis(r.id),
        variations: parts.variations(r.id),
        documents: parts.documents(r.id),
        decisions: parts.decisions(r.id),
        dutiesDone: parts.dutiesDone(r.id),
      },
    ]),
  );
}

export const contractState: StateReader = {
  type: 'contract',
  describe: async (db, id) => {
    const row = await db
      .selectFrom('contract as c')
      .innerJoin('counterparty as p', 'p.id', 'c.counterparty_id')
      .select(['c.reference', 'c.title', 'p.name'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    return row ? `the contract ${row.reference} “${row.title}” with ${row.name}` : `a contract (${id})`;
  },
  read: async (db, ids) => read(db, ids),
  ids: async (db, after, limit) => {
    let q = db.selectFrom('contract').select('id').orderBy('id').limit(limit);
    if (after !== null) q = q.where('id', '>', after);
    return (await q.execute()).map((r) => r.id);
  },
  check: async (db, checkpoint) => {
    const findings: { id: string; message: string }[] = [];
    let checked = 0;
    let after: string | null = null;
    for (;;) {
      let q = db.selectFrom('contract').selectAll().orderBy('id').limit(200);
      if (after !== null) q = q.where('id', '>', after);
      const rows = await q.execute();
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const stored = await db
        .selectFrom('contract_duty')
        .select(['contract_id', 'key', 'kind', 'due_on', 'done', 'contract_reference', 'contract_title', 'counterparty_name'])
        .where('contract_id', 'in', ids)
        .orderBy('contract_id')
        .orderBy('key')
        .execute();
      const counterpartyNames = new Map(
        (await db.selectFrom('counterparty').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.counterparty_id))]).execute()).map((p) => [p.id, p.name]),
      );
      const rowById = new Map(rows.map((r) => [r.id, r]));
      const doneRows = await db.selectFrom('contract_duty_done').select(['contract_id', 'key']).where('contract_id', 'in', ids).execute();
      const doneKeys = new Set(doneRows.map((d) => `${d.contract_id}|${d.key}`));
      const byContract = new Map<string, { dates: string[]; flags: string[]; names: boolean }>();
      for (const d of stored) {
        let l = byContract.get(d.contract_id);
        if (!l) byContract.set(d.contract_id, (l = { dates: [], flags: [], names: true }));
        // The names the timeline shows it with (migration 0023) must be its contract's and commissioner's.
        const c = rowById.get(d.contract_id)!;
        if (d.contract_reference !== c.reference || d.contract_title !== c.title || d.counterparty_name !== counterpartyNames.get(c.counterparty_id)) l.names = false;
        l.dates.push(`${d.key}|${d.kind}|${d.due_on}`);
        // The flag the open-duties index reads must say what contract_duty_done (the audited record) says.
        if (Number(d.done) !== (doneKeys.has(`${d.contract_id}|${d.key}`) ? 1 : 0)) l.flags.push(d.key);
      }
      const terms = await termsOf(db, rows);
      for (const r of rows) {
        checked += 1;
        const expected = generateDuties(terms.get(r.id)!)
          .map((d) => `${d.key}|${d.kind}|${d.dueOn}`)
          .sort();
        const actual = byContract.get(r.id) ?? { dates: [], flags: [], names: true };
        if (expected.join('\n') !== actual.dates.sort().join('\n')) findings.push({ id: r.id, message: 'its dated duties no longer match its dates (they were changed outside the app)' });
        else if (actual.flags.length > 0) findings.push({ id: r.id, message: 'its dated duties shown as done or open no longer match the duties recorded as done (they were changed outside the app)' });
        else if (!actual.names) findings.push({ id: r.id, message: 'its dated duties no longer show its reference, title or commissioner as they are (they were changed outside the app)' });
      }
      for (const id of await incomeRowsDiffering(db, rows)) findings.push({ id, message: 'its income rows read by the portfolio and the s33 check no longer match its record (they were changed outside the app)' });
      after = rows.at(-1)!.id;
      await checkpoint?.();
    }
    // The monthly live-income checkpoints (migration 0020) against the income rows they sum.
    findings.push(...(await incomeMonthsDiffering(db, { checkpoint })));
    return { checked, findings };
  },
};
