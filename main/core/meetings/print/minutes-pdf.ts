import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { pdfFromBlocks } from './blocks-pdf';
import { para, t, type DocBlock } from './doc-blocks';
import { dayDate, KIND_LABEL } from './meeting-text';
import { minutesBlocks, minutesTitle } from './minutes-blocks';
import type { MinutesModel } from './models';

/**
 * The signed minutes as PDF. Minutes signed by the chair are evidence of the proceedings (CA 2006
 * s249 for the board, s356 for members) and are kept at least ten years (s248, s355); kept
 * other than in a bound book, they need precautions against falsification (s1138). So every page
 * carries the SHA-256 of the sealed record and the audit event that sealed it: anyone holding the
 * PDF can check it against the file, and the audit log's chain shows the record has not changed.
 *
 * The output is deterministic: the same sealed record gives the same bytes. The creation and
 * modification dates are the seal's, not the clock's; pdf-lib writes no /ID and seeds the names
 * of its font subsets from a fixed seed.
 */

const HEX64 = /^[0-9a-f]{64}$/;

/** "Audit event #1234 · fingerprint 3f9a c2e1 07bd": the event number and the first twelve hex of its hash in fours, as shared/domain/fingerprint.ts prints them. */
export function auditLine(seq: number, hash: string): string {
  return `Audit event #${seq} · fingerprint ${hash.slice(0, 4)} ${hash.slice(4, 8)} ${hash.slice(8, 12)}`;
}

export async function buildMinutesPdf(model: MinutesModel): Promise<Uint8Array> {
  const { seal, signature, meeting } = model;
  const sha256 = seal.sha256.toLowerCase();
  if (!HEX64.test(sha256)) throw new Error(`The sealed record's SHA-256 must be 64 hexadecimal characters; got “${seal.sha256}”.`);
  const sealedAt = new Date(seal.sealedAt);
  if (Number.isNaN(sealedAt.getTime())) throw new Error(`The seal's time must be an ISO-8601 instant; got “${seal.sealedAt}”.`);

  const title = `${minutesTitle(model)}, ${dayDate(meeting.date)}`;
  const blocks: DocBlock[] = [
    ...minutesBlocks(model, { draft: false }),
    // The signature and the note on the seal stay together on one page.
    { type: 'keepSpace', points: 130 },
    { type: 'heading', level: 2, runs: [t('Signature')], bookmark: true },
    para(t(`Signed as a correct record by ${signature.signedBy} on ${formatLegalDate(signature.signedOn)}`, { bold: true })),
    para('Chair'),
    {
      type: 'paragraph',
      small: true,
      runs: [
        t(
          `These minutes were sealed when they were signed. The SHA-256 of the sealed record is ${sha256}, and the seal is ${auditLine(seal.auditSeq, seal.auditHash).replace(/^A/, 'a')} in the audit log of ${meeting.organisationName}. Both are printed at the foot of every page, so that this copy can be checked against the record.`,
        ),
      ],
    },
  ];
  return pdfFromBlocks(blocks, {
    title,
    subject: `Signed minutes: ${KIND_LABEL[meeting.kind].toLowerCase()} of ${meeting.organisationName} held on ${formatLegalDate(meeting.date)}`,
    author: meeting.organisationName,
    keywords: ['minutes', 'signed', 'sealed', `sha256:${sha256}`, `audit-event:${seal.auditSeq}`],
    footer: [`${meeting.organisationName} · ${title} · signed ${formatLegalDate(signature.signedOn)}`, `Sealed record SHA-256: ${sha256}`, auditLine(seal.auditSeq, seal.auditHash)],
    date: sealedAt,
  });
}
