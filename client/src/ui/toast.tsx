import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { usePath } from './router';

/** A button in the toast ("Undo"); the toast stays longer so there is time to reach it. */
export interface ToastAction {
  label: string;
  run(): void;
}
type Show = (text: string, action?: ToastAction) => void;
const ToastContext = createContext<Show>(() => {});

const PLAIN_MS = 3500;
const WITH_ACTION_MS = 8000;
const NAV_GRACE_MS = 1000;

/** Small confirmations ("Win saved") in a polite live region, gone after a few seconds; never blocking. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ text: string; key: number; action?: ToastAction } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const show = useCallback<Show>((text, action) => {
    clearTimeout(timer.current);
    setToast(action ? { text, key: Date.now(), action } : { text, key: Date.now() });
    timer.current = setTimeout(() => setToast(null), action ? WITH_ACTION_MS : PLAIN_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A toast belongs to the screen it was shown on: it ends when the person moves on. One shown by the action that
  // navigated ("Saved", then back to the list) lives through that navigation (it is under a second old).
  const path = usePath();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, which `path` stands for.
  useEffect(() => {
    setToast((t) => (t && Date.now() - t.key > NAV_GRACE_MS ? null : t));
  }, [path]);
  const act = (a: ToastAction) => {
    clearTimeout(timer.current);
    setToast(null);
    a.run();
  };
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" aria-live="polite" aria-atomic="true">
        {toast && (
          <div className={toast.action ? 'toast toast-with-action' : 'toast'} key={toast.key}>
            <span>{toast.text}</span>
            {toast.action && (
              <button type="button" className="toast-action" onClick={() => toast.action && act(toast.action)}>
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = (): Show => useContext(ToastContext);
