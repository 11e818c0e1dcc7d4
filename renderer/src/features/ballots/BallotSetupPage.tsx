import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { MEETING_KIND_LABEL } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { PageHeader } from '../../ui/PageHeader';
import { setupResolver } from './form-resolver';
import { QuestionsFields } from './QuestionsFields';
import { emptySetup, questionFromResolution, setupPaths, type CreateOutput, type SetupValues } from './setup-form';
import { TrusteesFields } from './TrusteesFields';
import '../officers/officers.css';
import './ballots.css';

/** Meetings whose polls a ballot can take: meetings of members (a board votes by hand, not by secret ballot). */
const MEMBERS_MEETINGS = new Set(['annual_general', 'general', 'class']);

/** Set up a ballot (/ballots/new): its title, meeting, record date, questions and trustees. */
export function BallotSetupPage() {
  return (
    <div className="page page-narrow">
      <p className="board-back">
        <Link to="/ballots">Ballots</Link>
      </p>
      <PageHeader
        title="Set up a ballot"
        lede="What members vote on, whose votes count, and who holds the keys. Nothing is sent to anyone yet: the ballot opens only when every trustee has made their key and you open it."
      />
      <SetupForm />
    </div>
  );
}

function SetupForm() {
  const navigate = useNavigate();
  const form = useForm<SetupValues, unknown, CreateOutput>({
    resolver: setupResolver,
    defaultValues: emptySetup(todayUk()),
    shouldFocusError: false,
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const values = useWatch({ control }) as SetupValues;
  const outcome = useSubmitOutcome(setError, setupPaths(values));
  const meetingId = values.meetingId ?? '';
  const meetings = useApiQuery('meetings.list', { when: 'all' });
  // A society's majorities are its registered rules', not company law's.
  const society = useApiQuery('app.status', {}).data?.legalFamily === 'society';
  const choices = (meetings.data ?? []).filter((m) => MEMBERS_MEETINGS.has(m.kind) && m.status !== 'cancelled');
  const e = (p: string) => errorAt(formState.errors, p);

  const onValid = async (input: CreateOutput) => {
    outcome.clear();
    const result = await call('ballots.create', input);
    await outcome.settle(
      result,
      (b) => `${b.title} set up. Next, each trustee makes their key.`,
      (b) => void navigate(`/ballots/${b.id}`),
    );
  };

  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Set up a ballot" className="ballot-form">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not set up" />
      <Field id="title" label="Title of the ballot" hint="As members will see it, for example “AGM 2026: resolutions and staff director election”." error={e('title')}>
        <input type="text" autoComplete="off" {...register('title')} />
      </Field>
      <Field
        id="meetingId"
        label="Meeting (optional)"
        hint="Choose the general meeting whose poll this is. Leave it as “No meeting” for a members’ vote outside a meeting."
        error={e('meetingId')}
      >
        <select
          {...register('meetingId', {
            // A question taken from one meeting's notice cannot be put to another's poll: the words stay, the link goes.
            onChange: (ev: { target: { value: string } }) => {
              form.setValue('questions', form.getValues('questions').map((q) => ({ ...q, resolutionId: '' })));
              // A poll's roll is the register on the day of its meeting, unless the secretary chose a record date already.
              const held = choices.find((m) => m.id === ev.target.value)?.heldOn;
              if (held && held <= form.getValues('recordDate') && !form.getFieldState('recordDate').isDirty) form.setValue('recordDate', held);
            },
          })}
        >
          <option value="">No meeting</option>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({MEETING_KIND_LABEL[m.kind]}, {formatLegalDate(m.heldOn)})
            </option>
          ))}
        </select>
      </Field>
      {meetingId ? (
        <MeetingResolutions meetingId={meetingId} added={new Set((values.questions ?? []).map((q) => q.resolutionId).filter(Boolean))} onAdd={(q) => form.setValue('questions', [...form.getValues('questions'), q], { shouldDirty: true })} />
      ) : (
        <fieldset className={`field${e('base') ? ' has-error' : ''}`} aria-describedby={e('base') ? 'base-error' : undefined}>
          <legend>How the result is counted</legend>
          {e('base') ? (
            <span className="error-message" id="base-error">
              <span className="visually-hidden">Error: </span>
              {e('base')}
            </span>
          ) : null}
          <div className="checkbox">
            <input id="base" type="radio" value="eligible_votes" {...register('base')} />
            <label htmlFor="base">
              On the total votes of every member on the roll, as for a members’ written resolution: those who do not vote count against ({society ? 'as your registered rules provide' : 'CA 2006 s282(2), s283(2)'})
            </label>
          </div>
          <div className="checkbox">
            <input id="base-votes-cast" type="radio" value="votes_cast" {...register('base')} />
            <label htmlFor="base-votes-cast">On the votes cast, where your rules count a members’ ballot that way ({society ? 'as a poll at a meeting is, with the majorities your registered rules set' : 'as a poll at a meeting is, CA 2006 s282(4), s283(5)'})</label>
          </div>
        </fieldset>
      )}
      <DateField
        id="recordDate"
        label="Record date"
        hint="The roll is taken from the register of members as it stood on this day: members then in a class with voting rights, with their votes."
        source="The roll is frozen when the ballot opens; a member admitted or ceasing afterwards does not change it."
        error={e('recordDate')}
        control={control}
        name="recordDate"
      />
      <QuestionsFields form={form} />
      <TrusteesFields form={form} />
      <div className="ballot-form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
          Set up the ballot
        </button>
        <Link to="/ballots" className="btn btn-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** A meeting's resolutions from its notice, each offered as a question of the poll (same words, same kind). */
function MeetingResolutions({ meetingId, added, onAdd }: { meetingId: string; added: Set<string>; onAdd: (q: ReturnType<typeof questionFromResolution>) => void }) {
  const view = useApiQuery('meetings.get', { id: meetingId });
  const resolutions = view.data?.resolutions ?? [];
  return (
    <section className="ballot-meeting card" aria-labelledby="ballot-meeting-h">
      <h2 id="ballot-meeting-h">The meeting’s resolutions</h2>
      <p className="muted">A poll at a meeting is decided on the votes cast: more than half for an ordinary resolution, at least 75% for a special one (CA 2006 s282(4), s283(5)). Abstentions are not votes cast.</p>
      {view.error ? <p className="error-message">{view.error.message}</p> : null}
      {view.data && resolutions.length === 0 ? <p>The meeting’s notice sets out no resolution. Add the questions below.</p> : null}
      {resolutions.length > 0 ? (
        <ul className="ballot-resolutions">
          {resolutions.map((r, i) => (
            <li key={r.id}>
              <p>
                <strong>
                  Resolution {i + 1} ({r.kind === 'special' ? 'special' : 'ordinary'})
                </strong>
                : {r.text.length > 240 ? `${r.text.slice(0, 240)}…` : r.text}
              </p>
              {added.has(r.id) ? (
                <p className="muted">
                  <span aria-hidden="true">✓ </span>Added as a question
                </p>
              ) : (
                <button type="button" className="btn btn-secondary btn-small" aria-label={`Add as a question: resolution ${i + 1}`} onClick={() => onAdd(questionFromResolution(r))}>
                  Add as a question
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
