import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type ToastTone = "info" | "success" | "warning" | "error";

export interface ToastInput {
  message: string;
  /** A second line, e.g. how a DST change moved the time. */
  detail?: string;
  tone?: ToastTone;
  action?: { label: string; run: () => void; testId?: string };
  /** Milliseconds before it goes away by itself. */
  duration?: number;
}

interface Toast extends ToastInput {
  id: number;
}

interface ToastApi {
  /** Shows a message; returns its id. */
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => 0, dismiss: () => undefined });

/** Shows a short message at the bottom of the window. */
export function useToast() {
  return useContext(ToastContext).show;
}

/** Showing and taking away messages (an undone action's toast goes away). */
export function useToastApi() {
  return useContext(ToastContext);
}

const MAX_VISIBLE = 3;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((current) => [...current, { ...input, id }].slice(-MAX_VISIBLE));
      const duration = input.duration ?? (input.tone === "error" ? 10_000 : input.action ? 8_000 : 5_000);
      setTimeout(() => dismiss(id), duration);
      return id;
    },
    [dismiss],
  );

  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast--${toast.tone ?? "info"}`}
            role={toast.tone === "error" ? "alert" : "status"}
            data-testid="toast"
          >
            <div className="toast__text">
              <p className="toast__message">{toast.message}</p>
              {toast.detail ? <p className="toast__detail">{toast.detail}</p> : null}
            </div>
            {toast.action ? (
              <button
                type="button"
                className="button button--small toast__action"
                data-testid={toast.action.testId}
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
            <button
              type="button"
              className="toast__close"
              aria-label={t("common.dismiss")}
              onClick={() => dismiss(toast.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
