import { useCallback, useState } from 'react';
import { isMembersMeeting, type Attendee, type MeetingView } from '../../../../shared/contract/meetings';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AddAttendeeDialog, MemberAttendanceDialog, ProxyDialog, RevokeProxyDialog } from './AttendanceDialogs';
import { AttendanceRow } from './AttendanceRow';
import { formatMoment } from './format';
import { useMeetingChange } from './useMeetingChange';

const ROLE_LABEL: Record<Attendee['role'], string> = {
  director: 'Director',
  member: 'Member',
  proxy: 'Proxy',
  corporate_representative: 'Corporate representative',
  in_attendance: 'In attendance',
};

/** The Attendance tab: who is expected and who came, when they arrived and left, and the quorum now. */
export function AttendanceTab({ v }: { v: MeetingView }) {
  const members = isMembersMeeting(v.meeting.kind);
  const editable = !v.sealed && v.meeting.status !== 'cancelled';
  const change = useMeetingChange(v.meeting.id);
  const [adding, setAdding] = useState(false);
  const [addingMember, setAddingMember] = useState(false);
  const [proxy, setProxy] = useState(false);
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const [revoking, setRevoking] = useState<MeetingView['proxies'][number] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const closeAdding = useCallback(() => setAdding(false), []);
  const closeMember = useCallback(() => setAddingMember(false), []);
  const closeProxy = useCallback(() => setProxy(false), []);
  const seats = v.attendance.filter((a) => a.role === (members ? 'member' : 'director'));
  const others = v.attendance.filter((a) => a.role === 'in_attendance');
  const representatives = v.attendance.filter((a) => a.role === 'proxy' || a.role === 'corporate_representative');
  // Members present who also hold other members' proxies: one person each for the quorum (CA 2006 s318(3)).
  const memberHolders = v.attendance.filter((a) => a.role === 'member' && a.represents.length > 0);
  // One list with a stable key per person, so a director keeps their row (and focus) when first recorded.
  const rows = [
    ...seats.map((a) => ({ key: a.officerId ?? a.memberId ?? a.id, name: a.name, who: a.officerId ? { officerId: a.officerId } : { memberId: a.memberId! }, attendee: a as Attendee | null })),
    ...v.expected.map((e) => ({ key: e.officerId, name: e.name, who: { officerId: e.officerId }, attendee: null as Attendee | null })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const who = members ? 'Members' : v.meeting.kind === 'committee' ? 'Committee members' : 'Directors';
  return (
    <div className="mtg-attendance">
      <h2>Attendance</h2>
      {v.quorum ? (
        <Banner tone={v.quorum.quorate ? 'success' : 'error'} title={v.quorum.quorate ? 'Quorate now' : 'Not quorate now'}>
          <p>{v.quorum.message}</p>
        </Banner>
      ) : null}
      <section className="mtg-subsection" aria-labelledby="att-seats-h">
        <div className="board-section-head">
          <h3 id="att-seats-h">{who}</h3>
          {members && editable ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAddingMember(true)}>
              Record a member’s attendance
            </button>
          ) : null}
        </div>
        {seats.length + v.expected.length === 0 ? (
          <p className="muted">
            {members
              ? 'No member’s attendance recorded yet. Record each member present, in person or by electronic means; proxies and corporate representatives are recorded below.'
              : v.meeting.kind === 'committee'
                ? 'The committee has no members on the meeting date.'
                : 'No directors are in office on the meeting date. Add them under Directors and officers.'}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data mtg-att-table">
              <caption className="visually-hidden">Attendance of {who.toLowerCase()}: status, arrival and departure</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Attendance</th>
                  <th scope="col">Arrived</th>
                  <th scope="col">Left</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <AttendanceRow key={r.key} meetingId={v.meeting.id} name={r.name} who={r.who} attendee={r.attendee} editable={editable} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted mtg-att-hint">Choose a status and it is saved at once. Type times as 18:30 and they are saved when you leave the box.</p>
      </section>

      {members ? (
        <section className="mtg-subsection" aria-labelledby="att-proxies-h">
          <div className="board-section-head">
            <h3 id="att-proxies-h">Proxy appointments</h3>
            {editable && v.notice?.proxiesAllowed !== false ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setProxy(true)}>
                Record a proxy appointment
              </button>
            ) : null}
          </div>
          {v.notice?.proxiesAllowed === false ? (
            // A society's members have no statutory right to a proxy; only its rules can give one.
            <p className="muted">Your registered rules do not allow proxies (the CCBS Act 2014 gives no right to one). If they do, change the governing rules in Settings.</p>
          ) : null}
          {v.notice?.proxyDeadline ? (
            <p>
              Appointments must be received by {formatMoment(v.notice.proxyDeadline)} ({v.notice.family === 'company' ? 'CA 2006 s327; your articles may set less' : 'your registered rules'}).
            </p>
          ) : null}
          {v.proxies.length === 0 ? (
            <p className="muted">No proxy appointments received.</p>
          ) : (
            <table className="data">
              <caption className="visually-hidden">Proxy appointments received</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Proxy</th>
                  <th scope="col">Received</th>
                  <th scope="col">In time?</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.proxies.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.memberName}</th>
                    <td>
                      {p.proxyName}
                      {p.proxyMemberId ? <span className="badge badge-muted">Member</span> : null}
                      {p.instructions ? <span className="board-sub">{p.instructions}</span> : null}
                    </td>
                    <td>
                      {formatMoment(p.receivedAt)}
                      {p.revokedAt ? <span className="board-sub">Revoked {formatMoment(p.revokedAt)}</span> : null}
                    </td>
                    <td>
                      <span className={p.inTime.ok ? 'badge badge-success' : 'badge badge-danger'}>{p.inTime.ok ? 'In time' : 'Too late'}</span>
                      <span className="board-sub">{p.inTime.message}</span>
                    </td>
                    <td className="board-row-action">
                      {editable && !p.revokedAt ? (
                        <button
                          type="button"
                          className="btn btn-link"
                          onClick={() => setRevoking(p)}
                        >
                          Record revocation<span className="visually-hidden">: proxy for {p.memberName}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 id="att-reps-h">Proxies and corporate representatives present</h3>
          <PeopleList people={representatives} editable={editable} onRemove={setRemoving} empty="None recorded. Add a proxy or a corporate representative under “Add someone in attendance”." />
          {memberHolders.length > 0 ? (
            <>
              <h3 id="att-holders-h">Members present holding proxies</h3>
              <p className="muted">Each counts once towards the quorum, however many appointments they hold (CA 2006 s318(3)).</p>
              <ul className="mtg-people" aria-labelledby="att-holders-h">
                {memberHolders.map((a) => (
                  <li key={a.id}>
                    <span className="board-name">{a.name}</span> <span className="muted">Member, proxy for {a.represents.map((r) => r.name).join(', ')}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="mtg-subsection" aria-labelledby="att-others-h">
        <div className="board-section-head">
          <h3 id="att-others-h">In attendance</h3>
          {editable ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setAdding(true)}>
              Add someone in attendance
            </button>
          ) : null}
        </div>
        <p className="muted">Staff, auditors and observers who attend without a vote.</p>
        <PeopleList people={others} editable={editable} onRemove={setRemoving} empty="Nobody else recorded." />
      </section>
      {problem ? (
        <p className="mtg-inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <AddAttendeeDialog v={v} open={adding} onClose={closeAdding} />
      {members ? <MemberAttendanceDialog v={v} open={addingMember} onClose={closeMember} /> : null}
      {members ? <ProxyDialog v={v} open={proxy} onClose={closeProxy} /> : null}
      {members ? <RevokeProxyDialog v={v} proxy={revoking} onClose={() => setRevoking(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''} from the attendance?`}
        confirmLabel="Remove"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const a = removing!;
          setRemoving(null);
          const r = await change('meetings.removeAttendee', { id: a.id }, `${a.name} removed from the attendance.`);
          setProblem(r.ok ? null : r.error.message);
        }}
      >
        <p>Only for an entry recorded by mistake: the audit log keeps that it was made.</p>
      </ConfirmDialog>
    </div>
  );
}

function PeopleList({ people, editable, onRemove, empty }: { people: Attendee[]; editable: boolean; onRemove: (a: Attendee) => void; empty: string }) {
  if (people.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="mtg-people">
      {people.map((a) => (
        <li key={a.id}>
          <span className="board-name">{a.name}</span>{' '}
          <span className="muted">
            {ROLE_LABEL[a.role]}
            {a.capacity ? `, ${a.capacity}` : ''}
            {a.represents.length ? `, for ${a.represents.map((r) => r.name).join(', ')}` : ''}
            {a.arrivedAt ? `, arrived ${a.arrivedAt}` : ''}
            {a.leftAt ? `, left ${a.leftAt}` : ''}
          </span>
          {editable ? (
            <button type="button" className="btn btn-link" onClick={() => onRemove(a)}>
              Remove<span className="visually-hidden"> {a.name}</span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
