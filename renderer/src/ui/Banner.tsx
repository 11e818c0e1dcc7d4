import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

/** A message in the flow of the page. Errors and successes are announced (role alert / status). */
export function Banner({ tone, title, children }: { tone: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined}>
      {title ? <h3>{title}</h3> : null}
      {children}
    </div>
  );
}
