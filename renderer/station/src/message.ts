import type { TFunction } from 'i18next';

/**
 * Something to say to the voter, as an i18next key and its values rather than a sentence, so that
 * the logic that decides what to say stays pure (and tested) and the words come from en.json or
 * cy.json in the language the voter chose.
 */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
  /** Values that are lists of words, said as "For, Against or Abstain" in the voter's language. */
  lists?: Record<string, readonly Text[]>;
}

/** Words the page shows: a message to translate, or text as the secretary wrote it (a name, a question). */
export type Text = Message | string;

export function message(key: string, values?: Record<string, string | number>, lists?: Record<string, readonly Text[]>): Message {
  return { key, ...(values ? { values } : {}), ...(lists ? { lists } : {}) };
}

/** The words of a message (or the text itself) in the current language. */
export function say(t: TFunction, text: Text): string {
  if (typeof text === 'string') return text;
  const lists: Record<string, string> = {};
  for (const [name, items] of Object.entries(text.lists ?? {})) lists[name] = joinOr(t, items.map((i) => say(t, i)));
  return t(text.key, { ...text.values, ...lists });
}

/** "A", "A or B", "A, B or C" (en) / "A neu B", "A, B neu C" (cy). */
function joinOr(t: TFunction, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('list.or', { head: items.slice(0, -1).join(t('list.separator')), last: items[items.length - 1] });
}
