import { useState } from 'react';
import { ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABEL, isMembersMeeting, type AttendanceStatus, type MeetingView } from '../../../../shared/contract/meetings';
import { dateInputProblem, isDateInputProblem } from '../../lib/date-parts';
import { todayUk } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { MemberPicker, type PickedMember } from '../members/MemberPicker';
import { normaliseTime, nowHHMM } from './format';
import { useMeetingChange } from './useMeetingChange';

type Errors = Record<string, string | undefined> & { general?: string };

/** Splits a refusal into the messages for the fields shown, and a general one for the rest. */
function errorsFrom(error: { message: string; fieldErrors?: Record<string, string> | undefined }, shown: string[]): Errors {
  const f = error.fieldErrors ?? {};
  const placed = shown.filter((k) => f[k]);
  return { ...Object.fromEntries(placed.map((k) => [k, f[k]])), general: placed.length ? undefined : error.message };
}

function General({ errors, title }: { errors: Errors; title: string }) {
  return errors.general ? (
    <Banner tone="error" title={title}>
      <p>{errors.general}</p>
    </Banner>
  ) : null;
}

/** Someone who attends without a seat (staff, auditor, observer), or a proxy or corporate representative at a members' meeting. */
export function AddAttendeeDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Add someone in attendance" onClose={onClose}>
      <AddAttendeeForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

function AddAttendeeForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const change = useMeetingChange(v.meeting.id);
  const members = isMembersMeeting(v.meeting.kind);
  const [role, setRole] = useState<'in_attendance' | 'proxy' | 'corporate_representative'>('in_attendance');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [arrivedAt, setArrivedAt] = useState('');
  const [member, setMember] = useState<PickedMember | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const forMember = role !== 'in_attendance';
  return (
    <form
      noValidate
      aria-label="Add someone in attendance"
      onSubmit={async (e) => {
        e.preventDefault();
        if (forMember && !member) {
          setErrors({ memberId: role === 'proxy' ? 'Choose the member the proxy acts for.' : 'Choose the member organisation they represent.' });
          return;
        }
        setBusy(true);
        const r = await change(
          'meetings.addAttendee',
          {
            meetingId: v.meeting.id,
            role,
            name,
            capacity,
            ...(forMember && member ? { memberId: member.id } : {}),
            ...(arrivedAt.trim() ? { arrivedAt: normaliseTime(arrivedAt) } : {}),
          },
          `${name.trim()} added to the attendance.`,
        );
        setBusy(false);
        if (r.ok) onClose();
        else setErrors(errorsFrom(r.error, ['name', 'capacity', 'memberId', 'arrivedAt', 'role']));
      }}
    >
      <General errors={errors} title="Not added" />
      {members ? (
        <Field id="role" label="Attending as" error={errors['role']}>
          <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="in_attendance">In attendance (staff, auditor, observer)</option>
            <option value="proxy">Proxy for a member (CA 2006 s324)</option>
            <option value="corporate_representative">Representative of a member organisation (CA 2006 s323)</option>
          </select>
        </Field>
      ) : null}
      <Field id="name" label="Name" error={errors['name']}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="capacity" label="Capacity (optional)" hint="For example: Finance Director (not a board member), external auditor, observer from the council." error={errors['capacity']}>
        <input type="text" value={capacity} onChange={(e) => setCapacity(e.target.value)} autoComplete="off" />
      </Field>
      {forMember ? (
        <Field id="memberId" label={role === 'proxy' ? 'Member they act for' : 'Member organisation they represent'} error={errors['memberId']} hint="Type part of the name or member number.">
          <MemberPicker value={member} onChange={setMember} />
        </Field>
      ) : null}
      <Field id="arrivedAt" label="Arrived at (optional)" hint="24-hour clock, for example 18:30" error={errors['arrivedAt']}>
        <input type="text" inputMode="numeric" className="narrow" value={arrivedAt} onChange={(e) => setArrivedAt(e.target.value)} autoComplete="off" />
      </Field>
      <DialogButtons submitLabel="Add to the attendance" busy={busy} onCancel={onClose} />
    </form>
  );
}

/** A member's own attendance at a members' meeting. */
export function MemberAttendanceDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Record a member’s attendance" onClose={onClose}>
      <MemberAttendanceForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

function MemberAttendanceForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const change = useMeetingChange(v.meeting.id);
  const [member, setMember] = useState<PickedMember | null>(null);
  const [status, setStatus] = useState<AttendanceStatus>('present');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      aria-label="Record a member’s attendance"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!member) {
          setErrors({ memberId: 'Choose the member.' });
          return;
        }
        setBusy(true);
        const r = await change('meetings.setAttendance', { meetingId: v.meeting.id, memberId: member.id, status }, `${member.label}: ${ATTENDANCE_STATUS_LABEL[status].toLowerCase()}.`);
        setBusy(false);
        if (r.ok) onClose();
        else setErrors(errorsFrom(r.error, ['memberId', 'status']));
      }}
    >
      <General errors={errors} title="Not recorded" />
      <Field id="memberId" label="Member" error={errors['memberId']} hint="Type part of the name or member number.">
        <MemberPicker value={member} onChange={setMember} />
      </Field>
      <fieldset className="field">
        <legend className="legend-small">Attendance</legend>
        <div className="mtg-radios">
          {ATTENDANCE_STATUSES.map((s, i) => (
            <div className="mtg-radio" key={s}>
              <input type="radio" id={i === 0 ? 'status' : `member-status-${s}`} name="member-status" checked={status === s} onChange={() => setStatus(s)} />
              <label htmlFor={i === 0 ? 'status' : `member-status-${s}`}>{ATTENDANCE_STATUS_LABEL[s]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <DialogButtons submitLabel="Record attendance" busy={busy} onCancel={onClose} />
    </form>
  );
}

/** A proxy appointment received for a member, with when it arrived (checked against the deadline). */
export function ProxyDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Record a proxy appointment"
      onClose={onClose}
      description="A member may appoint a proxy to attend, speak and vote for them (CA 2006 s324). The app checks it arrived by the deadline the rules set (s327: no more than 48 hours before the meeting, not counting non-working days)."
    >
      <ProxyForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

const CHAIR_PROXY = 'The chair of the meeting';

function ProxyForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const change = useMeetingChange(v.meeting.id);
  const [member, setMember] = useState<PickedMember | null>(null);
  // The proxy: a member (chosen, so one person holding several appointments counts once, CA 2006 s318), or anyone else by name.
  // A form that names nobody appoints the chair of the meeting, as proxy forms and model articles provide.
  const [holderKind, setHolderKind] = useState<'other' | 'member' | 'chair'>('other');
  const holderIsMember = holderKind === 'member';
  const [holder, setHolder] = useState<PickedMember | null>(null);
  const [proxyName, setProxyName] = useState('');
  const [on, setOn] = useState(todayUk());
  const [at, setAt] = useState(nowHHMM());
  const [instructions, setInstructions] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      aria-label="Record a proxy appointment"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!member) return setErrors({ memberId: 'Choose the member who appointed the proxy.' });
        if (holderIsMember && !holder) return setErrors({ proxyMemberId: 'Choose the member appointed as proxy.' });
        if (isDateInputProblem(on)) return setErrors({ receivedAt: dateInputProblem(on) });
        setBusy(true);
        const r = await change(
          'meetings.recordProxy',
          {
            meetingId: v.meeting.id,
            memberId: member.id,
            ...(holderIsMember && holder ? { proxyMemberId: holder.id } : { proxyName: holderKind === 'chair' ? CHAIR_PROXY : proxyName }),
            receivedAt: `${on}T${normaliseTime(at)}`,
            instructions,
          },
          `Proxy appointment for ${member.label} recorded.`,
        );
        setBusy(false);
        if (r.ok) onClose();
        else setErrors(errorsFrom(r.error, ['memberId', 'proxyMemberId', 'proxyName', 'receivedAt', 'instructions']));
      }}
    >
      <General errors={errors} title="Not recorded" />
      <Field id="memberId" label="Member" error={errors['memberId']} hint="Type part of the name or member number.">
        <MemberPicker value={member} onChange={setMember} />
      </Field>
      <fieldset className="field">
        <legend className="legend-small">The proxy is</legend>
        <div className="mtg-radios">
          <div className="mtg-radio">
            <input type="radio" id="proxy-holder-other" name="proxy-holder" checked={holderKind === 'other'} onChange={() => setHolderKind('other')} />
            <label htmlFor="proxy-holder-other">Not a member (give their name)</label>
          </div>
          <div className="mtg-radio">
            <input type="radio" id="proxy-holder-member" name="proxy-holder" checked={holderIsMember} onChange={() => setHolderKind('member')} />
            <label htmlFor="proxy-holder-member">A member</label>
          </div>
          <div className="mtg-radio">
            <input type="radio" id="proxy-holder-chair" name="proxy-holder" checked={holderKind === 'chair'} onChange={() => setHolderKind('chair')} aria-describedby="proxy-holder-chair-hint" />
            <label htmlFor="proxy-holder-chair">The chair of the meeting</label>
            <div id="proxy-holder-chair-hint" className="hint">Also when the form names nobody: the chair is then the proxy.</div>
          </div>
        </div>
      </fieldset>
      {holderIsMember ? (
        <Field
          id="proxyMemberId"
          label="Member appointed as proxy"
          error={errors['proxyMemberId']}
          hint="Type part of the name or member number. A member holding several members’ appointments is one qualifying person for the quorum (CA 2006 s318)."
        >
          <MemberPicker value={holder} onChange={setHolder} excludeId={member?.id} />
        </Field>
      ) : holderKind === 'chair' ? null : (
        <Field id="proxyName" label="Proxy’s name" error={errors['proxyName']}>
          <input type="text" value={proxyName} onChange={(e) => setProxyName(e.target.value)} autoComplete="off" />
        </Field>
      )}
      <DateInput id="receivedAt" label="Date received" value={on} onChange={setOn} error={errors['receivedAt']} />
      <Field id="receivedTime" label="Time received" hint="24-hour clock, for example 11:00">
        <input type="text" inputMode="numeric" className="narrow" value={at} onChange={(e) => setAt(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="instructions" label="Voting instructions (optional)" error={errors['instructions']}>
        <textarea rows={3} value={instructions} onChange={(e) => setInstructions(e.target.value)} />
      </Field>
      <DialogButtons submitLabel="Record the appointment" busy={busy} onCancel={onClose} />
    </form>
  );
}

