import { useEffect, useState, useSyncExternalStore } from 'react';
import { saveStateText, type SaveState } from '../minutes/saved-at';

/**
 * Text saved as it is typed (an item's notes, the minutes' narrative), so that a laptop dying
 * mid-meeting loses nothing that was on screen for more than a second:
 * - saved once typing pauses (well under a second), at once when the box is left or goes away
 *   (another item, another page), and as the page is hidden or closed (sent so that it outlives
 *   the page);
 * - one save at a time, always the latest text;
 * - the server's answer replaces the text only if nothing was typed since that save was sent,
 *   so a slow answer never puts back older text under the cursor;
 * - a refusal keeps the text, says why, and it is sent again with the next change or blur.
 */

/** The server's answer to one save: `saved` is the text as the server now holds it, if known. */
export type SaveAnswer = { ok: true; saved?: string } | { ok: false; message: string };

export interface SaveHow {
  /** The page is going away: the request must outlive it (fetch keepalive). */
  keepalive: boolean;
  /** True once a later save of the same text box has been sent; a queued save then need not go. */
  superseded: () => boolean;
}

export type SaveText = (text: string, how: SaveHow) => Promise<SaveAnswer>;

export interface AutosaveSnapshot {
  text: string;
  state: SaveState;
}

/** Typing must pause this long before a save (the issue allows a second at most). */
export const AUTOSAVE_DEFAULT_MS = 500;

const NO_ANSWER = 'the app’s background service did not answer; your text is still here and will be saved with the next change.';

/**
 * Whether a value from the server (a re-read, or the answer to some other change) may replace
 * the text on screen: only when nothing is waiting or on its way and the text is what the server
 * last had, i.e. the secretary has not typed since. Otherwise the screen keeps what was typed.
 */
export function takeServerValue(s: { text: string; baseline: string; busy: boolean }, value: string): { text: string; baseline: string } {
  if (s.busy || s.text !== s.baseline) return { text: s.text, baseline: s.baseline };
  return { text: value, baseline: value };
}

/** The words beside the box; nothing at all until something is typed. */
export function autosaveStatusText(s: SaveState): string {
  return s.kind === 'idle' ? '' : saveStateText(s);
}

/** The autosave machine, free of React so it can be tested with fake timers. */
export class TextAutosaver {
  private text: string;
  private baseline: string;
  private waiting: string | null = null;
  private inflight: Promise<void> | null = null;
  private sends = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private snap: AutosaveSnapshot;

  constructor(
    initial: string,
    private save: SaveText,
    private readonly delayMs = AUTOSAVE_DEFAULT_MS,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.text = initial;
    this.baseline = initial;
    this.snap = { text: initial, state: { kind: 'idle' } };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): AutosaveSnapshot => this.snap;

  /** The save to use from now on (its closure may carry newer page data). */
  setSave = (save: SaveText): void => {
    this.save = save;
  };

  /** Whether something typed has not yet been confirmed saved. */
  hasUnsaved = (): boolean => this.waiting !== null || this.inflight !== null;

  /** The secretary typed: show it, and save it once typing pauses. */
  type = (next: string): void => {
    this.text = next;
    this.waiting = next;
    this.emit({ kind: 'pending' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  };

  /** A value for the text from the server (the page's data changed). */
  serverValue = (value: string): void => {
    const next = takeServerValue({ text: this.text, baseline: this.baseline, busy: this.hasUnsaved() }, value);
    this.baseline = next.baseline;
    if (next.text !== this.text) {
      this.text = next.text;
      this.emit(this.snap.state);
    }
  };

  /** Saves what is waiting now (after any save already on its way); true if it was saved. */
  flush = async (): Promise<boolean> => {
    clearTimeout(this.timer);
    while (this.inflight) await this.inflight;
    return this.send(false);
  };

  /**
   * The page is being hidden or closed: send what is waiting at once, without waiting for a save
   * on its way (the page may not live to see it answer), as a request that outlives the page.
   */
  flushOnExit = (): void => {
    clearTimeout(this.timer);
    if (this.waiting !== null) void this.send(true);
  };

  /** The box goes away (another item, another page): save what is waiting. */
  dispose = (): void => {
    if (this.waiting !== null) void this.flush();
    else clearTimeout(this.timer);
  };

  private send(keepalive: boolean): Promise<boolean> {
    const text = this.waiting;
    if (text === null) return Promise.resolve(this.snap.state.kind !== 'failed');
    this.waiting = null;
    const n = ++this.sends;
    this.emit({ kind: 'saving' });
    let ok = false;
    let attempt: Promise<SaveAnswer>;
    try {
      attempt = this.save(text, { keepalive, superseded: () => this.sends !== n });
    } catch {
      attempt = Promise.resolve({ ok: false, message: NO_ANSWER });
    }
    const run = attempt
      .catch((): SaveAnswer => ({ ok: false, message: NO_ANSWER }))
      .then((answer) => {
        const latest = this.sends === n;
        if (answer.ok) {
          ok = true;
          // The server's text replaces the screen's only if nothing was typed since this was sent.
          if (answer.saved !== undefined && this.text === text && this.waiting === null) {
            this.baseline = answer.saved;
            if (answer.saved !== this.text) this.text = answer.saved;
          } else if (answer.saved !== undefined) this.baseline = answer.saved;
          if (latest && this.waiting === null) this.emit({ kind: 'saved', at: this.now() });
          else this.emit(this.snap.state);
        } else {
          // Keep the text to send again; a newer text typed since takes its place.
          if (latest) this.waiting ??= text;
          this.emit({ kind: 'failed', message: answer.message });
        }
      });
    const tracked: Promise<void> = run.finally(() => {
      if (this.inflight === tracked) this.inflight = null;
    });
    this.inflight = tracked;
    return tracked.then(() => ok);
  }

  private emit(state: SaveState): void {
    this.snap = { text: this.text, state };
    for (const l of this.listeners) l();
  }
}

/**
 * React binding of TextAutosaver: `server` is the text as the page's data has it (followed when
 * untouched), `save` sends one text. Also saves on `pagehide` and when the page is hidden
 * (`visibilitychange`), which is the last moment a closing tab or a sleeping laptop gives.
 */
export function useAutosavedText({ server, save, delayMs = AUTOSAVE_DEFAULT_MS }: { server: string; save: SaveText; delayMs?: number }) {
  const [saver] = useState(() => new TextAutosaver(server, save, delayMs));
  useEffect(() => {
    saver.setSave(save);
  }, [saver, save]);
  useEffect(() => saver.serverValue(server), [saver, server]);
  useEffect(() => {
    const onPageHide = () => saver.flushOnExit();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flushOnExit();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.dispose();
    };
  }, [saver]);
  const snap = useSyncExternalStore(saver.subscribe, saver.snapshot);
  return { text: snap.text, state: snap.state, onChange: saver.type, flush: saver.flush, hasUnsaved: saver.hasUnsaved };
}
