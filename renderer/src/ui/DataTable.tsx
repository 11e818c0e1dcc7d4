import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generic parameters must match TanStack's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean;
    /** Never wraps (dates). */
    nowrap?: boolean;
    /** This column's cell names the row (th scope="row"), as a name or number does. */
    rowHeader?: boolean;
    /** Extra class on the column's header and cells (widths). */
    className?: string;
    /** Extra class on the column's cells only (a monospace file name). */
    cellClassName?: string;
    /** A header read by screen readers only (an actions column). */
    headerHidden?: boolean;
  }
}

export type { ColumnDef, SortingState };

/**
 * A header or cell template called as a function, not mounted as a component as flexRender
 * would: columns are often written inline, so each render would bring a new component type and
 * React would remount the cell, losing the focus of a button in it (and its dialog's way back).
 */
function render<C>(template: string | ((context: C) => ReactNode) | undefined, context: C): ReactNode {
  return typeof template === 'function' ? template(context) : (template ?? null);
}

export interface DataTableProps<T> {
  data: readonly T[];
  // TanStack's ColumnDef is invariant in its value type; each column keeps its own.
  columns: ColumnDef<T, any>[];
  /** What the table is: its caption, read first by a screen reader. Hidden unless captionVisible. */
  caption: string;
  captionVisible?: boolean;
  /** A stable key for each row (its record id), so rows keep their focus and state as data changes. */
  rowKey: (row: T, index: number) => string;
  /** Shown in place of the table when there are no rows. Without it, an empty table is not drawn at all. */
  empty?: ReactNode;
  /** Sorting in the browser: columns with enableSorting get a sort button; this is the starting order. */
  initialSort?: SortingState;
  /** Extra attributes for a row (a class, a test id). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
  /** Extra classes on the table ("data" is always there, unless variant is "print"). */
  className?: string;
  /** "print" for printable views: plain print-table styling, no hover, no wrapper. */
  variant?: 'screen' | 'print';
  /** On screen the table sits in a horizontally scrolling .table-wrap; false when the caller already scrolls it. */
  wrap?: boolean;
}

function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

/**
 * A column header's sort control: a button (so it is reached and pressed like any other), with
 * the order shown by an arrow; the th around it carries aria-sort. The virtualised register uses it too.
 */
export function SortButton({ label, sort, onClick }: { label: ReactNode; sort: 'ascending' | 'descending' | 'none'; onClick: (e: unknown) => void }) {
  return (
    <button type="button" className="sort-button" onClick={onClick}>
      {label}
      <span aria-hidden="true" className="sort-arrow">
        {sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}
      </span>
    </button>
  );
}

/**
 * Every list in the app drawn the same accessible way: a real <table> with a caption, column
 * headers with scope, a row header where a row has a name, sort buttons that say their order
 * through aria-sort, and a message instead of an empty table. Built on TanStack Table, which
 * keeps the sorting and the row model; the markup stays ours.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { data, columns, caption, rowKey, empty, rowProps, variant = 'screen' } = props;
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance's methods are read during render by design.
  const table = useReactTable<T>({
    data: data as T[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row, index) => rowKey(row, index),
    defaultColumn: { enableSorting: false },
    enableSortingRemoval: false,
  });
  if (data.length === 0 && empty !== undefined) return <>{empty}</>;
  const screen = variant === 'screen';
  const tableClass = [screen ? 'data' : 'print-table', props.className].filter(Boolean).join(' ');
  const body = (
    <table className={tableClass}>
      <caption className={props.captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const sortable = header.column.getCanSort();
              const label = header.isPlaceholder ? null : render(header.column.columnDef.header, header.getContext());
              const sorted = header.column.getIsSorted();
              const className = [meta?.numeric ? 'num' : null, meta?.className].filter(Boolean).join(' ') || undefined;
              return (
                <th key={header.id} scope="col" colSpan={header.colSpan > 1 ? header.colSpan : undefined} className={className} aria-sort={sortable ? ariaSort(sorted) : undefined}>
                  {sortable ? (
                    <SortButton label={label} sort={ariaSort(sorted)} onClick={header.column.getToggleSortingHandler() ?? (() => {})} />
                  ) : meta?.headerHidden ? (
                    <span className="visually-hidden">{label}</span>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row: Row<T>) => (
          <tr key={row.id} {...rowProps?.(row.original)}>
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const className = [meta?.numeric ? 'num' : null, meta?.nowrap ? 'nowrap' : null, meta?.className, meta?.cellClassName].filter(Boolean).join(' ') || undefined;
              const content = render(cell.column.columnDef.cell, cell.getContext());
              return meta?.rowHeader ? (
                <th key={cell.id} scope="row" className={className}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={className}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!screen || props.wrap === false) return body;
  return <div className="table-wrap">{body}</div>;
}
