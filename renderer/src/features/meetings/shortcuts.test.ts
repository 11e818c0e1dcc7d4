import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, getAttribute: () => null, ...extra });

describe('live meeting shortcuts', () => {
  it('maps N, P, A and ? in either case when nothing takes text', () => {
    expect(shortcutFor({ key: 'n', target: el('BODY') })).toBe('next');
    expect(shortcutFor({ key: 'N', target: el('BUTTON') })).toBe('next');
    expect(shortcutFor({ key: 'p', target: el('BODY') })).toBe('previous');
    expect(shortcutFor({ key: 'A', target: el('BODY') })).toBe('arrival');
    expect(shortcutFor({ key: '?', target: el('BODY') })).toBe('help');
    expect(shortcutFor({ key: 'x', target: el('BODY') })).toBeNull();
  });

  it('never fires while typing notes, a time or a choice', () => {
    expect(shortcutFor({ key: 'n', target: el('TEXTAREA') })).toBeNull();
    expect(shortcutFor({ key: 'n', target: el('INPUT', { type: 'text' }) })).toBeNull();
    expect(shortcutFor({ key: 'p', target: el('SELECT') })).toBeNull();
    expect(shortcutFor({ key: 'a', target: el('DIV', { isContentEditable: true }) })).toBeNull();
    expect(shortcutFor({ key: 'a', target: el('DIV', { getAttribute: (n: string) => (n === 'role' ? 'textbox' : null) }) })).toBeNull();
  });

  it('still fires on a radio button or checkbox, which take no text', () => {
    expect(isTypingTarget(el('INPUT', { type: 'radio' }))).toBe(false);
    expect(shortcutFor({ key: 'n', target: el('INPUT', { type: 'checkbox' }) })).toBe('next');
  });

  it('leaves a key with Ctrl, Cmd or Alt to the browser (Ctrl+P prints)', () => {
    expect(shortcutFor({ key: 'p', ctrlKey: true, target: el('BODY') })).toBeNull();
    expect(shortcutFor({ key: 'n', metaKey: true, target: el('BODY') })).toBeNull();
    expect(shortcutFor({ key: 'a', altKey: true, target: el('BODY') })).toBeNull();
    expect(shortcutFor({ key: 'n', isComposing: true, target: el('BODY') })).toBeNull();
  });
});