/**
 * Recording that a proxy appointment was revoked, with when the revocation arrived: a member's
 * letter may have come days before it is entered, and whether it arrived before the meeting
 * decides whether the proxy may still act. A revocation cannot be undone, so it is confirmed here.
 */
export function RevokeProxyDialog({ v, proxy, onClose }: { v: MeetingView; proxy: MeetingView['proxies'][number] | null; onClose: () => void }) {
  return (
    <FormDialog
      open={proxy !== null}
      title="Record that a proxy appointment was revoked"
      onClose={onClose}
      description={proxy ? `${proxy.memberName} appointed ${proxy.proxyName}. Once recorded, the revocation stays on the record; ${proxy.proxyName} no longer counts for ${proxy.memberName} in the quorum.` : undefined}
    >
      {proxy ? <RevokeProxyForm v={v} proxy={proxy} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function RevokeProxyForm({ v, proxy, onClose }: { v: MeetingView; proxy: MeetingView['proxies'][number]; onClose: () => void }) {
  const change = useMeetingChange(v.meeting.id);
  const [on, setOn] = useState(todayUk());
  const [at, setAt] = useState(nowHHMM());
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      aria-label="Record that a proxy appointment was revoked"
      onSubmit={async (e) => {
        e.preventDefault();
        if (isDateInputProblem(on)) return setErrors({ revokedAt: dateInputProblem(on) });
        const time = normaliseTime(at);
        if (!/^\d{2}:\d{2}$/.test(time)) return setErrors({ revokedTime: 'Enter the time as 24-hour hours and minutes, for example 14:05.' });
        setBusy(true);
        const r = await change('meetings.revokeProxy', { id: proxy.id, revokedAt: `${on}T${time}` }, `Proxy appointment for ${proxy.memberName} recorded as revoked.`);
        setBusy(false);
        if (r.ok) onClose();
        else setErrors(errorsFrom(r.error, ['revokedAt']));
      }}
    >
      <General errors={errors} title="Not recorded" />
      <DateInput id="revokedAt" label="Date the revocation was received" value={on} onChange={setOn} error={errors['revokedAt']} />
      <Field id="revokedTime" label="Time received" hint="24-hour clock, for example 14:05" error={errors['revokedTime']}>
        <input type="text" inputMode="numeric" className="narrow" value={at} onChange={(e) => setAt(e.target.value)} autoComplete="off" />
      </Field>
      <DialogButtons submitLabel="Record the revocation" busy={busy} onCancel={onClose} />
    </form>
  );
}
