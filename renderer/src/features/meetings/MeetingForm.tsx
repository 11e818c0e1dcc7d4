import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { MEETING_KINDS, MEETING_KIND_LABEL, meetingMethods, type MeetingKind, type MeetingView } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { mappedResolver } from '../../lib/mapped-resolver';
import { fullName } from '../../lib/people';
import { Banner } from '../../ui/Banner';
import { DateField } from '../../ui/DateInput';
import { CheckboxField, Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { PageHeader } from '../../ui/PageHeader';
import { isCurrentDirector } from '../officers/format';
import { SOCIETY_RESOLUTION_KINDS, SOCIETY_RESOLUTION_LABEL } from '../../../../shared/rules/society-resolutions';
import { useLegalForm } from '../../lib/useLegalForm';
import { normaliseTime } from './format';
import './meetings.css';

interface Values {
  kind: MeetingKind | '';
  committeeId: string;
  classId: string;
  title: string;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  electronicMeans: string;
  chairOfficerId: string;
  standardItems: boolean;
  /** A society's confirming meeting: the first meeting and the kind of resolution it confirms (CCBS Act 2014 s111, s113). */
  firstMeetingId: string;
  societyResolutionKind: string;
}

const PATHS = ['kind', 'committeeId', 'classId', 'title', 'heldOn', 'startsAt', 'endsAt', 'place', 'electronicMeans', 'chairOfficerId', 'firstMeetingId', 'societyResolutionKind'];

const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);

function toFields(v: Values) {
  return {
    kind: (v.kind || undefined) as MeetingKind,
    title: blank(v.title),
    committeeId: v.kind === 'committee' ? blank(v.committeeId) : undefined,
    classId: v.kind === 'class' ? blank(v.classId) : undefined,
    heldOn: v.heldOn,
    startsAt: normaliseTime(v.startsAt ?? ''),
    endsAt: blank(v.endsAt) === undefined ? undefined : normaliseTime(v.endsAt!),
    place: blank(v.place),
    electronicMeans: blank(v.electronicMeans),
    chairOfficerId: blank(v.chairOfficerId),
    firstMeetingId: blank(v.firstMeetingId),
    societyResolutionKind: blank(v.firstMeetingId) ? blank(v.societyResolutionKind) : undefined,
  };
}

function fromView(v: MeetingView): Values {
  const m = v.meeting;
  return {
    kind: m.kind,
    committeeId: m.committeeId ?? '',
    classId: m.classId ?? '',
    title: m.title,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    endsAt: m.endsAt ?? '',
    place: m.place ?? '',
    electronicMeans: m.electronicMeans ?? '',
    chairOfficerId: m.chairOfficerId ?? '',
    standardItems: false,
    firstMeetingId: m.firstMeetingId ?? '',
    societyResolutionKind: m.societyResolutionKind ?? '',
  };
}

const EMPTY: Values = { kind: 'board', committeeId: '', classId: '', title: '', heldOn: '', startsAt: '', endsAt: '', place: '', electronicMeans: '', chairOfficerId: '', standardItems: true, firstMeetingId: '', societyResolutionKind: '' };

/** Plan a meeting (/meetings/new). */
export function PlanMeetingPage() {
  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to="/meetings">Meetings</Link>
      </p>
      <PageHeader title="Plan a meeting" lede="The date, time and place, and who chairs it. Agenda items, papers and notice come next, on the meeting’s page." />
      <MeetingFormBody initial={EMPTY} />
    </div>
  );
}

/** Change a meeting's details (/meetings/:id/edit). */
export function EditMeetingPage() {
  const { id = '' } = useParams();
  const view = useApiQuery('meetings.get', { id });
  if (view.error) {
    return (
      <div className="page page-narrow">
        <PageHeader title="Change meeting details" />
        <Banner tone="error" title="The meeting could not be read">
          <p>{view.error.message}</p>
        </Banner>
      </div>
    );
  }
  if (!view.data) return <p role="status">Loading…</p>;
  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to={`/meetings/${id}`}>{view.data.meeting.title}</Link>
      </p>
      <PageHeader title="Change meeting details" lede={view.data.sealed ? undefined : 'Changes are recorded in the audit log with what they were before.'} />
      {view.data.sealed ? (
        <Banner tone="info" title="The minutes are signed">
          <p>The meeting’s record is sealed and cannot be changed (CA 2006 s248, s355). Record a correction at a later meeting instead.</p>
        </Banner>
      ) : (
        <MeetingFormBody initial={fromView(view.data)} id={id} />
      )}
    </div>
  );
}

