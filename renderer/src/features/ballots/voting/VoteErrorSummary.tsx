import { useEffect, useId, useRef } from 'react';

/**
 * GOV.UK's "There is a problem" box, focused when it appears so keyboard and screen-reader users
 * land on it. The app's ui/ErrorSummary links every message to a field; here a failed cast has no
 * field, so an item without fieldId is plain text. Kept in this folder so the phone voting page
 * needs nothing of the secretary's screens.
 */
export function VoteErrorSummary({ items, focusKey }: { items: { message: string; fieldId?: string }[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // focusKey changes on every refused step, so the summary takes focus each time.
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  return (
    <div className="vote-error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>There is a problem</h2>
      <ul>
        {items.map((item) => (
          <li key={item.message}>
            {item.fieldId ? (
              <a
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(item.fieldId!);
                  el?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
