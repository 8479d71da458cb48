export type ToastTone = "success" | "error" | "info";

/** At most this many toasts are on screen: more would cover the page they report on. */
export const maxVisibleToasts = 3;

/** Successes go after this long (paused while hovered or focused); errors stay until closed. */
export const successToastMs = 6000;

/**
 * The id of a toast. A form's error toasts share one id (`key` is the form's), so a
 * second failure replaces the first instead of stacking, and its success can close it.
 */
export function toastId(tone: ToastTone, key: string | undefined, sequence: number): string {
  return tone === "error" && key ? `error:${key}` : `${tone}:${sequence}`;
}

/** The open error toasts after `added` is shown, newest last, and the oldest to close beyond `max`. */
export function trimErrors(open: readonly string[], added: string, max = maxVisibleToasts) {
  const kept = [...open.filter((id) => id !== added), added];
  const excess = Math.max(0, kept.length - max);
  return { open: kept.slice(excess), close: kept.slice(0, excess) };
}
