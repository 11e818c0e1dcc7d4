/**
 * What a field that names an organisation (or a contract) holds: the words as typed, and the
 * record on the list they are linked to, if any (issue 10). Choosing from the list links the
 * record; words that name nothing on the list are still recorded, as before the list existed.
 */
export interface LinkChoice {
  id: string | null;
  text: string;
}

export const NO_CHOICE: LinkChoice = { id: null, text: '' };

/**
 * How a name is compared: without case and extra spaces, in Unicode NFC. The same as the core's
 * `nameKey` (main/core/counterparties/names.ts), which keeps the list's names unique by it.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en-GB');
}

/**
 * The entries that match what was typed, best first, at most `limit`: those whose words begin
 * with it ("riv" finds "Riverside Borough Council"), then those that merely contain it; each
 * group in the list's own order. Nothing typed: the first `limit` entries.
 */
export function rankMatches<T>(items: readonly T[], typed: string, wordsOf: (item: T) => readonly (string | null | undefined)[], limit: number): T[] {
  const key = nameKey(typed);
  if (key === '') return items.slice(0, limit);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best = Infinity;
    for (const w of wordsOf(item)) {
      if (!w) continue;
      const k = nameKey(w);
      if (k.startsWith(key)) best = Math.min(best, 0);
      else if (k.split(/[\s/(),.-]+/u).some((part) => part.startsWith(key)) || k.includes(` ${key}`)) best = Math.min(best, 1);
      else if (k.includes(key)) best = Math.min(best, 2);
    }
    if (best < Infinity) scored.push({ item, score: best, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.item);
}

/** The one entry whose name is what was typed (compared as nameKey does), or null if none or several. */
export function exactMatch<T>(items: readonly T[], typed: string, nameOf: (item: T) => string): T | null {
  const key = nameKey(typed);
  if (key === '') return null;
  const found = items.filter((i) => nameKey(nameOf(i)) === key);
  return found.length === 1 ? found[0]! : null;
}

/**
 * The choice after typing: linked to the entry the words name exactly (so typing a name already
 * on the list is the same as choosing it), otherwise recorded as words only.
 */
export function choiceFromTyping<T extends { id: string }>(items: readonly T[] | undefined, typed: string, nameOf: (item: T) => string): LinkChoice {
  const match = items ? exactMatch(items, typed, nameOf) : null;
  return { id: match?.id ?? null, text: typed };
}

/** The words to record and the link to send, for a form's input. Empty words send neither. */
export function linkInput(c: LinkChoice): { text: string; id: string | undefined } {
  const text = c.text.trim();
  return { text: c.text, id: text !== '' && c.id ? c.id : undefined };
}
