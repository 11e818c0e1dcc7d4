import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's heading. It takes focus when the page opens so that keyboard and screen-reader
 * users start at the top of the new page, as they would after a full page load.
 */
export function PageHeader({ title, lede, actions }: { title: string; lede?: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    document.title = `${title} – Mutual Governance`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {lede ? <p className="lede">{lede}</p> : null}
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </div>
  );
}
