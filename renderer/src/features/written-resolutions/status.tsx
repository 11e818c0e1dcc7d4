import type { WrittenResolution } from '../../../../shared/contract/written-resolutions';

/** A written resolution's status as a badge: the word says it, the colour only repeats it. */
export function statusBadge(status: WrittenResolution['status'], label: string) {
  const tone = status === 'passed' ? 'badge-success' : status === 'circulating' ? 'badge-warning' : status === 'lapsed' ? 'badge-danger' : 'badge-muted';
  return <span className={`badge ${tone}`}>{label}</span>;
}
