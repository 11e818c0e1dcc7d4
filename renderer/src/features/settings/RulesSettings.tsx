import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { rulesSchema, type RulesView } from '../../../../shared/contract/organisation';
import { RULE_KEYS, RULE_LABEL, VOTING_BASIS_LABEL, type GoverningRules, type RuleKey } from '../../../../shared/rules/governing-rules';
import type { LegalForm } from '../../../../shared/domain/legal-form';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { Banner } from '../../ui/Banner';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { applyServerErrors, flattenErrors } from '../../ui/form-errors';
import { useToast } from '../../ui/Toasts';
import { RulesFields } from './RulesFields';
import { formatInstant } from '../../lib/dates';

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
  const { register, control, handleSubmit, setError, formState } = useForm<GoverningRules>({
    resolver: zodResolver(rulesSchema) as never,
    defaultValues: view.values,
    shouldFocusError: false,
  });
  const proxiesAllowed = useWatch({ control, name: 'proxiesAllowed' });

  const onValid = async (values: GoverningRules) => {
    setGeneral(null);
    const result = await call('rules.update', values);
    if (result.ok) {
      await queryClient.invalidateQueries();
      toast('Governing rules saved and recorded in the audit log.');
      return;
    }
    setGeneral(applyServerErrors(setError, result.error, RULE_KEYS));
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
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (rule === 'votingBasis') return VOTING_BASIS_LABEL[v as keyof typeof VOTING_BASIS_LABEL] ?? String(v);
  if (rule === 'specialResolutionPct') return `${String(v)}%`;
  return String(v);
}

function RuleHistory() {
  const history = useApiQuery('rules.history', {});
  const setUp = history.data?.find((c) => c.from === null);
  return (
    <section className="card" aria-labelledby="rule-history-h">
      <h2 id="rule-history-h">History of the rules</h2>
      <p className="muted">Read from the audit log.</p>
      {!history.data ? (
        <p role="status">Loading…</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Changes to the governing rules, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Rule</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">By</th>
                <th scope="col" className="num">Event</th>
              </tr>
            </thead>
            <tbody>
              {history.data
                .filter((c) => c.from !== null)
                .map((c) => (
                  <tr key={`${c.seq}-${c.rule}`}>
                    <td className="nowrap">{formatInstant(c.at)}</td>
                    <td>{RULE_LABEL[c.rule as RuleKey]}</td>
                    <td>{describe(c.rule, c.from)}</td>
                    <td>{describe(c.rule, c.to)}</td>
                    <td>{c.actor}</td>
                    <td className="num">#{c.seq}</td>
                  </tr>
                ))}
              {setUp ? (
                <tr>
                  <td className="nowrap">{formatInstant(setUp.at)}</td>
                  <td colSpan={3}>All rules first recorded when the organisation was set up</td>
                  <td>{setUp.actor}</td>
                  <td className="num">#{setUp.seq}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
