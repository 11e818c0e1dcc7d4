/**
 * The meetings area's document producers: pure functions from the plain models in models.ts to
 * the bytes of a PDF or Word file (they read nothing but the DejaVu font files).
 */
export type * from './models';
export { buildBoardPack, packTitle, type ProgressListener } from './board-pack';
export { boardNoticeDocx, boardNoticePdf, generalNoticeDocx, generalNoticePdf } from './notice';
export { auditLine, buildMinutesPdf } from './minutes-pdf';
export { buildDraftMinutesDocx } from './minutes-docx';
export { checkPaper, claimedKind, detectPaperKind, MAX_PAPER_BYTES, type DetectedKind, type PaperCheck } from './paper-type';
