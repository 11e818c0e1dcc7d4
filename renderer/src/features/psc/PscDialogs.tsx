import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { legalDate } from '../../../../shared/contract/fields';
import { PSC_NATURES, PSC_NATURE_LABEL, PSC_STATEMENTS, PSC_STATEMENT_TEXT, pscInputSchema, type Psc, type PscNature, type PscStatement } from '../../../../shared/contract/psc';
import { PSC_NATURE_INFO, type PscCapacity } from '../../../../shared/rules/psc';
import { call } from '../../api/client';
import { CheckboxField, Field } from '../../ui/Field';
import { errorAt } from '../../ui/form-errors';
import { DialogButtons, FormDialog } from '../../ui/FormDialog';
import { FormProblems, useSubmitOutcome } from '../../ui/form-outcome';
import { AddressFields } from '../../ui/AddressFields';
import { formatLegalDate, todayUk } from '../../lib/dates';
import { DateField } from '../../ui/DateInput';
import { withDateChecks } from '../../lib/mapped-resolver';

/** The PSC record's forms, each in its own dialog. */

interface PscValues {
  kind: string;
  name: string;
  serviceAddress: { line1: string; line2: string; town: string; postcode: string; country: string };
  dateOfBirth: string;
  nationality: string;
  countryOfResidence: string;
  legalForm: string;
  governingLaw: string;
  registrationNumber: string;
  natures: string[];
  becameRegistrableOn: string;
  confirmedOn: string;
}

/** A starting point for the form: the trustee of an employee ownership trust, entered in one step. */
export type PscPrefill = Partial<Pick<PscValues, 'kind' | 'name' | 'legalForm' | 'governingLaw' | 'natures'>>;

/**
 * The trustee of an employee ownership trust holds more than half the shares and votes (TCGA 1992
 * s236M) as trustee: a relevant legal entity with shares and votes held through the trust
 * (CA 2006 Sch 1A para 6). The bands are a starting point; the secretary changes them if the
 * trust holds 75% or more.
 */
export const EOT_TRUSTEE_PREFILL: PscPrefill = {
  kind: 'legal_entity',
  legalForm: 'Private company limited by shares (trustee of an employee ownership trust)',
  governingLaw: 'England and Wales',
  natures: ['shares_50_to_75_as_trust', 'votes_50_to_75_as_trust'],
};

const CAPACITY_LEGEND: Record<PscCapacity, string> = {
  direct: 'Held directly (or through companies they control)',
  trust: 'Through a trust whose trustees hold it (the person controls the trust)',
  firm: 'Through a firm that is not a legal person, whose members hold it (the person controls the firm)',
};

const PSC_PATHS = [
  'kind', 'name', 'dateOfBirth', 'nationality', 'countryOfResidence', 'legalForm', 'governingLaw', 'registrationNumber', 'natures', 'becameRegistrableOn', 'confirmedOn',
  ...['line1', 'line2', 'town', 'postcode', 'country'].map((k) => `serviceAddress.${k}`),
];

/** Fields that do not belong to the chosen kind are left out, whatever they still hold. */
function toPscInput(v: PscValues): z.input<typeof pscInputSchema> {
  const individual = v.kind === 'individual';
  return {
    kind: (v.kind || undefined) as Psc['kind'],
    name: v.name,
    serviceAddress: v.serviceAddress,
    ...(individual ? { dateOfBirth: v.dateOfBirth, nationality: v.nationality, countryOfResidence: v.countryOfResidence } : {}),
    ...(v.kind === 'legal_entity' ? { legalForm: v.legalForm, governingLaw: v.governingLaw, registrationNumber: v.registrationNumber } : {}),
    natures: v.natures as PscNature[],
    becameRegistrableOn: v.becameRegistrableOn,
    confirmedOn: v.confirmedOn,
  };
}

/** The contract's schema, plus the particulars s790K requires of each kind of entry (the core checks them too). */
const pscFormSchema = z
  .custom<PscValues>()
  .transform((v) => toPscInput(v))
  .pipe(
    pscInputSchema.check((ctx) => {
      const v = ctx.value;
      const need = (field: 'nationality' | 'countryOfResidence' | 'legalForm' | 'governingLaw', what: string) => {
        if (!v[field]) ctx.issues.push({ code: 'custom', path: [field], message: `Enter ${what} (CA 2006 s790K).`, input: v[field] });
      };
      if (v.kind === 'individual') {
        need('nationality', 'the nationality');
        need('countryOfResidence', 'the country of usual residence');
      } else {
        need('legalForm', 'the legal form of the entity');
        need('governingLaw', 'the law that governs the entity');
      }
    }),
  );

