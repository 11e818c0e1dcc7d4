import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Core } from '../core/core';
import { openDatabase } from '../core/db/open';
import { rng, samplePerson } from '../sample/people';
import { rawImport } from './raw-import';
import { figure, nowMs, type Figure } from './stats';

const ROWS = 100_000;

/**
 * An HR export of 100,000 employees against the register: half already members (one in ten
 * with a changed address, one in twenty having left), half new. The app's path is the one the
 * screen uses: upload in chunks, analyse, plan, apply, each a job polled to completion.
 */
export function hrExport(members: number, asOf: string): string {
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const leaving = dmy(asOf);
  const r = rng(1);
  const lines: string[][] = [];
  for (let i = 0; i < Math.min(members, ROWS / 2); i++) {
    const p = samplePerson(r, 1 + i);
    lines.push([p.employeeNumber, p.givenNames, p.familyName, p.email, dmy(p.dateOfBirth), i % 10 === 0 ? `${i} New Road` : p.line1, p.town, p.postcode, p.serviceArea, dmy(p.employmentStart), i % 20 === 5 ? leaving : '', String(p.weeklyHours)]);
  }
  const r2 = rng(99);
  for (let i = 0; lines.length < ROWS; i++) {
    const p = samplePerson(r2, 5_000_000 + i);
    lines.push([p.employeeNumber, p.givenNames, p.familyName, p.email, dmy(p.dateOfBirth), p.line1, p.town, p.postcode, p.serviceArea, dmy(p.employmentStart), '', String(p.weeklyHours)]);
  }
  return Papa.unparse({ fields: ['Employee No', 'Forename', 'Surname', 'Email', 'Date of Birth', 'Address Line 1', 'Town', 'Post Code', 'Department/Service', 'Start Date', 'Leaving Date', 'Contracted Hours'], data: lines });
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
    const analysis = await job('imports.analyse', { uploadId });
    const plan = await job('imports.plan', { importId: analysis.importId, mapping: analysis.mapping, dateFormat: 'dmy', defaultClassId: classes[0].id, asOf });
    const applied = await job('imports.apply', { planId: plan.planId });
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
