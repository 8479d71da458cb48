import type { ActionState } from "@/lib/http/result";
import type { ToastInput } from "./toast";

/**
 * The toast for an action's result: its own message if it has one, else `fallback`.
 * None for a network failure: callAction has already shown it, with Retry.
 */
export function actionResultToast(result: ActionState, fallback = "Done."): ToastInput | null {
  if (!result) return null;
  if (result.ok) return { tone: "success", title: result.message ?? fallback };
  if (result.code === "network") return null;
  return { tone: "error", title: result.error };
}
