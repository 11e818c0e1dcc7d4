import { useEffect, useState } from 'react';

/**
 * How often at most a screen reader is told the turnout. The station is read every 2 seconds; at
 * a busy AGM the count changes nearly every time, and a polite region that changed that often
 * would talk over everything the secretary does. Once every 30 seconds, and only when it changed.
 */
export const ANNOUNCE_GAP_MS = 30_000;

export interface Announced {
  text: string;
  at: number;
}

/**
 * How long to wait before announcing `text`, or null for nothing to announce (it is what was last
 * announced). A change is announced once the gap since the last announcement has passed; one
 * inside the gap waits for its end, and a later change in the same gap replaces it.
 */
export function waitBeforeAnnouncing(last: Announced, text: string, now: number, gapMs = ANNOUNCE_GAP_MS): number | null {
  if (text === last.text) return null;
  return Math.max(0, last.at + gapMs - now);
}

/**
 * The text for a polite live region that follows `text` at most once every `gapMs`. The region
 * starts with the text as first read (not announced: a live region's first content is not read
 * out).
 */
export function useThrottledAnnouncement(text: string, gapMs = ANNOUNCE_GAP_MS): string {
  const [announced, setAnnounced] = useState<Announced>(() => ({ text, at: Date.now() }));
  useEffect(() => {
    const wait = waitBeforeAnnouncing(announced, text, Date.now(), gapMs);
    if (wait === null) return undefined;
    const timer = window.setTimeout(() => setAnnounced({ text, at: Date.now() }), wait);
    return () => window.clearTimeout(timer);
  }, [text, announced, gapMs]);
  return announced.text;
}