function MeetingFormBody({ initial, id }: { initial: Values; id?: string }) {
  const navigate = useNavigate();
  const editing = id !== undefined;
  const schema = editing ? meetingMethods['meetings.update'].input : meetingMethods['meetings.create'].input;
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: mappedResolver(schema as typeof meetingMethods['meetings.create']['input'], (v: Values) => (editing ? { id, ...toFields(v) } : { ...toFields(v), standardItems: v.standardItems }) as never) as never,
    defaultValues: initial,
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, PATHS);
  const kind = useWatch({ control, name: 'kind' });
  const heldOn = useWatch({ control, name: 'heldOn' });
  const committees = useApiQuery('committees.list', {});
  const classes = useApiQuery('classes.list', {}, { enabled: kind === 'class' });
  const officers = useApiQuery('officers.list', { status: 'all' });
  // The chair is chosen from directors in office (on the meeting date when it is a whole date).
  const onDate = /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? heldOn : todayUk();
  const directors = (officers.data ?? []).filter((o) =>
    o.appointments.some((a) => a.role === 'director' && a.appointedOn <= onDate && (a.ceasedOn === null || a.ceasedOn > onDate)),
  );
  const chairOptions = directors.length > 0 ? directors : (officers.data ?? []).filter(isCurrentDirector);
  const openCommittees = (committees.data ?? []).filter((c) => c.dissolvedOn === null);
  // Only a society's general meeting can confirm a two-meeting special resolution.
  const form = useLegalForm();
  const confirming = form?.family === 'society' && (kind === 'general' || kind === 'annual_general');
  const earlier = useApiQuery('meetings.list', { when: 'all' }, { enabled: confirming });
  const firstMeetings = (earlier.data ?? []).filter((m) => (m.kind === 'general' || m.kind === 'annual_general') && m.id !== id && m.status !== 'cancelled');
  const firstMeetingId = useWatch({ control, name: 'firstMeetingId' });

  // The resolver hands over the contract's parsed input (see mappedResolver), so it is sent as it is.
  const onValid = async (parsed: Values) => {
    outcome.clear();
    const input = parsed as unknown as Record<string, unknown>;
    const result = editing ? await call('meetings.update', input as never) : await call('meetings.create', input as never);
    await outcome.settle(
      result,
      (view) => (editing ? `${view.meeting.title} changed.` : `${view.meeting.title} planned for ${formatLegalDate(view.meeting.heldOn)}.`),
      (view) => navigate(`/meetings/${view.meeting.id}`),
    );
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={editing ? 'Change meeting details' : 'Plan a meeting'} className="mtg-form">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title={editing ? 'Not changed' : 'Not planned'} />
      {editing ? (
        <p className="mtg-kind-fixed">
          <span className="label">Kind of meeting</span> {kind ? MEETING_KIND_LABEL[kind] : ''}
        </p>
      ) : (
        <Field id="kind" label="Kind of meeting" error={e('kind')} hint="A general or class meeting is a meeting of members: notice in clear days, proxies and member resolutions apply.">
          <select {...register('kind')}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {MEETING_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind === 'committee' ? (
        <Field
          id="committeeId"
          label="Committee"
          error={e('committeeId')}
          hint={
            openCommittees.length === 0 ? (
              <>
                No committee has been formed yet. <Link to="/meetings/committees">Form a committee</Link> first.
              </>
            ) : undefined
          }
        >
          <select {...register('committeeId')}>
            <option value="">Choose the committee</option>
            {openCommittees.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {kind === 'class' ? (
        <Field id="classId" label="Membership class" error={e('classId')} hint="Only members of this class are entitled to attend and vote.">
          <select {...register('classId')}>
            <option value="">Choose the class</option>
            {(classes.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="title" label="Title (optional)" error={e('title')} hint="Left blank, the meeting is called after its kind, for example “Board meeting”.">
        <input type="text" autoComplete="off" {...register('title')} />
      </Field>
      <DateField id="heldOn" label="Date of the meeting" error={e('heldOn')} control={control} name="heldOn" />
      <div className="field-row">
        <Field id="startsAt" label="Start time" hint="24-hour clock, for example 18:30" error={e('startsAt')}>
          <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register('startsAt')} />
        </Field>
        <Field id="endsAt" label="End time (optional)" hint="24-hour clock, for example 20:30" error={e('endsAt')}>
          <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register('endsAt')} />
        </Field>
      </div>
      <Field id="place" label="Place (optional if online only)" error={e('place')} hint="The room and address, as the notice should give it.">
        <input type="text" autoComplete="off" {...register('place')} />
      </Field>
      <Field
        id="electronicMeans"
        label="How to attend by electronic means (optional)"
        error={e('electronicMeans')}
        hint="For example a video call link and dial-in number. Those attending need not be in one place, so a meeting can be wholly or partly online (CA 2006 s360A), if your articles or rules allow it."
      >
        <textarea rows={3} {...register('electronicMeans')} />
      </Field>
      <Field id="chairOfficerId" label="Chair (optional)" error={e('chairOfficerId')} hint="Directors in office on the meeting date. The meeting can choose its chair on the day instead.">
        <select {...register('chairOfficerId')}>
          <option value="">Not chosen yet</option>
          {chairOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {fullName(o)}
            </option>
          ))}
        </select>
      </Field>
      {confirming ? (
        <fieldset className="field">
          <legend className="legend-small">Confirming a special resolution of an earlier meeting (optional)</legend>
          <p className="hint">
            A society’s resolution to amalgamate, transfer its engagements or convert into a company is passed at one general meeting and confirmed at a second, held from 14
            days to one month after the first (CCBS Act 2014 s111, s113). Choose the first meeting if this is the second.
          </p>
          <Field id="firstMeetingId" label="First meeting" error={e('firstMeetingId')}>
            <select {...register('firstMeetingId')}>
              <option value="">This is not a confirming meeting</option>
              {firstMeetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}, {formatLegalDate(m.heldOn)}
                </option>
              ))}
            </select>
          </Field>
          {firstMeetingId ? (
            <Field id="societyResolutionKind" label="The resolution it confirms" error={e('societyResolutionKind')}>
              <select {...register('societyResolutionKind')}>
                <option value="">Choose the kind of resolution</option>
                {SOCIETY_RESOLUTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {SOCIETY_RESOLUTION_LABEL[k]}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      {editing ? null : (
        <CheckboxField id="standardItems" label="Add the standard items (apologies, declarations of interest, minutes of the previous meeting, matters arising, any other business)">
          <input {...register('standardItems')} />
        </CheckboxField>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          {editing ? 'Save changes' : 'Plan the meeting'}
        </button>
        <Link to={editing ? `/meetings/${id}` : '/meetings'}>Cancel</Link>
      </div>
    </form>
  );
}
