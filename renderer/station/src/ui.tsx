// The page's few building blocks, in GOV.UK's patterns: a heading that takes focus when its page
// opens (so a screen reader says where the voter is), the "There is a problem" summary with links to
// the fields, and a text field with its hint and error.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { say, type Text } from './message';

/** The page's h1. It takes focus when the page opens, unless an error summary shown with the page has it. */
export function PageHeading({ children, className = 'vote-heading' }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.closest('.vote-error-summary')) return;
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 className={className} tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/** The window's title follows the page: "Enter your voting code – Voting station". */
export function useTitle(text: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = `${text} – ${app}`;
  }, [text, app]);
}

export interface SummaryItem {
  text: Text;
  /** The field the message is about: the summary links to it. */
  fieldId?: string;
}

/**
 * GOV.UK's error summary: focused when it appears (and again on each refused submit, `focusKey`),
 * each message a link that moves focus to its field.
 */
export function ErrorSummary({ items, focusKey }: { items: readonly SummaryItem[]; focusKey: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // focusKey changes on every refused submit, so the summary takes focus each time.
  }, [focusKey, items.length]);
  if (items.length === 0) return null;
  return (
    <div className="vote-error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>{t('common.problemTitle')}</h2>
      <ul>
        {items.map((item, i) => {
          const words = say(t, item.text);
          return (
            <li key={i}>
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
                  {words}
                </a>
              ) : (
                words
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The red message above a field, with "Error:" for screen readers. */
export function FieldError({ id, text }: { id: string; text: Text | null }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <p className="vote-error-message" id={id}>
      <span className="visually-hidden">{t('common.errorPrefix')} </span>
      {say(t, text)}
    </p>
  );
}

/** A voting code field: large, paste-friendly, offered the code from a text message, never corrected or capitalised by the keyboard's guesses. */
export function CodeField(props: {
  id: string;
  label: ReactNode;
  hint: string;
  value: string;
  onChange(value: string): void;
  error: Text | null;
  /** The label as the page's heading (GOV.UK: a question page whose one question is the field). */
  labelIsHeading?: boolean;
}) {
  const { id, label, hint, value, onChange, error, labelIsHeading } = props;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`station-field${error ? ' has-error' : ''}`}>
      {labelIsHeading ? (
        <PageHeading className="vote-heading station-label-heading">
          <label htmlFor={id}>{label}</label>
        </PageHeading>
      ) : (
        <label className="station-label" htmlFor={id}>
          {label}
        </label>
      )}
      <p className="vote-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} text={error} />
      <input
        id={id}
        name="code"
        type="text"
        className="station-input station-code-input"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
