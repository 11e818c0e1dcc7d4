import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ImportPlan, ImportPlanPerson } from '../../../../shared/contract/hr-import';
import { formatCount } from '../../lib/format';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { planFieldLabel, planValue, shownOf } from './plan-format';

type TabKey = 'rejected' | 'admit' | 'cease' | 'update' | 'split' | 'notEligible';

interface Tab {
  key: TabKey;
  label: string;
  count: number;
  panel: ReactNode;
}

/**
 * The rows behind each count of the plan, one tab per outcome. Rejected rows come first when
 * there are any: they are what the secretary corrects in the file.
 */
export function PlanTabs({ plan, admittedNumbers }: { plan: ImportPlan; admittedNumbers?: { first: number } | null }) {
  const c = plan.counts;
  const tabs: Tab[] = [
    {
      key: 'admit',
      label: admittedNumbers ? 'Admitted' : 'To admit',
      count: c.admit,
      panel: <AdmitTable rows={plan.admit} total={c.admit} firstNumber={admittedNumbers?.first ?? null} />,
    },
    { key: 'cease', label: admittedNumbers ? 'Ceased' : 'To cease', count: c.cease, panel: <CeaseTable rows={plan.cease} total={c.cease} /> },
    { key: 'update', label: admittedNumbers ? 'Updated' : 'To update', count: c.update, panel: <UpdateTable rows={plan.update} total={c.update} /> },
    ...(c.split > 0 ? [{ key: 'split' as const, label: 'Split from one column', count: c.split, panel: <SplitTable rows={plan.splits} total={c.split} /> }] : []),
    { key: 'notEligible', label: 'Not eligible yet', count: c.notEligible, panel: <NotEligibleTable rows={plan.notEligible} total={c.notEligible} /> },
    { key: 'rejected', label: 'Rejected rows', count: c.rejected, panel: <RejectedTable rows={plan.rejected} total={c.rejected} /> },
  ];
  if (c.rejected > 0 && !admittedNumbers) tabs.unshift(tabs.pop()!);
  const firstWithRows = tabs.find((t) => t.count > 0)?.key ?? tabs[0]!.key;
  const [selected, setSelected] = useState<TabKey>(firstWithRows);
  const refs = useRef(new Map<TabKey, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to =
      e.key === 'ArrowRight' ? (index + 1) % tabs.length : e.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    const key = tabs[to]!.key;
    setSelected(key);
    refs.current.get(key)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label="The plan, row by row">
        {tabs.map((t, i) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={selected === t.key}
            aria-controls={`panel-${t.key}`}
            tabIndex={selected === t.key ? 0 : -1}
            ref={(el) => {
              if (el) refs.current.set(t.key, el);
            }}
            onClick={() => setSelected(t.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
            <span className={`badge${t.key === 'rejected' && t.count > 0 ? ' badge-danger' : ''}`}>{t.count.toLocaleString('en-GB')}</span>
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.key} role="tabpanel" id={`panel-${t.key}`} aria-labelledby={`tab-${t.key}`} hidden={selected !== t.key} tabIndex={0}>
          {selected === t.key ? t.panel : null}
        </div>
      ))}
    </div>
  );
}

function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="plan-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

function More({ shown, total }: { shown: number; total: number }) {
  const note = shownOf(shown, total);
  return note ? <p className="list-note">{note}</p> : null;
}

function Value({ v }: { v: string }) {
  return v === '' ? <span className="empty-value">(empty)</span> : <span className="value">{v}</span>;
}

/** A row of the file can have several problems, so a rejected row's key is its line, column and place in the list. */
type RejectedRow = ImportPlan['rejected'][number] & { key: string };

const REJECTED_COLUMNS: ColumnDef<RejectedRow>[] = [
  { id: 'line', header: 'Line', meta: { cellClassName: 'line' }, cell: ({ row: { original: r } }) => r.line },
  { id: 'column', header: 'Column', meta: { nowrap: true }, cell: ({ row: { original: r } }) => r.column },
  { id: 'value', header: 'Value', meta: { cellClassName: 'value-cell' }, cell: ({ row: { original: r } }) => <Value v={r.value} /> },
  { id: 'reason', header: 'Reason', meta: { cellClassName: 'reason' }, cell: ({ row: { original: r } }) => r.reason },
];

