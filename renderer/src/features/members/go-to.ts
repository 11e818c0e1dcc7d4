/**
 * The register's "Go to" box: a member number jumps by number, anything else is the start of a
 * family name. Both become `startAt` for members.list, so a jump deep into a large register is
 * one index seek, never an offset.
 */
export type GoTo = { sort: 'number'; startAt: string } | { sort: 'name'; startAt: string };

export function parseGoTo(text: string): GoTo | null {
  const t = text.trim();
  if (t === '') return null;
  const number = /^(?:#|no\.?\s*|member\s+)?(\d{1,12})$/i.exec(t);
  if (number) return { sort: 'number', startAt: String(Number(number[1])) };
  return { sort: 'name', startAt: t.slice(0, 100) };
}

/** The value of a sortable column header's aria-sort. */
export function ariaSort(column: 'name' | 'number', sort: 'name' | 'number', direction: 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (column !== sort) return 'none';
  return direction === 'asc' ? 'ascending' : 'descending';
}

/** Clicking a column header: a new column sorts ascending; the same column flips direction. */
export function nextSort(
  current: { sort: 'name' | 'number'; direction: 'asc' | 'desc' },
  column: 'name' | 'number',
): { sort: 'name' | 'number'; direction: 'asc' | 'desc' } {
  if (current.sort !== column) return { sort: column, direction: 'asc' };
  return { sort: column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
