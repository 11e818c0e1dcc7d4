import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DUTY_KIND_LABEL, type TimelineEntry } from '../../../../../shared/contract/contracts';
import { formatInstant, formatLegalDate } from '../../../lib/dates';
import { DUTY_STATE_LABEL, dutyState } from './duties';

const BADGE = { overdue: 'badge-danger', done: 'badge-success', due: 'badge-muted' } as const;

/** One dated duty: its state in words, what it is, the contract it belongs to (a link) and, once done, who recorded it. */
export function DutyItem({ entry, showDate = false, action }: { entry: TimelineEntry; showDate?: boolean; action?: ReactNode }) {
  const state = dutyState(entry);
  return (
    <li className={`duty-item ${state}`}>
      <div className="duty-item-head">
        <span className={`badge ${BADGE[state]}`}>
          <span aria-hidden="true">{state === 'done' ? '✓ ' : state === 'overdue' ? '! ' : ''}</span>
          {DUTY_STATE_LABEL[state]}
        </span>
        <span className="duty-kind">{DUTY_KIND_LABEL[entry.kind]}</span>
        {showDate ? <span className="duty-date">{formatLegalDate(entry.dueOn)}</span> : null}
      </div>
      <p className="duty-title">{entry.title}</p>
      <p className="duty-contract">
        <Link to={`/contracts/${entry.contractId}`}>
          {entry.contractReference}: {entry.contractTitle}
        </Link>
        <span className="muted"> · {entry.counterpartyName}</span>
      </p>
      {entry.done ? (
        <p className="duty-done">
          Done on {formatLegalDate(entry.done.doneOn)}, recorded by {entry.done.recordedBy} on {formatInstant(entry.done.recordedAt)}
          {entry.done.note ? `: ${entry.done.note}` : '.'}
        </p>
      ) : null}
      {action ? <div className="duty-action">{action}</div> : null}
    </li>
  );
}

export function DutyList(props: { entries: readonly TimelineEntry[]; label: string; showDate?: boolean; action?: (entry: TimelineEntry) => ReactNode }) {
  const { entries, label, showDate = false, action } = props;
  return (
    <ul className="duty-list" aria-label={label}>
      {entries.map((e) => (
        <DutyItem key={`${e.contractId}:${e.key}`} entry={e} showDate={showDate} action={action?.(e)} />
      ))}
    </ul>
  );
}
