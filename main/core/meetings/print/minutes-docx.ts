import { docxFromBlocks } from './blocks-docx';
import { dayDate } from './meeting-text';
import { minutesBlocks, minutesTitle } from './minutes-blocks';
import type { DraftMinutesModel } from './models';

/**
 * Draft minutes as a Word file, for a secretary who circulates drafts by e-mail or a director who
 * comments in Word. Only drafts: signed minutes exist as the sealed PDF (minutes-pdf.ts), and a
 * Word file carries no seal.
 */
export function buildDraftMinutesDocx(model: DraftMinutesModel): Promise<Uint8Array> {
  const title = `Draft: ${minutesTitle(model)}, ${dayDate(model.meeting.date)}`;
  return docxFromBlocks(minutesBlocks(model, { draft: true }), {
    title,
    subject: title,
    author: model.meeting.organisationName,
    footer: [`${model.meeting.organisationName} · ${title}`, 'Draft: not yet approved or signed, and may change.'],
  });
}
