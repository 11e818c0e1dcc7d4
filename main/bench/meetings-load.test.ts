import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBoardPack } from '../core/meetings/print/board-pack';
import { expectOk, openTestCore, setUpOrganisation, type TestCore } from '../core/testing';
import { bulkLoadMeetings, pdfPool, rawSealer } from './meetings-load';

/**
 * The benchmark's bulk loader writes meetings the app reads as its own: the meeting view opens
 * them, papers point at a content-addressed pool of real PDFs that the board pack copies, and
 * signed minutes carry the SHA-256 of the record they seal.
 */
let t: TestCore;
afterEach(async () => t?.cleanup());

describe('the meetings benchmark’s loader', () => {
  it('loads a year of a board and two committees that the app opens, packs and seals', async () => {
    t = await openTestCore({ actor: 'bench' });
    await setUpOrganisation(t.core);
    const directors = [];
    for (const [given, family] of [['Ann', 'Lee'], ['Bo', 'Chan'], ['Cy', 'Dee'], ['Di', 'Eve'], ['Ed', 'Fox']]) {
      const o = expectOk(
        await t.core.dispatch('officers.add', {
          particulars: { givenNames: given, familyName: family, serviceAddress: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' }, dateOfBirth: '1970-01-01', nationality: 'British', occupation: 'Director', countryOfResidence: 'England' },
          residentialAddress: { line1: '2 Elm Grove', town: 'Leeds', postcode: 'LS2 2AB' },
          appointment: { role: 'director', directorKind: 'independent', appointedOn: '2020-01-01' },
        }),
      ) as { id: string };
      directors.push({ officerId: o.id, name: `${given} ${family}` });
    }
    const org = t.core.raw.prepare('select id from organisation').get() as { id: string };
    const pool = await pdfPool(4, { bytes: 64 * 1024 });
    expect(new Set(pool.map((p) => p.sha256)).size).toBe(4);
    const loaded = bulkLoadMeetings(t.core.raw, { organisationId: org.id, directors, years: 1, bodies: 3, lastMeetingOn: '2026-10-01', pool, packPages: 20, seed: 1 });

    const raw = t.core.raw;
    const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
    expect(loaded.meetings).toBe(36);
    expect(count('select count(*) from meeting')).toBe(36);
    expect(count('select count(*) from agenda_item')).toBe(36 * 15);
    expect(count('select count(*) from agenda_item where parent_id is not null')).toBe(36 * 3);
    expect(count('select count(*) from decision')).toBe(loaded.decisions);
    expect(loaded.decisions).toBeGreaterThanOrEqual(36 * 16);
    expect(count('select count(*) from action_item')).toBe(36 * 5);
    // Papers share the pool: four documents, however many papers.
    expect(count('select count(*) from document')).toBe(4);
    expect(count('select count(*) from paper')).toBeGreaterThan(35 * 3);
    expect(loaded.packPaperPages).toBeGreaterThanOrEqual(20);

    // The app opens a bulk-loaded meeting (its answer is checked against the contract).
    const view = expectOk(await t.core.dispatch('meetings.get', { id: loaded.packMeetingId })) as { items: { papers: unknown[]; quorum: { quorate: boolean } | null }[] };
    expect(view.items).toHaveLength(15);
    expect(view.items.flatMap((i) => i.papers).length).toBeGreaterThan(3);

    // The pool's PDFs are real: the board pack reads and copies every page.
    const bytes = raw
      .prepare('select d.bytes from paper p join agenda_item i on i.id = p.agenda_item_id join document d on d.id = p.document_id where i.meeting_id = ?')
      .pluck()
      .all(loaded.packMeetingId) as Uint8Array[];
    const pack = await buildBoardPack({
      meeting: { organisationName: 'Riverside Care Mutual', title: 'Board meeting', kind: 'board', date: '2026-10-01', startTime: '18:00' },
      items: [{ title: 'Papers', purpose: 'information', papers: bytes.map((b, i) => ({ title: `Paper ${i + 1}`, fileName: `p${i + 1}.pdf`, kind: 'pdf' as const, bytes: b })) }],
    });
    const one = await getDocument({ data: pool[0]!.bytes.slice(), verbosity: 0 }).promise;
    expect(one.numPages).toBe(pool[0]!.pages);
    const packed = await getDocument({ data: pack.slice(), verbosity: 0 }).promise;
    expect(packed.numPages).toBeGreaterThanOrEqual(loaded.packPaperPages + 2);

    // Signed minutes carry the SHA-256 of the record they seal; approved ones await signature.
    const signed = raw.prepare("select * from minutes where status = 'signed' limit 1").get() as Record<string, unknown> & { meeting_id: string; sealed_sha256: string; sealed_record: string };
    expect(createHash('sha256').update(signed.sealed_record).digest('hex')).toBe(signed.sealed_sha256);
    const { sealed_sha256: _s, sealed_record: _r, updated_at: _u, ...fields } = signed;
    expect(rawSealer(raw).record(fields, signed.meeting_id).sha256).toBe(signed.sealed_sha256);
    expect(loaded.approvedMinutesIds).toHaveLength(3 * 3);
    expect(count("select count(*) from minutes where status = 'approved'")).toBe(9);
    expect(loaded.openMeetingIds).toHaveLength(3);
  }, 60_000);
});
