import { Controller, useForm, useWatch } from 'react-hook-form';
import type { MembershipClass } from '../../../../shared/contract/classes';
import { CESSATION_REASONS, CESSATION_REASON_LABEL, ceaseSchema, type CeaseInput, type CessationReason, type MemberDetail } from '../../../../shared/contract/members';
import type { LegalFormInfo } from '../../../../shared/domain/legal-form';
import { shareExitRoutes, type ShareExit } from '../../../../shared/rules/share-exit';
import { call } from '../../api/client';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { errorAt, fieldId, flattenErrors } from '../../ui/form-errors';
import { DialogButtons } from '../../ui/FormDialog';
import { mappedResolver } from '../../lib/mapped-resolver';
import { parsePounds, poundsInput } from '../../lib/money';
import { useDialogSubmit } from '../../ui/useDialogForm';
import { todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { MemberPicker, type PickedMember } from './MemberPicker';

interface CeaseValues {
  ceasedOn: string;
  reason: CessationReason | '';
  note: string;
  shares: {
    kind: ShareExit | '';
    noticeDate: string;
    paymentDate: string;
    /** Pounds as typed, repaid on a withdrawal. */
    amountRepaidPence: string;
    /** Pounds as typed, paid to the member on a redemption or purchase. */
    amountPaidPence: string;
    resolutionReference: string;
    boardReference: string;
    toMemberId: PickedMember | null;
  };
}

/** The cessation input, with what happens to any shares still held (one mutation, CA 2006 Part 18 or the society's rules). */
function toCeaseInput(memberId: string, v: CeaseValues, holdsShares: boolean): CeaseInput {
  const base = { memberId, ceasedOn: v.ceasedOn, reason: (v.reason || undefined) as CessationReason, note: v.note };
  if (!holdsShares) return base;
  const s = v.shares;
  switch (s.kind) {
    case 'withdrawal':
      return {
        ...base,
        shares: { kind: 'withdrawal', noticeDate: s.noticeDate, paymentDate: s.paymentDate, amountRepaidPence: parsePounds(s.amountRepaidPence) ?? Number.NaN, boardReference: s.boardReference },
      };
    case 'redemption':
    case 'purchase':
      return { ...base, shares: { kind: s.kind, paymentDate: s.paymentDate, amountPaidPence: parsePounds(s.amountPaidPence) ?? Number.NaN, resolutionReference: s.resolutionReference } };
    case 'transfer':
      return { ...base, shares: { kind: 'transfer', toMemberId: s.toMemberId?.id ?? '', boardReference: s.boardReference } };
    case 'cancellation':
      return { ...base, shares: { kind: 'cancellation', boardReference: s.boardReference } };
    default:
      // No choice yet: the schema's own message asks for one.
      return { ...base, shares: { kind: '' } as never };
  }
}

const RESOLUTION_LABEL: Partial<Record<ShareExit, { label: string; hint: string }>> = {
  redemption: { label: 'Board resolution for the redemption', hint: 'The directors redeem on the terms set for the shares (CA 2006 s685); for example BM 2026/14.' },
  purchase: {
    label: 'Members’ resolution approving the purchase',
    hint: 'An off-market purchase needs a contract approved by a resolution of the members, an ordinary resolution since 2013 (CA 2006 s694); the seller may not vote on it (s695).',
  },
};

/**
 * Recording that membership ended. The entry stays in the register with the date it ceased (CA
 * 2006 s113(2)(c); CCBS Act 2014 s30(2)(f)). Shares still held are dealt with in the same step,
 * in the ways the legal form and the class's terms allow: a society's withdrawable shares are
 * withdrawn, others transferred or cancelled under its rules; a company's are transferred,
 * redeemed if issued as redeemable, or bought back.
 */
export function CessationForm({ member, cls, form, onClose }: { member: MemberDetail; cls: MembershipClass | undefined; form: LegalFormInfo; onClose: () => void }) {
  const held = form.hasShares ? (member.sharesHeld ?? 0) : 0;
  const terms = cls?.shareTerms ?? null;
  const routes = held > 0 && terms ? shareExitRoutes(form.family, terms) : [];
  const { register, control, handleSubmit, setError, formState } = useForm<CeaseValues, unknown, CeaseInput>({
    resolver: mappedResolver(ceaseSchema, (v: CeaseValues) => toCeaseInput(member.id, v, held > 0)) as never,
    defaultValues: {
      ceasedOn: todayUk(),
      reason: '',
      note: '',
      shares: {
        kind: routes.length === 1 ? routes[0]!.kind : '',
        noticeDate: '',
        paymentDate: '',
        amountRepaidPence: poundsInput(member.amountPaidPence ?? 0),
        amountPaidPence: poundsInput(member.amountPaidPence ?? 0),
        resolutionReference: '',
        boardReference: '',
        toMemberId: null,
      },
    },
    shouldFocusError: false,
  });
  const kind = useWatch({ control, name: 'shares.kind' });
  const s = useDialogSubmit(
    setError,
    ['ceasedOn', 'reason', 'note', 'shares.kind', 'shares.noticeDate', 'shares.paymentDate', 'shares.amountRepaidPence', 'shares.amountPaidPence', 'shares.resolutionReference', 'shares.boardReference', 'shares.toMemberId'],
    onClose,
  );
  const field = (path: string) => ({ id: fieldId(path), error: errorAt(formState.errors, path) });
  const kindError = errorAt(formState.errors, 'shares.kind');
  const route = routes.find((r) => r.kind === kind);
  const plural = `${held.toLocaleString('en-GB')} share${held === 1 ? '' : 's'}`;

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (input) => {
        s.clear();
        await s.settle(await call('members.cease', input), (m) => `Member ${m.memberNumber} ceased to be a member.`);
      }, s.failedCheck)}
    >
      <p className="dialog-intro">The entry stays in the register as a former member, with the date membership ended.</p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={s.attempt} />
      {s.general ? (
        <Banner tone="error" title="The cessation was not recorded">
          <p>{s.general}</p>
        </Banner>
      ) : null}
      <DateField {...field('ceasedOn')} label="Membership ended on" control={control} name="ceasedOn" />
      <Field {...field('reason')} label="Reason">
        <select {...register('reason')}>
          <option value="">Choose…</option>
          {CESSATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {CESSATION_REASON_LABEL[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field {...field('note')} label="Note (optional)" hint="Needed when the reason is Other.">
        <textarea rows={3} {...register('note')} />
      </Field>

      {held > 0 ? (
        <fieldset className={`field-group${kindError ? ' has-error' : ''}`} aria-describedby={kindError ? 'shares-kind-error' : undefined}>
          <legend>
            What happens to their {plural}
          </legend>
          <p className="fieldset-hint">
            Recorded on the day membership ends, in the same step, so the register never shows a former member holding shares.
          </p>
          {kindError ? (
            <span className="error-message" id="shares-kind-error">
              <span className="visually-hidden">Error: </span>
              {kindError}
            </span>
          ) : null}
          {routes.length === 0 ? <p className="muted">The class has no share terms; set them in Membership classes first.</p> : null}
          <div className="radios">
            {routes.map((r, i) => {
              // The first choice carries the field's id, so the error summary's link lands on it (GOV.UK radios).
              const id = i === 0 ? fieldId('shares.kind') : `shares-kind-${r.kind}`;
              return (
                <div className="checkbox" key={r.kind}>
                  <input type="radio" id={id} value={r.kind} {...register('shares.kind')} />
                  <label htmlFor={id}>{r.label}</label>
                </div>
              );
            })}
          </div>
          {route ? <p className="source">{route.source}</p> : null}

          {kind === 'withdrawal' ? (
            <div className="field-row">
              <DateField {...field('shares.noticeDate')} label="Notice given on (optional)" hint="If left empty, the day membership ends." control={control} name="shares.noticeDate" />
              <DateField {...field('shares.paymentDate')} label="Paid on (optional)" control={control} name="shares.paymentDate" />
            </div>
          ) : null}
          {kind === 'redemption' || kind === 'purchase' ? (
            <DateField {...field('shares.paymentDate')} label="Paid on (optional)" control={control} name="shares.paymentDate" />
          ) : null}
          {kind === 'withdrawal' ? (
            <Field {...field('shares.amountRepaidPence')} label="Amount repaid" hint={`In pounds. Their shares are paid up to £${poundsInput(member.amountPaidPence ?? 0)}.`}>
              <input type="text" inputMode="decimal" className="narrow" {...register('shares.amountRepaidPence')} />
            </Field>
          ) : null}
          {kind === 'redemption' || kind === 'purchase' ? (
            <Field {...field('shares.amountPaidPence')} label="Amount paid to the member" hint={`In pounds. Their shares are paid up to £${poundsInput(member.amountPaidPence ?? 0)}.`}>
              <input type="text" inputMode="decimal" className="narrow" {...register('shares.amountPaidPence')} />
            </Field>
          ) : null}
          {kind === 'redemption' || kind === 'purchase' ? (
            <Field {...field('shares.resolutionReference')} label={RESOLUTION_LABEL[kind]!.label} hint={RESOLUTION_LABEL[kind]!.hint}>
              <input type="text" {...register('shares.resolutionReference')} />
            </Field>
          ) : null}
          {kind === 'transfer' ? (
            <Controller
              control={control}
              name="shares.toMemberId"
              render={({ field: f }) => (
                <Field
                  id="shares.toMemberId"
                  error={errorAt(formState.errors, 'shares.toMemberId')}
                  label="Member who receives the shares"
                  hint="Type part of their name or their member number, then choose from the list."
                >
                  <MemberPicker value={f.value} onChange={f.onChange} excludeId={member.id} />
                </Field>
              )}
            />
          ) : null}
          {kind === 'withdrawal' || kind === 'transfer' || kind === 'cancellation' ? (
            <Field {...field('shares.boardReference')} label="Board decision reference (optional)">
              <input type="text" {...register('shares.boardReference')} />
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      <DialogButtons submitLabel="Record the cessation" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
