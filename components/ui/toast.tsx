"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";
export type ToastInput = { title: string; description?: string; tone?: ToastTone };
type Toast = ToastInput & { id: number; tone: ToastTone };

type ToastApi = { toast: (input: ToastInput) => void; dismiss: (id: number) => void };

const ToastContext = createContext<ToastApi | null>(null);

// Errors stay until dismissed: they may hold the only explanation of what went wrong.
// Successes may go: the revalidated page already shows what changed.
const AUTO_DISMISS_MS: Record<ToastTone, number | null> = { success: 6000, info: 6000, error: null };

const regionClasses = "flex w-full flex-col items-center gap-2 sm:w-auto sm:items-end";

const toneStyles: Record<ToastTone, string> = {
  success: "border-green-300 before:bg-green-600",
  error: "border-red-300 before:bg-red-600",
  info: "border-line-strong before:bg-brand-600",
};

/**
 * Holds the toasts and their live regions. Mount once, near the root (app/layout.tsx),
 * so the regions exist before the first toast: screen readers only announce changes to
 * regions that are already on the page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    setToasts((all) => [...all.slice(-4), { ...input, id, tone: input.tone ?? "success" }]);
  }, []);
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:inset-x-auto sm:right-0 sm:items-end">
        <div aria-live="polite" className={regionClasses}>
          {toasts
            .filter((t) => t.tone !== "error")
            .map((t) => (
              <ToastCard key={t.id} toast={t} onDismiss={dismiss} />
            ))}
        </div>
        <div role="alert" className={regionClasses}>
          {toasts
            .filter((t) => t.tone === "error")
            .map((t) => (
              <ToastCard key={t.id} toast={t} onDismiss={dismiss} />
            ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const delay = AUTO_DISMISS_MS[toast.tone];
    if (delay === null) return;
    const timer = setTimeout(() => onDismiss(toast.id), delay);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div
      className={cn(
        "pointer-events-auto relative flex w-full max-w-sm items-start gap-3 overflow-hidden rounded-lg border bg-surface py-3 pr-2 pl-5 shadow-lg",
        "before:absolute before:inset-y-0 before:left-0 before:w-1.5",
        toneStyles[toast.tone],
      )}
    >
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium text-ink">{toast.title}</p>
        {toast.description && <p className="mt-0.5 text-ink-muted">{toast.description}</p>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="rounded p-1 text-ink-muted hover:bg-slate-100 hover:text-ink"
        aria-label="Dismiss notification"
      >
        <span aria-hidden="true" className="block size-4 text-center leading-4">
          ×
        </span>
      </button>
    </div>
  );
}

const missingProvider: ToastApi = {
  toast: (input) => {
    if (process.env.NODE_ENV !== "production")
      console.warn("useToast() outside <ToastProvider>:", input.title);
  },
  dismiss: () => {},
};

/** const { toast } = useToast(); toast({ title: "Order approved" }). */
export function useToast(): ToastApi {
  return useContext(ToastContext) ?? missingProvider;
}

/**
 * Shows a toast once when it mounts: for results a server page already knows, e.g. a
 * `?created=1` left by a redirect after an action.
 */
export function ToastOnMount(props: ToastInput) {
  const { toast } = useToast();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    toast(props);
  });
  return null;
}
