/**
 * The live meeting view's keyboard shortcuts. They are single keys, so they must never fire
 * while the secretary is typing notes or a time (WCAG 2.2 SC 2.1.4 Character Key Shortcuts:
 * active only when no text field has focus, and shown on screen).
 */
export type LiveShortcut = 'next' | 'previous' | 'arrival' | 'help';

export const LIVE_SHORTCUTS: readonly { key: string; action: LiveShortcut; label: string }[] = [
  { key: 'N', action: 'next', label: 'Next item' },
  { key: 'P', action: 'previous', label: 'Previous item' },
  { key: 'A', action: 'arrival', label: 'Mark an arrival (goes to the attendance list)' },
  { key: '?', action: 'help', label: 'Show or hide these shortcuts' },
];

/** The parts of a keyboard event the decision needs (a plain object in tests). */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target?: unknown;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'tel', 'url', 'password', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Whether the element takes typed text: a text box, text area, select or editable region. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean; getAttribute?: (n: string) => string | null };
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((el.type ?? 'text').toLowerCase());
  const role = el.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox';
}

/** The shortcut a key press means, or null: nothing while typing, with a modifier, or mid-composition. */
export function shortcutFor(e: KeyLike): LiveShortcut | null {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTypingTarget(e.target)) return null;
  switch (e.key) {
    case 'n':
    case 'N':
      return 'next';
    case 'p':
    case 'P':
      return 'previous';
    case 'a':
    case 'A':
      return 'arrival';
    case '?':
      return 'help';
    default:
      return null;
  }
}
