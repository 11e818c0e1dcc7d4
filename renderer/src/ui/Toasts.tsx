import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface Toast {
  id: number;
  text: string;
}

interface ToastState {
  show: (text: string) => void;
  dismiss: (id: number) => void;
  toasts: Toast[];
}

const ToastContext = createContext<ToastState>({ show: () => {}, dismiss: () => {}, toasts: [] });

/** How long a confirmation stays; it can be dismissed sooner, and it never covers a control. */
const SHOWN_FOR_MS = 8000;

/** Holds short confirmations ("Saved"); ToastRegion shows them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (text: string) => {
      const id = Date.now() + Math.random();
      setToasts((t) => [...t.slice(-1), { id, text }]);
      window.setTimeout(() => dismiss(id), SHOWN_FOR_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show, dismiss, toasts }), [show, dismiss, toasts]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

/**
 * Where confirmations appear: a polite live region in the top bar, which has a row of its own
 * above the page, so a message can never cover the buttons a secretary is about to press (a
 * floating toast once sat over Allot and Withdraw). Each can be dismissed.
 */
export function ToastRegion() {
  const { toasts, dismiss } = useContext(ToastContext);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div className="toast" key={t.id}>
          <span className="toast-text">{t.text}</span>
          <button type="button" className="toast-dismiss" onClick={() => dismiss(t.id)}>
            Dismiss<span className="visually-hidden"> message: {t.text}</span>
          </button>
        </div>
      ))}
    </div>
  );
}

export function useToast(): (text: string) => void {
  return useContext(ToastContext).show;
}
