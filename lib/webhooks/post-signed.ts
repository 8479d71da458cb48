import { signatureHeader, signWebhookBody } from "./webhook-signature";

export type SignedPostAnswer = {
  /** The HTTP status, or null when nothing answered. */
  status: number | null;
  ms: number;
  /** Why the call failed (non-2xx, unreachable, timed out), for people to read; null on 2xx. */
  error: string | null;
  /** The answer's text when asked for (`readAnswerBytes`), cut at that many bytes. */
  text: string | null;
};

/** Reads at most `limit` bytes of the answer, so a receiver sending gigabytes cannot fill memory. */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}

/**
 * POSTs `body` signed with `secret` at `now` (the X-AdDesk-Signature header, README
 * "Webhooks") and reports what happened instead of throwing: used by webhook deliveries and
 * ad server syncs, always outside a transaction (the jobs runner's OutsideJobHandler).
 */
export async function postSigned(
  url: string,
  {
    body,
    secret,
    now,
    headers = {},
    timeoutMs,
    readAnswerBytes = 0,
  }: {
    body: string;
    secret: string;
    now: Date;
    headers?: Record<string, string>;
    timeoutMs: number;
    readAnswerBytes?: number;
  },
): Promise<SignedPostAnswer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        ...headers,
        [signatureHeader]: signWebhookBody(secret, body, now),
      },
      redirect: "manual",
      signal,
    });
    const text = readAnswerBytes > 0 ? await readCapped(response, readAnswerBytes) : null;
    if (readAnswerBytes === 0) await response.body?.cancel();
    const ms = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return {
      status: response.status,
      ms,
      error: ok ? null : `The receiver answered ${response.status}.`,
      text,
    };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const timedOut = signal.aborted || (error instanceof Error && error.name === "TimeoutError");
    const reason = timedOut
      ? `No answer within ${timeoutMs / 1000} s.`
      : `Could not reach the receiver: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`;
    return { status: null, ms, error: reason.slice(0, 500), text: null };
  }
}
