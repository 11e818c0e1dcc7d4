import { Link, useSearchParams } from 'react-router';
import { MEETING_KINDS, MEETING_KIND_LABEL, type MeetingKind, type MeetingSummary } from '../../../../shared/contract/meetings';
import { useApiQuery } from '../../api/queries';
import { formatCount } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { DataTable, type ColumnDef } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { formatDayDate, meetingKindWords } from './format';
import { MeetingStatusBadge, MinutesStatus } from './StatusBadges';
import './meetings.css';

type When = 'upcoming' | 'past';

const COLUMNS: ColumnDef<MeetingSummary>[] = [
  {
    id: 'when',
    header: 'Date and time',
    meta: { className: 'mtg-col-when' },
    cell: ({ row: { original: m } }) => (
      <>
        <span className="mtg-date">{formatDayDate(m.heldOn)}</span>
        <span className="board-sub">
          {m.startsAt}
          {m.endsAt ? ` to ${m.endsAt}` : ''}
        </span>
      </>
    ),
  },
  {
    id: 'title',
    header: 'Meeting',
    meta: { rowHeader: true },
    cell: ({ row: { original: m } }) => (
      <>
        <Link to={`/meetings/${m.id}`} className="board-name">
          {m.title}
        </Link>
        {meetingKindWords(m) !== m.title ? <span className="board-sub">{meetingKindWords(m)}</span> : null}
      </>
    ),
  },
  {
    id: 'where',
    header: 'Where',
    cell: ({ row: { original: m } }) => (
      <>
        {m.place ? <span className="mtg-where">{m.place}</span> : null}
        {m.electronicMeans ? <span className={m.place ? 'board-sub' : 'mtg-where'}>{m.place ? 'Also online' : 'Online only'}</span> : null}
        {!m.place && !m.electronicMeans ? <span className="muted">Not set</span> : null}
      </>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row: { original: m } }) => (
      <>
        <MeetingStatusBadge status={m.status} />
        {m.noticeDeadline ? <span className="board-sub">Notice by {formatDayDate(m.noticeDeadline)}</span> : null}
      </>
    ),
  },
  { id: 'minutes', header: 'Minutes', cell: ({ row: { original: m } }) => <MinutesStatus m={m} /> },
];

/**
 * Meetings of the board, its committees and the members, upcoming (soonest first) or past
 * (latest first), optionally of one kind.
 */
export function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  const rawKind = params.get('kind');
  const kind = (MEETING_KINDS as readonly string[]).includes(rawKind ?? '') ? (rawKind as MeetingKind) : undefined;
  const list = useApiQuery('meetings.list', { when, ...(kind ? { kind } : {}), limit: 200 });
  const any = useApiQuery('meetings.list', { when: 'all', limit: 1 });
  const set = (next: { when?: When; kind?: MeetingKind | '' }) => {
    const p = new URLSearchParams(params);
    if (next.when !== undefined) p.set('when', next.when);
    if (next.kind !== undefined) {
      if (next.kind) p.set('kind', next.kind);
      else p.delete('kind');
    }
    setParams(p);
  };
  const nothingYet = any.data?.length === 0;
  return (
    <div className="page mtg-list-page">
      <PageHeader
        title="Meetings"
        lede="Board meetings, committees of the board and meetings of members: notice, agenda and papers, attendance and quorum, decisions and minutes."
        actions={
          <>
            <Link className="btn btn-secondary" to="/meetings/committees">
              Committees
            </Link>
            <Link className="btn btn-primary" to="/meetings/new">
              Plan a meeting
            </Link>
          </>
        }
      />
      {nothingYet ? (
        <section className="card mtg-empty" aria-labelledby="mtg-empty-h">
          <h2 id="mtg-empty-h">No meetings yet</h2>
          <p>Plan the next board meeting first: its date, time and place (or how to join online), and the chair. The usual opening and closing items (apologies, declarations of interest, minutes of the last meeting, matters arising, any other business) are added for you.</p>
          <p>For a general meeting of members the app works out the last day to send notice from your governing rules, and checks the notice you give.</p>
          <p>
            <Link className="btn btn-primary" to="/meetings/new">
              Plan a meeting
            </Link>
          </p>
        </section>
      ) : (
        <>
          <nav className="subnav" aria-label="Meetings by time">
            <Link to={`/meetings?when=upcoming${kind ? `&kind=${kind}` : ''}`} aria-current={when === 'upcoming' ? 'page' : undefined}>
              Upcoming
            </Link>
            <Link to={`/meetings?when=past${kind ? `&kind=${kind}` : ''}`} aria-current={when === 'past' ? 'page' : undefined}>
              Past
            </Link>
          </nav>
          <div className="mtg-filter field">
            <label htmlFor="mtg-kind">Kind of meeting</label>
            <select id="mtg-kind" className="narrow-wide" value={kind ?? ''} onChange={(e) => set({ kind: e.target.value as MeetingKind | '' })}>
              <option value="">All kinds</option>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MEETING_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          {list.error ? (
            <Banner tone="error" title="The meetings could not be read">
              <p>{list.error.message}</p>
            </Banner>
          ) : null}
          {list.isPending ? <p role="status">Loading…</p> : null}
          {list.data ? (
            <>
              <p className="muted board-count" role="status">
                {formatCount(list.data.length, `${when} meeting`)}
                {kind ? ` (${MEETING_KIND_LABEL[kind].toLowerCase()}s)` : ''}
              </p>
              <section className="card board-table-card" aria-labelledby="mtg-list-h">
                <h2 id="mtg-list-h" className="visually-hidden">
                  {when === 'upcoming' ? 'Upcoming meetings' : 'Past meetings'}
                </h2>
                <DataTable
                  data={list.data}
                  columns={COLUMNS}
                  caption={when === 'upcoming' ? 'Upcoming meetings, soonest first' : 'Past meetings, latest first'}
                  rowKey={(m) => m.id}
                  className="board-table mtg-table"
                  rowProps={(m) => (m.status === 'cancelled' ? { className: 'mtg-cancelled' } : {})}
                  empty={
                    <p className="empty">
                      {when === 'upcoming' ? (
                        <>
                          No upcoming {kind ? MEETING_KIND_LABEL[kind].toLowerCase() + 's' : 'meetings'}. <Link to="/meetings/new">Plan the next one</Link>.
                        </>
                      ) : (
                        `No past ${kind ? MEETING_KIND_LABEL[kind].toLowerCase() + 's' : 'meetings'} are recorded.`
                      )}
                    </p>
                  }
                />
              </section>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
