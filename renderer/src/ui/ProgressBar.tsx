import { Progress } from 'radix-ui';

/** A determinate progress bar with its label spoken and shown. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="progress">
      <Progress.Root className="progress-track" value={pct} max={100} aria-label={label}>
        <Progress.Indicator className="progress-indicator" style={{ width: `${pct}%` }} />
      </Progress.Root>
      <div className="progress-label" aria-live="polite">
        {label} – {pct}%
      </div>
    </div>
  );
}
