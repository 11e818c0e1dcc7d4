/**
 * The audit head's short fingerprint, printed on copies and kept with backups, short enough to
 * copy from paper: the event number and the hash's first twelve characters in threes of four.
 *
 * @example headFingerprint(1234, '3f9ac2e107bd…') // '#1234 · 3f9a c2e1 07bd'
 */
export function headFingerprint(seq: number, hash: string): string {
  return `#${seq} · ${hash.slice(0, 4)} ${hash.slice(4, 8)} ${hash.slice(8, 12)}`;
}
