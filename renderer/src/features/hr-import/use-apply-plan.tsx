import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../../shared/contract/jobs';
import { call } from '../../api/client';
import { followJob, isAbort, useLeaveSignal } from './follow-job';

/** Why an apply (or a fresh check) did not happen: the core's code and its message. */
export type PlanProblem = { code: string; message: string };

/**
 * The last step of an import (the HR export, a contracts spreadsheet): after the confirmation, the
 * plan is applied in a job with progress; the outcome is kept and focused, every query is refreshed,
 * and a failure says why. The screens differ in their words and what they show, so they share this.
 */
export function useApplyPlan<R>(options: {
  method: 'hrImport.apply' | 'contractImport.apply';
  planId: string;
  parse: (result: unknown) => R;
  onApplied: (result: R) => void;
}) {
  const { method, planId, parse, onApplied } = options;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [applying, setApplying] = useState<JobStatus | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<PlanProblem | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const leaveSignal = useLeaveSignal();
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const apply = async () => {
    setConfirming(false);
    setProblem(null);
    setStarting(true);
    const signal = leaveSignal();
    try {
      const started = await call(method, { planId });
      if (!started.ok) {
        setProblem(started.error);
        return;
      }
      const end = await followJob(started.value.jobId, setApplying, signal);
      setApplying(null);
      if (end.state === 'succeeded') {
        const r = parse(end.result);
        setResult(r);
        onApplied(r);
        void queryClient.invalidateQueries();
      } else setProblem({ code: end.error?.code ?? 'INTERNAL', message: end.error?.message ?? 'The import was not applied.' });
    } catch (e) {
      if (isAbort(e)) return;
      setApplying(null);
      setProblem({ code: 'INTERNAL', message: (e as Error).message });
    } finally {
      setStarting(false);
    }
  };

  return { confirming, setConfirming, applying, starting, setStarting, problem, setProblem, result, resultRef, apply, leaveSignal };
}

/** One count of a plan's summary (the list labelled Summary): the number, what it counts, a note. */
export function PlanCard({ kind, count, what, note }: { kind: string; count: number; what: string; note: string }) {
  return (
    <li className={`plan-card ${kind}${count > 0 ? ' some' : ''}`}>
      <span className="count">{count.toLocaleString('en-GB')}</span>
      <span className="what">{what}</span>
      <span className="note">{note}</span>
    </li>
  );
}
