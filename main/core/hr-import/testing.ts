import type { ImportAnalysis, ImportApplyResult, ImportPlan } from '../../../shared/contract/hr-import';
import type { JobStatus } from '../../../shared/contract/jobs';
import type { Core } from '../core';
import { expectOk } from '../testing';

/**
 * Helpers for tests of the HR import: send a CSV the way the renderer does (chunked upload),
 * and run the analyse / plan / apply jobs to completion. Not imported by the app.
 */
export const HR_HEADER = [
  'Employee No',
  'Forename',
  'Surname',
  'Email',
  'Date of Birth',
  'Address Line 1',
  'Town',
  'Post Code',
  'Department/Service',
  'Start Date',
  'Leaving Date',
  'Contracted Hours',
];

export interface HrRow {
  no: string;
  given?: string;
  family?: string;
  email?: string;
  dob?: string;
  line1?: string;
  town?: string;
  postcode?: string;
  service?: string;
  start?: string;
  end?: string;
  hours?: string;
}

/** One HR export row, with plausible defaults for anything not given. Dates are dd/mm/yyyy. */
export function hrLine(r: HrRow): string {
  const cells = [
    r.no,
    r.given ?? 'Alex',
    r.family ?? `Worker${r.no}`,
    r.email ?? `${r.no.toLowerCase()}@example.org`,
    r.dob ?? '14/07/1985',
    r.line1 ?? '1 High Street',
    r.town ?? 'Leeds',
    r.postcode ?? 'LS1 4AP',
    r.service ?? 'Adult social care',
    r.start ?? '01/04/2019',
    r.end ?? '',
    r.hours ?? '37.5',
  ];
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
}

export function hrCsv(rows: HrRow[], header: string[] = HR_HEADER): string {
  return `${[header.join(','), ...rows.map(hrLine)].join('\r\n')}\r\n`;
}

export async function uploadText(core: Core, fileName: string, text: string): Promise<string> {
  const bytes = Buffer.from(text, 'utf8');
  const { uploadId, chunkBytes } = expectOk(await core.dispatch('uploads.begin', { purpose: 'import', fileName, sizeBytes: bytes.length })) as {
    uploadId: string;
    chunkBytes: number;
  };
  for (let offset = 0, index = 0; offset < bytes.length; offset += chunkBytes, index++) {
    expectOk(await core.dispatch('uploads.append', { uploadId, index, base64: bytes.subarray(offset, offset + chunkBytes).toString('base64') }));
  }
  return uploadId;
}

export async function finishedJob(core: Core, result: unknown): Promise<JobStatus> {
  const { jobId } = expectOk(result as never) as { jobId: string };
  await core.jobs.idle();
  return core.jobs.get(jobId);
}

async function succeeded<T>(core: Core, method: string, input: unknown): Promise<T> {
  const status = await finishedJob(core, await core.dispatch(method, input));
  if (status.state !== 'succeeded') throw new Error(`${method} failed: ${status.error?.code} ${status.error?.message}`);
  return status.result as T;
}

export function analyse(core: Core, uploadId: string): Promise<ImportAnalysis> {
  return succeeded(core, 'hrImport.analyse', { uploadId });
}

export function plan(core: Core, input: { importId: string; mapping: ImportAnalysis['mapping']; dateFormat?: 'dmy' | 'ymd'; defaultClassId: string; asOf: string }): Promise<ImportPlan> {
  return succeeded(core, 'hrImport.plan', { dateFormat: 'dmy', ...input });
}

export function apply(core: Core, planId: string): Promise<ImportApplyResult> {
  return succeeded(core, 'hrImport.apply', { planId });
}

/** Upload, read, and plan a CSV with the suggested mapping. */
export async function planCsv(core: Core, text: string, opts: { classId: string; asOf: string; fileName?: string }): Promise<{ analysis: ImportAnalysis; plan: ImportPlan }> {
  const analysis = await analyse(core, await uploadText(core, opts.fileName ?? 'hr-export.csv', text));
  return { analysis, plan: await plan(core, { importId: analysis.importId, mapping: analysis.mapping, dateFormat: analysis.dateFormat, defaultClassId: opts.classId, asOf: opts.asOf }) };
}
