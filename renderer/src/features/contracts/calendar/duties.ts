import { DUTY_KIND_LABEL, type TimelineEntry } from '../../../../../shared/contract/contracts';
import { formatCount } from '../../../lib/format';
import { longDay } from './month-grid';

export type DutyState = 'done' | 'overdue' | 'due';

/** A duty is done once recorded so; until then it is overdue from the day after its date (the core says which). */
export function dutyState(e: Pick<TimelineEntry, 'done' | 'overdue'>): DutyState {
  return e.done ? 'done' : e.overdue ? 'overdue' : 'due';
}

export const DUTY_STATE_LABEL: Record<DutyState, string> = { done: 'Done', overdue: 'Overdue', due: 'Due' };

/** A duty's kind in a word or two, for a calendar square (the full title is beside the grid). */
export const DUTY_KIND_SHORT: Record<TimelineEntry['kind'], string> = {
  extension_decision: 'Ext. decision',
  extension_notice: 'Ext. notice',
  break_notice: 'Break notice',
  price_review: 'Price review',
  kpi_report: 'KPI report',
  end: 'Ends',
};

/** What a duty is, in a few words: "Extension decision · CS-2026-014" (a square's tooltip). */
export function dutyShort(e: Pick<TimelineEntry, 'kind' | 'contractReference'>): string {
  return `${DUTY_KIND_LABEL[e.kind]} · ${e.contractReference}`;
}

/**
 * How a square of the calendar is read out: the day, then its duties by number and state
 * ("Tuesday 3 March 2026, today: 2 duties, 1 overdue, 1 done"), so the grid can be walked day by
 * day without opening each one.
 */
export function daySummary(date: string, entries: readonly Pick<TimelineEntry, 'done' | 'overdue'>[], today: string): string {
  const day = `${longDay(date)}${date === today ? ', today' : ''}`;
  if (entries.length === 0) return `${day}: no duties`;
  const overdue = entries.filter((e) => dutyState(e) === 'overdue').length;
  const done = entries.filter((e) => dutyState(e) === 'done').length;
  const states = [overdue > 0 ? `${overdue} overdue` : null, done > 0 ? `${done} done` : null].filter(Boolean);
  return `${day}: ${formatCount(entries.length, 'duty', 'duties')}${states.length > 0 ? `, ${states.join(', ')}` : ''}`;
}
