"use client";

import type { ActionFailure } from "@/lib/http/result";
import { isNetworkFailure, networkFailure, networkFailureMessage } from "./network-failure";
import { showToast } from "./toast";

/**
 * Runs a server action call, and when the network fails keeps the page (instead of the
 * "This page couldn't load" boundary): it answers a failure carrying the typed values
 * and shows a toast with Retry, which calls `retry`. Other errors are rethrown.
 *
 *   const result = await callAction(() => saveAction(prev, form), { form, retry: () => submit(form) });
 */
export async function callAction<R>(
  run: () => Promise<R>,
  options: { form?: FormData; retry?: () => void; key?: string } = {},
): Promise<R | ActionFailure> {
  try {
    return await run();
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    showToast({
      tone: "error",
      title: networkFailureMessage,
      key: options.key,
      action: options.retry ? { label: "Retry", onClick: options.retry } : undefined,
    });
    return networkFailure(options.form);
  }
}
