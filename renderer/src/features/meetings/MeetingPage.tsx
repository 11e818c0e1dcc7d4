import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isMembersMeeting, type MeetingView } from '../../../../shared/contract/meetings';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { ActionsPanel } from '../actions/ActionsPanel';
import { MinutesPanel } from '../minutes/MinutesPanel';
import { AgendaTab } from './AgendaTab';
import { AttendanceTab } from './AttendanceTab';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { meetingKindWords, meetingWhen, meetingWhere } from './format';
import { ItemsTab } from './ItemsTab';
import { NoticeTab } from './NoticeTab';
import { QuorumVerdict } from './QuorumVerdict';
import { MeetingStatusBadge } from './StatusBadges';
import { Tabs, type TabDef } from './Tabs';
import { useMeetingChange } from './useMeetingChange';
import './meetings.css';

const TAB_IDS = ['notice', 'agenda', 'attendance', 'items', 'minutes', 'actions'] as const;
type TabId = (typeof TAB_IDS)[number];

/** One meeting: its notice, agenda and papers, attendance, items and decisions, minutes and actions. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabId = (TAB_IDS as readonly string[]).includes(raw ?? '') ? (raw as TabId) : 'notice';
  const view = useApiQuery('meetings.get', { id });
  if (view.error) {
    return (
      <div className="page">
        <p className="board-back">
          <Link to="/meetings">Meetings</Link>
        </p>
        <PageHeader title="Meeting" />
        <Banner tone="error" title="The meeting could not be read">
          <p>{view.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!view.data) return <p role="status">Loading…</p>;
  const v = view.data;
  const tabs: TabDef[] = [
    { id: 'notice', label: 'Notice' },
    { id: 'agenda', label: 'Agenda and papers', badge: String(v.items.length), badgeText: `${v.items.length} ${v.items.length === 1 ? 'item' : 'items'}` },
    { id: 'attendance', label: 'Attendance' },
    { id: 'items', label: 'Items and decisions' },
    { id: 'minutes', label: 'Minutes' },
    { id: 'actions', label: 'Actions' },
  ];
  return (
    <div className="page mtg-page">
      <p className="board-back">
        <Link to="/meetings">Meetings</Link>
      </p>
      <PageHeader
        title={v.meeting.title}
        lede={
          <>
            <span className="mtg-lede-when">{meetingWhen(v.meeting)}</span>
            <span className="mtg-lede-where">{meetingWhere(v.meeting)}</span>
          </>
        }
        actions={
          v.meeting.status === 'cancelled' ? null : (
            <Link className="btn btn-primary" to={`/meetings/${v.meeting.id}/live`}>
              Open the live meeting view
            </Link>
          )
        }
      />
      <MeetingFacts v={v} />
      {v.sealed ? (
        <Banner tone="info" title="The minutes are signed: this meeting’s record is sealed">
          <p>Nothing about it can be changed (CA 2006 s248, s355, s1138). A correction is recorded as a new record at a later meeting.</p>
        </Banner>
      ) : null}
      {v.meeting.status === 'cancelled' ? (
        <Banner tone="warning" title="This meeting was cancelled">
          <p>{v.meeting.cancelledReason ?? 'No reason was recorded.'}</p>
        </Banner>
      ) : null}
      {v.warnings.length > 0 ? (
        <Banner tone="warning" title={v.warnings.length === 1 ? 'Check before the meeting' : `${v.warnings.length} things to check before the meeting`}>
          <ul className="mtg-warnings">
            {v.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <Tabs
        tabs={tabs}
        selected={tab}
        label={`${v.meeting.title}: sections`}
        onSelect={(t) => {
          const p = new URLSearchParams(params);
          p.set('tab', t);
          setParams(p, { replace: true });
        }}
      >
        {tab === 'notice' ? <NoticeTab v={v} /> : null}
        {tab === 'agenda' ? <AgendaTab v={v} /> : null}
        {tab === 'attendance' ? <AttendanceTab v={v} /> : null}
        {tab === 'items' ? <ItemsTab v={v} /> : null}
        {tab === 'minutes' ? <MinutesPanel meetingId={v.meeting.id} /> : null}
        {tab === 'actions' ? <ActionsPanel meetingId={v.meeting.id} /> : null}
      </Tabs>
    </div>
  );
}

/** The meeting's particulars and what can be done with it as a whole. */
function MeetingFacts({ v }: { v: MeetingView }) {
  const m = v.meeting;
  const change = useMeetingChange(m.id);
  const [confirmHeld, setConfirmHeld] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = !v.sealed && m.status !== 'cancelled';
  return (
    <section className="card mtg-facts" aria-labelledby="mtg-facts-h">
      <h2 id="mtg-facts-h" className="visually-hidden">
        About this meeting
      </h2>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{meetingKindWords(m)}</dd>
        <dt>Status</dt>
        <dd>
          <MeetingStatusBadge status={m.status} />
        </dd>
        <dt>Place</dt>
        <dd>{m.place ?? <span className="muted">None: online only</span>}</dd>
        {m.electronicMeans ? (
          <>
            <dt>Electronic means</dt>
            <dd className="mtg-prewrap">{m.electronicMeans}</dd>
          </>
        ) : null}
        <dt>Chair</dt>
        <dd>{m.chairName ?? <span className="muted">Not chosen yet</span>}</dd>
        {isMembersMeeting(m.kind) ? null : (
          <>
            <dt>Quorum now</dt>
            <dd>{v.quorum ? <QuorumVerdict q={v.quorum} as="span" className="mtg-verdict-inline" /> : <span className="muted">Not worked out</span>}</dd>
          </>
        )}
      </dl>
      <div className="mtg-facts-actions">
        {open ? (
          <Link className="btn btn-secondary btn-small" to={`/meetings/${m.id}/edit`}>
            Change details
          </Link>
        ) : null}
        <Link className="btn btn-secondary btn-small" to={`/print/meetings/${m.id}/notice`}>
          Print the notice
        </Link>
        <Link className="btn btn-secondary btn-small" to={`/print/meetings/${m.id}/agenda`}>
          Print the agenda
        </Link>
        {open && (m.status === 'planned' || m.status === 'notice_given') ? (
          <>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmHeld(true)}>
              Mark as held
            </button>
            <button type="button" className="btn btn-link" onClick={() => setCancelling(true)}>
              Cancel the meeting
            </button>
          </>
        ) : null}
      </div>
      {problem ? (
        <p className="mtg-inline-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirmHeld}
        title="Mark the meeting as held?"
        confirmLabel="Mark as held"
        onCancel={() => setConfirmHeld(false)}
        onConfirm={async () => {
          setConfirmHeld(false);
          const r = await change('meetings.setStatus', { id: m.id, status: 'held' }, `${m.title} marked as held.`);
          setProblem(r.ok ? null : r.error.message);
        }}
      >
        <p>Do this once the meeting has taken place. The minutes can then be drafted from its records.</p>
      </ConfirmDialog>
      <CancelMeetingDialog meetingId={m.id} title={m.title} open={cancelling} onClose={() => setCancelling(false)} />
    </section>
  );
}

