import type { IncomingMessage, ServerResponse } from "node:http";
import { actionBodyLimitBytes, actionBodyLimitLabel, megabytes } from "@/lib/core/request-limits";

/**
 * Next.js answers a server action whose body is over its size limit with a 500 (and the
 * browser shows an error page). A request that announces a larger body is refused here
 * first, before any of it is read: a 413 that says what the limit is.
 */
export function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || req.headers["next-action"] === undefined) return false;
  const length = Number(req.headers["content-length"]);
  if (!(length > actionBodyLimitBytes)) return false;
  res.writeHead(413, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    Connection: "close",
  });
  res.end(`The upload is ${megabytes(length)}; an upload can be at most ${actionBodyLimitLabel}.\n`);
  return true;
}
