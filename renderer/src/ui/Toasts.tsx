import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface Toast {
  id: number;
  text: string;
}

interface ToastList {
  dismiss: (id: number) => void;
  toasts: Toast[];
}

// Two contexts: forms that only show a message hold the stable `show` and never re-render when
// the list of messages changes; only the region reads the list.
const ShowContext = createContext<(text: string) => void>(() => {});
const ListContext = createContext<ToastList>({ dismiss: () => {}, toasts: [] });

/** How long a confirmation stays; it can be dismissed sooner, and it never covers a control. */
const SHOWN_FOR_MS = 8000;

/** Holds short confirmations ("Saved"); ToastRegion shows them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (text: string) => {
      const id = Date.now() + Math.random();
      // One at a time, so the top bar never grows and moves the page under the pointer.
      setToasts([{ id, text }]);
      window.setTimeout(() => dismiss(id), SHOWN_FOR_MS);
    },
    [dismiss],
  );
  const list = useMemo(() => ({ dismiss, toasts }), [dismiss, toasts]);
  return (
    <ShowContext.Provider value={show}>
      <ListContext.Provider value={list}>{children}</ListContext.Provider>
    </ShowContext.Provider>
  );
}

/**
 * Where confirmations appear: a polite live region in the top bar, which has a row of its own
 * above the page, so a message can never cover the buttons a secretary is about to press (a
 * floating toast once sat over Allot and Withdraw). Each can be dismissed.
 */
export function ToastRegion() {
  const { toasts, dismiss } = useContext(ListContext);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div className="toast" key={t.id}>
          <span className="toast-text" title={t.text}>
            {t.text}
          </span>
          <button type="button" className="toast-dismiss" onClick={() => dismiss(t.id)}>
            Dismiss<span className="visually-hidden"> message</span>
          </button>
        </div>
      ))}
    </div>
  );
}

export function useToast(): (text: string) => void {
  return useContext(ShowContext);
}
