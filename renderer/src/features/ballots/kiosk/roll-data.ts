import type { RollEntry } from '../../../../../shared/contract/ballots';
import { request } from '../../../api/client';

/** Every entry of the frozen roll (for print and export), read in pages of 5,000 (ballots.roll's largest). */
export async function fetchWholeRoll(id: string, onProgress?: (read: number, total: number) => void): Promise<RollEntry[]> {
  const all: RollEntry[] = [];
  for (;;) {
    const page = await request('ballots.roll', { id, offset: all.length, limit: 5000 });
    all.push(...page.entries);
    onProgress?.(all.length, page.total);
    if (page.entries.length === 0 || all.length >= page.total) return all;
  }
}
