import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { MethodInput } from '../../../../shared/contract/index';
import { ITEM_PURPOSES, ITEM_PURPOSE_LABEL, meetingMethods, type AgendaItem } from '../../../../shared/contract/meetings';
import { call } from '../../api/client';
import { mappedResolver } from '../../lib/mapped-resolver';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useMeetingChange } from './useMeetingChange';
import { itemFields, latestItem } from './useItemNotes';
import { OrganisationPicker } from '../organisations/OrganisationPicker';
import { ContractChooser } from './ContractChooser';
import { itemTagProblem, itemTagsInput, type ChosenContract } from './item-tags';
import { useApiQuery } from '../../api/queries';

export type ItemDialogState = { mode: 'add'; parent?: AgendaItem } | { mode: 'edit'; item: AgendaItem } | null;

interface Values {
  title: string;
  presenter: string;
  purpose: string;
  minutesAllotted: string;
  relatedOrganisation: string;
  contractRef: string;
  /** The links chosen from the organisations list and the contracts (issue 10), or ''. */
  counterpartyId: string;
  contractId: string;
}

const PATHS = ['title', 'presenter', 'purpose', 'minutesAllotted', 'relatedOrganisation', 'contractRef'];
/** The core names the links; their problems show on the boxes that choose them. */
const formPath = (p: string) => (p === 'counterpartyId' ? 'relatedOrganisation' : p === 'contractId' ? 'contractRef' : p);

function fields(v: Values) {
  const n = v.minutesAllotted.trim();
  return {
    title: v.title,
    presenter: v.presenter,
    purpose: v.purpose || undefined,
    minutesAllotted: n === '' ? undefined : /^\d+$/.test(n) ? Number(n) : n,
    ...itemTagsInput({ id: v.counterpartyId || null, text: v.relatedOrganisation }, { id: v.contractId || null, text: v.contractRef }),
  };
}

