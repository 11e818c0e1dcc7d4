import { MEETING_STATUS_LABEL, type MeetingSummary } from '../../../../shared/contract/meetings';
import { MINUTES_STATUS_WORDS } from './format';

const STATUS_TONE: Record<MeetingSummary['status'], string> = {
  planned: 'badge',
  notice_given: 'badge badge-info',
  held: 'badge badge-success',
  minutes_approved: 'badge badge-success',
  cancelled: 'badge badge-danger',
};

/** The meeting's status as a badge whose words carry the meaning (never the colour alone). */
export function MeetingStatusBadge({ status }: { status: MeetingSummary['status'] }) {
  return <span className={STATUS_TONE[status]}>{MEETING_STATUS_LABEL[status]}</span>;
}

/** Where the minutes are in their life, or that none are drafted yet. */
export function MinutesStatus({ m }: { m: Pick<MeetingSummary, 'minutesStatus' | 'status'> }) {
  if (m.status === 'cancelled') return <span className="muted">None (cancelled)</span>;
  if (!m.minutesStatus) return <span className="muted">{m.status === 'held' ? 'Not drafted yet' : 'Not yet'}</span>;
  return <span className={m.minutesStatus === 'signed' ? 'badge badge-success' : m.minutesStatus === 'approved' ? 'badge badge-warning' : 'badge'}>{MINUTES_STATUS_WORDS[m.minutesStatus]}</span>;
}
