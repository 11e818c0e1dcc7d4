import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { legalDate } from '../../../../shared/contract/fields';
import { NOTICE_METHODS, isMembersMeeting, timeOfDay, type MeetingView } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateField, DateInput } from '../../ui/DateInput';
import { useToast } from '../../ui/Toasts';
import { dateInputProblem, isDateInputProblem } from '../../lib/date-parts';
import { useMeetingChange } from './useMeetingChange';
import { CheckboxField, Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { MemberPicker, type PickedMember } from '../members/MemberPicker';
import { DocumentButton, startNotice } from './documents';
import { formatDayDate, formatMoment, normaliseTime, nowHHMM } from './format';
import { ResolutionsSection } from './Resolutions';

type ShortNoticeConsent = NonNullable<NonNullable<MeetingView['notice']>['shortNotice']>['list'][number];

export const NOTICE_METHOD_LABEL: Record<(typeof NOTICE_METHODS)[number], string> = {
  post: 'By post',
  electronic: 'Electronically (e-mail or website)',
  hand: 'By hand',
};

/** The Notice tab: what the law and the rules require, what was given, and whether it is enough. */
export function NoticeTab({ v }: { v: MeetingView }) {
  const members = isMembersMeeting(v.meeting.kind);
  const [recording, setRecording] = useState(false);
  const [consenting, setConsenting] = useState(false);
  const closeRecording = useCallback(() => setRecording(false), []);
  const closeConsenting = useCallback(() => setConsenting(false), []);
  const [removing, setRemoving] = useState<ShortNoticeConsent | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMeetingChange(v.meeting.id);
  const open = !v.sealed && v.meeting.status !== 'cancelled';
  const n = v.notice;
  return (
    <div className="mtg-notice">
      <h2>Notice</h2>
      {members && n ? (
        <>
          <dl className="facts mtg-notice-facts">
            <dt>Notice required</dt>
            <dd>
              {n.requiredClearDays !== null ? <strong>{n.requiredClearDays} clear days</strong> : null} <span className="board-sub">{n.source}</span>
            </dd>
            {n.latestSend ? (
              <>
                <dt>Latest day to send</dt>
                <dd>
                  <strong>{formatDayDate(n.latestSend.latestDay)}</strong>
                  <span className="board-sub">{n.latestSend.message}</span>
                </dd>
              </>
            ) : null}
            <dt>Notice given</dt>
            <dd>
              {v.meeting.noticeSentAt ? (
                <>
                  Sent at {formatMoment(v.meeting.noticeSentAt)}
                  {v.meeting.noticeMethod ? `, ${NOTICE_METHOD_LABEL[v.meeting.noticeMethod].toLowerCase()}` : ''}
                  {v.meeting.shortNotice ? ' (as short notice, with members’ consent)' : ''}
                </>
              ) : (
                <span className="muted">Not recorded yet</span>
              )}
            </dd>
            {n.proxyDeadline ? (
              <>
                <dt>Proxy deadline</dt>
                <dd>{formatMoment(n.proxyDeadline)}</dd>
              </>
            ) : null}
          </dl>
          {n.verdict ? (
            <Banner tone={n.verdict.ok ? 'success' : 'error'} title={n.verdict.ok ? 'The notice given is enough' : 'The notice given is too short'}>
              <p>{n.verdict.message}</p>
              {n.verdict.explanation ? <p className="mtg-explanation">{n.verdict.explanation}</p> : null}
            </Banner>
          ) : null}
          {n.shortNotice ? (
            <section className="mtg-subsection" aria-labelledby="short-notice-h">
              <h3 id="short-notice-h">Consents to short notice</h3>
              <p>
                {n.shortNotice.consents} {n.shortNotice.consents === 1 ? 'member has' : 'members have'} consented.{' '}
                <span className={n.shortNotice.verdict.ok ? 'badge badge-success' : 'badge badge-danger'}>{n.shortNotice.verdict.ok ? 'Enough' : 'Not enough'}</span>
              </p>
              <p>{n.shortNotice.verdict.message}</p>
              {n.shortNotice.list.length > 0 ? (
                <table className="data">
                  <caption className="visually-hidden">Consents to short notice received</caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Consent received</th>
                      <th scope="col" className="numeric">
                        Votes
                      </th>
                      {open ? (
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {n.shortNotice.list.map((c) => (
                      <tr key={c.memberId}>
                        <th scope="row">{c.name}</th>
                        <td>{formatLegalDate(c.consentedOn)}</td>
                        <td className="numeric">
                          {c.votes.toLocaleString('en-GB')}
                          {c.votes === 0 ? <span className="board-sub">No vote on the meeting date, so not counted</span> : null}
                        </td>
                        {open ? (
                          <td className="board-row-action">
                            <button type="button" className="btn btn-link" onClick={() => setRemoving(c)}>
                              Remove<span className="visually-hidden">: consent of {c.name}</span>
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {problem ? (
                <p className="mtg-inline-error" role="alert">
                  {problem}
                </p>
              ) : null}
            </section>
          ) : null}
          {open ? (
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
                {v.meeting.noticeSentAt ? 'Change when notice was sent' : 'Record notice sent'}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => setConsenting(true)}>
                Record a consent to short notice
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <div className="mtg-board-notice">
          <p>
            Each director must be given reasonable notice of a directors’ meeting, saying its date, time and place and, if those taking part will not be in one place,
            how they will communicate (Model Articles for private companies, art 9). The law sets no fixed period; your articles or rules may, and the custom of the board
            counts. A director may waive notice.
          </p>
          {v.meeting.kind === 'committee' ? <p>The committee’s terms of reference may set its own notice.</p> : null}
        </div>
      )}
      <section className="mtg-subsection" aria-labelledby="notice-docs-h">
        <h3 id="notice-docs-h">The notice as a document</h3>
        <p className="muted">
          {!members
            ? 'A short notice of the meeting with its agenda, to send to each director.'
            : v.notice?.family === 'company'
              ? 'With each resolution in full, the right to appoint a proxy (CA 2006 s324-s325) and its deadline, and the members it went to taken from the register on the day it was sent.'
              : // A society: proxies only where its registered rules allow them (the CCBS Act 2014 gives no right to one).
                `With each resolution in full, ${v.notice?.proxiesAllowed ? 'the right to appoint a proxy under your registered rules and its deadline' : 'no proxy section (your registered rules do not allow proxies)'}, and the members it went to taken from the register on the day it was sent.`}
        </p>
        <div className="mtg-doc-row">
          <DocumentButton label="Notice (PDF)" busyLabel="Producing the notice" start={() => startNotice(v.meeting.id, 'pdf')} describe={(r) => recipients(r)} />
          <DocumentButton label="Notice (Word)" busyLabel="Producing the notice" start={() => startNotice(v.meeting.id, 'docx')} describe={(r) => recipients(r)} />
        </div>
      </section>
      {members ? <ResolutionsSection v={v} /> : null}
      <RecordNoticeDialog v={v} open={recording} onClose={closeRecording} />
      <ConsentDialog v={v} open={consenting} onClose={closeConsenting} />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''}’s consent to short notice?`}
        confirmLabel="Remove the consent"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const c = removing!;
          setRemoving(null);
          const r = await change('meetings.recordConsent', { id: v.meeting.id, memberId: c.memberId, consentedOn: c.consentedOn, withdraw: true }, `${c.name}’s consent removed.`);
          setProblem(r.ok ? null : r.error.message);
        }}
      >
        <p>For a consent recorded in error, or withdrawn. The audit log keeps that it was recorded; the verdict on the notice is worked out again.</p>
      </ConfirmDialog>
    </div>
  );
}

const recipients = (r: Record<string, unknown>) => (typeof r['recipients'] === 'number' ? `${r['recipients']} recipients` : '');

const noticeSchema = z.object({
  sentOn: legalDate('the date notice was sent'),
  sentTime: timeOfDay('the time notice was sent'),
  method: z.enum(NOTICE_METHODS, { error: 'Choose how notice was sent.' }),
  shortNotice: z.boolean(),
});
type NoticeValues = { sentOn: string; sentTime: string; method: string; shortNotice: boolean };

function RecordNoticeDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Record notice sent"
      onClose={onClose}
      description="When the notice was sent (posted, e-mailed or handed over) and how. Notice by post or e-mail is deemed delivered 48 hours after sending, counting only working days (CA 2006 s1147)."
    >
      <RecordNoticeForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

function RecordNoticeForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const sent = v.meeting.noticeSentAt;
  const { register, control, handleSubmit, setError, formState } = useForm<NoticeValues>({
    resolver: withDateChecks(zodResolver(noticeSchema as never, undefined, { raw: true }) as never) as never,
    defaultValues: { sentOn: sent ? sent.slice(0, 10) : todayUk(), sentTime: sent ? sent.slice(11) : nowHHMM(), method: v.meeting.noticeMethod ?? 'post', shortNotice: v.meeting.shortNotice },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['sentOn', 'sentTime', 'method', 'shortNotice'], (p) => (p === 'sentAt' ? 'sentOn' : p));
  const onValid = async (x: NoticeValues) => {
    outcome.clear();
    const result = await call('meetings.recordNotice', { id: v.meeting.id, sentAt: `${x.sentOn}T${normaliseTime(x.sentTime)}`, method: x.method as 'post', shortNotice: x.shortNotice });
    await outcome.settle(result, (r) => (r.notice?.verdict ? r.notice.verdict.message : 'Notice recorded.'), onClose);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record notice sent">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <DateField id="sentOn" label="Date sent" error={e('sentOn')} control={control} name="sentOn" />
      <Field id="sentTime" label="Time sent" hint="24-hour clock, for example 15:00" error={e('sentTime')}>
        <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register('sentTime')} />
      </Field>
      <fieldset className={`field${e('method') ? ' has-error' : ''}`}>
        <legend className="legend-small">How it was sent</legend>
        {e('method') ? <span className="error-message">{e('method')}</span> : null}
        <div className="mtg-radios">
          {NOTICE_METHODS.map((m, i) => (
            <div className="mtg-radio" key={m}>
              <input type="radio" id={i === 0 ? 'method' : `method-${m}`} value={m} {...register('method')} />
              <label htmlFor={i === 0 ? 'method' : `method-${m}`}>{NOTICE_METHOD_LABEL[m]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <CheckboxField id="shortNotice" label="Called on short notice, with members’ consent (CA 2006 s307(4)-(6))">
        <input {...register('shortNotice')} />
      </CheckboxField>
      <DialogButtons submitLabel="Record notice" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

function ConsentDialog({ v, open, onClose }: { v: MeetingView; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title="Record a consent to short notice"
      onClose={onClose}
      description="A meeting of a company’s members may be called on shorter notice if a majority in number of the members entitled to attend and vote, holding at least 90% of the voting rights (or more, up to 95%, if the articles say so), agree (CA 2006 s307(4)-(6))."
    >
      <ConsentForm v={v} onClose={onClose} />
    </FormDialog>
  );
}

function ConsentForm({ v, onClose }: { v: MeetingView; onClose: () => void }) {
  const [member, setMember] = useState<PickedMember | null>(null);
  const [on, setOn] = useState(todayUk());
  const [withdraw, setWithdraw] = useState(false);
  const [errors, setErrors] = useState<{ memberId?: string; consentedOn?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const change = useMeetingChange(v.meeting.id);
  return (
    <form
      noValidate
      aria-label="Record a consent to short notice"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!member) {
          setErrors({ memberId: 'Choose the member who consented.' });
          return;
        }
        if (isDateInputProblem(on)) {
          setErrors({ consentedOn: dateInputProblem(on) });
          return;
        }
        setBusy(true);
        const result = await change('meetings.recordConsent', { id: v.meeting.id, memberId: member.id, consentedOn: on, withdraw });
        setBusy(false);
        if (result.ok) {
          toast(result.value.notice?.shortNotice?.verdict.message ?? (withdraw ? 'Withdrawal recorded.' : 'Consent recorded.'));
          onClose();
        } else {
          const f = result.error.fieldErrors ?? {};
          setErrors({ memberId: f['memberId'], consentedOn: f['consentedOn'], general: f['memberId'] || f['consentedOn'] ? undefined : result.error.message });
        }
      }}
    >
      {errors.general ? (
        <Banner tone="error" title="Not recorded">
          <p>{errors.general}</p>
        </Banner>
      ) : null}
      <Field id="consent-member" label="Member" error={errors.memberId} hint="Type part of their name or member number.">
        <MemberPicker value={member} onChange={setMember} />
      </Field>
      <DateInput id="consent-on" label="Date of consent" value={on} onChange={setOn} error={errors.consentedOn} />
      <CheckboxField id="consent-withdraw" label="Record that this member withdrew their consent">
        <input checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)} />
      </CheckboxField>
      <DialogButtons submitLabel={withdraw ? 'Record withdrawal' : 'Record consent'} busy={busy} onCancel={onClose} />
    </form>
  );
}
