import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { legalDate, optionalText, requiredText } from '../../../../shared/contract/fields';
import type { Action } from '../../../../shared/contract/actions';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { withDateChecks } from '../../lib/mapped-resolver';
import { fullName } from '../../lib/people';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';

/** Adding, changing and closing the actions a meeting agreed. */

/** The owner select's value for "someone who is not a director or officer". */
export const OTHER_OWNER = 'other';

const actionFormSchema = z
  .object({
    description: requiredText('what is to be done', 2000, 'many'),
    owner: z.string().min(1, 'Choose who will do it.'),
    ownerName: optionalText("the owner's name", 200, 'one'),
    dueOn: legalDate('the due date').optional().or(z.literal('')),
  })
  .refine((v) => v.owner !== OTHER_OWNER || (v.ownerName ?? '').trim() !== '', { path: ['ownerName'], message: "Enter the owner's name." });
type ActionValues = { description: string; owner: string; ownerName: string; dueOn: string };
const ACTION_PATHS = ['description', 'owner', 'ownerName', 'dueOn'];
const mapActionPath = (p: string) => (p === 'ownerOfficerId' ? 'owner' : p);

/** Add an action agreed at a meeting, or change one (description, owner, due date). */
export function ActionDialog({ meetingId, action, open, onClose }: { meetingId: string; action: Action | null; open: boolean; onClose: () => void }) {
  return (
    <FormDialog
      open={open}
      title={action ? 'Change the action' : 'Add an action'}
      onClose={onClose}
      description="What the meeting agreed someone would do, and by when. Open actions are carried to the next meeting’s matters arising."
    >
      <ActionForm meetingId={meetingId} action={action} onClose={onClose} />
    </FormDialog>
  );
}

function ActionForm({ meetingId, action, onClose }: { meetingId: string; action: Action | null; onClose: () => void }) {
  const officers = useApiQuery('officers.list', { status: 'current' });
  const { register, control, handleSubmit, setError, formState } = useForm<ActionValues>({
    resolver: withDateChecks(zodResolver(actionFormSchema, undefined, { raw: true }) as never) as never,
    defaultValues: {
      description: action?.description ?? '',
      owner: action ? (action.ownerOfficerId ?? OTHER_OWNER) : '',
      ownerName: action && !action.ownerOfficerId ? action.ownerName : '',
      dueOn: action?.dueOn ?? '',
    },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ACTION_PATHS, mapActionPath);
  const owner = useWatch({ control, name: 'owner' });
  const onValid = async (v: ActionValues) => {
    outcome.clear();
    const fields = {
      description: v.description,
      ...(v.owner === OTHER_OWNER ? { ownerName: v.ownerName } : { ownerOfficerId: v.owner }),
      ...(v.dueOn ? { dueOn: v.dueOn } : {}),
    };
    const result = action ? await call('actions.update', { id: action.id, ...fields }) : await call('actions.create', { meetingId, ...fields });
    await outcome.settle(result, (a) => (action ? 'Action changed.' : `Action added for ${a.ownerName}.`), onClose);
  };
  const err = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={action ? 'Change the action' : 'Add an action'}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not saved" />
      <Field id="description" label="What is to be done" error={err('description')}>
        <textarea rows={3} {...register('description')} />
      </Field>
      <Field id="owner" label="Who will do it" hint="A director or officer, or someone else by name (a member of staff, an adviser)." error={err('owner')}>
        <select {...register('owner')}>
          <option value="">Choose…</option>
          {(officers.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {fullName(o)}
            </option>
          ))}
          <option value={OTHER_OWNER}>Someone else (type their name)</option>
        </select>
      </Field>
      {owner === OTHER_OWNER ? (
        <Field id="ownerName" label="Their name" error={err('ownerName')}>
          <input type="text" autoComplete="off" {...register('ownerName')} />
        </Field>
      ) : null}
      <DateField id="dueOn" label="Due by (optional)" messageLabel="The due date" error={err('dueOn')} control={control} name="dueOn" />
      <DialogButtons submitLabel={action ? 'Save the action' : 'Add the action'} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const closeSchema = z.object({ closedOn: legalDate('the date'), note: optionalText('the note', 2000) });
type CloseValues = { closedOn: string; note: string };

/** Mark an action done or dropped, with the date and a note of what happened. */
export function CloseActionDialog({ action, status, onClose }: { action: Action | null; status: 'done' | 'dropped'; onClose: () => void }) {
  const title = status === 'done' ? 'Mark the action done' : 'Drop the action';
  return (
    <FormDialog open={action !== null} title={title} onClose={onClose} description={action ? `${action.description} (${action.ownerName})` : undefined}>
      {action ? <CloseForm action={action} status={status} title={title} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function CloseForm({ action, status, title, onClose }: { action: Action; status: 'done' | 'dropped'; title: string; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<CloseValues>({
    resolver: withDateChecks(zodResolver(closeSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { closedOn: todayUk(), note: '' },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['closedOn', 'note']);
  const onValid = async (v: CloseValues) => {
    outcome.clear();
    // A dropped action says why, so matters arising can report it.
    if (status === 'dropped' && !v.note.trim()) return outcome.fieldError('note', 'Say why the action was dropped.');
    const result = await call('actions.close', { id: action.id, status, closedOn: v.closedOn, note: v.note });
    await outcome.settle(result, (a) => `Action marked ${a.status} on ${formatLegalDate(a.closedOn ?? v.closedOn)}.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={title}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not saved" />
      <DateField id="closedOn" label={status === 'done' ? 'Date it was done' : 'Date it was dropped'} messageLabel="The date" error={errorAt(formState.errors, 'closedOn')} control={control} name="closedOn" />
      <Field
        id="note"
        label={status === 'done' ? 'What was done (optional)' : 'Why it was dropped'}
        hint="Kept with the action and shown under matters arising."
        error={errorAt(formState.errors, 'note')}
      >
        <textarea rows={3} {...register('note')} />
      </Field>
      <DialogButtons submitLabel={status === 'done' ? 'Mark done' : 'Drop the action'} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