/** Add an item (or a sub-item), or change one. */
export function ItemDialog({ meetingId, state, onClose }: { meetingId: string; state: ItemDialogState; onClose: () => void }) {
  const title = state?.mode === 'edit' ? `Change item ${state.item.number}` : state?.parent ? `Add a sub-item under item ${state.parent.number}` : 'Add an item';
  return (
    <FormDialog open={state !== null} title={title} onClose={onClose} wide>
      {state ? <ItemForm meetingId={meetingId} state={state} title={title} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function ItemForm({ meetingId, state, title, onClose }: { meetingId: string; state: NonNullable<ItemDialogState>; title: string; onClose: () => void }) {
  const item = state.mode === 'edit' ? state.item : null;
  const parentId = state.mode === 'add' ? state.parent?.id : undefined;
  const queryClient = useQueryClient();
  const change = useMeetingChange(meetingId);
  // The dialog does not edit the notes or the time the item was taken, so it checks and sends
  // only its own fields; those two are added when its change's turn comes (below).
  const ownFields = (i: AgendaItem) => {
    const { notes: _notes, startsAt: _startsAt, ...own } = itemFields(i);
    return own;
  };
  const toInput = (v: Values) => (item ? { ...ownFields(item), ...fields(v) } : { meetingId, ...(parentId ? { parentId } : {}), ...fields(v) });
  const schema = item ? meetingMethods['meetings.updateItem'].input : meetingMethods['meetings.addItem'].input;
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: mappedResolver(schema as never, toInput as never) as never,
    defaultValues: {
      title: item?.title ?? '',
      presenter: item?.presenter ?? '',
      purpose: item?.purpose ?? 'discussion',
      minutesAllotted: item?.minutesAllotted ? String(item.minutesAllotted) : '',
      relatedOrganisation: item?.relatedOrganisation ?? '',
      contractRef: item?.contractRef ?? '',
      counterpartyId: item?.counterpartyId ?? '',
      contractId: item?.contractId ?? '',
    },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, PATHS, formPath);
  const [counterpartyId, contractId, relatedOrganisation] = useWatch({ control, name: ['counterpartyId', 'contractId', 'relatedOrganisation'] });
  const contracts = useApiQuery('contracts.list', {});
  const chosen = contracts.data?.find((c) => c.id === contractId);
  const chosenContract: ChosenContract | null = chosen ? { id: chosen.id, reference: chosen.reference, counterpartyId: chosen.counterpartyId, counterpartyName: chosen.counterpartyName } : null;
  // The resolver hands over the contract's parsed input (see mappedResolver), so it is sent as it is.
  const onValid = async (parsed: Values) => {
    outcome.clear();
    const mismatch = itemTagProblem({ id: counterpartyId || null, text: relatedOrganisation }, chosenContract);
    if (mismatch) return outcome.fieldError('relatedOrganisation', mismatch);
    // updateItem sets every field (an omitted one is cleared), so the notes and time go with the
    // change, read as the page holds them when its turn comes (after any notes save queued before
    // it), never as they were when the dialog opened: notes typed on the Items tab meanwhile stay.
    const result = item
      ? await change('meetings.updateItem', () => {
          const latest = latestItem(queryClient, meetingId, item);
          return { ...(parsed as unknown as MethodInput<'meetings.updateItem'>), notes: latest.notes ?? undefined, startsAt: latest.startsAt ?? undefined };
        })
      : await call('meetings.addItem', parsed as never);
    await outcome.settle(result, () => (item ? `Item ${item.number} changed.` : `${parsed.title} added to the agenda.`), onClose);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label={title}>
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not saved" />
      <Field id="title" label="Title" error={e('title')}>
        <input type="text" autoComplete="off" {...register('title')} />
      </Field>
      <fieldset className={`field${e('purpose') ? ' has-error' : ''}`}>
        <legend className="legend-small">Purpose</legend>
        {e('purpose') ? <span className="error-message">{e('purpose')}</span> : null}
        <div className="mtg-radios mtg-radios-inline">
          {ITEM_PURPOSES.map((p, i) => (
            <div className="mtg-radio" key={p}>
              <input type="radio" id={i === 0 ? 'purpose' : `item-purpose-${p}`} value={p} {...register('purpose')} />
              <label htmlFor={i === 0 ? 'purpose' : `item-purpose-${p}`}>{ITEM_PURPOSE_LABEL[p]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <Field id="presenter" label="Presenter (optional)" error={e('presenter')}>
          <input type="text" autoComplete="off" {...register('presenter')} />
        </Field>
        <Field id="minutesAllotted" label="Time allotted in minutes (optional)" error={e('minutesAllotted')}>
          <input type="text" inputMode="numeric" className="narrow" autoComplete="off" {...register('minutesAllotted')} />
        </Field>
      </div>
      <Controller
        control={control}
        name="relatedOrganisation"
        render={({ field }) => (
          <Field
            id="relatedOrganisation"
            label="Related organisation (optional)"
            hint="A council, NHS trust or supplier this item concerns: choose it from the organisations list, or type a name. Directors who have declared an interest in it are listed against the item, and left out of its quorum where your rules say so (Model Articles art 14)."
            error={e('relatedOrganisation')}
          >
            <OrganisationPicker
              value={{ id: counterpartyId || null, text: field.value }}
              onChange={(c) => {
                field.onChange(c.text);
                setValue('counterpartyId', c.id ?? '');
              }}
              addDescription="It joins the organisations list and is named as the organisation this item concerns."
            />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="contractRef"
        render={({ field }) => (
          <Field
            id="contractRef"
            label="Contract (optional)"
            hint="Choose a contract on record by its reference, title or commissioner (it brings its commissioner as the organisation), or type a reference."
            error={e('contractRef')}
          >
            <ContractChooser
              value={{ id: contractId || null, text: field.value }}
              onChange={(c, contract) => {
                field.onChange(c.text);
                setValue('contractId', c.id ?? '');
                if (contract) {
                  setValue('relatedOrganisation', contract.counterpartyName);
                  setValue('counterpartyId', contract.counterpartyId);
                }
              }}
            />
          </Field>
        )}
      />
      <DialogButtons submitLabel={item ? 'Save changes' : 'Add to the agenda'} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
