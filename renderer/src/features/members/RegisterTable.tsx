import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MemberRow } from '../../../../shared/contract/members';
import { ariaSort } from './go-to';
import { formatShortDate } from '../../lib/dates';
import { SortButton } from '../../ui/DataTable';

/** Fixed by register.css, so rows need no measuring. */
const ROW_HEIGHT = 45;
const HEADER_HEIGHT = 42;
/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 30;

export type SortKey = 'name' | 'number';
export type Direction = 'asc' | 'desc';

/*
 * Not ui/DataTable: the register may hold a million entries, loaded a page at a time by keyset
 * and sorted by the core. This table renders only the rows in view between two spacer rows,
 * numbers them with aria-rowindex against aria-rowcount, and moves between rows with Up and Down;
 * TanStack Table's row model would rebuild a row object for every loaded entry on each page.
 * It shares the sort button and the table styles with DataTable.
 */

/**
 * The register as a real <table> whose body holds only the rows in view (plus a few either
 * side), between two spacer rows that keep the scroll height. aria-rowcount and aria-rowindex
 * tell assistive technology where each rendered row sits in the whole register. The name in
 * each row is a link; Up and Down move between rows.
 */
export function RegisterTable(props: {
  caption: string;
  rows: MemberRow[];
  /** Total rows in the whole list, where known (for aria-rowcount); otherwise -1. */
  total: number;
  hasShares: boolean;
  className: (id: string) => string;
  sort: SortKey;
  direction: Direction;
  onSort: ((column: SortKey) => void) | null;
  hasMore: boolean;
  loadingMore: boolean;
  onNearEnd: () => void;
}) {
  const { rows, hasMore, loadingMore, onNearEnd } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const count = rows.length + (hasMore ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's methods are read during render by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onNearEnd();
  }, [hasMore, loadingMore, lastIndex, rows.length, onNearEnd]);

  const columns = props.hasShares ? 7 : 6;
  const before = items.length > 0 ? items[0]!.start - HEADER_HEIGHT : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const moveFocus = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!rowEl) return;
    e.preventDefault();
    const next = Number(rowEl.dataset['index']) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    const focusRow = () => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${next}"] a`)?.focus();
    const target = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${next}"] a`);
    if (target) {
      target.focus();
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else {
      virtualizer.scrollToIndex(next, { align: 'auto' });
      window.requestAnimationFrame(() => window.requestAnimationFrame(focusRow));
    }
  };

  const header = (column: SortKey, label: string, numeric: boolean) => {
    const sorted = ariaSort(column, props.sort, props.direction);
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={props.onSort ? sorted : undefined}>
        {props.onSort ? (
          <SortButton label={label} sort={sorted} onClick={() => props.onSort?.(column)} />
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <div className="register-scroll" ref={scrollRef} onKeyDown={moveFocus}>
      <table className="data register-table" aria-rowcount={props.total >= 0 ? props.total + 1 : -1}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {header('number', 'No.', true)}
            {header('name', 'Name', false)}
            <th scope="col">Class</th>
            <th scope="col">Status</th>
            <th scope="col">Admitted</th>
            <th scope="col">Ceased</th>
            {props.hasShares ? (
              <th scope="col" className="num">
                Shares
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {before > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns} style={{ height: before }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const r = rows[item.index];
            if (!r) {
              return (
                <tr key="loading" className="loading-row">
                  <td colSpan={columns}>
                    <span role="status">{loadingMore ? 'Loading more members…' : 'Scroll for more members'}</span>
                  </td>
                </tr>
              );
            }
            const href = `/register/members/${r.id}`;
            return (
              <tr
                key={r.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="register-row"
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(href);
                }}
              >
                <td className="num">{r.memberNumber}</td>
                <td className="name-cell">
                  <Link to={href}>
                    {r.kind === 'organisation' || r.givenNames === '' ? r.familyName : `${r.familyName}, ${r.givenNames}`}
                  </Link>
                </td>
                <td>{props.className(r.classId)}</td>
                <td>
                  <span className={`badge ${r.status === 'current' ? 'badge-success' : 'badge-muted'}`}>{r.status === 'current' ? 'Current' : 'Former'}</span>
                </td>
                <td className="nowrap">{formatShortDate(r.admittedOn)}</td>
                <td className="nowrap">{r.ceasedOn ? formatShortDate(r.ceasedOn) : <span className="visually-hidden">Not ceased</span>}</td>
                {props.hasShares ? <td className="num">{(r.sharesHeld ?? 0).toLocaleString('en-GB')}</td> : null}
              </tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns} style={{ height: after }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
