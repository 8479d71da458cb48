"use client";

import { useEffect } from "react";
import type { ActionState } from "@/lib/actions/result";
import { actionResultToast } from "./action-toast";
import { useToast } from "./toast";

/**
 * Toasts each new result of a useActionState action:
 *
 *   const [state, formAction] = useActionState(createOrder, null);
 *   useActionToast(state, "Order created");
 */
export function useActionToast(state: ActionState, successMessage?: string) {
  const { toast } = useToast();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one toast per new result, not per message change
  useEffect(() => {
    const input = actionResultToast(state, successMessage);
    if (input) toast(input);
  }, [state, toast]);
}
