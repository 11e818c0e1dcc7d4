import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../core/core';
import { openDatabase } from '../core/db/open';
import { hrCsv } from '../sample/build';
import { rng, samplePerson, type SamplePerson } from '../sample/people';
import { rawImport } from './raw-import';
import { figure, nowMs, type Figure } from './stats';

const ROWS = 100_000;

/**
 * An HR export of 100,000 employees against the register: half already members (one in ten
 * with a changed address, one in twenty having left), half new. The app's path is the one the
 * screen uses: upload in chunks, analyse, plan, apply, each a job polled to completion.
 */
export function hrExport(members: number, asOf: string): string {
  const r = rng(1);
  const people: (SamplePerson & { leavingDate?: string })[] = [];
  for (let i = 0; i < Math.min(members, ROWS / 2); i++) {
    const p = samplePerson(r, 1 + i);
    people.push({ ...p, ...(i % 10 === 0 ? { line1: `${i} New Road` } : {}), ...(i % 20 === 5 ? { leavingDate: asOf } : {}) });
  }
  const r2 = rng(99);
  for (let i = 0; people.length < ROWS; i++) people.push(samplePerson(r2, 5_000_000 + i));
  return hrCsv(people);
}

async function appImport(dbPath: string, csv: string, asOf: string, log: (s: string) => void): Promise<number> {
  const core = await Core.open({ dbPath, host: 'cli', actor: 'bench' });
  try {
    const ok = async (m: string, i: unknown) => {
      const r = await core.dispatch(m, i);
      if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
      return r.value as any;
    };
    const job = async (m: string, i: unknown) => {
      const { jobId } = await ok(m, i);
      for (;;) {
        const s = await ok('jobs.get', { id: jobId });
        if (s.state === 'succeeded') return s.result;
        if (s.state === 'failed') throw new Error(`${m}: ${s.error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const classes = await ok('classes.list', {});
    const t = nowMs();
    const bytes = Buffer.from(csv, 'utf8');
    const { uploadId, chunkBytes } = await ok('uploads.begin', { purpose: 'import', fileName: 'hr-export.csv', sizeBytes: bytes.length });
    for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
      await ok('uploads.append', { uploadId, index, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
    }
    const analysis = await job('hrImport.analyse', { uploadId });
    const plan = await job('hrImport.plan', { importId: analysis.importId, mapping: analysis.mapping, dateFormat: 'dmy', defaultClassId: classes[0].id, asOf });
    const applied = await job('hrImport.apply', { planId: plan.planId });
    const elapsed = nowMs() - t;
    log(`  app: ${plan.counts.admit} admitted, ${plan.counts.update} updated, ${plan.counts.cease} ceased, ${plan.counts.unchanged} unchanged (${applied.auditEvents ?? '?'} audit events)`);
    return elapsed;
  } finally {
    await core.close();
  }
}

export async function benchImport(opts: { dbPath: string; dir: string; members: number; log: (s: string) => void }): Promise<Figure> {
  const rawPath = join(opts.dir, 'raw-import.sqlite');
  copyFileSync(opts.dbPath, rawPath);
  const asOf = new Date().toISOString().slice(0, 10);
  const csv = hrExport(opts.members, asOf);
  opts.log(`Importing a ${(csv.length / 1e6).toFixed(1)} MB HR export of ${ROWS.toLocaleString('en-GB')} rows…`);
  const app = await appImport(opts.dbPath, csv, asOf, opts.log);
  const db = openDatabase(rawPath);
  const orgId = db.prepare('select id from organisation').pluck().get() as string;
  const cls = db.prepare('select id, name from membership_class order by created_at limit 1').get() as { id: string; name: string };
  const t = nowMs();
  const counts = rawImport(db, csv, orgId, cls.id, cls.name, asOf);
  const raw = nowMs() - t;
  db.close();
  opts.log(`  raw: ${counts.admitted} admitted, ${counts.updated} updated, ${counts.ceased} ceased`);
  return figure('import_100k_s', 's', app / 1000, raw / 1000);
}
