import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '../../../../../shared/contract/contracts';
import { DUTY_KIND_SHORT, DUTY_STATE_LABEL, daySummary, dutyShort, dutyState } from './duties';
import { monthGrid, moveByKey, WEEKDAYS, type Month } from './month-grid';

/** How many duties a square shows before "and N more". */
const SHOWN_PER_DAY = 3;

/**
 * The month as an ARIA grid, Monday first: one focusable square at a time (a roving tabindex),
 * moved with the arrow keys, Home and End, Page Up and Page Down (Shift for a year), as the
 * WAI-ARIA date-picker grid does. Each square's name says the day and its duties by number and
 * state (hidden text, so the name holds the visible day number); the duties themselves are listed, with their links, beside the grid for the chosen day.
 */
export function CalendarGrid(props: {
  month: Month;
  today: string;
  selected: string;
  days: Map<string, TimelineEntry[]>;
  labelledBy: string;
  describedBy?: string;
  /** Set when the focus should follow the selection (after a key press, not on first load). */
  focusSelected: boolean;
  onSelect: (date: string, byKey: boolean) => void;
  onOpenDay: () => void;
}) {
  const { month, today, selected, days, labelledBy, describedBy, focusSelected, onSelect, onOpenDay } = props;
  const refs = useRef(new Map<string, HTMLTableCellElement>());
  const weeks = monthGrid(month);

  useEffect(() => {
    if (focusSelected) refs.current.get(selected)?.focus();
  }, [focusSelected, selected, month]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableCellElement>, date: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpenDay();
      return;
    }
    const to = moveByKey(date, e.key, e.shiftKey);
    if (!to) return;
    e.preventDefault();
    onSelect(to, true);
  };

  return (
    <table role="grid" className="cal-grid" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d.short} scope="col" abbr={d.long}>
              <span aria-hidden="true">{d.short}</span>
              <span className="visually-hidden">{d.long}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.date}>
            {week.map((d) => {
              const entries = days.get(d.date) ?? [];
              const isSelected = d.date === selected;
              const states = entries.map(dutyState);
              const cls = [
                'cal-day',
                d.inMonth ? null : 'outside',
                d.date === today ? 'today' : null,
                isSelected ? 'selected' : null,
                states.includes('overdue') ? 'has-overdue' : null,
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td
                  key={d.date}
                  ref={(el) => {
                    if (el) refs.current.set(d.date, el);
                    else refs.current.delete(d.date);
                  }}
                  className={cls}
                  tabIndex={isSelected ? 0 : -1}
                  aria-selected={isSelected}
                  aria-current={d.date === today ? 'date' : undefined}
                  data-date={d.date}
                  onKeyDown={(e) => onKeyDown(e, d.date)}
                  onClick={() => onSelect(d.date, false)}
                >
                  {/* The square's name: the day and its duties in words (the visible parts below are hidden from screen readers). */}
                  <span className="visually-hidden">{daySummary(d.date, entries, today)}</span>
                  <span className="cal-day-number" aria-hidden="true">
                    {d.day}
                  </span>
                  {entries.length > 0 ? (
                    <ul className="cal-chips" aria-hidden="true">
                      {entries.slice(0, SHOWN_PER_DAY).map((e) => {
                        const state = dutyState(e);
                        return (
                          <li key={`${e.contractId}:${e.key}`} className={`cal-chip ${state} kind-${e.kind}`} title={`${dutyShort(e)}: ${e.title} (${DUTY_STATE_LABEL[state]})`}>
                            <span className="cal-chip-mark">{state === 'done' ? '✓' : state === 'overdue' ? '!' : '•'}</span>
                            <span className="cal-chip-text">
                              <span className="cal-chip-kind">{DUTY_KIND_SHORT[e.kind]}</span>
                              <span className="cal-chip-ref">{e.contractReference}</span>
                            </span>
                          </li>
                        );
                      })}
                      {entries.length > SHOWN_PER_DAY ? <li className="cal-more">and {entries.length - SHOWN_PER_DAY} more</li> : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
