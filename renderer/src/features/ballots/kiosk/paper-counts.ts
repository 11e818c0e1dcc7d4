import type { BallotQuestion } from '../../../../../shared/contract/ballots';

/** What a teller typed for one batch: each count as text, by field key (countKey), and the spoilt papers. */
export interface PaperBatchForm {
  label: string;
  teller: string;
  counts: Record<string, string>;
  spoilt: string;
}

export function countKey(questionIndex: number, choiceIndex: number): string {
  return `q${questionIndex}c${choiceIndex}`;
}

export type PaperBatchParse =
  | { ok: true; value: { label: string; teller: string; counts: number[][]; spoilt: number } }
  | { ok: false; errors: { key: string; message: string }[] };

const MAX_COUNT = 100_000_000;

function whole(text: string | undefined, what: string): number | string {
  const t = (text ?? '').trim().replace(/,/g, '');
  if (t === '') return `Enter the number of ${what}, or 0 if there are none.`;
  if (!/^\d+$/.test(t)) return `Enter the number of ${what} as a whole number, like 12.`;
  const n = Number(t);
  if (n > MAX_COUNT) return `The number of ${what} can be at most 100,000,000.`;
  return n;
}

/**
 * A teller's entry, checked and put in the ballot's order (questions by position, then their
 * choices), which is the order ballots.enterPaperBatch reads. Errors come in the order of the form,
 * for its error summary.
 */
export function parsePaperBatch(questions: readonly BallotQuestion[], form: PaperBatchForm): PaperBatchParse {
  const errors: { key: string; message: string }[] = [];
  const label = form.label.trim();
  const teller = form.teller.trim();
  if (label === '') errors.push({ key: 'label', message: 'Enter the batch’s label, as written on its envelope or bundle (for example “Box 1”).' });
  else if (label.length > 60) errors.push({ key: 'label', message: 'The batch label can be at most 60 characters.' });
  if (teller === '') errors.push({ key: 'teller', message: 'Enter your name as the teller counting this batch.' });
  else if (teller.length > 200) errors.push({ key: 'teller', message: 'The teller’s name can be at most 200 characters.' });
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  const counts = ordered.map((q, qi) =>
    q.choices.map((c, ci) => {
      const key = countKey(qi, ci);
      const n = whole(form.counts[key], `votes for “${c.label}” (${questionLabel(qi)})`);
      if (typeof n === 'string') {
        errors.push({ key, message: n });
        return 0;
      }
      return n;
    }),
  );
  const spoilt = whole(form.spoilt, 'spoilt papers');
  if (typeof spoilt === 'string') errors.push({ key: 'spoilt', message: spoilt });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { label, teller, counts, spoilt: spoilt as number } };
}

/** "question 2" for messages: short enough to read in an error summary. */
export function questionLabel(index: number): string {
  return `question ${index + 1}`;
}
