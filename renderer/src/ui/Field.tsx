import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled form field: label, optional hint, the error (above the control, as GOV.UK does,
 * so a screen reader hears it before the value), the control, and an optional source note.
 * The control is cloned with id, aria-invalid and aria-describedby wired up.
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  source?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { id, label, hint, error, source, children } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const sourceId = source ? `${id}-source` : undefined;
  const describedBy = [errorId, hintId, sourceId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })
    : children;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {control}
      {source ? (
        <span className="source" id={sourceId}>
          {source}
        </span>
      ) : null}
    </div>
  );
}

/** A checkbox with its label beside it, and the same error and source wiring as Field. */
export function CheckboxField(props: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  source?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { id, label, error, source, children } = props;
  const errorId = error ? `${id}-error` : undefined;
  const sourceId = source ? `${id}-source` : undefined;
  const describedBy = [errorId, sourceId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      {error ? (
        <span className="error-message" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      <div className="checkbox">
        {cloneElement(children, { id, type: 'checkbox', 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
        <label htmlFor={id}>{label}</label>
      </div>
      {source ? (
        <span className="source" id={sourceId}>
          {source}
        </span>
      ) : null}
    </div>
  );
}
