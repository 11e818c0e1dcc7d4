import { formatLegalDate } from '../../../../shared/rules/legal-date';
import { cell, heading, para, t, type DocBlock } from './doc-blocks';
import { dayDate } from './meeting-text';
import type { Block, DraftMinutesModel, ListItem, MinutesAttendee, MinutesDecision } from './models';

/**
 * The minutes as blocks, shared by the signed PDF (minutes-pdf.ts) and the draft Word file
 * (minutes-docx.ts): heading, attendance, quorum, declarations, the narrative, the decisions with
 * their counts and outcomes, and the actions. The signed copy adds the signature and the seal.
 */

export function minutesTitle(model: Pick<DraftMinutesModel, 'meeting'>): string {
  const { meeting } = model;
  return meeting.kind === 'board' || meeting.kind === 'committee' ? `Minutes of the meeting of the ${meeting.title}` : `Minutes of the ${meeting.title}`;
}

function attendee(a: MinutesAttendee): ListItem {
  const notes = [
    a.electronically ? 'by electronic means' : null,
    a.arrived ? `arrived at ${a.arrived}` : null,
    a.left ? `left at ${a.left}` : null,
  ].filter(Boolean);
  return {
    runs: [t(a.name, { bold: true }), ...(a.capacity ? [t(`, ${a.capacity}`)] : []), ...(notes.length ? [t(` (${notes.join('; ')})`, { italic: true })] : [])],
  };
}

const KIND: Record<MinutesDecision['kind'], string> = {
  board: 'Decision of the board',
  ordinary: 'Ordinary resolution',
  special: 'Special resolution',
};

const METHOD: Record<NonNullable<MinutesDecision['method']>, string> = {
  board_vote: 'by a vote of the directors',
  show_of_hands: 'on a show of hands',
  poll: 'on a poll',
  written: 'in writing',
};

const names = (list: string[]) => (list.length ? list.join(', ') : 'none');

function decisionBlocks(decision: MinutesDecision, n: number): DocBlock[] {
  const blocks: DocBlock[] = [
    {
      type: 'heading',
      level: 3,
      runs: [t(`Decision ${n}${decision.item ? ` (item ${decision.item})` : ''}: ${KIND[decision.kind]}`)],
    },
    { type: 'paragraph', runs: [t(decision.text)], indented: true },
  ];
  const details: string[] = [];
  if (decision.proposer) details.push(`Proposed by ${decision.proposer}${decision.seconder ? `, seconded by ${decision.seconder}` : ''}.`);
  const counts = `${decision.votesFor} for, ${decision.votesAgainst} against, ${decision.votesAbstain} abstaining`;
  details.push(`Votes${decision.method ? ` (${METHOD[decision.method]})` : ''}: ${counts}.`);
  if (decision.named) {
    details.push(`For: ${names(decision.named.for)}. Against: ${names(decision.named.against)}. Abstaining: ${names(decision.named.abstain)}.`);
  }
  if (decision.recused && decision.recused.length > 0) details.push(`Did not take part (declared interest): ${decision.recused.join(', ')}.`);
  blocks.push({ type: 'paragraph', runs: [t(details.join(' '))] });
  blocks.push(para(t('Outcome: ', { bold: true }), t(decision.outcome, { bold: true })));
  if (decision.recordedNotQuorate) {
    // Issue 7: a decision on an item for which the meeting was not quorate is allowed only with this
    // explicit flag, and the minutes must show it.
    blocks.push(para(t('Recorded as not quorate: ', { bold: true }), t('the meeting was not quorate for this item when the decision was taken.')));
  }
  return blocks;
}

/** The narrative's headings sit under the document's own sections (level 1 is the title). */
function bodyBlocks(body: Block[]): DocBlock[] {
  return body.map((block) =>
    block.type === 'heading' ? { ...block, level: Math.min(block.level + 1, 3) as 2 | 3, bookmark: block.level === 1 } : block,
  );
}

export function minutesBlocks(model: DraftMinutesModel, options: { draft: boolean }): DocBlock[] {
  const { meeting } = model;
  const where = [meeting.place ? `at ${meeting.place}` : null, meeting.electronicMeans ? (meeting.place ? 'and by electronic means' : 'by electronic means') : null]
    .filter(Boolean)
    .join(' ');
  const blocks: DocBlock[] = [
    { type: 'paragraph', runs: [t(meeting.organisationName, { bold: true })], align: 'centre' },
    { type: 'heading', level: 1, runs: [t(`${options.draft ? 'Draft: ' : ''}${minutesTitle(model)}`)], align: 'centre', bookmark: true },
    {
      type: 'paragraph',
      align: 'centre',
      runs: [t(`held on ${dayDate(meeting.date)} from ${meeting.startTime}${meeting.endTime ? ` to ${meeting.endTime}` : ''}${where ? ` ${where}` : ''}`)],
    },
    para(t('Chair: ', { bold: true }), model.chairName),
    heading(2, 'Present', true),
    model.present.length ? { type: 'list', ordered: false, items: model.present.map(attendee) } : para('No one was recorded as present.'),
  ];
  if (model.inAttendance.length > 0) blocks.push(heading(2, 'In attendance'), { type: 'list', ordered: false, items: model.inAttendance.map(attendee) });
  blocks.push(heading(2, 'Apologies'), para(model.apologies.length ? model.apologies.join(', ') : 'None.'));
  if (model.absent && model.absent.length > 0) blocks.push(heading(2, 'Absent'), para(model.absent.join(', ')));
  blocks.push(heading(2, 'Quorum'), para(model.quorumStatement));
  blocks.push(heading(2, 'Declarations of interest', true));
  blocks.push(
    model.declarations.length === 0
      ? para('No interests were declared.')
      : {
          type: 'table',
          headerRow: true,
          widths: [2.2, 0.8, 5],
          rows: [[cell('Name'), cell('Item'), cell('Interest declared')], ...model.declarations.map((d) => [cell(d.name), cell(d.item ?? 'All'), cell(d.nature)])],
        },
  );

  blocks.push(...bodyBlocks(model.body));

  if (model.decisions.length > 0) {
    blocks.push(heading(2, 'Decisions', true));
    model.decisions.forEach((decision, i) => blocks.push(...decisionBlocks(decision, i + 1)));
  }

  blocks.push(heading(2, 'Actions', true));
  blocks.push(
    model.actions.length === 0
      ? para('No actions were agreed.')
      : {
          type: 'table',
          headerRow: true,
          widths: [0.6, 4.4, 2.4, 2.1, 0.7],
          rows: [
            [cell('No.'), cell('Action'), cell('Owner'), cell('Due'), cell('Item')],
            ...model.actions.map((a, i) => [cell(String(i + 1)), cell(a.description), cell(a.owner), cell(a.dueOn ? formatLegalDate(a.dueOn) : ''), cell(a.item)]),
          ],
        },
  );
  return blocks;
}
