import { daysBetween, formatLegalDate } from '../../../../shared/rules/legal-date';

/**
 * How an action's due date reads in the tracker: overdue actions say so in words (never colour
 * alone) with how long ago they were due; closed ones say when they were closed.
 */
export function dueWords(a: { dueOn: string | null; status: 'open' | 'done' | 'dropped'; closedOn: string | null }, today: string): { text: string; overdue: boolean } {
  if (a.status !== 'open') {
    const verb = a.status === 'done' ? 'Done' : 'Dropped';
    return { text: a.closedOn ? `${verb} on ${formatLegalDate(a.closedOn)}` : verb, overdue: false };
  }
  if (!a.dueOn) return { text: 'No due date', overdue: false };
  const days = daysBetween(a.dueOn, today);
  if (days > 0) return { text: `Overdue: was due ${formatLegalDate(a.dueOn)} (${days === 1 ? '1 day' : `${days} days`} ago)`, overdue: true };
  if (days === 0) return { text: `Due today, ${formatLegalDate(a.dueOn)}`, overdue: false };
  return { text: `Due ${formatLegalDate(a.dueOn)}${-days <= 7 ? ` (in ${-days === 1 ? '1 day' : `${-days} days`})` : ''}`, overdue: false };
}