export function RejectedTable({ rows, total }: { rows: ImportPlan['rejected']; total: number }) {
  if (total === 0) return <Empty>No rows were rejected: every row could be read.</Empty>;
  return (
    <>
      <p className="tab-intro">
        {formatCount(total, 'row')} could not be used. Correct {total === 1 ? 'it' : 'them'} in the file and check the corrected file; until then{' '}
        {total === 1 ? 'it is' : 'they are'} left out. Line numbers are as a spreadsheet or text editor shows them, with the heading row as line 1.
      </p>
      <Scroll label="Rejected rows">
        <DataTable
          data={rows.map((r, i) => ({ ...r, key: `${r.line}-${r.column}-${i}` }))}
          columns={REJECTED_COLUMNS}
          caption="Rejected rows: line, column, value and reason"
          rowKey={(r) => r.key}
          className="plan-table"
          wrap={false}
        />
      </Scroll>
      {rows.length >= 500 ? <p className="list-note">Showing the first 500 problems; correct them and check the file again to see any others.</p> : null}
    </>
  );
}

type Person = ImportPlanPerson;

/** Line, employee number and name: the first columns of every table of people in the plan. */
const PERSON_COLUMNS: ColumnDef<Person>[] = [
  { id: 'line', header: 'Line', meta: { cellClassName: 'line' }, cell: ({ row: { original: p } }) => p.line },
  { id: 'employeeNumber', header: 'Employee no.', meta: { nowrap: true }, cell: ({ row: { original: p } }) => p.employeeNumber },
  { id: 'name', header: 'Name', meta: { cellClassName: 'name' }, cell: ({ row: { original: p } }) => p.name },
];

const memberNumberColumn: ColumnDef<Person> = { id: 'memberNumber', header: 'Member no.', meta: { numeric: true }, cell: ({ row: { original: p } }) => p.memberNumber };
const classColumn: ColumnDef<Person> = { id: 'class', header: 'Class', cell: ({ row: { original: p } }) => p.className };
const detailColumn = (header: string, cellClassName?: string): ColumnDef<Person> => ({
  id: 'detail',
  header,
  ...(cellClassName ? { meta: { cellClassName } } : {}),
  cell: ({ row: { original: p } }) => p.detail,
});

function PeopleTable<T extends Person>({ label, caption, rows, columns }: { label: string; caption: string; rows: T[]; columns: ColumnDef<T>[] }) {
  return (
    <Scroll label={label}>
      <DataTable data={rows} columns={[...(PERSON_COLUMNS as ColumnDef<T>[]), ...columns]} caption={caption} rowKey={(p) => String(p.line)} className="plan-table" wrap={false} />
    </Scroll>
  );
}

function AdmitTable({ rows, total, firstNumber }: { rows: ImportPlanPerson[]; total: number; firstNumber: number | null }) {
  if (total === 0) return <Empty>Nobody to admit: everyone eligible in the file is already a member.</Empty>;
  const numbered: ColumnDef<Person>[] =
    firstNumber === null ? [] : [{ id: 'memberNumber', header: 'Member no.', meta: { numeric: true }, cell: ({ row }) => firstNumber + row.index }];
  return (
    <>
      <PeopleTable
        label={firstNumber === null ? 'Members to admit' : 'Members admitted'}
        caption={firstNumber === null ? 'People the import would admit' : 'People admitted, with their member numbers'}
        rows={rows}
        columns={[...numbered, classColumn, detailColumn('Entry')]}
      />
      <More shown={rows.length} total={total} />
    </>
  );
}

function CeaseTable({ rows, total }: { rows: ImportPlanPerson[]; total: number }) {
  if (total === 0) return <Empty>No leavers: nobody in the file who is a member, or is being admitted, has an employment end date on or before today.</Empty>;
  return (
    <>
      <p className="tab-intro">
        Their membership ends on the day their employment ended, with the reason “Left employment”. Their entry stays in the register as a former member.
        Someone who left after the admission date is admitted from that date and ceases on the day they left, both recorded by this import.
      </p>
      <PeopleTable label="Memberships to end" caption="Members whose membership would end" rows={rows} columns={[memberNumberColumn, classColumn, detailColumn('Leaving')]} />
      <More shown={rows.length} total={total} />
    </>
  );
}

