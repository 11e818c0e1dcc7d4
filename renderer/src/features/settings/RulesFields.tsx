import type { FieldErrors, UseFormRegister, FieldValues, Path } from 'react-hook-form';
import { defaultRules, RULE_LABEL, VOTING_BASES, VOTING_BASIS_LABEL, type RuleKey } from '../../../../shared/rules/governing-rules';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import { LEGAL_FORM_INFO } from '../../../../shared/domain/legal-form';
import { CheckboxField, Field } from '../../ui/Field';
import { errorAt, fieldId } from '../../ui/form-errors';

const HINTS: Partial<Record<RuleKey, string>> = {
  gmNoticeClearDays: 'Clear days exclude the day notice is given and the day of the meeting.',
  gmQuorum: 'Members (or proxies) who must be present for a general meeting to do business.',
  boardQuorum: 'Directors who must be present. A director with a conflict of interest does not count.',
  specialResolutionPct: 'Share of votes in favour needed to pass a special resolution.',
  writtenResolutionLapseDays: 'Counted from the circulation date.',
  proxyDeadlineHours: 'How long before the meeting a proxy appointment must arrive.',
};

/**
 * The governing-document rules as form fields, each with where its default comes from. Used by
 * first-run set-up (prefix 'rules.') and by Settings (no prefix).
 */
export function RulesFields<T extends FieldValues>(props: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  legalForm: LegalForm | '';
  prefix: '' | 'rules.';
  proxiesAllowed: boolean;
}) {
  const { register, errors, legalForm, prefix } = props;
  const defaults = legalForm ? defaultRules(legalForm) : null;
  const path = (k: RuleKey) => `${prefix}${k}` as Path<T>;
  const source = (k: RuleKey) =>
    defaults ? (
      <>
        Default {describeDefault(k, defaults[k].value)}: {defaults[k].source}.
      </>
    ) : undefined;
  const num = (k: RuleKey, className = 'narrow', step?: string) => (
    <Field id={fieldId(path(k))} label={RULE_LABEL[k]} hint={HINTS[k]} error={errorAt(errors, path(k))} source={source(k)}>
      <input type="number" inputMode="decimal" className={className} step={step} {...register(path(k), { valueAsNumber: true })} />
    </Field>
  );
  const shares = legalForm ? LEGAL_FORM_INFO[legalForm].hasShares : true;
  return (
    <div className="rules-grid">
      {num('gmNoticeClearDays')}
      {num('gmQuorum')}
      {num('boardQuorum')}
      {num('specialResolutionPct', 'narrow', '0.01')}
      {num('writtenResolutionLapseDays')}
      <Field id={fieldId(path('votingBasis'))} label={RULE_LABEL.votingBasis} error={errorAt(errors, path('votingBasis'))} source={source('votingBasis')}>
        <select {...register(path('votingBasis'))}>
          {VOTING_BASES.filter((b) => shares || b === 'one_member_one_vote').map((b) => (
            <option key={b} value={b}>
              {VOTING_BASIS_LABEL[b]}
            </option>
          ))}
        </select>
      </Field>
      <CheckboxField id={fieldId(path('chairCastingVote'))} label={RULE_LABEL.chairCastingVote} error={errorAt(errors, path('chairCastingVote'))} source={source('chairCastingVote')}>
        <input {...register(path('chairCastingVote'))} />
      </CheckboxField>
      <CheckboxField id={fieldId(path('proxiesAllowed'))} label={RULE_LABEL.proxiesAllowed} error={errorAt(errors, path('proxiesAllowed'))} source={source('proxiesAllowed')}>
        <input {...register(path('proxiesAllowed'))} />
      </CheckboxField>
      {props.proxiesAllowed ? num('proxyDeadlineHours') : null}
      <CheckboxField id={fieldId(path('conflictedExcludedFromQuorum'))} label={RULE_LABEL.conflictedExcludedFromQuorum} error={errorAt(errors, path('conflictedExcludedFromQuorum'))} source={source('conflictedExcludedFromQuorum')}>
        <input {...register(path('conflictedExcludedFromQuorum'))} />
      </CheckboxField>
      <CheckboxField id={fieldId(path('boardWrittenResolutions'))} label={RULE_LABEL.boardWrittenResolutions} error={errorAt(errors, path('boardWrittenResolutions'))} source={source('boardWrittenResolutions')}>
        <input {...register(path('boardWrittenResolutions'))} />
      </CheckboxField>
      {num('shortNoticePct')}
    </div>
  );
}

function describeDefault(k: RuleKey, v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (k === 'votingBasis') return VOTING_BASIS_LABEL[v as keyof typeof VOTING_BASIS_LABEL].toLowerCase();
  if (k === 'specialResolutionPct') return `${String(v)}%`;
  return String(v);
}
