"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { toast as sonner, Toaster } from "sonner";
import { cn } from "./cn";
import { maxVisibleToasts, successToastMs, type ToastTone, toastId, trimErrors } from "./toast-rules";

export type { ToastTone } from "./toast-rules";

export type ToastInput = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** The form (or button) it reports on: its errors replace each other and its next success closes them. */
  key?: string;
  /** A button in the toast, e.g. Retry after a network failure. */
  action?: { label: string; onClick: () => void };
};

let sequence = 0;
let openErrors: string[] = [];

/**
 * Shows a toast. Errors stay until closed (button or Escape), at most three at a time,
 * and close on navigation; successes close themselves unless hovered or focused.
 */
export function showToast(input: ToastInput): string {
  const tone = input.tone ?? "success";
  if (input.key && tone !== "error") dismissToast(toastId("error", input.key, 0));
  const id = toastId(tone, input.key, ++sequence);
  if (tone === "error") {
    const trimmed = trimErrors(openErrors, id);
    openErrors = trimmed.open;
    for (const old of trimmed.close) sonner.dismiss(old);
  }
  sonner.custom(() => <ToastCard id={id} tone={tone} input={input} />, { id, duration: Infinity });
  return id;
}

export function dismissToast(id: string) {
  openErrors = openErrors.filter((open) => open !== id);
  sonner.dismiss(id);
}

/** Errors describe the page they happened on: leaving it leaves them behind. */
export function dismissErrorToasts() {
  for (const id of openErrors) sonner.dismiss(id);
  openErrors = [];
}

const toneStyles: Record<ToastTone, string> = {
  success: "border-green-300 before:bg-green-600",
  error: "border-red-300 before:bg-red-600",
  info: "border-line-strong before:bg-brand-600",
};

function ToastCard({ id, tone, input }: { id: string; tone: ToastTone; input: ToastInput }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  useAutoClose(id, tone === "error" ? null : successToastMs, hovered || focused);
  const close = () => dismissToast(id);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the toast its focus is in; the close button is the pointer way
    <div
      role={tone === "error" ? "alert" : "status"}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
      className={cn(
        "relative flex w-[min(24rem,calc(100vw-2rem))] items-start gap-3 overflow-hidden rounded-lg border bg-surface py-3 pr-2 pl-5 shadow-lg",
        "before:absolute before:inset-y-0 before:left-0 before:w-1.5",
        toneStyles[tone],
      )}
    >
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium text-ink">{input.title}</p>
        {input.description && <p className="mt-0.5 text-ink-muted">{input.description}</p>}
        {input.action && (
          <button
            type="button"
            onClick={() => {
              close();
              input.action?.onClick();
            }}
            className="mt-2 rounded-md border border-line-strong bg-surface px-3 py-1 text-sm font-medium text-ink hover:bg-slate-50"
          >
            {input.action.label}
          </button>
        )}
      </div>
      <button
        type="button"
        onClick={close}
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

/** Closes the toast after `ms` of not being paused (WCAG 2.2.1: reading time is the reader's). */
function useAutoClose(id: string, ms: number | null, paused: boolean) {
  const remaining = useRef(ms ?? 0);
  useEffect(() => {
    if (ms === null || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => dismissToast(id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [id, ms, paused]);
}

function DismissErrorsOnNavigation() {
  const pathname = usePathname();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    dismissErrorToasts();
  }, [pathname]);
  return null;
}

/** Escape closes the newest error toast, unless it is closing a dialog or menu first. */
function CloseErrorOnEscape() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("dialog[open], [role=menu]")) return;
      const newest = openErrors.at(-1);
      if (newest) dismissToast(newest);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}

/**
 * Mount once, near the root (app/layout.tsx). Toasts sit top-center, clear of the
 * actions pages put at the bottom right (a line item's Cancel, a form's Save).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <Toaster
        position="top-center"
        expand
        visibleToasts={maxVisibleToasts}
        offset={16}
        mobileOffset={8}
        containerAriaLabel="Notifications"
        toastOptions={{ unstyled: true }}
      />
      <DismissErrorsOnNavigation />
      <CloseErrorOnEscape />
    </>
  );
}

/** const { toast } = useToast(); toast({ title: "Order approved" }). Same as showToast. */
export function useToast() {
  return { toast: showToast, dismiss: dismissToast };
}

/**
 * Shows a toast once when it mounts: for results a server page already knows, e.g. a
 * `?created=1` left by a redirect after an action.
 */
export function ToastOnMount(props: ToastInput) {
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    showToast(props);
  });
  return null;
}
