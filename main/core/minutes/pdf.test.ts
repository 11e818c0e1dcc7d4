import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Minutes } from '../../../shared/contract/minutes';
import { readPdf } from '../meetings/print/fixtures.test-helpers';
import { expectOk, openTestCore, runJob, setUpOrganisation, type TestCore } from '../testing';
import { boardFixture, type BoardFixture } from './fixtures.test-helpers';

let t: TestCore;
let f: BoardFixture;
beforeEach(async () => {
  t = await openTestCore({ now: () => new Date('2026-11-30T12:00:00Z') });
  await setUpOrganisation(t.core);
  f = await boardFixture(t.core);
});
afterEach(async () => {
  await t.cleanup();
});

const ok = async (method: string, input: unknown) => expectOk(await t.core.dispatch(method, input)) as Minutes;

type PdfResult = { fileId: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string | null };

async function pdf(id: string): Promise<{ result: PdfResult; bytes: Buffer }> {
  const status = await runJob(t.core, 'minutes.pdf', { id });
  expect(status.state, status.error?.message).toBe('succeeded');
  const result = status.result as PdfResult;
  const chunks: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk = expectOk(await t.core.dispatch('exports.readFile', { fileId: result.fileId, offset })) as { base64: string; nextOffset: number | null };
    chunks.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  return { result, bytes: Buffer.concat(chunks) };
}

describe('minutes as PDF', () => {
  it('prints signed minutes with the sealed SHA-256 and the audit event, the same bytes each time', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    await ok('minutes.approve', { id: m.id, decisionId: f.second.approvalDecisionId, approvedOn: '2026-10-15' });
    const s = await ok('minutes.sign', { id: m.id, signedBy: 'Ben Okoro', signedOn: '2026-10-15' });
    const first = await pdf(s.id);
    expect(first.result).toMatchObject({ mimeType: 'application/pdf', sha256: s.sealedSha256, sizeBytes: first.bytes.length });
    expect(first.result.fileName).toBe('minutes-2026-09-10-board-of-directors-signed.pdf');
    const text = (await readPdf(new Uint8Array(first.bytes))).text.join('\n');
    expect(text).toContain(s.sealedSha256!);
    expect(text).toContain(`Audit event #${s.sealedEventSeq}`);
    expect(text).toContain('Community services contract renewal');
    expect(text).toContain('Signed as a correct record by Ben Okoro');
    const second = await pdf(s.id);
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('prints a draft as a draft, with no seal', async () => {
    const m = await ok('minutes.draft', { meetingId: f.first.meetingId });
    const { result, bytes } = await pdf(m.id);
    expect(result.sha256).toBeNull();
    const text = (await readPdf(new Uint8Array(bytes))).text.join('\n');
    expect(text).toContain('Draft');
    expect(text).not.toContain('Sealed record SHA-256');
  });
});
