import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  CONTRACT_DECISION_PURPOSES,
  CONTRACT_DECISION_PURPOSE_LABEL,
  contractMethods,
  type ContractDetail,
  type Duty,
} from '../../../../shared/contract/contracts';
import { DECISION_OUTCOME_LABEL } from '../../../../shared/contract/decisions';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { mappedResolver } from '../../lib/mapped-resolver';
import { useDebounced } from '../../lib/useDebounced';
import { DateField } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { FormProblems } from '../../ui/form-outcome';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { useDialogSubmit } from '../../ui/useDialogForm';
import { signedMoneyProblem, signedPoundsToPence } from './contract-form';

type Extension = ContractDetail['extensions'][number];

/** A checked form's second step: what will be recorded, in words, before it is (it cannot be undone here). */
function ConfirmStep({ children, confirmLabel, busy, onBack, onConfirm }: { children: ReactNode; confirmLabel: string; busy: boolean; onBack: () => void; onConfirm: () => void }) {
  return (
    <div className="ctr-confirm">
      <div className="banner banner-warning">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-secondary" onClick={onBack} autoFocus>
          Go back
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}

/* ---------- Variation ---------- */

interface VariationValues {
  madeOn: string;
  description: string;
  valueChangePence: string;
  newEndOn: string;
}

export function VariationDialog({ contract, open, onClose }: { contract: ContractDetail; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Record a variation" onClose={onClose} wide description={`A change agreed to ${contract.title}: what it changed, and its effect on the value and the end date.`}>
      <VariationForm contract={contract} onClose={onClose} />
    </FormDialog>
  );
}

function VariationForm({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const schema = contractMethods['contracts.recordVariation'].input;
  const base = mappedResolver(schema, (v: VariationValues) => ({ contractId: contract.id, madeOn: v.madeOn, description: v.description, valueChangePence: signedPoundsToPence(v.valueChangePence), newEndOn: v.newEndOn }));
  const { register, control, handleSubmit, setError, formState } = useForm<VariationValues>({
    resolver: (async (values: VariationValues, ctx: unknown, opts: never) => {
      const problem = signedMoneyProblem(values.valueChangePence, 'the change in value');
      const result = await (base as never as (v: VariationValues, c: unknown, o: never) => Promise<{ values: unknown; errors: Record<string, unknown> }>)(values, ctx, opts);
      if (!problem) return result;
      return { values: {}, errors: { ...result.errors, valueChangePence: { type: 'form', message: problem } } };
    }) as never,
    defaultValues: { madeOn: todayUk(), description: '', valueChangePence: '', newEndOn: '' },
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const s = useDialogSubmit(setError, ['madeOn', 'description', 'valueChangePence', 'newEndOn'], onClose);
  const onValid = async (parsed: VariationValues) => {
    s.clear();
    const input = parsed as unknown as Parameters<typeof call<'contracts.recordVariation'>>[1];
    await s.settle(await call('contracts.recordVariation', input), () => 'Variation recorded.');
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, s.failedCheck)} noValidate aria-label="Record a variation">
      <FormProblems errors={formState.errors} attempt={s.attempt} general={s.general} title="Not recorded" />
      <DateField id="madeOn" label="Date the variation was made" error={e('madeOn')} control={control} name="madeOn" />
      <Field id="description" label="What it changed" error={e('description')}>
        <textarea rows={3} {...register('description')} />
      </Field>
      <Field id="valueChangePence" label="Change in value, in pounds (optional)" error={e('valueChangePence')} hint="Over the whole life of the contract. A reduction starts with a minus sign, such as -1500.00.">
        <input type="text" inputMode="decimal" className="ctr-money" autoComplete="off" {...register('valueChangePence')} />
      </Field>
      <DateField
        id="newEndOn"
        label="New end date (optional)"
        hint={contract.currentEndOn ? `Only if it changed the end date: now ${formatLegalDate(contract.currentEndOn)}.` : 'Only if it changed the end date.'}
        error={e('newEndOn')}
        control={control}
        name="newEndOn"
      />
      <DialogButtons submitLabel="Record variation" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- Termination ---------- */

interface TerminateValues {
  terminatedOn: string;
  reason: string;
}

export function TerminateDialog({ contract, open, onClose }: { contract: ContractDetail; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Record that the contract ended early" onClose={onClose} wide description={`${contract.title}, ${contract.counterpartyName}.`}>
      <TerminateForm contract={contract} onClose={onClose} />
    </FormDialog>
  );
}

function TerminateForm({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const schema = contractMethods['contracts.terminate'].input;
  const { register, control, handleSubmit, setError, formState } = useForm<TerminateValues>({
    resolver: mappedResolver(schema, (v: TerminateValues) => ({ id: contract.id, ...v })) as never,
    defaultValues: { terminatedOn: todayUk(), reason: '' },
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const s = useDialogSubmit(setError, ['terminatedOn', 'reason'], onClose);
  const [checked, setChecked] = useState<TerminateValues | null>(null);
  const [busy, setBusy] = useState(false);
  const e = (p: string) => errorAt(formState.errors, p);
  if (checked) {
    return (
      <ConfirmStep
        confirmLabel="Record the termination"
        busy={busy}
        onBack={() => setChecked(null)}
        onConfirm={async () => {
          setBusy(true);
          const r = await call('contracts.terminate', { id: contract.id, terminatedOn: checked.terminatedOn, reason: checked.reason });
          setBusy(false);
          if (!r.ok) setChecked(null);
          await s.settle(r, () => `${contract.title} recorded as ended on ${formatLegalDate(checked.terminatedOn)}.`);
        }}
      >
        <h3>End {contract.title} on {formatLegalDate(checked.terminatedOn)}?</h3>
        <p>
          Its status becomes terminated and its later duties stop being due. The termination is recorded in the audit log; it cannot be undone from this
          page.
        </p>
      </ConfirmStep>
    );
  }
  return (
    <form onSubmit={handleSubmit((v) => setChecked(v as TerminateValues), s.failedCheck)} noValidate aria-label="Record that the contract ended early">
      <FormProblems errors={formState.errors} attempt={s.attempt} general={s.general} title="Not recorded" />
      <DateField id="terminatedOn" label="Date it ended" error={e('terminatedOn')} control={control} name="terminatedOn" />
      <Field id="reason" label="Why it ended" error={e('reason')} hint="For example “Ended by the council under the break clause, notice given 1 March 2026”.">
        <textarea rows={3} {...register('reason')} />
      </Field>
      <DialogButtons submitLabel="Continue" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- Extension decision ---------- */

interface DecideValues {
  decision: string;
  on: string;
}

export function ExtensionDecisionDialog({ contract, extension, onClose }: { contract: ContractDetail; extension: Extension | null; onClose: () => void }) {
  return (
    <FormDialog
      open={extension !== null}
      title={extension ? `Record the decision on extension option ${extension.position}` : 'Record the decision'}
      onClose={onClose}
      description={extension ? `${extension.lengthMonths} months${extension.decisionBy ? `, to be decided by ${formatLegalDate(extension.decisionBy)}` : ''}.` : undefined}
    >
      {extension ? <DecideForm contract={contract} extension={extension} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function DecideForm({ contract, extension, onClose }: { contract: ContractDetail; extension: Extension; onClose: () => void }) {
  const schema = contractMethods['contracts.decideExtension'].input;
  const { register, control, handleSubmit, setError, formState } = useForm<DecideValues>({
    resolver: mappedResolver(schema, (v: DecideValues) => ({ contractId: contract.id, extensionId: extension.id, decision: (v.decision || undefined) as never, on: v.on })) as never,
    defaultValues: { decision: '', on: todayUk() },
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const s = useDialogSubmit(setError, ['decision', 'on'], onClose);
  const [checked, setChecked] = useState<DecideValues | null>(null);
  const [busy, setBusy] = useState(false);
  const e = (p: string) => errorAt(formState.errors, p);
  if (checked) {
    const exercised = checked.decision === 'exercised';
    const later = contract.extensions.filter((x) => x.position > extension.position && x.exercisedOn === null && x.declinedOn === null).length;
    return (
      <ConfirmStep
        confirmLabel={exercised ? 'Record as exercised' : 'Record as declined'}
        busy={busy}
        onBack={() => setChecked(null)}
        onConfirm={async () => {
          setBusy(true);
          const r = await call('contracts.decideExtension', { contractId: contract.id, extensionId: extension.id, decision: checked.decision as 'exercised' | 'declined', on: checked.on });
          setBusy(false);
          if (!r.ok) setChecked(null);
          await s.settle(r, () => `Extension option ${extension.position} recorded as ${exercised ? 'exercised' : 'declined'}.`);
        }}
      >
        <h3>
          Extension option {extension.position} {exercised ? 'exercised' : 'declined'} on {formatLegalDate(checked.on)}?
        </h3>
        <p>
          {exercised
            ? `The contract’s current end moves ${extension.lengthMonths} months later.`
            : later > 0
              ? `The option no longer counts towards the maximum term, and neither ${later === 1 ? 'does the later option still open' : `do the ${later} later options still open`}: each runs on from the one before, so they are declined with it. Their duties stop being due.`
              : 'The option no longer counts towards the maximum term, and its duties stop being due.'}{' '}
          The decision is recorded in the audit log; it cannot be undone from this page.
        </p>
      </ConfirmStep>
    );
  }
  return (
    <form onSubmit={handleSubmit((v) => setChecked(v as DecideValues), s.failedCheck)} noValidate aria-label="Record the decision on the extension">
      <FormProblems errors={formState.errors} attempt={s.attempt} general={s.general} title="Not recorded" />
      <fieldset className={`field${e('decision') ? ' has-error' : ''}`} aria-describedby={e('decision') ? 'decision-error' : undefined}>
        <legend className="legend-small">Decision</legend>
        {e('decision') ? (
          <span className="error-message" id="decision-error">
            <span className="visually-hidden">Error: </span>
            {e('decision')}
          </span>
        ) : null}
        <div className="ctr-radios">
          <div className="checkbox">
            <input type="radio" id="decision" value="exercised" {...register('decision')} />
            <label htmlFor="decision">Exercised: the contract is extended</label>
          </div>
          <div className="checkbox">
            <input type="radio" id="decision-declined" value="declined" {...register('decision')} />
            <label htmlFor="decision-declined">Declined: the option lapses</label>
          </div>
        </div>
      </fieldset>
      <DateField id="on" label="Date of the decision" error={e('on')} control={control} name="on" />
      <DialogButtons submitLabel="Continue" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- Duty done ---------- */

interface DoneValues {
  doneOn: string;
  note: string;
}

export function DutyDoneDialog({ contract, duty, onClose }: { contract: ContractDetail; duty: Duty | null; onClose: () => void }) {
  return (
    <FormDialog open={duty !== null} title="Record as done" onClose={onClose} description={duty ? `${duty.title}, due ${formatLegalDate(duty.dueOn)}.` : undefined}>
      {duty ? <DoneForm contract={contract} duty={duty} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function DoneForm({ contract, duty, onClose }: { contract: ContractDetail; duty: Duty; onClose: () => void }) {
  const schema = contractMethods['contracts.recordDutyDone'].input;
  const { register, control, handleSubmit, setError, formState } = useForm<DoneValues>({
    resolver: mappedResolver(schema, (v: DoneValues) => ({ contractId: contract.id, key: duty.key, ...v })) as never,
    defaultValues: { doneOn: todayUk(), note: '' },
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const s = useDialogSubmit(setError, ['doneOn', 'note'], onClose);
  const onValid = async (parsed: DoneValues) => {
    s.clear();
    await s.settle(await call('contracts.recordDutyDone', parsed as never), () => `${duty.title} recorded as done.`);
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, s.failedCheck)} noValidate aria-label="Record as done">
      <FormProblems errors={formState.errors} attempt={s.attempt} general={s.general} title="Not recorded" />
      <DateField id="doneOn" label="Date it was done" error={e('doneOn')} control={control} name="doneOn" />
      <Field id="note" label="Note (optional)" error={e('note')} hint="For example “Notice sent by e-mail to the commissioning manager”.">
        <input type="text" autoComplete="off" {...register('note')} />
      </Field>
      <DialogButtons submitLabel="Record as done" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

/* ---------- Link a decision ---------- */

export function LinkDecisionDialog({ contract, open, onClose }: { contract: ContractDetail; open: boolean; onClose: () => void }) {
  return (
    <FormDialog open={open} title="Link a board decision" onClose={onClose} wide description="Choose the decision from the decisions register, and what it approved.">
      <LinkDecisionForm contract={contract} onClose={onClose} />
    </FormDialog>
  );
}

interface LinkValues {
  decisionId: string;
  purpose: string;
}

function LinkDecisionForm({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const [search, setSearch] = useState(contract.counterpartyName);
  const settled = useDebounced(search.trim(), 250);
  const register_ = useApiQuery('decisions.register', { ...(settled ? { search: settled } : {}), limit: 50 }, { placeholderData: (prev) => prev });
  const linked = new Set(contract.decisions.map((d) => d.decisionId));
  const rows = (register_.data?.rows ?? []).filter((d) => !linked.has(d.id));
  const schema = contractMethods['contracts.linkDecision'].input;
  const { register, handleSubmit, setError, formState } = useForm<LinkValues>({
    resolver: mappedResolver(schema, (v: LinkValues) => ({ contractId: contract.id, decisionId: v.decisionId, purpose: (v.purpose || undefined) as never })) as never,
    defaultValues: { decisionId: '', purpose: '' },
    shouldFocusError: false, reValidateMode: 'onSubmit',
  });
  const s = useDialogSubmit(setError, ['decisionId', 'purpose'], onClose);
  const onValid = async (parsed: LinkValues) => {
    s.clear();
    await s.settle(await call('contracts.linkDecision', parsed as never), () => 'Decision linked to the contract.');
  };
  const e = (p: string) => errorAt(formState.errors, p);
  return (
    <form onSubmit={handleSubmit(onValid, s.failedCheck)} noValidate aria-label="Link a board decision">
      <FormProblems errors={formState.errors} attempt={s.attempt} general={s.general} title="Not linked" />
      <div className="field">
        <label htmlFor="decision-search">Find the decision</label>
        <span className="hint" id="decision-search-hint">
          Words in the decision, or the organisation it names
        </span>
        <input id="decision-search" type="search" aria-describedby="decision-search-hint" value={search} onChange={(ev) => setSearch(ev.target.value)} autoComplete="off" />
      </div>
      <Field
        id="decisionId"
        label="Decision"
        error={e('decisionId') ? 'Choose the decision from the register.' : undefined}
        hint={register_.data ? `${rows.length === 0 ? 'No decision' : rows.length === 1 ? 'One decision' : `${rows.length} decisions`} found, newest first.` : 'Searching the register…'}
      >
        <select {...register('decisionId')} size={Math.min(8, Math.max(3, rows.length + 1))} className="ctr-decision-list">
          <option value="">Choose the decision</option>
          {rows.map((d) => (
            <option key={d.id} value={d.id}>
              {formatLegalDate(d.decidedOn)}: {d.text.length > 110 ? `${d.text.slice(0, 110)}…` : d.text} ({DECISION_OUTCOME_LABEL[d.outcome]}
              {d.meetingTitle ? `, ${d.meetingTitle}` : ''})
            </option>
          ))}
        </select>
      </Field>
      <Field id="purpose" label="What it approved" error={e('purpose')}>
        <select {...register('purpose')}>
          <option value="">Choose</option>
          {CONTRACT_DECISION_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {CONTRACT_DECISION_PURPOSE_LABEL[p]}
            </option>
          ))}
        </select>
      </Field>
      <DialogButtons submitLabel="Link decision" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

