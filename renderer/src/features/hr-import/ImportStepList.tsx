/**
 * The steps of an import (choose the file, match the columns, check the plan, applied), the
 * current one marked for screen readers (aria-current="step") and those done ticked. Shared by
 * the HR import and the contracts import (features/contracts/ImportContractsPage).
 */
export function ImportStepList({ labels, current }: { labels: readonly string[]; current: number }) {
  return (
    <ol className="import-steps" aria-label="Steps">
      {labels.map((label, i) => (
        <li key={label} className={i < current ? 'done' : undefined} aria-current={i === current ? 'step' : undefined}>
          {label}
          {i < current ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}