export function AddPscDialog({ open, onClose, hasShares, prefill }: { open: boolean; onClose: () => void; hasShares: boolean; prefill?: PscPrefill | undefined }) {
  const trustee = prefill === EOT_TRUSTEE_PREFILL;
  return (
    <FormDialog
      open={open}
      title={trustee ? 'Enter the trust’s trustee' : 'Add a person with significant control'}
      wide
      onClose={onClose}
      description={
        trustee
          ? 'The trustee of the employee ownership trust holds more than half the shares and votes (TCGA 1992 s236M), so it is a registrable relevant legal entity (CA 2006 s790C). Enter the trustee company; if the trustees are individuals, enter each of them instead.'
          : 'Someone who holds more than 25% of the shares or voting rights, can appoint or remove a majority of the board, or otherwise has significant influence or control (CA 2006 Sch 1A).'
      }
    >
      <AddPscForm onClose={onClose} hasShares={hasShares} prefill={prefill} />
    </FormDialog>
  );
}

function AddPscForm({ onClose, hasShares, prefill }: { onClose: () => void; hasShares: boolean; prefill?: PscPrefill | undefined }) {
  const { register, control, handleSubmit, setError, formState } = useForm<PscValues>({
    resolver: withDateChecks(zodResolver(pscFormSchema, undefined, { raw: true }) as never) as never,
    defaultValues: {
      kind: 'individual',
      name: '',
      serviceAddress: { line1: '', line2: '', town: '', postcode: '', country: '' },
      dateOfBirth: '',
      nationality: '',
      countryOfResidence: '',
      legalForm: '',
      governingLaw: '',
      registrationNumber: '',
      natures: [],
      becameRegistrableOn: '',
      confirmedOn: todayUk(),
      ...prefill,
    },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, PSC_PATHS);
  const kind = useWatch({ control, name: 'kind' });
  const err = (p: string) => errorAt(formState.errors, p);
  const natures = PSC_NATURES.filter((n) => hasShares || !n.startsWith('shares_'));
  const openCapacities = new Set((prefill?.natures ?? []).map((n) => PSC_NATURE_INFO[n as PscNature].capacity));
  const onValid = async (v: PscValues) => {
    outcome.clear();
    const result = await call('psc.add', toPscInput(v));
    await outcome.settle(result, (p) => `${p.name} entered in the PSC record. Notify Companies House within 14 days: see Companies House filings.`, onClose);
  };
  const naturesError = err('natures');
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Add a person with significant control">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not entered" />
      <fieldset className={`field${err('kind') ? ' has-error' : ''}`}>
        <legend className="legend-small">Who has control</legend>
        <div className="psc-choice">
          <div className="checkbox">
            <input id="kind" type="radio" value="individual" {...register('kind')} />
            <label htmlFor="kind">An individual</label>
          </div>
          <div className="checkbox">
            <input id="kind-entity" type="radio" value="legal_entity" {...register('kind')} />
            <label htmlFor="kind-entity">A legal entity (a relevant legal entity, such as a parent company or an ownership trust’s corporate trustee)</label>
          </div>
        </div>
      </fieldset>
      <Field id="name" label={kind === 'legal_entity' ? 'Name of the entity' : 'Full name'} error={err('name')}>
        <input type="text" autoComplete="off" {...register('name')} />
      </Field>
      {kind === 'individual' ? (
        <>
          <DateField id="dateOfBirth" label="Date of birth" hint="Only the month and year appear on the public register." error={err('dateOfBirth')} control={control} name="dateOfBirth" />
          <div className="field-row">
            <Field id="nationality" label="Nationality" error={err('nationality')}>
              <input type="text" {...register('nationality')} />
            </Field>
            <Field id="countryOfResidence" label="Country of usual residence" error={err('countryOfResidence')}>
              <input type="text" {...register('countryOfResidence')} />
            </Field>
          </div>
        </>
      ) : (
        <>
          <div className="field-row">
            <Field id="legalForm" label="Legal form" hint="For example: private company limited by shares." error={err('legalForm')}>
              <input type="text" {...register('legalForm')} />
            </Field>
            <Field id="governingLaw" label="Governing law" hint="For example: England and Wales." error={err('governingLaw')}>
              <input type="text" {...register('governingLaw')} />
            </Field>
          </div>
          <Field id="registrationNumber" label="Registration number (if any)" error={err('registrationNumber')}>
            <input type="text" className="narrow" {...register('registrationNumber')} />
          </Field>
        </>
      )}
      <fieldset className="psc-address">
        <legend className="legend-small">{kind === 'legal_entity' ? 'Registered or principal office' : 'Service address'}</legend>
        <AddressFields register={register} errors={formState.errors} prefix="serviceAddress" autoCompleteSection="psc" />
      </fieldset>
      <fieldset className={`field${naturesError ? ' has-error' : ''}`} aria-describedby={naturesError ? 'natures-error' : undefined}>
        <legend className="legend-small">Nature of control</legend>
        <span className="hint">Choose every condition they meet; at most one band each for shares and for voting rights in each way of holding them (CA 2006 Sch 1A).</span>
        {naturesError ? (
          <span className="error-message" id="natures-error">
            <span className="visually-hidden">Error: </span>
            {naturesError}
          </span>
        ) : null}
        {(['direct', 'trust', 'firm'] as const).map((capacity) => {
          const group = (
            <fieldset key={capacity} className="psc-natures">
              <legend className="legend-small">{CAPACITY_LEGEND[capacity]}</legend>
              {natures
                .filter((n) => PSC_NATURE_INFO[n].capacity === capacity)
                .map((n) => (
                  <CheckboxField key={n} id={n === natures[0] ? 'natures' : `natures-${n}`} label={PSC_NATURE_LABEL[n]}>
                    <input type="checkbox" value={n} {...register('natures')} />
                  </CheckboxField>
                ))}
            </fieldset>
          );
          // Control through a trust or a firm (Sch 1A para 6) is rarer: shown on request, or open when the form starts with one.
          if (capacity === 'direct') return group;
          return (
            <details key={capacity} className="psc-natures-more" open={openCapacities.has(capacity)}>
              <summary>{capacity === 'trust' ? 'Control through a trust' : 'Control through a firm'}</summary>
              {group}
            </details>
          );
        })}
        {!hasShares ? <p className="hint">Share bands are not shown: the company has no shares.</p> : null}
      </fieldset>
      <DateField
        id="becameRegistrableOn"
        label="Date they became registrable"
        hint="For control held before 6 April 2016, when the PSC regime began, enter 6 April 2016."
        error={err('becameRegistrableOn')} control={control} name="becameRegistrableOn" />
      <DateField
        id="confirmedOn"
        label="Date the company had confirmation of their status and particulars"
        hint="Companies House must be told within 14 days beginning with this day (CA 2006 s790LA); usually today."
        error={err('confirmedOn')}
        control={control}
        name="confirmedOn"
      />
      <DialogButtons submitLabel="Enter in the PSC record" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const ceaseSchema = z.object({ ceasedOn: legalDate('the date they ceased to be registrable'), confirmedOn: legalDate('the date the company had confirmation') });
type CeaseValues = { ceasedOn: string; confirmedOn: string };

export function CeasePscDialog({ psc, onClose }: { psc: Psc | null; onClose: () => void }) {
  return (
    <FormDialog
      open={psc !== null}
      title="Record that control ended"
      onClose={onClose}
      description={psc ? `${psc.name}, registrable from ${formatLegalDate(psc.becameRegistrableOn)}. The entry stays in the PSC record with the date it ended.` : undefined}
    >
      {psc ? <CeaseForm psc={psc} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function CeaseForm({ psc, onClose }: { psc: Psc; onClose: () => void }) {
  const { control, handleSubmit, setError, formState } = useForm<CeaseValues>({
    resolver: withDateChecks(zodResolver(ceaseSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { ceasedOn: todayUk(), confirmedOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['ceasedOn', 'confirmedOn']);
  const onValid = async (v: CeaseValues) => {
    outcome.clear();
    await outcome.settle(await call('psc.cease', { id: psc.id, ceasedOn: v.ceasedOn, confirmedOn: v.confirmedOn }), () => `${psc.name} recorded as no longer registrable.`, onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record that control ended">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <DateField id="ceasedOn" label="Date they ceased to be registrable" error={errorAt(formState.errors, 'ceasedOn')} control={control} name="ceasedOn" />
      <DateField
        id="confirmedOn"
        label="Date the company had confirmation of it"
        hint="Companies House must be told (form PSC07) within 14 days beginning with this day; usually today."
        error={errorAt(formState.errors, 'confirmedOn')}
        control={control}
        name="confirmedOn"
      />
      <DialogButtons submitLabel="Record the end of control" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const statementSchema = z.object({ statement: z.enum(PSC_STATEMENTS, { error: 'Choose a statement.' }), madeOn: legalDate('the date of the statement') });

export type StatementAvailability = { statement: PscStatement; available: boolean; reason: string | null };

/** The statements open to the company, with its date; one that is not (an EOT-owned company's "no registrable person") says why. */
export function StatementDialog({ open, onClose, availability }: { open: boolean; onClose: () => void; availability: StatementAvailability[] }) {
  return (
    <FormDialog
      open={open}
      title="Record a statement"
      wide
      onClose={onClose}
      description="The PSC record carries a statement, and Companies House is given it (form PSC08), when the company has no registrable person or has not yet found or identified them."
    >
      <StatementForm onClose={onClose} availability={availability} />
    </FormDialog>
  );
}

function StatementForm({ onClose, availability }: { onClose: () => void; availability: StatementAvailability[] }) {
  const offered = PSC_STATEMENTS.filter((st) => availability.find((a) => a.statement === st)?.available ?? true);
  const withheld = availability.filter((a) => !a.available);
  const { register, control, handleSubmit, setError, formState } = useForm<{ statement: string; madeOn: string }>({
    resolver: withDateChecks(zodResolver(statementSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { statement: '', madeOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['statement', 'madeOn']);
  const err = (p: string) => errorAt(formState.errors, p);
  const onValid = async (v: { statement: string; madeOn: string }) => {
    outcome.clear();
    await outcome.settle(await call('psc.addStatement', { statement: v.statement as PscStatement, madeOn: v.madeOn }), () => 'Statement recorded.', onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Record a statement">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not recorded" />
      <fieldset className={`field${err('statement') ? ' has-error' : ''}`} aria-describedby={err('statement') ? 'statement-error' : undefined}>
        <legend className="legend-small">Statement</legend>
        {err('statement') ? (
          <span className="error-message" id="statement-error">
            <span className="visually-hidden">Error: </span>
            {err('statement')}
          </span>
        ) : null}
        <div className="psc-choice">
          {offered.map((s, i) => (
            <div className="checkbox" key={s}>
              <input id={i === 0 ? 'statement' : `statement-${s}`} type="radio" value={s} {...register('statement')} />
              <label htmlFor={i === 0 ? 'statement' : `statement-${s}`}>{PSC_STATEMENT_TEXT[s]}</label>
            </div>
          ))}
        </div>
        {withheld.map((w) => (
          <p key={w.statement} className="hint psc-withheld">
            Not offered: “{PSC_STATEMENT_TEXT[w.statement]}” {w.reason}
          </p>
        ))}
      </fieldset>
      <DateField id="madeOn" label="Date of the statement" error={err('madeOn')} control={control} name="madeOn" />
      <DialogButtons submitLabel="Record statement" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}

const withdrawSchema = z.object({ withdrawnOn: legalDate('the date it was withdrawn') });

export function WithdrawStatementDialog({ statement, onClose }: { statement: { id: string; text: string; madeOn: string } | null; onClose: () => void }) {
  return (
    <FormDialog
      open={statement !== null}
      title="Withdraw a statement"
      onClose={onClose}
      description={statement ? `“${statement.text}” Made ${formatLegalDate(statement.madeOn)}; it stays on record with the date it was withdrawn.` : undefined}
    >
      {statement ? <WithdrawForm id={statement.id} onClose={onClose} /> : null}
    </FormDialog>
  );
}

function WithdrawForm({ id, onClose }: { id: string; onClose: () => void }) {
  const { control, handleSubmit, setError, formState } = useForm<{ withdrawnOn: string }>({
    resolver: withDateChecks(zodResolver(withdrawSchema, undefined, { raw: true }) as never) as never,
    defaultValues: { withdrawnOn: todayUk() },
    shouldFocusError: false,
  });
  const outcome = useSubmitOutcome(setError, ['withdrawnOn']);
  const onValid = async (v: { withdrawnOn: string }) => {
    outcome.clear();
    await outcome.settle(await call('psc.withdrawStatement', { id, withdrawnOn: v.withdrawnOn }), () => 'Statement withdrawn.', onClose);
  };
  return (
    <form onSubmit={handleSubmit(onValid, outcome.failed)} noValidate aria-label="Withdraw a statement">
      <FormProblems errors={formState.errors} attempt={outcome.attempt} general={outcome.general} title="Not withdrawn" />
      <DateField id="withdrawnOn" label="Date it was withdrawn" error={errorAt(formState.errors, 'withdrawnOn')} control={control} name="withdrawnOn" />
      <DialogButtons submitLabel="Withdraw statement" busy={formState.isSubmitting} onCancel={onClose} />
    </form>
  );
}
