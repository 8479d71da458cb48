import type { IncomingMessage, ServerResponse } from "node:http";

export type ReadinessChecks = {
  /** Resolves when the database answers. */
  database: () => Promise<void>;
  /** Whether every committed migration is applied. */
  migrationsApplied: () => Promise<boolean>;
  /** "off" when this instance runs no scheduler (JOBS_INTERVAL_MS=0). */
  jobRunner: () => "alive" | "stalled" | "off";
};

const checkTimeoutMs = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

function reply(res: ServerResponse, status: number, body: unknown, head: boolean) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(head ? undefined : JSON.stringify(body));
}

/**
 * `GET /healthz`: the process is up and answering (for a liveness probe: restart it if not).
 * `GET /readyz`: the database answers, its migrations are applied and the job runner is
 * alive (for a load balancer: send it traffic only if so); 503 with the failing checks if not.
 * Answered by the custom server before Next.js, like /t/, so they work even when Next is busy.
 */
export function createHealthHandler(checks: ReadinessChecks) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url?.split("?")[0];
    if (url !== "/healthz" && url !== "/readyz") return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return true;
    }
    const head = req.method === "HEAD";
    if (url === "/healthz") {
      reply(res, 200, { status: "ok" }, head);
      return true;
    }
    void (async () => {
      const result: Record<string, string> = {};
      try {
        await within(checks.database(), checkTimeoutMs);
        result.database = "ok";
        result.migrations = (await within(checks.migrationsApplied(), checkTimeoutMs)) ? "ok" : "pending";
      } catch {
        result.database = "unreachable";
      }
      result.jobs = checks.jobRunner();
      const ready = result.database === "ok" && result.migrations === "ok" && result.jobs !== "stalled";
      reply(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks: result }, head);
    })();
    return true;
  };
}
