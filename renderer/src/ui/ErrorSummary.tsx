import { useEffect, useRef, type RefObject } from 'react';

export interface SummaryItem {
  /** The id of the control the message belongs to; the link moves focus there. */
  fieldId: string;
  message: string;
}

/**
 * "There is a problem": listed at the top of a form after a failed submit, focused so keyboard
 * and screen-reader users land on it, each message linking to its field.
 *
 * `focusKey` is the form's count of failed submits. The summary takes focus once for each new
 * value, and at no other time: a form that re-validates as the person types (react-hook-form
 * does after a failed submit) adds and removes messages here, and focus stays in the field they
 * are typing in (GOV.UK's error summary; WCAG 2.2 3.2.2 On Input).
 */
export function ErrorSummary({ items, title = 'There is a problem', focusKey }: { items: SummaryItem[]; title?: string; focusKey: number }) {
  const ref = useFocusOnFailedSubmit(focusKey, items.length > 0);
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

/**
 * Focus for the summary once per failed submit. A new focusKey asks for focus; the summary takes
 * it as soon as it has messages to show, which may be a render later (a check that waits for the
 * core sets its messages after the count). The request lapses when the person next presses a key,
 * clicks or types, so messages that appear later, from re-validation as they correct a field,
 * never pull focus away from it.
 */
function useFocusOnFailedSubmit(focusKey: number, shown: boolean): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const wanted = useRef(false);
  useEffect(() => {
    wanted.current = true;
    const lapse = () => {
      wanted.current = false;
    };
    const events = ['keydown', 'pointerdown', 'input'] as const;
    for (const e of events) document.addEventListener(e, lapse, true);
    return () => {
      for (const e of events) document.removeEventListener(e, lapse, true);
    };
  }, [focusKey]);
  useEffect(() => {
    if (!shown || !wanted.current) return;
    wanted.current = false;
    ref.current?.focus();
  }, [focusKey, shown]);
  return ref;
}
