import type { MeetingFacts } from './facts';
import { decisionLine } from './facts';
import { buildState, type DraftBlock } from './lexical';

/**
 * The generated narrative: a heading for each agenda item ("4. Finance report"), the item's
 * notes as paragraphs, and a "Decision:" line for each decision taken under it. The facts
 * (attendance, quorum, declarations, actions) are not copied into the text: minutes.get computes
 * them from the records every time, so they cannot drift from what the meeting recorded.
 */
export function draftBody(facts: Pick<MeetingFacts, 'items'>): string {
  const blocks: DraftBlock[] = [];
  for (const item of facts.items) {
    blocks.push({ type: 'heading', level: item.number.includes('.') ? 3 : 2, text: `${item.number}. ${item.title}` });
    const notes = (item.notes ?? '')
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of notes) blocks.push({ type: 'paragraph', runs: [{ text: p }] });
    for (const d of item.decisions) blocks.push({ type: 'paragraph', runs: [{ text: 'Decision: ', bold: true }, { text: decisionLine(d) }] });
  }
  if (blocks.length === 0) blocks.push({ type: 'paragraph', runs: [{ text: '' }] });
  return buildState(blocks);
}
