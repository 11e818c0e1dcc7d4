import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ImportPlan, ImportPlanPerson } from '../../../../shared/contract/hr-import';
import { formatCount } from '../../lib/format';
import { planFieldLabel, planValue, shownOf } from './plan-format';

type TabKey = 'rejected' | 'admit' | 'cease' | 'update' | 'notEligible';

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

export function RejectedTable({ rows, total }: { rows: ImportPlan['rejected']; total: number }) {
  if (total === 0) return <Empty>No rows were rejected: every row could be read.</Empty>;
  return (
    <>
      <p className="tab-intro">
        {formatCount(total, 'row')} could not be used. Correct {total === 1 ? 'it' : 'them'} in the file and check the corrected file; until then{' '}
        {total === 1 ? 'it is' : 'they are'} left out. Line numbers are as a spreadsheet or text editor shows them, with the heading row as line 1.
      </p>
      <Scroll label="Rejected rows">
        <table className="data plan-table">
          <caption className="visually-hidden">Rejected rows: line, column, value and reason</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.line}-${r.column}-${i}`}>
                <td className="line">{r.line}</td>
                <td className="nowrap">{r.column}</td>
                <td className="value-cell">
                  <Value v={r.value} />
                </td>
                <td className="reason">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {rows.length >= 500 ? <p className="list-note">Showing the first 500 problems; correct them and check the file again to see any others.</p> : null}
    </>
  );
}

function PersonCells({ p }: { p: ImportPlanPerson }) {
  return (
    <>
      <td className="line">{p.line}</td>
      <td className="nowrap">{p.employeeNumber}</td>
      <td className="name">{p.name}</td>
    </>
  );
}

function PersonHead({ extra }: { extra: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">Line</th>
        <th scope="col">Employee no.</th>
        <th scope="col">Name</th>
        {extra.map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function AdmitTable({ rows, total, firstNumber }: { rows: ImportPlanPerson[]; total: number; firstNumber: number | null }) {
  if (total === 0) return <Empty>Nobody to admit: everyone eligible in the file is already a member.</Empty>;
  return (
    <>
      <Scroll label={firstNumber === null ? 'Members to admit' : 'Members admitted'}>
        <table className="data plan-table">
          <caption className="visually-hidden">{firstNumber === null ? 'People the import would admit' : 'People admitted, with their member numbers'}</caption>
          <PersonHead extra={firstNumber === null ? ['Class', 'Entry'] : ['Member no.', 'Class', 'Entry']} />
          <tbody>
            {rows.map((p, i) => (
              <tr key={p.line}>
                <PersonCells p={p} />
                {firstNumber !== null ? <td className="num">{firstNumber + i}</td> : null}
                <td>{p.className}</td>
                <td>{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </>
  );
}

function CeaseTable({ rows, total }: { rows: ImportPlanPerson[]; total: number }) {
  if (total === 0) return <Empty>No leavers: nobody in the file who is a member has an employment end date on or before the admission date.</Empty>;
  return (
    <>
      <p className="tab-intro">Their membership ends on the day their employment ended, with the reason “Left employment”. Their entry stays in the register as a former member.</p>
      <Scroll label="Memberships to end">
        <table className="data plan-table">
          <caption className="visually-hidden">Members whose membership would end</caption>
          <PersonHead extra={['Member no.', 'Class', 'Leaving']} />
          <tbody>
            {rows.map((p) => (
              <tr key={p.line}>
                <PersonCells p={p} />
                <td className="num">{p.memberNumber}</td>
                <td>{p.className}</td>
                <td>{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </>
  );
}

function UpdateTable({ rows, total }: { rows: ImportPlan['update']; total: number }) {
  if (total === 0) return <Empty>No particulars to update: the members in the file match the register.</Empty>;
  return (
    <>
      <Scroll label="Particulars to update">
        <table className="data plan-table">
          <caption className="visually-hidden">Members whose particulars would change, field by field</caption>
          <PersonHead extra={['Member no.', 'Changes']} />
          <tbody>
            {rows.map((p) => (
              <tr key={p.line}>
                <PersonCells p={p} />
                <td className="num">{p.memberNumber}</td>
                <td>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
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
      <Scroll label="Not eligible yet">
        <table className="data plan-table">
          <caption className="visually-hidden">People in the file who cannot be admitted yet, with the reason</caption>
          <PersonHead extra={['Class', 'Reason']} />
          <tbody>
            {rows.map((p) => (
              <tr key={p.line}>
                <PersonCells p={p} />
                <td>{p.className}</td>
                <td className="reason">{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <More shown={rows.length} total={total} />
    </>
  );
}
