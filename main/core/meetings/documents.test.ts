import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument } from 'pdf-lib';
import type { MeetingView } from '../../../shared/contract/meetings';
import type { Officer } from '../../../shared/contract/officers';
import { admit, makeClass, person } from '../members/register.test-helpers';
import { exportsDirFor } from '../exports/file-store';
import { pdfOf, uploadPaper } from './papers.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';

const NOW = new Date('2026-11-30T12:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(): Promise<TestCore> {
  const t = await openTestCore({ now: () => NOW });
  cleanups.push(() => t.cleanup());
  await setUpOrganisation(t.core);
  return t;
}

async function director(t: TestCore, givenNames: string, familyName: string): Promise<Officer> {
  return expectOk(
    await t.core.dispatch('officers.add', {
      particulars: { givenNames, familyName, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1980-01-01', nationality: 'British', occupation: 'Nurse', countryOfResidence: 'England' },
      residentialAddress: { line1: '7 Larkspur Close', town: 'Otley', postcode: 'LS21 3QP' },
      appointment: { role: 'director', directorKind: 'employee', appointedOn: '2024-04-01' },
    }),
  ) as Officer;
}

async function readExport(t: TestCore, fileId: string): Promise<Buffer> {
  return readFileSync(join(exportsDirFor(t.dbPath), fileId));
}

async function boardWithItem(t: TestCore): Promise<{ view: MeetingView; itemId: string }> {
  await director(t, 'Siân', 'Ó Briain');
  await director(t, 'Jaspreet', 'Patel');
  let view = expectOk(await t.core.dispatch('meetings.create', { kind: 'board', heldOn: '2026-12-10', startsAt: '18:30', place: 'Civic Hall, Leeds', standardItems: true })) as MeetingView;
  view = expectOk(await t.core.dispatch('meetings.addItem', { meetingId: view.meeting.id, title: 'Home care contract renewal', purpose: 'decision', relatedOrganisation: 'Leeds City Council' })) as MeetingView;
  return { view, itemId: view.items.at(-1)!.id };
}

describe('papers', () => {
  it('keeps a paper inside the file with its SHA-256, one copy per content, and gives it back byte for byte', async () => {
    const t = await open();
    const { view, itemId } = await boardWithItem(t);
    const bytes = await pdfOf(3, 'Finance report');
    expectOk(await t.core.dispatch('meetings.attachPaper', { agendaItemId: itemId, uploadId: await uploadPaper(t.core, 'Q3 finance.pdf', bytes), title: 'Finance report' }));
    const v = expectOk(await t.core.dispatch('meetings.attachPaper', { agendaItemId: view.items[0]!.id, uploadId: await uploadPaper(t.core, 'copy.pdf', bytes) })) as MeetingView;
    const papers = v.items.flatMap((i) => i.papers);
    expect(papers.map((p) => [p.title, p.kind])).toEqual([
      ['copy', 'pdf'],
      ['Finance report', 'pdf'],
    ]);
    const { createHash } = await import('node:crypto');
    expect(papers[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(t.core.raw.prepare('select count(*) from document').pluck().get()).toBe(1);
    const file = expectOk(await t.core.dispatch('meetings.readPaper', { id: papers[1]!.id })) as { fileId: string; fileName: string; mimeType: string };
    expect(file.fileName).toBe('Q3 finance.pdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(Buffer.compare(await readExport(t, file.fileId), Buffer.from(bytes))).toBe(0);
    const verify = await runJob(t.core, 'audit.verify', {});
    expect((verify.result as { ok: boolean }).ok).toBe(true);
  });

  it('refuses a paper that is not the type its name claims, and one over 50 MB before it is sent', async () => {
    const t = await open();
    const { itemId } = await boardWithItem(t);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Budget')] }] }));
    const r = await t.core.dispatch('meetings.attachPaper', { agendaItemId: itemId, uploadId: await uploadPaper(t.core, 'budget.pdf', docx) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldErrors?.['uploadId']).toMatch(/“budget\.pdf” is not a PDF: its contents are a Word document/);
    expect(t.core.raw.prepare('select count(*) from paper').pluck().get()).toBe(0);
    const big = await t.core.dispatch('uploads.begin', { purpose: 'paper', fileName: 'scan.pdf', sizeBytes: 61 * 1024 * 1024 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.fieldErrors?.['sizeBytes']).toMatch(/scan\.pdf is 61\.0 MB; papers can be at most 50 MB/);
  });

  it('refuses a paper for a meeting whose minutes are sealed', async () => {
    const t = await open();
    const { view, itemId } = await boardWithItem(t);
    t.core.raw
      .prepare(`insert into minutes (id, meeting_id, status, body, signed_on, signed_by, sealed_sha256, sealed_record, created_at, updated_at) values ('0190f000-0000-7000-8000-0000000000aa', ?, 'signed', '{}', '2026-12-20', 'S. Ó Briain', ?, '{}', '2026-12-20T00:00:00Z', '2026-12-20T00:00:00Z')`)
      .run(view.meeting.id, 'a'.repeat(64));
    const r = await t.core.dispatch('meetings.attachPaper', { agendaItemId: itemId, uploadId: await uploadPaper(t.core, 'late.pdf', await pdfOf(1, 'Late')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/signed and sealed/);
  });

  it('verify names a paper whose stored bytes were swapped in the file', async () => {
    const t = await open();
    const { itemId } = await boardWithItem(t);
    expectOk(await t.core.dispatch('meetings.attachPaper', { agendaItemId: itemId, uploadId: await uploadPaper(t.core, 'report.pdf', await pdfOf(1, 'Original')) }));
    t.core.raw.prepare('update document set bytes = ?, size = ?').run(Buffer.from(await pdfOf(1, 'Forged')), (await pdfOf(1, 'Forged')).length);
    const report = (await runJob(t.core, 'audit.verify', {})).result as { ok: boolean; records: { problems: string[] } };
    expect(report.ok).toBe(false);
    expect(report.records.problems.join(' ')).toMatch(/report\.pdf/);
  });
});

describe('board pack and notice', () => {
  it('produces one PDF of cover, agenda and papers with every page numbered', async () => {
    const t = await open();
    const { itemId } = await boardWithItem(t);
    expectOk(await t.core.dispatch('meetings.attachPaper', { agendaItemId: itemId, uploadId: await uploadPaper(t.core, 'contract.pdf', await pdfOf(5, 'Contract')), title: 'Draft contract' }));
    const status = await runJob(t.core, 'meetings.boardPack', { id: (expectOk(await t.core.dispatch('meetings.list', {})) as { id: string }[])[0]!.id });
    expect(status.state).toBe('succeeded');
    const result = status.result as { fileId: string; pages: number; fileName: string };
    expect(result.fileName).toMatch(/board pack\.pdf$/);
    const pdf = await PDFDocument.load(await readExport(t, result.fileId));
    expect(pdf.getPageCount()).toBe(result.pages);
    expect(result.pages).toBeGreaterThanOrEqual(7);
  });

  it('produces a general meeting notice for the members on the register on the day it was sent', async () => {
    const t = await open();
    const cls = await makeClass(t.core, 'Community members', null, false);
    await admit(t.core, cls, person('Ada', 'Lovelace'), { admittedOn: '2020-01-01' });
    await admit(t.core, cls, person('Alan', 'Turing', { email: undefined }), { admittedOn: '2020-01-01' });
    await admit(t.core, cls, person('Late', 'Joiner'), { admittedOn: '2026-11-20' });
    let v = expectOk(await t.core.dispatch('meetings.create', { kind: 'general', heldOn: '2026-12-18', startsAt: '18:00', place: 'Civic Hall, Leeds', standardItems: false })) as MeetingView;
    v = expectOk(await t.core.dispatch('meetings.addResolution', { meetingId: v.meeting.id, kind: 'special', text: 'That the articles of association produced to the meeting be adopted.' })) as MeetingView;
    v = expectOk(await t.core.dispatch('meetings.recordNotice', { id: v.meeting.id, sentAt: '2026-11-10T10:00', method: 'post' })) as MeetingView;
    const before = Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get());
    const status = await runJob(t.core, 'meetings.notice', { id: v.meeting.id, format: 'docx' });
    expect(status.state).toBe('succeeded');
    const result = status.result as { fileId: string; recipients: number; mimeType: string };
    // Joiner was admitted after the notice was sent on 10 November.
    expect(result.recipients).toBe(2);
    expect(result.mimeType).toMatch(/wordprocessingml/);
    expect(Number(t.core.raw.prepare('select count(*) from audit_event').pluck().get())).toBe(before + 1);
    expect(String(t.core.raw.prepare('select summary from audit_event order by seq desc limit 1').pluck().get())).toMatch(/produced as DOCX for 2 recipients/);
    const zip = await readExport(t, result.fileId);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
  });
});
