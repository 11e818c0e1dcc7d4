import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { FINGERPRINT_PATTERN } from '../../../shared/contract/audit';
import { formatInstantUk } from './instant';
import { headFingerprint } from '../../../shared/domain/fingerprint';

/**
 * The audit chain is unkeyed: someone who can write the file can delete the last events and
 * rewrite the head so the chain still verifies on its own. What defeats that is a copy of the
 * head kept outside the file. The app keeps three: the fingerprint printed on every export,
 * printed register and PDF; a `.head.json` file beside every backup; and a log of heads beside
 * the database (`<file>-heads.jsonl`), appended whenever a copy is made or the app closes.
 * `verify` compares the log against all of them and against fingerprints the secretary types
 * in from a printed copy.
 */
export interface Anchor {
  /** Where the head was kept, in words: "backup of 30 Nov 2026", "printed copy". */
  source: string;
  seq: number;
  /** The whole hash, or the 12-character prefix a fingerprint shows. */
  hash: string;
}

export interface HeadRecord {
  seq: number;
  hash: string;
  at: string;
  /** What the head was recorded for: 'backup', 'export', 'print', 'close'. */
  what: string;
}

export function headsLogPath(dbPath: string): string {
  return `${dbPath}-heads.jsonl`;
}

export function backupHeadPath(backupPath: string): string {
  return `${backupPath}.head.json`;
}

/** Appends a head to the log beside the database (created 0600). Never fails the caller's work. */
export function recordHead(dbPath: string, head: HeadRecord): void {
  try {
    appendFileSync(headsLogPath(dbPath), `${JSON.stringify(head)}\n`, { mode: 0o600 });
  } catch {
    /* a read-only folder: the printed fingerprint and backups still anchor the chain */
  }
}

export function writeBackupHead(backupPath: string, head: HeadRecord & { organisation: string | null }): void {
  writeFileSync(backupHeadPath(backupPath), `${JSON.stringify(head, null, 2)}\n`, { mode: 0o600 });
}

export function readBackupHead(backupPath: string): (HeadRecord & { organisation?: string | null }) | null {
  try {
    const v = JSON.parse(readFileSync(backupHeadPath(backupPath), 'utf8')) as HeadRecord;
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** After a restore the old file's heads no longer describe the live file: keep them beside it. */
export function moveHeadsLogAside(dbPath: string, asidePath: string): void {
  const path = headsLogPath(dbPath);
  if (existsSync(path)) renameSync(path, headsLogPath(asidePath));
}

export function parseFingerprint(text: string): { seq: number; prefix: string } | null {
  const m = FINGERPRINT_PATTERN.exec(text.trim());
  if (!m) return null;
  return { seq: Number(m[1]), prefix: `${m[2]}${m[3]}${m[4]}`.toLowerCase() };
}

/** Every head kept outside the file: the heads log, the backups' head files, and typed fingerprints. */
export function collectAnchors(dbPath: string, backupsDir: string, fingerprints: readonly string[] = []): Anchor[] {
  const anchors: Anchor[] = [];
  try {
    const lines = readFileSync(headsLogPath(dbPath), 'utf8').split('\n').filter(Boolean);
    // The newest head of each kind is what matters; older ones are implied by the chain.
    const newest = new Map<string, HeadRecord>();
    for (const line of lines) {
      try {
        const h = JSON.parse(line) as HeadRecord;
        if (typeof h.seq === 'number' && typeof h.hash === 'string') {
          const prev = newest.get(h.what);
          if (!prev || prev.seq <= h.seq) newest.set(h.what, h);
        }
      } catch {
        /* a torn last line after a crash */
      }
    }
    for (const h of newest.values()) anchors.push({ source: `the heads log beside the file (${h.what}, ${formatInstantUk(h.at)})`, seq: h.seq, hash: h.hash });
  } catch {
    /* no heads log yet */
  }
  let names: string[] = [];
  try {
    names = readdirSync(backupsDir).filter((n) => n.endsWith('.sqlite.head.json'));
  } catch {
    /* no backups folder */
  }
  for (const name of names) {
    const head = readBackupHead(join(backupsDir, name.replace(/\.head\.json$/, '')));
    if (head) anchors.push({ source: `the backup ${basename(name, '.head.json')}`, seq: head.seq, hash: head.hash });
  }
  for (const text of fingerprints) {
    const f = parseFingerprint(text);
    if (f) anchors.push({ source: `the fingerprint ${headFingerprintText(f.seq, f.prefix)} you entered`, seq: f.seq, hash: f.prefix });
  }
  return anchors;
}

function headFingerprintText(seq: number, prefix: string): string {
  return headFingerprint(seq, prefix);
}

/** Whether the log still holds each anchored head. */
export function checkAnchors(raw: Database.Database, anchors: readonly Anchor[]): { source: string; seq: number; matches: boolean; message: string }[] {
  const bySeq = raw.prepare('select hash from audit_event where seq = ?').pluck();
  const last = Number(raw.prepare('select coalesce(max(seq), 0) from audit_event').pluck().get());
  return anchors.map((a) => {
    if (a.seq === 0) return { source: a.source, seq: 0, matches: true, message: `${a.source}: recorded before any event.` };
    const hash = bySeq.get(a.seq) as string | undefined;
    if (hash === undefined) {
      return {
        source: a.source,
        seq: a.seq,
        matches: false,
        message: `${a.source} recorded event #${a.seq}, but the log now ends at #${last}: events were deleted from the end of the log.`,
      };
    }
    const matches = hash.startsWith(a.hash.toLowerCase());
    return {
      source: a.source,
      seq: a.seq,
      matches,
      message: matches
        ? `${a.source}: event #${a.seq} matches.`
        : `${a.source} recorded a different event #${a.seq}: the log was rewritten from that point or earlier.`,
    };
  });
}
