import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosaveStatusText, takeServerValue, TextAutosaver, type SaveAnswer, type SaveHow } from './use-autosave';

/** A save whose answer the test gives when it chooses, as a slow machine would. */
function slowServer() {
  const sent: { text: string; how: SaveHow; answer: (a: SaveAnswer) => void }[] = [];
  const save = (text: string, how: SaveHow) =>
    new Promise<SaveAnswer>((resolve) => {
      sent.push({ text, how, answer: resolve });
    });
  return { sent, save };
}

const at = new Date('2026-11-30T19:42:10Z');
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('takeServerValue', () => {
  it('takes the server’s text only when nothing is waiting and nothing was typed since', () => {
    expect(takeServerValue({ text: 'a', baseline: 'a', busy: false }, 'b')).toEqual({ text: 'b', baseline: 'b' });
    expect(takeServerValue({ text: 'a', baseline: 'a', busy: true }, 'b')).toEqual({ text: 'a', baseline: 'a' });
    expect(takeServerValue({ text: 'typed', baseline: 'a', busy: false }, 'b')).toEqual({ text: 'typed', baseline: 'a' });
  });
});

describe('autosaveStatusText', () => {
  it('says nothing until something is typed, then when it was saved on the UK clock, or why not', () => {
    expect(autosaveStatusText({ kind: 'idle' })).toBe('');
    expect(autosaveStatusText({ kind: 'saving' })).toBe('Saving…');
    expect(autosaveStatusText({ kind: 'saved', at })).toBe('Saved at 19:42');
    expect(autosaveStatusText({ kind: 'failed', message: 'The minutes are signed.' })).toBe('Not saved: The minutes are signed.');
  });
});

describe('TextAutosaver', () => {
  it('saves once typing pauses, within a second, only the latest text', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500, () => at);
    s.type('N');
    s.type('No');
    s.type('Noted');
    expect(s.snapshot().state.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent.map((x) => x.text)).toEqual(['Noted']);
    expect(s.snapshot().state.kind).toBe('saving');
    server.sent[0]!.answer({ ok: true, saved: 'Noted' });
    await settle();
    expect(s.snapshot()).toEqual({ text: 'Noted', state: { kind: 'saved', at } });
    expect(s.hasUnsaved()).toBe(false);
  });

  it('keeps what was typed while a slow save was answering, and saves it next', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500, () => at);
    s.type('Noted the rates');
    await vi.advanceTimersByTimeAsync(500);
    s.type('Noted the rates. No objections.');
    // The answer to the first save comes back with the older text.
    server.sent[0]!.answer({ ok: true, saved: 'Noted the rates' });
    await settle();
    expect(s.snapshot().text).toBe('Noted the rates. No objections.');
    expect(s.snapshot().state.kind).toBe('pending');
    // A re-read of the page's data with the older text is not taken either.
    s.serverValue('Noted the rates');
    expect(s.snapshot().text).toBe('Noted the rates. No objections.');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.sent.map((x) => x.text)).toEqual(['Noted the rates', 'Noted the rates. No objections.']);
    server.sent[1]!.answer({ ok: true, saved: 'Noted the rates. No objections.' });
    await settle();
    expect(s.snapshot()).toEqual({ text: 'Noted the rates. No objections.', state: { kind: 'saved', at } });
  });

  it('sends one save at a time: text typed during a save waits for its answer', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500);
    s.type('one');
    await vi.advanceTimersByTimeAsync(500);
    s.type('one two');
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.sent).toHaveLength(1);
    server.sent[0]!.answer({ ok: true });
    await settle();
    expect(server.sent.map((x) => x.text)).toEqual(['one', 'one two']);
  });

  it('takes the server’s form of the text when untouched since the save, and follows the page’s data when idle', async () => {
    const server = slowServer();
    const s = new TextAutosaver('old', server.save, 500);
    s.type('  trimmed  ');
    await vi.advanceTimersByTimeAsync(500);
    server.sent[0]!.answer({ ok: true, saved: 'trimmed' });
    await settle();
    expect(s.snapshot().text).toBe('trimmed');
    s.serverValue('changed elsewhere');
    expect(s.snapshot().text).toBe('changed elsewhere');
  });

  it('keeps refused text on screen, says why, and sends it again on the next flush', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500);
    s.type('Too long');
    await vi.advanceTimersByTimeAsync(500);
    server.sent[0]!.answer({ ok: false, message: 'The minutes are signed.' });
    await settle();
    expect(s.snapshot()).toEqual({ text: 'Too long', state: { kind: 'failed', message: 'The minutes are signed.' } });
    expect(s.hasUnsaved()).toBe(true);
    s.serverValue('');
    expect(s.snapshot().text).toBe('Too long');
    const flushed = s.flush();
    await settle();
    expect(server.sent.map((x) => x.text)).toEqual(['Too long', 'Too long']);
    server.sent[1]!.answer({ ok: true });
    expect(await flushed).toBe(true);
  });

  it('reports a save that threw (the service gone) without losing the text', async () => {
    const s = new TextAutosaver(
      '',
      () => {
        throw new Error('fetch failed');
      },
      500,
    );
    s.type('Kept');
    expect(await s.flush()).toBe(false);
    expect(s.snapshot().state).toMatchObject({ kind: 'failed', message: expect.stringContaining('your text is still here') });
    expect(s.hasUnsaved()).toBe(true);
  });

  it('as the page goes away, sends what is waiting at once as a request that outlives the page, even while a save is answering', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500);
    s.type('First part');
    await vi.advanceTimersByTimeAsync(500);
    s.type('First part, and the last words');
    s.flushOnExit();
    expect(server.sent.map((x) => [x.text, x.how.keepalive])).toEqual([
      ['First part', false],
      ['First part, and the last words', true],
    ]);
    // The earlier save, if still queued behind the meeting's other changes, need not go.
    expect(server.sent[0]!.how.superseded()).toBe(true);
    expect(server.sent[1]!.how.superseded()).toBe(false);
    // Its answer, arriving late, does not mark the page saved or put back its text.
    server.sent[0]!.answer({ ok: true, saved: 'First part' });
    await settle();
    expect(s.snapshot().text).toBe('First part, and the last words');
    expect(s.snapshot().state.kind).toBe('saving');
    server.sent[1]!.answer({ ok: true, saved: 'First part, and the last words' });
    await settle();
    expect(s.snapshot().state.kind).toBe('saved');
    // Nothing waiting: hiding the page again sends nothing.
    s.flushOnExit();
    expect(server.sent).toHaveLength(2);
  });

  it('saves what is waiting when the box goes away, without waiting for the pause', async () => {
    const server = slowServer();
    const s = new TextAutosaver('', server.save, 500);
    s.type('Last words');
    s.dispose();
    await settle();
    expect(server.sent.map((x) => x.text)).toEqual(['Last words']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.sent).toHaveLength(1);
  });
});
