import { useState } from 'react';
import { ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABEL, type AttendanceStatus, type Attendee } from '../../../../shared/contract/meetings';
import { normaliseTime } from './format';
import { useMeetingChange } from './useMeetingChange';

const SHORT_STATUS: Record<AttendanceStatus, string> = {
  present: 'Present',
  present_electronically: 'Present online',
  apologies: 'Apologies',
  absent: 'Absent',
};

/**
 * One director's (or member's) attendance: a status radio group saved as soon as it is chosen,
 * and arrival and departure times saved when the box is left. The quorum on the page changes
 * with the answer.
 */
export function AttendanceRow({
  meetingId,
  name,
  who,
  attendee,
  editable,
}: {
  meetingId: string;
  name: string;
  who: { officerId: string } | { memberId: string };
  attendee: Attendee | null;
  editable: boolean;
}) {
  const change = useMeetingChange(meetingId);
  const [problem, setProblem] = useState<{ field: 'status' | 'arrivedAt' | 'leftAt'; text: string } | null>(null);
  const [arrived, setArrived] = useState(attendee?.arrivedAt ?? '');
  const [left, setLeft] = useState(attendee?.leftAt ?? '');
  // The choice shows at once; the saved answer replaces it (or puts the old one back on a refusal).
  const [chosen, setChosen] = useState<AttendanceStatus | null>(null);
  const [seen, setSeen] = useState(attendee);
  if (attendee !== seen) {
    // A newer answer replaces what the boxes show, except text typed since the last answer and
    // not yet saved: an earlier save coming back must not wipe a time being typed (it did, on a
    // loaded machine, between typing a departure and leaving the box).
    const untouched = (local: string, was: string | null | undefined) => local === (was ?? '');
    setSeen(attendee);
    setChosen(null);
    if (untouched(arrived, seen?.arrivedAt)) setArrived(attendee?.arrivedAt ?? '');
    if (untouched(left, seen?.leftAt)) setLeft(attendee?.leftAt ?? '');
  }
  const status = chosen ?? attendee?.status ?? null;
  const present = status === 'present' || status === 'present_electronically';
  const key = 'officerId' in who ? who.officerId : who.memberId;
  const save = async (next: { status: AttendanceStatus; arrivedAt?: string; leftAt?: string }, field: 'status' | 'arrivedAt' | 'leftAt') => {
    if (field === 'status') setChosen(next.status);
    const r = await change('meetings.setAttendance', { meetingId, ...who, ...next });
    if (r.ok) setProblem(null);
    else {
      setChosen(null);
      setProblem({ field, text: r.error.fieldErrors?.[field] ?? r.error.fieldErrors?.['status'] ?? r.error.message });
    }
  };
  const saveTime = (field: 'arrivedAt' | 'leftAt', text: string) => {
    const t = normaliseTime(text);
    const before = field === 'arrivedAt' ? (attendee?.arrivedAt ?? '') : (attendee?.leftAt ?? '');
    if (t === before || !status) return;
    if (t === '') {
      setProblem({ field, text: 'A recorded time cannot be cleared here; correct it to the right time instead.' });
      return;
    }
    if (field === 'arrivedAt') setArrived(t);
    else setLeft(t);
    void save({ status, [field]: t }, field);
  };
  const errorId = `att-${key}-error`;
  return (
    <tr className={problem ? 'mtg-att-row has-error' : 'mtg-att-row'}>
      <th scope="row">
        <span className="board-name">{name}</span>
        {attendee?.capacity ? <span className="board-sub">{attendee.capacity}</span> : null}
        {attendee ? null : <span className="board-sub">Not recorded yet</span>}
      </th>
      <td>
        <fieldset className="mtg-status" aria-describedby={problem?.field === 'status' ? errorId : undefined}>
          <legend className="visually-hidden">Attendance of {name}</legend>
          <div className="mtg-segmented">
            {ATTENDANCE_STATUSES.map((s) => (
              <label key={s} className={s === status ? 'is-selected' : undefined} title={ATTENDANCE_STATUS_LABEL[s]}>
                <input
                  type="radio"
                  name={`att-${key}`}
                  value={s}
                  checked={s === status}
                  disabled={!editable}
                  onChange={() => void save({ status: s }, 'status')}
                />
                {SHORT_STATUS[s]}
              </label>
            ))}
          </div>
        </fieldset>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`att-${key}-in`}>
          {name}: arrived at
        </label>
        <input
          id={`att-${key}-in`}
          type="text"
          inputMode="numeric"
          className="mtg-time"
          placeholder="hh:mm"
          value={arrived}
          disabled={!editable || !present}
          onChange={(e) => setArrived(e.target.value)}
          onBlur={(e) => saveTime('arrivedAt', e.target.value)}
          aria-invalid={problem?.field === 'arrivedAt' ? true : undefined}
          aria-describedby={problem?.field === 'arrivedAt' ? errorId : undefined}
          autoComplete="off"
        />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`att-${key}-out`}>
          {name}: left at
        </label>
        <input
          id={`att-${key}-out`}
          type="text"
          inputMode="numeric"
          className="mtg-time"
          placeholder="hh:mm"
          value={left}
          disabled={!editable || !present}
          onChange={(e) => setLeft(e.target.value)}
          onBlur={(e) => saveTime('leftAt', e.target.value)}
          aria-invalid={problem?.field === 'leftAt' ? true : undefined}
          aria-describedby={problem?.field === 'leftAt' ? errorId : undefined}
          autoComplete="off"
        />
        {problem ? (
          <span className="mtg-row-error" id={errorId} role="alert">
            {problem.text}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
