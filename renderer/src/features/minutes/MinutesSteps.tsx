import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { legalDate, requiredText } from '../../../../shared/contract/fields';
import type { Minutes } from '../../../../shared/contract/minutes';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, formatShortDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { approvalChoices } from './approval-choices';

/** The step after the current one: circulate a draft, record approval, or the chair's signature. */

const circulateSchema = z.object({ circulatedOn: legalDate('the date circulated') });

export function CirculateForm({ minutes, beforeSubmit }: { minutes: Minutes; beforeSubmit: () => Promise<boolean> }) {
  const { control, handleSubmit, setError, formState } = useForm<{ circulatedOn: string }>({
    resolver: withDateChecks(zodResolver(circulateSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { circulatedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['circulatedOn']);
  const onValid = async (v: { circulatedOn: string }) => {
    outcome.clear();
    await beforeSubmit();
    await outcome.settle(await call('minutes.circulate', { id: minutes.id, circulatedOn: v.circulatedOn }), () => 'Minutes circulated to the board for comment.', () => {});
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-labelledby="minutes-circulate-h">
      <h3 id="minutes-circulate-h">Circulate the draft</h3>
      <p className="muted">Send the draft to the board for comment. Comments are recorded here and kept with the minutes; the narrative can still be edited.</p>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not circulated" />
      <DateField id="circulatedOn" label="Date circulated" error={errorAt(formState.errors, 'circulatedOn')} control={control} name="circulatedOn" />
      <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
        Circulate the draft
      </button>
    </form>
  );
}

const approveSchema = z
  .object({ how: z.enum(['meeting', 'writing'], { error: 'Choose how the minutes were approved.' }), decisionId: z.string(), approvedOn: legalDate('the date approved') })
  .refine((v) => v.how !== 'meeting' || v.decisionId !== '', { path: ['decisionId'], message: 'Choose the decision that approved them.' });
type ApproveValues = { how: string; decisionId: string; approvedOn: string };

export function ApproveForm({ minutes, beforeSubmit }: { minutes: Minutes; beforeSubmit: () => Promise<boolean> }) {
  const later = useApiQuery('decisions.register', { from: minutes.heldOn, limit: 200 });
  const choices = approvalChoices(later.data?.rows ?? [], minutes.meetingId);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<ApproveValues>({
    resolver: withDateChecks(zodResolver(approveSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { how: '', decisionId: '', approvedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['how', 'decisionId', 'approvedOn']);
  const how = useWatch({ control, name: 'how' });
  const onValid = async (v: ApproveValues) => {
    outcome.clear();
    await beforeSubmit();
    const result = await call('minutes.approve', {
      id: minutes.id,
      approvedOn: v.approvedOn,
      ...(v.how === 'meeting' ? { decisionId: v.decisionId, inWriting: false } : { inWriting: true }),
    });
    await outcome.settle(result, (m) => `Minutes approved on ${formatLegalDate(m.approvedOn ?? v.approvedOn)}. The chair may now sign them.`, () => {});
  };
  const err = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-labelledby="minutes-approve-h">
      <h3 id="minutes-approve-h">Record approval</h3>
      <p className="muted">Minutes are approved by a decision of a later meeting, under “Minutes of the previous meeting”, or by the board in writing.</p>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not approved" />
      <fieldset className={`field${err('how') ? ' has-error' : ''}`}>
        <legend>How were they approved?</legend>
        {err('how') ? <span className="error-message">{err('how')}</span> : null}
        <div className="checkbox">
          <input id="how" type="radio" value="meeting" {...register('how')} />
          <label htmlFor="how">At a later meeting, under “Minutes of the previous meeting”</label>
        </div>
        <div className="checkbox">
          <input id="how-writing" type="radio" value="writing" {...register('how')} />
          <label htmlFor="how-writing">Approved by the board in writing</label>
        </div>
      </fieldset>
      {how === 'meeting' ? (
        <Field
          id="decisionId"
          label="The decision that approved them"
          hint={choices.length === 0 ? 'No decision of a later meeting is recorded yet. Record it on that meeting’s “Minutes of the previous meeting” item first.' : 'Decisions of later meetings; those that mention minutes are listed first.'}
          error={err('decisionId')}
        >
          <select
            {...register('decisionId', {
              onChange: (e: { target: { value: string } }) => {
                const d = choices.find((c) => c.id === e.target.value);
                if (d) setValue('approvedOn', d.decidedOn);
              },
            })}
          >
            <option value="">Choose…</option>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {formatShortDate(d.decidedOn)}, {d.meetingTitle ?? 'meeting'}
                {d.itemNumber ? `, item ${d.itemNumber}` : ''}: {d.text.length > 80 ? `${d.text.slice(0, 80)}…` : d.text}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <DateField id="approvedOn" label="Date approved" error={err('approvedOn')} control={control} name="approvedOn" />
      <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
        Record approval
      </button>
    </form>
  );
}

const signSchema = z.object({ signedBy: requiredText("the chair's name", 200, 'one'), signedOn: legalDate('the date signed') });
type SignValues = { signedBy: string; signedOn: string };

/**
 * The chair signs. The form is checked first (here and by nothing else yet); only then does the
 * confirmation say what signing does, because it cannot be undone.
 */
export function SignForm({ minutes, chairName }: { minutes: Minutes; chairName: string | null }) {
  const [confirming, setConfirming] = useState<SignValues | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<SignValues>({
    resolver: withDateChecks(zodResolver(signSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { signedBy: chairName ?? '', signedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['signedBy', 'signedOn']);
  const onValid = (v: SignValues) => {
    outcome.clear();
    if (minutes.approvedOn && v.signedOn < minutes.approvedOn) {
      outcome.fieldError('signedOn', `The chair signs approved minutes: the date signed cannot be before they were approved on ${formatLegalDate(minutes.approvedOn)}.`);
      return;
    }
    setConfirming(v);
  };
  const sign = async () => {
    const v = confirming!;
    setConfirming(null);
    await outcome.settle(await call('minutes.sign', { id: minutes.id, signedBy: v.signedBy, signedOn: v.signedOn }), () => 'Minutes signed and sealed.', () => {});
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-labelledby="minutes-sign-h">
      <h3 id="minutes-sign-h">The chair’s signature</h3>
      <p className="muted">
        Approved on {minutes.approvedOn ? formatLegalDate(minutes.approvedOn) : 'the date recorded'}
        {minutes.approvedInWriting ? ' by the board in writing' : ' at a later meeting'}. Signed minutes are evidence of the proceedings (CA 2006 s249, s356).
      </p>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not signed" />
      <Field id="signedBy" label="Chair’s name" error={errorAt(formState.errors, 'signedBy')}>
        <input type="text" autoComplete="off" {...register('signedBy')} />
      </Field>
      <DateField id="signedOn" label="Date signed" error={errorAt(formState.errors, 'signedOn')} control={control} name="signedOn" />
      <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
        Sign the minutes
      </button>
      {confirming ? (
        <ConfirmDialog open title="Sign and seal the minutes?" confirmLabel="Sign and seal" onConfirm={() => void sign()} onCancel={() => setConfirming(null)}>
          <p>
            {confirming.signedBy} signs these minutes on {formatLegalDate(confirming.signedOn)}. This cannot be undone.
          </p>
          <p>
            Signing seals the record: the minutes, the meeting’s decisions and its papers are frozen, and a SHA-256 of them is kept in the audit log and printed on the PDF. Nobody can then change them, here or in the file. A mistake found later is put right by a correction recorded as a new record and approved at a later meeting (the minutes must be kept as a true record: CA 2006 s248 for the board, s355 for members; s1138 on guarding them against falsification).
          </p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
