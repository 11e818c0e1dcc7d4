import { Progress } from 'radix-ui';
import { percent } from './words';

/**
 * The app's progress bar (same look as ui/ProgressBar) without its live label: the station's
 * turnout is read every 2 seconds, and a live region that changed that often would talk over the
 * secretary. The panel announces turnout itself, at most twice a minute (announce.ts).
 */
export function TurnoutBar({ done, total, label, valueText, className }: { done: number; total: number; label: string; valueText: string; className?: string }) {
  const pct = percent(done, total);
  return (
    <div className={`progress ${className ?? ''}`.trim()}>
      <Progress.Root className="progress-track" value={pct} max={100} aria-label={label} getValueLabel={() => valueText}>
        <Progress.Indicator className="progress-indicator" style={{ width: `${pct}%` }} />
      </Progress.Root>
    </div>
  );
}
