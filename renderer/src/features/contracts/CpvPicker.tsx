import { useRef, useState, type KeyboardEvent } from 'react';
import { useApiQuery } from '../../api/queries';
import { useDebounced } from '../../lib/useDebounced';

export interface CpvInfo {
  code: string;
  description: string;
  lightTouch: boolean;
  reservable: boolean;
}

/** The marks that matter for the law: light touch services (PA 2023 s9, Sch 1) and those reservable to a mutual (s33). */
export function CpvMarks({ s }: { s: Pick<CpvInfo, 'lightTouch' | 'reservable'> }) {
  return (
    <>
      {s.lightTouch ? <span className="badge badge-info ctr-mark">Light touch</span> : null}
      {s.reservable ? <span className="badge badge-success ctr-mark">Reservable (s33)</span> : null}
    </>
  );
}

/**
 * The contract's service categories, chosen from the CPV 2008 list shipped with the app: type a
 * code or words, then choose from the matches (Tab or the down arrow reaches them, Enter adds).
 * Each chosen code is a chip whose Remove button is reached and pressed by keyboard too; focus
 * moves to the next chip (or back to the search) so it is never lost.
 */
export function CpvPicker(props: { id: string; value: string[]; onChange: (codes: string[]) => void; error?: string | undefined; known: Record<string, CpvInfo>; onLearn: (info: CpvInfo) => void }) {
  const { id, value, onChange, error, known, onLearn } = props;
  const [text, setText] = useState('');
  const settled = useDebounced(text.trim(), 200);
  const results = useApiQuery('contracts.cpvSearch', { text: settled, limit: 12 }, { enabled: settled.length >= 2, placeholderData: (prev) => prev });
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const matches = settled.length >= 2 ? (results.data ?? []) : [];
  // A full code the app does not hold (outside the light touch lists it ships): recorded as typed, checked by the core.
  const fullCode = /^\d{8}-\d$/.test(settled) && results.data !== undefined && matches.length === 0 ? settled : null;
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const statusText =
    settled.length < 2 ? '' : results.isFetching && !results.data ? 'Searching…' : fullCode ? `${fullCode} is not a light touch service code the app holds.` : matches.length === 0 ? `No CPV code matches “${settled}”.` : `${matches.length === 12 ? 'The first 12' : matches.length} ${matches.length === 1 ? 'match' : 'matches'}: Tab or the down arrow to choose.`;

  const add = (info: CpvInfo) => {
    onLearn(info);
    if (!value.includes(info.code)) onChange([...value, info.code]);
    setText('');
    searchRef.current?.focus();
  };
  const remove = (code: string, index: number) => {
    const next = value.filter((c) => c !== code);
    onChange(next);
    // Focus the chip that takes its place, or the one before, or the search box.
    window.requestAnimationFrame(() => {
      const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[Math.min(index, (buttons?.length ?? 0) - 1)];
      (target ?? searchRef.current)?.focus();
    });
  };
  const focusResult = (i: number) => listRef.current?.querySelectorAll<HTMLButtonElement>('button')[i]?.focus();
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter here must not submit the whole contract form.
    if (e.key === 'Enter') {
      e.preventDefault();
      if (matches.length > 0) focusResult(0);
    } else if (e.key === 'ArrowDown' && matches.length > 0) {
      e.preventDefault();
      focusResult(0);
    } else if (e.key === 'Escape' && text !== '') {
      e.preventDefault();
      setText('');
    }
  };
  const onResultKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(Math.min(i + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i === 0) searchRef.current?.focus();
      else focusResult(i - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setText('');
      searchRef.current?.focus();
    }
  };
  return (
    <fieldset className={`field ctr-cpv${error ? ' has-error' : ''}`} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}>
      <legend className="legend-small">Services (CPV codes)</legend>
      <span className="hint" id={hintId}>
        The service categories of the Common Procurement Vocabulary (CPV 2008), as the tender notice gives them. Light touch services and those that can be
        reserved to a public service mutual (Procurement Act 2023 s33) are marked.
      </span>
      {error ? (
        <span className="error-message" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {value.length > 0 ? (
        <ul className="ctr-chips" ref={chipsRef} aria-label="Services chosen">
          {value.map((code, i) => {
            const info = known[code];
            return (
              <li key={code} className="ctr-chip">
                <span className="ctr-chip-code">{code}</span> {info?.description ?? ''}
                {info ? <CpvMarks s={info} /> : null}
                <button type="button" className="ctr-chip-remove" onClick={() => remove(code, i)}>
                  Remove<span className="visually-hidden"> {code} {info?.description ?? ''}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted ctr-chips-none">No services chosen yet.</p>
      )}
      <label htmlFor={id} className="ctr-cpv-label">
        Find a service by code or words
      </label>
      <input
        ref={searchRef}
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onSearchKey}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
        placeholder="For example 853 or social work"
      />
      <p id={`${id}-status`} className="muted ctr-cpv-status" role="status">
        {statusText}
      </p>
      {fullCode ? (
        <p className="ctr-cpv-outside">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => add({ code: fullCode, description: 'A service outside the light touch lists', lightTouch: false, reservable: false })}>
            Add {fullCode} as a service outside the light touch lists
          </button>
          <span className="hint">The app holds the light touch and reserved-contract codes only; check this one against the tender notice.</span>
        </p>
      ) : null}
      {matches.length > 0 ? (
        <ul className="ctr-cpv-results" ref={listRef} aria-label="Matching CPV codes">
          {matches.map((m, i) => {
            const chosen = value.includes(m.code);
            return (
              <li key={m.code}>
                <button type="button" onClick={() => add(m)} onKeyDown={(e) => onResultKey(e, i)} aria-disabled={chosen || undefined} className="ctr-cpv-result">
                  {chosen ? null : <span className="visually-hidden">Add </span>}
                  <span className="ctr-chip-code">{m.code}</span> <span>{m.description}</span>
                  <CpvMarks s={m} />
                  {chosen ? <span className="muted"> (chosen already)</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </fieldset>
  );
}
