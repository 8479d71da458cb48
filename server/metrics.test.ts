import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobs, outboxEmails } from "@/db/schema";
import { queueSnapshot } from "@/lib/jobs/queue-snapshot";
import { trackingUrls } from "@/lib/tracking/token";
import { inRollback, ready } from "@/test/db";
import { makeTrackedLineItem, makeTrackingPublisher, type TrackingPublisher } from "@/test/fixtures/tracking";
import { createMetrics, createMetricsHandler, routeGroup } from "./metrics";
import { createTracking, type Tracking } from "./tracking";

const token = "metrics-token-for-tests";
let fx: TrackingPublisher;
let server: Server;
let tracking: Tracking;
let base: string;
const queues = {
  jobsDue: 3,
  jobsLagSeconds: 42.5,
  jobsRunning: 1,
  jobsFailed: 2,
  emailsPending: 4,
  emailsFailed: 0,
};

beforeAll(async () => {
  await ready();
  fx = await makeTrackingPublisher(db);
  const metrics = createMetrics(async () => queues);
  tracking = createTracking({ onHit: metrics.hit, onBatch: metrics.batch });
  const handleMetrics = createMetricsHandler(metrics, token, () => {});
  server = createServer((req, res) => {
    const started = performance.now();
    res.once("finish", () =>
      metrics.request(
        routeGroup(req),
        req.method ?? "GET",
        res.statusCode,
        (performance.now() - started) / 1000,
      ),
    );
    if (tracking.handle(req, res)) return;
    if (handleMetrics(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await tracking.close();
  await fx?.remove();
});

const scrape = (headers: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
  fetch(`${base}/metrics`, { headers });

/** The value of one series in a Prometheus text exposition. */
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("is refused without the token (401) and does not exist without METRICS_TOKEN (404)", async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ Authorization: "Bearer wrong" })).status).toBe(401);
    const off = createMetricsHandler(
      createMetrics(async () => queues),
      undefined,
      () => {},
    );
    const offServer = createServer((req, res) => void off(req, res));
    await new Promise<void>((resolve) => offServer.listen(0, "127.0.0.1", resolve));
    const offBase = `http://127.0.0.1:${(offServer.address() as AddressInfo).port}`;
    expect(
      (await fetch(`${offBase}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(404);
    await new Promise((resolve) => offServer.close(resolve));
  });

  it("counts tracking hits counted and not counted, batches, requests by group, and the queues", async () => {
    const live = await makeTrackedLineItem(db, fx);
    const pending = await makeTrackedLineItem(db, fx, { reviewStatus: "pending" });
    for (let i = 0; i < 3; i++)
      expect((await fetch(trackingUrls(base, live.lineItemId, live.creativeId).impressionPixel)).status).toBe(
        200,
      );
    expect(
      (await fetch(trackingUrls(base, pending.lineItemId, pending.creativeId).impressionPixel)).status,
    ).toBe(200);

    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(value(text, 'addesk_tracking_hits_total{kind="impression",outcome="counted",reason=""}')).toBe(3);
    expect(
      value(
        text,
        'addesk_tracking_hits_total{kind="impression",outcome="not_counted",reason="creative_pending"}',
      ),
    ).toBe(1);
    expect(value(text, "addesk_tracking_batch_hits_sum")).toBe(4);
    expect(value(text, "addesk_tracking_batch_commit_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(value(text, 'addesk_http_requests_total{group="tracking",method="GET",status="2xx"}')).toBe(4);
    expect(value(text, 'addesk_http_request_duration_seconds_count{group="tracking"}')).toBe(4);
    expect(value(text, "addesk_jobs_due")).toBe(3);
    expect(value(text, "addesk_jobs_lag_seconds")).toBe(42.5);
    expect(value(text, "addesk_jobs_failed")).toBe(2);
    expect(value(text, "addesk_emails_pending")).toBe(4);
    expect(text).toContain("addesk_process_resident_memory_bytes");
  });
});

describe("queueSnapshot", () => {
  it("reads due jobs, their lag, failed jobs and unsent emails from the database", async () => {
    await inRollback(async (tx) => {
      const now = new Date("2031-05-01T12:00:00Z");
      const before = await queueSnapshot(tx, now);
      await tx.insert(jobs).values([
        { kind: "x", uniqueKey: "snap:1", runAt: new Date("2031-05-01T11:59:00Z") },
        { kind: "x", uniqueKey: "snap:2", runAt: new Date("2031-05-01T13:00:00Z") },
        { kind: "x", uniqueKey: "snap:3", status: "failed", lastError: "boom" },
      ]);
      await tx.insert(outboxEmails).values({ to: "a@b.test", subject: "s", text: "t" });
      const after = await queueSnapshot(tx, now);
      expect(after.jobsDue - before.jobsDue).toBe(1);
      expect(after.jobsFailed - before.jobsFailed).toBe(1);
      expect(after.emailsPending - before.emailsPending).toBe(1);
      expect(after.jobsLagSeconds).toBeGreaterThanOrEqual(60);
    });
  });
});
