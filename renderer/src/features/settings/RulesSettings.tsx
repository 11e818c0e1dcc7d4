import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { rulesSchema, type RulesView } from '../../../../shared/contract/organisation';
import { RULE_KEYS, RULE_LABEL, VOTING_BASIS_LABEL, type RuleKey } from '../../../../shared/rules/governing-rules';
import { CLAUSE_KEYS, CLAUSE_LABEL, PROFIT_BASIS_SHORT, type ClauseKey, type ProfitBasis } from '../../../../shared/rules/governing-clauses';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { RulesFields } from './RulesFields';
import { S33ClauseFields, type RulesFormValues } from './S33ClauseFields';
import { formatInstant } from '../../lib/dates';
import { DataTable } from '../../ui/DataTable';

export function RulesSettings() {
  const rules = useApiQuery('rules.get', {});
  const org = useApiQuery('organisation.get', {});
  if (!rules.data || !org.data) return <p role="status">Loading…</p>;
  return (
    <>
      <RulesForm view={rules.data} legalForm={org.data.legalForm} key={rules.data.updatedAt} />
      <RuleHistory />
    </>
  );
}

function RulesForm({ view, legalForm }: { view: RulesView; legalForm: LegalForm }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<RulesFormValues>({
    resolver: zodResolver(rulesSchema) as never,
    defaultValues: view.values,
    shouldFocusError: false,
  });
  const proxiesAllowed = useWatch({ control, name: 'proxiesAllowed' });

  const onValid = async (values: RulesFormValues) => {
    setGeneral(null);
    const result = await call('rules.update', values);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast('Governing rules saved and recorded in the audit log.');
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, [...RULE_KEYS, ...CLAUSE_KEYS]));
    setAttempt((a) => a + 1);
  };

  return (
    <form onSubmit={handleSubmit(onValid, () => setAttempt((a) => a + 1))} noValidate aria-labelledby="rules-settings-h">
      <h2 id="rules-settings-h">Governing rules</h2>
      <p className="muted">
        As set by your governing document. Last changed {formatInstant(view.updatedAt)}.
      </p>
      <ErrorSummary items={flattenErrors(formState.errors)} focusKey={attempt} />
      {general ? <Banner tone="error" title="Not saved">{general}</Banner> : null}
      <div className="card">
        <RulesFields register={register} errors={formState.errors} legalForm={legalForm} prefix="" proxiesAllowed={proxiesAllowed} />
      </div>
      <S33ClauseFields register={register} control={control} errors={formState.errors} setValue={setValue} legalForm={legalForm} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting || !formState.isDirty}>
          Save rules
        </button>
        {!formState.isDirty ? <span className="muted">No unsaved changes.</span> : null}
      </div>
    </form>
  );
}

function describe(rule: string, v: unknown): string {
  if (v === null) return (CLAUSE_KEYS as readonly string[]).includes(rule) ? 'Not recorded' : '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (rule === 'profitBasis') return PROFIT_BASIS_SHORT[v as ProfitBasis] ?? String(v);
  // A clause in full is in the audit log; the history shows its start.
  if (typeof v === 'string' && (CLAUSE_KEYS as readonly string[]).includes(rule)) return v.length > 200 ? `${v.slice(0, 199)}…` : v;
  if (rule === 'votingBasis') return VOTING_BASIS_LABEL[v as keyof typeof VOTING_BASIS_LABEL] ?? String(v);
  if (rule === 'specialResolutionPct') return `${String(v)}%`;
  return String(v);
}

function ruleLabel(rule: string): string {
  return rule in RULE_LABEL ? RULE_LABEL[rule as RuleKey] : CLAUSE_LABEL[rule as ClauseKey];
}

function RuleHistory() {
  const history = useApiQuery('rules.history', {});
  const setUp = history.data?.find((c) => c.setUp);
  return (
    <section className="card" aria-labelledby="rule-history-h">
      <h2 id="rule-history-h">History of the rules</h2>
      <p className="muted">Read from the audit log.</p>
      {!history.data ? (
        <p role="status">Loading…</p>
      ) : (
        <DataTable
          data={[...history.data.filter((c) => !c.setUp), ...(setUp ? [setUp] : [])]}
          caption="Changes to the governing rules, newest first"
          rowKey={(c) => `${c.seq}-${c.rule}`}
          columns={[
            { id: 'at', header: 'When', meta: { nowrap: true }, cell: ({ row: { original: c } }) => formatInstant(c.at) },
            {
              id: 'rule',
              header: 'Rule',
              // The set-up event records every rule at once; it reads as one line, not a change from nothing.
              cell: ({ row: { original: c } }) => (c.setUp ? 'All rules first recorded when the organisation was set up' : ruleLabel(c.rule)),
            },
            { id: 'from', header: 'From', cell: ({ row: { original: c } }) => (c.setUp ? '' : describe(c.rule, c.from)) },
            { id: 'to', header: 'To', cell: ({ row: { original: c } }) => (c.setUp ? '' : describe(c.rule, c.to)) },
            { id: 'actor', header: 'By', cell: ({ row: { original: c } }) => c.actor },
            { id: 'seq', header: 'Event', meta: { numeric: true }, cell: ({ row: { original: c } }) => `#${c.seq}` },
          ]}
        />
      )}
    </section>
  );
}
