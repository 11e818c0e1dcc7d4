import { useCallback, useEffect, useRef, useState } from 'react';

/** Where an import is: choosing the file, matching its columns, or checking (then applying) the plan. */
export type ImportStage<A, S, P> =
  | { step: 'file' }
  | { step: 'map'; analysis: A; settings: S }
  | { step: 'plan'; analysis: A; settings: S; plan: P; applied: boolean };

/**
 * The steps of an import (the HR export, a contracts spreadsheet): the file read leads to the
 * matching with its first settings, a plan to its review, applying marks the last step done, and
 * starting again goes back to the file. Each step's heading (headingRef) takes focus when the step
 * changes, as a new page's would, but not on first showing. `current` is the step list's index.
 */
export function useImportStages<A, S, P>(initialSettings: (analysis: A) => S) {
  const [stage, setStage] = useState<ImportStage<A, S, P>>({ step: 'file' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    headingRef.current?.focus();
  }, [stage.step]);

  const onRead = useCallback((analysis: A) => setStage({ step: 'map', analysis, settings: initialSettings(analysis) }), [initialSettings]);
  const onPlanned = useCallback((plan: P, settings: S) => {
    setStage((s) => (s.step === 'file' ? s : { step: 'plan', analysis: s.analysis, settings, plan, applied: false }));
  }, []);
  const onApplied = useCallback(() => setStage((s) => (s.step === 'plan' ? { ...s, applied: true } : s)), []);
  const startAgain = useCallback(() => setStage({ step: 'file' }), []);

  const current = stage.step === 'plan' && stage.applied ? 3 : stage.step === 'plan' ? 2 : stage.step === 'map' ? 1 : 0;
  return { stage, setStage, headingRef, onRead, onPlanned, onApplied, startAgain, current };
}
