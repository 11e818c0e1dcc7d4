import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { ITEM_PURPOSE_LABEL, isMembersMeeting, type MeetingView } from '../../../../shared/contract/meetings';
import { useApiQuery } from '../../api/queries';
import { fullName } from '../../lib/people';
import { Banner } from '../../ui/Banner';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { formatAllotted, formatDayDate, formatMoment, itemDepth, meetingKindWords } from './format';
import '../../ui/print.css';
import './meetings.css';

function usePrintData(title: (v: MeetingView) => string) {
  const { id = '' } = useParams();
  const view = useApiQuery('meetings.get', { id });
  const org = useApiQuery('organisation.get', {});
  const officers = useApiQuery('officers.list', { status: 'current' });
  const v = view.data;
  useEffect(() => {
    if (v && org.data) document.title = `${title(v)} – ${org.data.name} – ${v.meeting.heldOn}`;
  }, [v, org.data, title]);
  const secretary = (officers.data ?? []).find((o) => o.appointments.some((a) => a.role === 'secretary' && a.ceasedOn === null));
  return { id, v, org: org.data, error: view.error ?? org.error, secretary: secretary ? fullName(secretary) : null };
}

function Frame({ id, ready, status, error, children }: { id: string; ready: boolean; status: string; error: Error | null; children: ReactNode }) {
  return (
    <div className="print-page mtg-print">
      <PrintToolbar back={`/meetings/${id}`} backLabel="Back to the meeting" ready={ready} status={status} />
      <main>
        {error ? (
          <Banner tone="error" title="The meeting could not be read">
            <p>{error.message}</p>
          </Banner>
        ) : null}
        {children}
      </main>
    </div>
  );
}

function WhenWhere({ v }: { v: MeetingView }) {
  const m = v.meeting;
  return (
    <dl className="mtg-print-facts">
      <dt>Date</dt>
      <dd>{formatDayDate(m.heldOn)}</dd>
      <dt>Time</dt>
      <dd>
        {m.startsAt}
        {m.endsAt ? ` to ${m.endsAt}` : ''}
      </dd>
      {m.place ? (
        <>
          <dt>Place</dt>
          <dd>{m.place}</dd>
        </>
      ) : null}
      {m.electronicMeans ? (
        <>
          <dt>Attending electronically</dt>
          <dd className="mtg-prewrap">{m.electronicMeans}</dd>
        </>
      ) : null}
    </dl>
  );
}

function AgendaList({ v }: { v: MeetingView }) {
  return (
    <table className="print-table mtg-print-agenda">
      <caption className="visually-hidden">Agenda</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Title</th>
          <th scope="col">Presenter</th>
          <th scope="col">Purpose</th>
          <th scope="col">Time</th>
          <th scope="col">Papers</th>
        </tr>
      </thead>
      <tbody>
        {v.items.map((i) => (
          <tr key={i.id}>
            <th scope="row" className={`depth-${itemDepth(i.number)}`}>
              {i.number}
            </th>
            <td className={`depth-${itemDepth(i.number)}`}>
              {i.title}
              {i.relatedOrganisation ? <span className="board-sub">Concerns {i.relatedOrganisation}</span> : null}
            </td>
            <td>{i.presenter ?? ''}</td>
            <td>{ITEM_PURPOSE_LABEL[i.purpose]}</td>
            <td className="nowrap">{formatAllotted(i.minutesAllotted) ?? ''}</td>
            <td>{i.papers.map((p) => p.title).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const noticeTitle = (v: MeetingView) => `Notice of ${v.meeting.title}`;
const agendaTitle = (v: MeetingView) => `Agenda: ${v.meeting.title}`;

/** The notice of the meeting as a printable page (the core's PDF and Word notice carry the recipients' list). */
export function NoticePrint() {
  const { id, v, org, error, secretary } = usePrintData(noticeTitle);
  const members = v ? isMembersMeeting(v.meeting.kind) : false;
  return (
    <Frame id={id} ready={!!v && !!org} status={v ? 'Ready to print' : 'Preparing…'} error={error}>
      {v && org ? (
        <article className="mtg-print-doc">
          <header className="print-head">
            <p className="org">{org.name}</p>
            <h1>{noticeTitle(v)}</h1>
            {meetingKindWords(v.meeting) !== v.meeting.title ? <p className="description">{meetingKindWords(v.meeting)}</p> : null}
          </header>
          <p>
            {members
              ? `Notice is given that ${v.meeting.title.toLowerCase().startsWith('the ') ? v.meeting.title : `the ${v.meeting.title.charAt(0).toLowerCase()}${v.meeting.title.slice(1)}`} of ${org.name} will be held as follows.`
              : `A meeting of the ${v.meeting.kind === 'committee' ? (v.meeting.committeeName ?? 'committee') : 'board of directors'} of ${org.name} will be held as follows.`}
          </p>
          <WhenWhere v={v} />
          {members && v.resolutions.length > 0 ? (
            <section>
              <h2>Resolutions</h2>
              <p>To consider and, if thought fit, pass the following resolutions:</p>
              <ol className="mtg-print-resolutions">
                {v.resolutions.map((r) => (
                  <li key={r.id}>
                    <strong>{r.kind === 'special' ? 'As a special resolution' : 'As an ordinary resolution'}</strong>
                    <p className="mtg-prewrap">{r.text}</p>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <section>
            <h2>Agenda</h2>
            <AgendaList v={v} />
          </section>
          {members && v.notice?.proxiesAllowed ? (
            <section>
              <h2>Proxies</h2>
              <p>
                {v.notice.family === 'company'
                  ? 'A member entitled to attend and vote may appoint a proxy, who need not be a member, to attend, speak and vote instead of them (CA 2006 s324 and s325).'
                  : 'As the society’s rules allow, a member entitled to attend and vote may appoint a proxy to attend and vote in their place.'}
                {v.notice.proxyDeadline ? ` A proxy appointment must be received by ${formatMoment(v.notice.proxyDeadline)}.` : ''}
              </p>
            </section>
          ) : null}
          <footer className="mtg-print-sign">
            <p>By order of the board</p>
            <p className="mtg-print-signature">{secretary ? `${secretary}, Secretary` : 'Secretary'}</p>
            <p>{v.meeting.noticeSentAt ? `Dated ${formatDayDate(v.meeting.noticeSentAt.slice(0, 10))}` : 'Dated ____________________'}</p>
          </footer>
        </article>
      ) : null}
    </Frame>
  );
}

/** The agenda as a printable page. */
export function AgendaPrint() {
  const { id, v, org, error } = usePrintData(agendaTitle);
  return (
    <Frame id={id} ready={!!v && !!org} status={v ? `${v.items.length} items ready to print` : 'Preparing…'} error={error}>
      {v && org ? (
        <article className="mtg-print-doc">
          <header className="print-head">
            <p className="org">{org.name}</p>
            <h1>{agendaTitle(v)}</h1>
          </header>
          <WhenWhere v={v} />
          {v.meeting.chairName ? <p>Chair: {v.meeting.chairName}</p> : null}
          {v.items.length === 0 ? <p>No items on the agenda yet.</p> : <AgendaList v={v} />}
        </article>
      ) : null}
    </Frame>
  );
}
