import { Controller, useForm, useWatch } from 'react-hook-form';
import { shareMethods } from '../../../../shared/contract/shares';
import type { MethodInput } from '../../../../shared/contract/index';
import { formatPence } from '../../../../shared/rules/shareholding';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { DialogButtons } from '../../ui/FormDialog';
import { mappedResolver } from '../../lib/mapped-resolver';
import { parseWhole } from '../../lib/money';
import { parsePounds, poundsInput } from '../../lib/money';
import { MemberPicker, type PickedMember } from './MemberPicker';
import { useDialogSubmit } from '../../ui/useDialogForm';
import { todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';

interface Holder {
  id: string;
  memberNumber: number;
  sharesHeld: number;
  nominalPence: number;
}

const plural = (n: number) => `${n.toLocaleString('en-GB')} share${n === 1 ? '' : 's'}`;

/** Pounds text for a number of shares at their nominal value, or nothing while the number is not a whole number. */
function atNominal(shares: string, nominalPence: number): string {
  const n = parseWhole(shares);
  return Number.isNaN(n) ? '' : poundsInput(n * nominalPence);
}

function Problems({ errors, attempt, general, what }: { errors: Parameters<typeof flattenErrors>[0]; attempt: number; general: string | null; what: string }) {
  return (
    <>
      <ErrorSummary items={flattenErrors(errors)} focusKey={attempt} />
      {general ? (
        <Banner tone="error" title={`The ${what} was not recorded`}>
          <p>{general}</p>
        </Banner>
      ) : null}
    </>
  );
}

interface AllotValues {
  date: string;
  shares: string;
  /** Pounds as typed. */
  amountPaidPence: string;
  boardReference: string;
}

export function AllotForm({ holder, onClose }: { holder: Holder; onClose: () => void }) {
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<AllotValues, unknown, MethodInput<'shares.allot'>>({
    resolver: mappedResolver(shareMethods['shares.allot'].input, (v: AllotValues) => ({
      memberId: holder.id,
      date: v.date,
      shares: parseWhole(v.shares),
      amountPaidPence: parsePounds(v.amountPaidPence) ?? Number.NaN,
      boardReference: v.boardReference,
    })) as never,
    defaultValues: { date: todayUk(), shares: '1', amountPaidPence: poundsInput(holder.nominalPence), boardReference: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['date', 'shares', 'amountPaidPence', 'boardReference'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('shares.allot', input), (e) => `${plural(e.shares)} allotted to member ${holder.memberNumber}.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">Member {holder.memberNumber} holds {plural(holder.sharesHeld)} of {formatPence(holder.nominalPence)} each.</p>
      <Problems errors={formState.errors} attempt={s.attempt} general={s.general} what="allotment" />
      <div className="field-row">
        <DateField {...field('date')} label="Date of allotment" control={control} name="date" />
        <Field {...field('shares')} label="Number of shares">
          <input
            type="text"
            inputMode="numeric"
            {...register('shares', {
              onChange: (e: { target: { value: string } }) => {
                if (!getFieldState('amountPaidPence').isDirty) setValue('amountPaidPence', atNominal(e.target.value, holder.nominalPence));
              },
            })}
          />
        </Field>
      </div>
      <Field {...field('amountPaidPence')} label="Amount paid" hint="In pounds, for example 10.00">
        <input type="text" inputMode="decimal" className="narrow" {...register('amountPaidPence')} />
      </Field>
      <Field {...field('boardReference')} label="Board decision reference (optional)">
        <input type="text" {...register('boardReference')} />
      </Field>
      <DialogButtons submitLabel="Allot the shares" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface TransferValues {
  toMemberId: PickedMember | null;
  date: string;
  shares: string;
  boardReference: string;
}

export function TransferForm({ holder, onClose }: { holder: Holder; onClose: () => void }) {
  const { register, control, handleSubmit, setError, formState } = useForm<TransferValues, unknown, MethodInput<'shares.transfer'>>({
    resolver: mappedResolver(shareMethods['shares.transfer'].input, (v: TransferValues) => ({
      fromMemberId: holder.id,
      toMemberId: v.toMemberId?.id ?? '',
      date: v.date,
      shares: parseWhole(v.shares),
      boardReference: v.boardReference,
    })) as never,
    defaultValues: { toMemberId: null, date: todayUk(), shares: '', boardReference: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['toMemberId', 'date', 'shares', 'boardReference'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const toError = errorAt(formState.errors, 'toMemberId');
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('shares.transfer', input), (e) => `${plural(-e.shares)} transferred to member ${e.counterparty?.memberNumber ?? ''}.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">Member {holder.memberNumber} holds {plural(holder.sharesHeld)}.</p>
      <Problems errors={formState.errors} attempt={s.attempt} general={s.general} what="transfer" />
      <Controller
        control={control}
        name="toMemberId"
        render={({ field: f }) => (
          <Field
            id="toMemberId"
            error={toError ? (toError.startsWith('Not a valid') ? 'Choose the member who receives the shares.' : toError) : undefined}
            label="Receiving member"
            hint="Type part of their name or their member number, then choose from the list."
          >
            <MemberPicker value={f.value} onChange={f.onChange} excludeId={holder.id} />
          </Field>
        )}
      />
      <div className="field-row">
        <DateField {...field('date')} label="Date of transfer" control={control} name="date" />
        <Field {...field('shares')} label="Number of shares">
          <input type="text" inputMode="numeric" {...register('shares')} />
        </Field>
      </div>
      <Field {...field('boardReference')} label="Board decision reference (optional)">
        <input type="text" {...register('boardReference')} />
      </Field>
      <DialogButtons submitLabel="Transfer the shares" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface WithdrawValues {
  noticeDate: string;
  date: string;
  paymentDate: string;
  shares: string;
  /** Pounds as typed. */
  amountRepaidPence: string;
  boardReference: string;
}

export function WithdrawForm({ holder, onClose }: { holder: Holder; onClose: () => void }) {
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<WithdrawValues, unknown, MethodInput<'shares.withdraw'>>({
    resolver: mappedResolver(shareMethods['shares.withdraw'].input, (v: WithdrawValues) => ({
      memberId: holder.id,
      noticeDate: v.noticeDate,
      date: v.date,
      paymentDate: v.paymentDate,
      shares: parseWhole(v.shares),
      amountRepaidPence: parsePounds(v.amountRepaidPence) ?? Number.NaN,
      boardReference: v.boardReference,
    })) as never,
    defaultValues: { noticeDate: '', date: todayUk(), paymentDate: '', shares: '', amountRepaidPence: '', boardReference: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['noticeDate', 'date', 'paymentDate', 'shares', 'amountRepaidPence', 'boardReference'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const shares = useWatch({ control, name: 'shares' });
  const n = parseWhole(shares ?? '');
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('shares.withdraw', input), (e) => `${plural(-e.shares)} withdrawn; member ${holder.memberNumber} now holds ${plural(e.balanceAfter)}.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">
        Member {holder.memberNumber} holds {plural(holder.sharesHeld)} of {formatPence(holder.nominalPence)} each. Record the withdrawal once the shares
        have been paid out or the board has agreed it.
      </p>
      <Problems errors={formState.errors} attempt={s.attempt} general={s.general} what="withdrawal" />
      <div className="field-row">
        <DateField {...field('noticeDate')} label="Notice given on" control={control} name="noticeDate" />
        <DateField {...field('date')} label="Withdrawn on" control={control} name="date" />
        <DateField {...field('paymentDate')} label="Paid on (optional)" control={control} name="paymentDate" />
      </div>
      <div className="field-row">
        <Field {...field('shares')} label="Number of shares">
          <input
            type="text"
            inputMode="numeric"
            {...register('shares', {
              onChange: (e: { target: { value: string } }) => {
                if (!getFieldState('amountRepaidPence').isDirty) setValue('amountRepaidPence', atNominal(e.target.value, holder.nominalPence));
              },
            })}
          />
        </Field>
        <Field {...field('amountRepaidPence')} label="Amount repaid" hint="In pounds, for example 5.00">
          <input type="text" inputMode="decimal" {...register('amountRepaidPence')} />
        </Field>
      </div>
      {!Number.isNaN(n) && n > 0 && n <= holder.sharesHeld ? <p className="muted">They will hold {plural(holder.sharesHeld - n)} afterwards.</p> : null}
      <Field {...field('boardReference')} label="Board decision reference (optional)">
        <input type="text" {...register('boardReference')} />
      </Field>
      <DialogButtons submitLabel="Record the withdrawal" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

interface CapitalReturnValues {
  date: string;
  paymentDate: string;
  shares: string;
  /** Pounds as typed. */
  amountPaidPence: string;
  resolutionReference: string;
}

const CAPITAL_RETURN = {
  redemption: {
    method: 'shares.redeem',
    what: 'redemption',
    intro: 'Shares issued as redeemable are redeemed on their terms, only when fully paid, and are then cancelled (CA 2006 s684-s689). Tell Companies House within one month (s689).',
    dateLabel: 'Redeemed on',
    resolutionLabel: 'Board resolution for the redemption',
    resolutionHint: 'The directors redeem on the terms set for the shares (CA 2006 s685); for example BM 2026/14.',
    submit: 'Record the redemption',
    done: 'redeemed',
  },
  purchase: {
    method: 'shares.purchase',
    what: 'purchase',
    intro:
      'The company buys back fully paid shares and pays for them on purchase (CA 2006 s691); the shares are then cancelled (s706). Send Companies House the return within 28 days (s707).',
    dateLabel: 'Bought back on',
    resolutionLabel: 'Members’ resolution approving the purchase',
    resolutionHint: 'An off-market purchase needs a contract approved by a resolution of the members, an ordinary resolution since 2013 (CA 2006 s694); the seller may not vote on it (s695).',
    submit: 'Record the purchase',
    done: 'bought back',
  },
} as const;

/** A company returning capital to a member: a redemption (CA 2006 s684-s689) or a purchase of own shares (s690-s708). */
export function CapitalReturnForm({ kind, holder, onClose }: { kind: 'redemption' | 'purchase'; holder: Holder; onClose: () => void }) {
  const c = CAPITAL_RETURN[kind];
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = useForm<CapitalReturnValues, unknown, MethodInput<'shares.redeem'>>({
    resolver: mappedResolver(shareMethods[c.method].input, (v: CapitalReturnValues) => ({
      memberId: holder.id,
      date: v.date,
      paymentDate: v.paymentDate,
      shares: parseWhole(v.shares),
      amountPaidPence: parsePounds(v.amountPaidPence) ?? Number.NaN,
      resolutionReference: v.resolutionReference,
    })) as never,
    defaultValues: { date: todayUk(), paymentDate: '', shares: '', amountPaidPence: '', resolutionReference: '' },
    shouldFocusError: false,
  });
  const s = useDialogSubmit(setError, ['date', 'paymentDate', 'shares', 'amountPaidPence', 'resolutionReference'], onClose);
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const shares = useWatch({ control, name: 'shares' });
  const n = parseWhole(shares ?? '');
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call(c.method, input), (e) => `${plural(-e.shares)} ${c.done}; member ${holder.memberNumber} now holds ${plural(e.balanceAfter)}.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">
        Member {holder.memberNumber} holds {plural(holder.sharesHeld)} of {formatPence(holder.nominalPence)} each. {c.intro}
      </p>
      <Problems errors={formState.errors} attempt={s.attempt} general={s.general} what={c.what} />
      <div className="field-row">
        <DateField {...field('date')} label={c.dateLabel} control={control} name="date" />
        <DateField {...field('paymentDate')} label="Paid on (optional)" control={control} name="paymentDate" />
      </div>
      <div className="field-row">
        <Field {...field('shares')} label="Number of shares">
          <input
            type="text"
            inputMode="numeric"
            {...register('shares', {
              onChange: (e: { target: { value: string } }) => {
                if (!getFieldState('amountPaidPence').isDirty) setValue('amountPaidPence', atNominal(e.target.value, holder.nominalPence));
              },
            })}
          />
        </Field>
        <Field {...field('amountPaidPence')} label="Amount paid to the member" hint="In pounds, for example 5.00">
          <input type="text" inputMode="decimal" {...register('amountPaidPence')} />
        </Field>
      </div>
      {!Number.isNaN(n) && n > 0 && n <= holder.sharesHeld ? <p className="muted">They will hold {plural(holder.sharesHeld - n)} afterwards.</p> : null}
      <Field {...field('resolutionReference')} label={c.resolutionLabel} hint={c.resolutionHint}>
        <input type="text" {...register('resolutionReference')} />
      </Field>
      <DialogButtons submitLabel={c.submit} busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
