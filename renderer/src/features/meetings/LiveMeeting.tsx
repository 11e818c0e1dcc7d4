import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type AgendaItem, type Attendee, type MeetingView } from '../../../../shared/contract/meetings';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { conflictWords, currentItemIndex, meetingWhen, nowHHMM, quorumWords } from './format';
import { QuorumVerdict } from './QuorumVerdict';
import { ItemMeta } from './AgendaTab';
import { ItemNotes } from './ItemNotes';
import { LIVE_SHORTCUTS, shortcutFor } from './shortcuts';
import { itemFields, latestItem } from './useItemNotes';
import { useMeetingChange } from './useMeetingChange';
import './meetings.css';

/**
 * The live meeting view, for a laptop on the boardroom table: the current item large with its
 * quorum, notes saved as they are typed, one-click arrivals and departures, and single-key
 * shortcuts (never while typing) shown on screen.
 */
export function LiveMeeting() {
  const { id = '' } = useParams();
  const view = useApiQuery('meetings.get', { id });
  useEffect(() => {
    if (view.data) document.title = `Live: ${view.data.meeting.title} – Mutual Governance`;
  }, [view.data]);
  if (view.error) {
    return (
      <div className="live">
        <Banner tone="error" title="The meeting could not be read">
          <p>{view.error.message}</p>
        </Banner>
        <Link to="/meetings">Back to meetings</Link>
      </div>
    );
  }
  if (!view.data) return <p role="status">Loading…</p>;
  return <Live v={view.data} />;
}

