import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { BatchInfo, RecordResult } from "@/lib/tracking/delivery-batcher";
import type { TrackingKind } from "@/lib/tracking/token";

/**
 * The process's Prometheus metrics (prom-client), served at `/metrics` by the custom server.
 * Counters are bumped where things happen (requests in server.ts, hits and batches in the
 * tracking endpoints); the queue gauges are read from the database on each scrape.
 */
export type QueueSnapshot = {
  jobsDue: number;
  jobsLagSeconds: number;
  jobsRunning: number;
  jobsFailed: number;
  emailsPending: number;
  emailsFailed: number;
};

export function createMetrics(readQueues: () => Promise<QueueSnapshot>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "addesk_" });
  const requests = new Counter({
    name: "addesk_http_requests_total",
    help: "HTTP requests answered, by route group, method and status class.",
    labelNames: ["group", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "addesk_http_request_duration_seconds",
    help: "Time from request to the end of the response, by route group.",
    labelNames: ["group"] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const hits = new Counter({
    name: "addesk_tracking_hits_total",
    help: "Tracking hits recorded: outcome counted, not_counted (with the reason) or unknown (no such ad).",
    labelNames: ["kind", "outcome", "reason"] as const,
    registers: [registry],
  });
  const batchHits = new Histogram({
    name: "addesk_tracking_batch_hits",
    help: "Hits committed per delivery batch (one statement each).",
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [registry],
  });
  const batchSeconds = new Histogram({
    name: "addesk_tracking_batch_commit_seconds",
    help: "Time to commit one delivery batch.",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const gauge = (name: string, help: string, read: (q: QueueSnapshot) => number) => ({ name, help, read });
  const queueGauges = [
    gauge("addesk_jobs_due", "Jobs due to run now and not yet claimed.", (q) => q.jobsDue),
    gauge(
      "addesk_jobs_lag_seconds",
      "How long the oldest due job has waited past its run time.",
      (q) => q.jobsLagSeconds,
    ),
    gauge("addesk_jobs_running", "Jobs claimed by a worker right now.", (q) => q.jobsRunning),
    gauge(
      "addesk_jobs_failed",
      "Jobs that used up their attempts and wait for someone (staff page: Operations).",
      (q) => q.jobsFailed,
    ),
    gauge("addesk_emails_pending", "Emails in the outbox not yet handed to SMTP.", (q) => q.emailsPending),
    gauge("addesk_emails_failed", "Emails the outbox gave up on.", (q) => q.emailsFailed),
  ].map(({ name, help, read }) => [new Gauge({ name, help, registers: [registry] }), read] as const);

  // Cached label children: the tracking path does a map lookup and an add, nothing more.
  const hitChildren = new Map<string, Counter.Internal>();
  return {
    registry,
    request(group: string, method: string, status: number, seconds: number) {
      requests.inc({ group, method, status: `${Math.floor(status / 100)}xx` });
      latency.observe({ group }, seconds);
    },
    hit(kind: TrackingKind, result: RecordResult) {
      const outcome = result.counted ? "counted" : result.reason === "unknown" ? "unknown" : "not_counted";
      const reason = result.counted || result.reason === "unknown" ? "" : result.reason;
      const key = `${kind}|${outcome}|${reason}`;
      let child = hitChildren.get(key);
      if (!child) {
        child = hits.labels({ kind, outcome, reason });
        hitChildren.set(key, child);
      }
      child.inc();
    },
    batch(info: BatchInfo) {
      batchHits.observe(info.hits);
      batchSeconds.observe(info.ms / 1000);
    },
    async render(): Promise<string> {
      const queues = await readQueues();
      for (const [g, read] of queueGauges) g.set(read(queues));
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** A bounded set of labels for a request path, so the series stay few. */
export function routeGroup(req: IncomingMessage): string {
  const url = req.url ?? "/";
  if (url.startsWith("/t/")) return "tracking";
  if (url.startsWith("/s/")) return "serving";
  if (url.startsWith("/_next/")) return "static";
  if (url.startsWith("/api/v1")) return "api";
  if (url.startsWith("/api/auth")) return "auth";
  if (url.startsWith("/api/")) return "routes";
  if (url === "/healthz" || url === "/readyz" || url === "/metrics") return "ops";
  if (req.method === "POST" && req.headers["next-action"]) return "action";
  if (url.startsWith("/publisher")) return "publisher";
  if (url.startsWith("/advertiser")) return "advertiser";
  return "public";
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` with `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN set
 * the endpoint does not exist (404); a missing or wrong token is 401.
 */
export function createMetricsHandler(
  metrics: Metrics,
  token: string | undefined,
  onError: (error: unknown) => void,
) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.url?.split("?")[0] !== "/metrics") return false;
    if (!token) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return true;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer || !sameToken(bearer, token)) {
      res
        .writeHead(401, {
          "Content-Type": "text/plain; charset=utf-8",
          "WWW-Authenticate": 'Bearer realm="metrics"',
        })
        .end("Unauthorized");
      return true;
    }
    if (req.method !== "GET") {
      res.writeHead(405, { Allow: "GET" }).end();
      return true;
    }
    metrics
      .render()
      .then((text) => {
        res.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" });
        res.end(text);
      })
      .catch((error: unknown) => {
        onError(error);
        res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" }).end("Metrics unavailable");
      });
    return true;
  };
}
