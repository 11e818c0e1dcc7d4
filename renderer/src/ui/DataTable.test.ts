import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DataTable, type ColumnDef } from './DataTable';

interface Member {
  id: string;
  number: number;
  name: string;
}

const members: Member[] = [
  { id: 'b', number: 2, name: 'Okafor, Sam' },
  { id: 'a', number: 1, name: 'Dubois, Émilie' },
];

const columns: ColumnDef<Member>[] = [
  { id: 'name', accessorKey: 'name', header: 'Name', enableSorting: true, meta: { rowHeader: true } },
  { id: 'number', accessorKey: 'number', header: 'No.', enableSorting: true, meta: { numeric: true } },
  { id: 'actions', header: 'Actions', meta: { headerHidden: true }, cell: ({ row }) => `Open ${row.original.name}` },
];

const html = (props: Partial<Parameters<typeof DataTable<Member>>[0]> = {}) =>
  renderToStaticMarkup(createElement(DataTable<Member>, { data: members, columns, caption: 'Register of members', rowKey: (m: Member) => m.id, ...props }));

describe('the shared table', () => {
  test('has a caption, column headers with scope, and a row header naming each row', () => {
    const out = html();
    expect(out).toContain('<caption class="visually-hidden">Register of members</caption>');
    expect(out.match(/<th scope="col"/g)).toHaveLength(3);
    expect(out).toContain('<th scope="row">Okafor, Sam</th>');
    expect(out).toContain('<td class="num">2</td>');
    expect(out).toContain('<span class="visually-hidden">Actions</span>');
  });

  test('sortable headers are buttons, and aria-sort says the order in force', () => {
    const out = html({ initialSort: [{ id: 'number', desc: false }] });
    expect(out).toContain('aria-sort="none"><button type="button" class="sort-button">Name');
    expect(out).toContain('aria-sort="ascending"><button type="button" class="sort-button">No.');
    // Sorted by number: member 1 comes first whatever order the data came in.
    expect(out.indexOf('Dubois')).toBeLessThan(out.indexOf('Okafor'));
    expect(html().indexOf('Okafor')).toBeLessThan(html().indexOf('Dubois'));
  });

  test('columns that do not sort have no button and no aria-sort', () => {
    expect(html()).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
  });

  test('an empty list shows its message instead of an empty table', () => {
    const out = html({ data: [], empty: createElement('p', null, 'No members yet.') });
    expect(out).toBe('<p>No members yet.</p>');
  });
});
