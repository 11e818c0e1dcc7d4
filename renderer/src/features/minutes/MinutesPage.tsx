import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate } from '../../lib/dates';
import { PageHeader } from '../../ui/PageHeader';
import { MinutesPanel } from './MinutesPanel';
import '../officers/officers.css';

/** The minutes of one meeting on a page of their own (the meeting's page shows the same panel in its Minutes tab). */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const meeting = useApiQuery('meetings.get', { id: meetingId });
  const m = meeting.data?.meeting;
  return (
    <div className="page page-wide">
      <p className="board-back">
        <Link to={`/meetings/${meetingId}`}>{m ? m.title : 'The meeting'}</Link>
      </p>
      <PageHeader title={m ? `Minutes: ${m.title}` : 'Minutes'} lede={m ? `Meeting held on ${formatLegalDate(m.heldOn)}.` : undefined} />
      <MinutesPanel meetingId={meetingId} />
    </div>
  );
}
