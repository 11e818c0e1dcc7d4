import { useEffect, useRef } from 'react';

export interface SummaryItem {
  /** The id of the control the message belongs to; the link moves focus there. */
  fieldId: string;
  message: string;
}

/**
 * "There is a problem": listed at the top of a form after a failed submit, focused so keyboard
 * and screen-reader users land on it, each message linking to its field.
 */
export function ErrorSummary({ items, title = 'There is a problem', focusKey }: { items: SummaryItem[]; title?: string; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // focusKey changes on every failed submit, so the summary takes focus each time.
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  const ordered = [...items].sort(byPositionOnPage);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {ordered.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(item.fieldId);
                el?.focus();
                el?.scrollIntoView({ block: 'center' });
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Messages in the order their fields appear, whatever order the validator reported them in. */
function byPositionOnPage(a: SummaryItem, b: SummaryItem): number {
  const ea = document.getElementById(a.fieldId);
  const eb = document.getElementById(b.fieldId);
  if (!ea || !eb) return 0;
  return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
