import { useState, type FocusEvent, type ReactNode, type Ref } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { dateInputProblem, isDateInputProblem, partsToValue, valueToParts, type DateParts } from '../lib/date-parts';

/**
 * A form's control, whatever its resolver turns the values into: the date field reads and writes
 * the form's own text, never the resolver's output.
 */
export type FormControl<T extends FieldValues> = Control<T, any, any>;

export const DATE_EXAMPLE = 'For example, 27 3 2026';

export interface DateInputProps {
  /** The Day box's id: an error summary's link to this field focuses the Day box. */
  id: string;
  /** The question, shown as the fieldset's legend. */
  label: ReactNode;
  /** The field's name in messages ("Date of birth must include a month"); defaults to a text label less "(optional)". */
  messageLabel?: string;
  /** Said before the example ("For example, 27 3 2026"). */
  hint?: ReactNode;
  error?: string | undefined;
  source?: ReactNode;
  /** 'YYYY-MM-DD', '' for nothing, or a problem from lib/date-parts while the boxes do not make a date. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** For a person's own date of birth, so the browser can offer it. */
  birthday?: boolean;
  dayRef?: Ref<HTMLInputElement>;
}

/**
 * A date as three boxes, Day, Month and Year, in a fieldset whose legend asks the question: the
 * GOV.UK date-input pattern. Unlike <input type="date"> it reads the same in every browser
 * language (day first, as a British secretary writes it) and can say exactly what is missing.
 */
export function DateInput(props: DateInputProps) {
  const { id, label, hint, error, source, value, onChange, onBlur, disabled, birthday, dayRef } = props;
  const messageLabel = props.messageLabel ?? (typeof label === 'string' ? label.replace(/\s*\(optional\)$/, '') : 'The date');
  const [parts, setParts] = useState<DateParts>(() => valueToParts(value));
  const [emitted, setEmitted] = useState(value);
  // A value set from outside (a reset, a default) replaces what the boxes show; our own does not,
  // so "05" stays as typed rather than jumping to "5".
  if (value !== emitted) {
    setEmitted(value);
    setParts(valueToParts(value));
  }
  const change = (part: keyof DateParts, text: string) => {
    const next = { ...parts, [part]: text };
    setParts(next);
    const v = partsToValue(next, messageLabel);
    setEmitted(v);
    onChange(v);
  };
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const sourceId = source ? `${id}-source` : undefined;
  const describedBy = [hintId, errorId, sourceId].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, boxLabel: string, boxId: string, className: string, autoComplete: string | undefined, ref?: Ref<HTMLInputElement>) => (
    <div className="date-input-item">
      <label htmlFor={boxId}>{boxLabel}</label>
      <input
        ref={ref}
        id={boxId}
        type="text"
        inputMode="numeric"
        className={className}
        value={parts[part]}
        onChange={(e) => change(part, e.target.value)}
        onBlur={onBlur}
        disabled={disabled}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        spellCheck={false}
      />
    </div>
  );
  return (
    <div className={`field date-field${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>{label}</legend>
        <span className="hint" id={hintId}>
          {hint ? <>{hint} </> : null}
          {DATE_EXAMPLE}
        </span>
        {error ? (
          <span className="error-message" id={errorId}>
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <div className="date-input">
          {box('day', 'Day', id, 'date-day', birthday ? 'bday-day' : undefined, dayRef)}
          {box('month', 'Month', `${id}-month`, 'date-month', birthday ? 'bday-month' : undefined)}
          {box('year', 'Year', `${id}-year`, 'date-year', birthday ? 'bday-year' : undefined)}
        </div>
        {source ? (
          <span className="source" id={sourceId}>
            {source}
          </span>
        ) : null}
      </fieldset>
    </div>
  );
}

/** DateInput bound to a react-hook-form field; pair the form's resolver with withDateChecks (mappedResolver does). */
export function DateField<T extends FieldValues>(props: Omit<DateInputProps, 'value' | 'onChange' | 'onBlur' | 'dayRef'> & { control: FormControl<T>; name: FieldPath<T> }) {
  const { control, name, ...rest } = props;
  const { field } = useController({ control, name });
  return <DateInput {...rest} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} dayRef={field.ref} disabled={rest.disabled ?? field.disabled} />;
}

/**
 * A date that filters a list as soon as it is a whole date (or empty). What the boxes hold while
 * they do not make a date stays here, and its problem shows once focus leaves the three boxes.
 */
export function DateFilter(props: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | null | undefined }) {
  const { value, onChange } = props;
  const [raw, setRaw] = useState(value);
  const [passedUp, setPassedUp] = useState(value);
  const [left, setLeft] = useState(false);
  if (value !== passedUp) {
    setPassedUp(value);
    setRaw(value);
  }
  const problem = left ? dateInputProblem(raw) : undefined;
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setLeft(true);
  };
  return (
    <div className="date-filter" onBlur={onBlur} onFocus={() => setLeft(false)}>
      <DateInput
        id={props.id}
        label={props.label}
        value={raw}
        error={problem ?? props.error ?? undefined}
        onChange={(v) => {
          setRaw(v);
          if (isDateInputProblem(v)) return;
          setPassedUp(v);
          onChange(v);
        }}
      />
    </div>
  );
}