function Live({ v }: { v: MeetingView }) {
  const change = useMeetingChange(v.meeting.id);
  const queryClient = useQueryClient();
  const [index, setIndex] = useState(() => currentItemIndex(v.items));
  const [help, setHelp] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const attendanceRef = useRef<HTMLHeadingElement>(null);
  const itemHeadingRef = useRef<HTMLHeadingElement>(null);
  const editable = !v.sealed && v.meeting.status !== 'cancelled';
  const safeIndex = Math.min(index, Math.max(0, v.items.length - 1));
  const item: AgendaItem | undefined = v.items[safeIndex];

  // The time an item is taken, with the item's other fields as they stand when the change's turn
  // comes: notes typed a moment ago and saved just before must not be sent back as they were.
  const takenNow = (target: AgendaItem) => {
    const at = nowHHMM();
    return () => ({ ...itemFields(latestItem(queryClient, v.meeting.id, target)), startsAt: at });
  };
  // Moving to an item records when it was taken (once), so the minutes and the quorum per item follow the meeting.
  const goTo = async (next: number) => {
    if (next < 0 || next >= v.items.length) return;
    setIndex(next);
    const target = v.items[next]!;
    window.setTimeout(() => itemHeadingRef.current?.focus(), 0);
    if (!editable || target.startsAt) return;
    const r = await change('meetings.updateItem', takenNow(target));
    setNote(r.ok ? null : `The time item ${target.number} was taken was not recorded: ${r.error.fieldErrors?.['startsAt'] ?? r.error.message}`);
  };
  const markStarted = async (target: AgendaItem) => {
    const r = await change('meetings.updateItem', takenNow(target));
    setNote(r.ok ? null : `The time item ${target.number} was taken was not recorded: ${r.error.fieldErrors?.['startsAt'] ?? r.error.message}`);
  };
  const goRef = useRef(goTo);
  useEffect(() => {
    goRef.current = goTo;
  });
  const indexRef = useRef(safeIndex);
  useEffect(() => {
    indexRef.current = safeIndex;
  }, [safeIndex]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      // A shortcut never acts inside an open dialog.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (action === 'next') void goRef.current(indexRef.current + 1);
      else if (action === 'previous') void goRef.current(indexRef.current - 1);
      else if (action === 'help') setHelp((h) => !h);
      else if (action === 'arrival') {
        const first = document.querySelector<HTMLButtonElement>('.live-attendance button.live-arrive:not([disabled])');
        (first ?? attendanceRef.current)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const people = [
    ...v.attendance.filter((a) => a.role !== 'in_attendance'),
    ...v.expected.map((e) => ({ officerId: e.officerId, name: e.name, expected: true as const })),
    ...v.attendance.filter((a) => a.role === 'in_attendance'),
  ];
  const q = item?.quorum ?? v.quorum;
  return (
    <div className="live">
      <header className="live-top">
        <div>
          <p className="live-kicker">Live meeting</p>
          <h1 className="live-title">{v.meeting.title}</h1>
          <p className="live-when">{meetingWhen(v.meeting)}</p>
        </div>
        <nav aria-label="Live meeting" className="live-nav">
          <Link to={`/meetings/${v.meeting.id}?tab=items`}>Back to the meeting page</Link>
        </nav>
      </header>
      {v.sealed ? (
        <Banner tone="info" title="The minutes are signed">
          <p>This meeting’s record is sealed; the live view is for reading only.</p>
        </Banner>
      ) : null}
      <section className="live-shortcuts" aria-label="Keyboard shortcuts">
        <ul>
          {LIVE_SHORTCUTS.map((s) => (
            <li key={s.key}>
              <kbd>{s.key}</kbd> {s.label.replace(/ \(.*\)$/, '')}
            </li>
          ))}
        </ul>
        <p className="muted">Shortcuts work when you are not typing in a box.</p>
      </section>
      {help ? (
        <section className="live-help card" aria-labelledby="live-help-h">
          <h2 id="live-help-h">Keyboard shortcuts</h2>
          <dl className="facts">
            {LIVE_SHORTCUTS.map((s) => (
              <div key={s.key} className="live-help-row">
                <dt>
                  <kbd>{s.key}</kbd>
                </dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
          <p>Tab and Shift+Tab move between buttons and boxes; Escape leaves a box’s list. Press ? again to hide this.</p>
          <button type="button" className="btn btn-secondary" onClick={() => setHelp(false)}>
            Hide shortcuts
          </button>
        </section>
      ) : null}
      <div className="live-grid">
        <main className="live-main" aria-label="Current item">
          {item ? (
            <>
              <p className="live-position">
                Item {safeIndex + 1} of {v.items.length}
              </p>
              <h2 className="live-item-title" tabIndex={-1} ref={itemHeadingRef}>
                <span className="live-item-number">{item.number}</span> {item.title}
              </h2>
              <ItemMeta item={item} />
              {q ? (
                q.quorate ? (
                  <p className="live-quorum is-ok" role="status">
                    <span aria-hidden="true">✓ </span>
                    {quorumWords(q)}
                  </p>
                ) : (
                  <div className="live-quorum is-bad" role="alert">
                    <span aria-hidden="true">✗ </span>
                    {quorumWords(q)}
                  </div>
                )
              ) : null}
              {editable && !item.startsAt ? (
                <p>
                  <button type="button" className="btn btn-secondary" onClick={() => void markStarted(item)}>
                    Record item {item.number} as taken now
                  </button>
                </p>
              ) : null}
              {conflictWords(item.conflicted) ? <p className="mtg-conflict live-conflict">{conflictWords(item.conflicted)}</p> : null}
              <ItemNotes key={item.id} meetingId={v.meeting.id} item={item} disabled={!editable} large />
              {note ? (
                <p className="mtg-inline-error" role="alert">
                  {note}
                </p>
              ) : null}
              <div className="live-steps">
                <button type="button" className="btn btn-secondary live-big" disabled={safeIndex === 0} onClick={() => void goTo(safeIndex - 1)}>
                  ‹ Previous item <kbd aria-hidden="true">P</kbd>
                </button>
                <button type="button" className="btn btn-primary live-big" disabled={safeIndex >= v.items.length - 1} onClick={() => void goTo(safeIndex + 1)}>
                  Next item <kbd aria-hidden="true">N</kbd> ›
                </button>
              </div>
            </>
          ) : (
            <p className="empty">No items on the agenda. Add them on the meeting page first.</p>
          )}
          <nav className="live-agenda" aria-label="Agenda">
            <h2 className="live-side-h">Agenda</h2>
            <ol>
              {v.items.map((it, i) => (
                <li key={it.id}>
                  <button type="button" className={`live-agenda-item${i === safeIndex ? ' is-current' : ''}`} aria-current={i === safeIndex ? 'step' : undefined} onClick={() => void goTo(i)}>
                    <span className="live-agenda-number">{it.number}</span> {it.title}
                    {it.quorum && !it.quorum.quorate ? <span className="badge badge-danger">Not quorate</span> : null}
                    {it.startsAt ? <span className="muted"> · {it.startsAt}</span> : null}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </main>
        <section className="live-attendance" aria-labelledby="live-att-h">
          <h2 id="live-att-h" tabIndex={-1} ref={attendanceRef} className="live-side-h">
            Attendance
          </h2>
          {v.quorum ? <QuorumVerdict q={v.quorum} /> : null}
          <ul className="live-people">
            {people.map((p) => (
              <LivePerson key={'id' in p ? p.id : p.officerId} meeting={v} person={p} editable={editable} />
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

type Person = Attendee | { officerId: string; name: string; expected: true };

function LivePerson({ meeting, person, editable }: { meeting: MeetingView; person: Person; editable: boolean }) {
  const change = useMeetingChange(meeting.meeting.id);
  const [problem, setProblem] = useState<string | null>(null);
  const expected = 'expected' in person;
  const a = expected ? null : person;
  const present = a !== null && (a.status === 'present' || a.status === 'present_electronically');
  const gone = present && a.leftAt !== null;
  const who = expected ? { officerId: person.officerId } : a!.officerId ? { officerId: a!.officerId } : a!.memberId && a!.role === 'member' ? { memberId: a!.memberId } : null;
  const record = async (what: 'arrived' | 'left') => {
    const now = nowHHMM();
    if (!who) return;
    const status = a && present ? a.status : 'present';
    const r = await change('meetings.setAttendance', { meetingId: meeting.meeting.id, ...who, status, ...(what === 'arrived' ? { arrivedAt: now } : { leftAt: now }) }, `${person.name} ${what} at ${now}.`);
    setProblem(r.ok ? null : (r.error.fieldErrors?.['arrivedAt'] ?? r.error.fieldErrors?.['leftAt'] ?? r.error.message));
  };
  const state = expected
    ? 'Not here yet'
    : a!.status === 'apologies'
      ? 'Apologies'
      : a!.status === 'absent'
        ? 'Absent'
        : gone
          ? `Left at ${a!.leftAt}`
          : a!.arrivedAt
            ? `Here since ${a!.arrivedAt}${a!.status === 'present_electronically' ? ' (online)' : ''}`
            : a!.status === 'present_electronically'
              ? 'Present online'
              : 'Present';
  return (
    <li className={`live-person${gone ? ' is-gone' : present ? ' is-here' : ''}`}>
      <div>
        <span className="board-name">{person.name}</span>
        <span className="board-sub">{state}</span>
        {problem ? (
          <span className="mtg-row-error" role="alert">
            {problem}
          </span>
        ) : null}
      </div>
      {editable && who ? (
        <div className="live-person-actions">
          <button type="button" className="btn btn-secondary live-arrive" disabled={present} onClick={() => void record('arrived')}>
            Arrived now<span className="visually-hidden">: {person.name}</span>
          </button>
          <button type="button" className="btn btn-secondary live-leave" disabled={!present || gone} onClick={() => void record('left')}>
            Left now<span className="visually-hidden">: {person.name}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}