function UpdateTable({ rows, total }: { rows: ImportPlan['update']; total: number }) {
  if (total === 0) return <Empty>No particulars to update: the members in the file match the register.</Empty>;
  const changes: ColumnDef<ImportPlan['update'][number]> = {
    id: 'changes',
    header: 'Changes',
    cell: ({ row: { original: p } }) => (
      <ul className="change-list">
        {p.changes.map((ch) => (
          <li key={ch.field}>
            <span className="field-name">{planFieldLabel(ch.field)}</span>: <del>{planValue(ch.field, ch.from)}</del>
            <span className="arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden"> becomes </span>
            <ins>{planValue(ch.field, ch.to)}</ins>
          </li>
        ))}
      </ul>
    ),
  };
  return (
    <>
      <PeopleTable
        label="Particulars to update"
        caption="Members whose particulars would change, field by field"
        rows={rows}
        columns={[memberNumberColumn as ColumnDef<ImportPlan['update'][number]>, changes]}
      />
      <More shown={rows.length} total={total} />
    </>
  );
}

function NotEligibleTable({ rows, total }: { rows: ImportPlanPerson[]; total: number }) {
  if (total === 0) return <Empty>Everyone in the file who is not yet a member is eligible to join.</Empty>;
  return (
    <>
      <p className="tab-intro">
        They are not admitted now. Each is checked again when you next import a file, so they join once they meet the class’s terms.
      </p>
      <PeopleTable
        label="Not eligible yet"
        caption="People in the file who cannot be admitted yet, with the reason"
        rows={rows}
        columns={[classColumn, detailColumn('Reason', 'reason')]}
      />
      <More shown={rows.length} total={total} />
    </>
  );
}

type Split = ImportPlan['splits'][number];

/** One split, as it will be entered: each particular named, so the secretary can check it. */
function SplitParts({ parts }: { parts: [string, string | null | undefined][] }) {
  return (
    <dl className="split-parts">
      {parts
        .filter(([, v]) => v)
        .map(([label, v]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The rows whose full name or whole address was split, as split, for the secretary to check before applying. */
function SplitTable({ rows, total }: { rows: Split[]; total: number }) {
  const names = rows.some((r) => r.name !== null);
  const addresses = rows.some((r) => r.address !== null);
  const columns: ColumnDef<Split>[] = [
    { id: 'line', header: 'Line', meta: { cellClassName: 'line' }, cell: ({ row: { original: r } }) => r.line },
    { id: 'employeeNumber', header: 'Employee no.', meta: { nowrap: true }, cell: ({ row: { original: r } }) => r.employeeNumber },
    ...(names
      ? ([
          {
            id: 'name',
            header: 'Name: in the file, then as entered',
            cell: ({ row: { original: r } }) =>
              r.name ? (
                <>
                  <Value v={r.name.from} />
                  <SplitParts parts={[['Given names', r.name.givenNames], ['Family name', r.name.familyName]]} />
                </>
              ) : null,
          },
        ] satisfies ColumnDef<Split>[])
      : []),
    ...(addresses
      ? ([
          {
            id: 'address',
            header: 'Address: in the file, then as entered',
            cell: ({ row: { original: r } }) =>
              r.address ? (
                <>
                  <Value v={r.address.from} />
                  <SplitParts
                    parts={[
                      ['Line 1', r.address.line1],
                      ['Line 2', r.address.line2],
                      ['Town', r.address.town],
                      ['Postcode', r.address.postcode],
                      ['Left out', r.address.leftOut],
                    ]}
                  />
                </>
              ) : null,
          },
        ] satisfies ColumnDef<Split>[])
      : []),
  ];
  return (
    <>
      <p className="tab-intro">
        These rows had {names && addresses ? 'a full name or a whole address' : names ? 'a full name' : 'a whole address'} in one column, split into the register’s
        particulars as shown. Check them: if a split is wrong, correct the row in the file (for a name, “Family name, Given names” is always read that way) and
        check the file again.
      </p>
      <Scroll label="Rows split from one column">
        <DataTable data={rows} columns={columns} caption="Names and addresses split from one column: as in the file, and as they will be entered" rowKey={(r) => String(r.line)} className="plan-table" wrap={false} />
      </Scroll>
      <More shown={rows.length} total={total} />
    </>
  );
}
